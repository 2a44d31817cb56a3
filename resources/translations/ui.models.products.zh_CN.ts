<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ProductsModel</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Usage cycle (days)</source>
        <translation>使用周期（天）</translation>
    </message>
    <message>
        <source>Remind days before</source>
        <translation>提前提醒（天）</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1（建议）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Suggested from %1 repurchase intervals in the order history; open the product to confirm it.</source>
        <translation>根据订单历史中 %1 次回购间隔建议；打开商品即可确认。</translation>
    </message>
</context>
</TS>
