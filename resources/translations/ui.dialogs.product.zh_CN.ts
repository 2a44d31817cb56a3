<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ProductDialog</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>价格：</translation>
    </message>
    <message>
        <source>Usage cycle:</source>
        <translation>使用周期：</translation>
    </message>
    <message>
        <source>Use suggestion</source>
        <translation>采用建议</translation>
    </message>
    <message>
        <source>Remind before run-out:</source>
        <translation>提前提醒：</translation>
    </message>
    <message>
        <source>Seller code (SKU):</source>
        <translation>商家编码：</translation>
    </message>
    <message>
        <source>The usage cycle is how long one unit lasts (a 30-piece mask box ≈ 30 days). Repurchase reminders fall due that many days after a purchase, minus the lead time.</source>
        <translation>使用周期是一件商品能用多久（一盒 30 片面膜约 30 天）。复购提醒在购买后这么多天、再提前所设天数时到期。</translation>
    </message>
    <message>
        <source>No suggestion yet: it needs customers who bought this product at least twice.</source>
        <translation>暂无建议：需要有顾客购买过此商品至少两次。</translation>
    </message>
    <message>
        <source>Suggested from the order history: %1 days per unit (from %2 repurchase intervals).</source>
        <translation>根据订单历史建议：每件 %1 天（基于 %2 次回购间隔）。</translation>
    </message>
    <message>
        <source>Not confirmed yet: save with this cycle to confirm it.</source>
        <translation>尚未确认：以此周期保存即确认。</translation>
    </message>
</context>
</TS>
