<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Range: %1 .. %2</source>
        <translation>时间范围：%1 至 %2</translation>
    </message>
    <message>
        <source>Buyers: %1   repeat buyers: %2   repeat rate: %3</source>
        <translation>购买客户：%1   复购客户：%2   复购率：%3</translation>
    </message>
    <message>
        <source>Orders: %1   revenue: %2</source>
        <translation>订单：%1   营收：%2 元</translation>
    </message>
    <message>
        <source>Median repurchase interval: %1 days</source>
        <translation>复购间隔中位数：%1 天</translation>
    </message>
    <message>
        <source>Magic number: %1</source>
        <translation>复购魔法数字：%1</translation>
    </message>
    <message>
        <source>Churned customers: %1</source>
        <translation>流失客户：%1</translation>
    </message>
    <message>
        <source>RFM: %1</source>
        <translation>RFM 分层：%1</translation>
    </message>
    <message>
        <source>Month     revenue      orders  buyers  new  returning  next-month</source>
        <translation>月份            营收    订单    买家 新客       老客    次月复购</translation>
    </message>
    <message>
        <source>(month not over)</source>
        <translation>（本月未结束）</translation>
    </message>
    <message>
        <source>… = not final yet: the next month has not ended</source>
        <translation>… = 尚未定论：下个月还没结束</translation>
    </message>
    <message>
        <source>no buyers in the range</source>
        <translation>所选时间内没有购买客户</translation>
    </message>
    <message>
        <source>fewer than 2 points of the curve have %1 customers</source>
        <translation>曲线上达到 %1 位客户的点不足 2 个</translation>
    </message>
    <message>
        <source>the curve is flat from the first purchase</source>
        <translation>曲线从首次购买起就是平的</translation>
    </message>
    <message>
        <source>the curve has not flattened</source>
        <translation>曲线还没有变平</translation>
    </message>
    <message>
        <source>none yet (%1)</source>
        <translation>暂无（%1）</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
</context>
</TS>
