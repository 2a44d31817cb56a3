<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalyticsPage</name>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>近 3 个月</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>近 6 个月</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>购买客户</translation>
    </message>
    <message>
        <source>Customers with at least one purchase in the range</source>
        <translation>所选时间内至少购买一次的客户</translation>
    </message>
    <message>
        <source>Repeat purchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>Buyers with 2 or more purchase days ÷ buyers</source>
        <translation>有 2 个以上购买日的客户 ÷ 购买客户</translation>
    </message>
    <message>
        <source>Median repurchase interval</source>
        <translation>回购周期中位数</translation>
    </message>
    <message>
        <source>Median days between two purchase days of a customer</source>
        <translation>同一客户相邻两个购买日相隔天数的中位数</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Paid minus refunded, over purchases</source>
        <translation>有效购买的实付金额减退款</translation>
    </message>
    <message>
        <source>Churned customers</source>
        <translation>流失客户</translation>
    </message>
    <message>
        <source>Customers whose last purchase is past their churn threshold today</source>
        <translation>今天最后一次购买已超过流失阈值的客户</translation>
    </message>
    <message>
        <source>Buyers in the range</source>
        <translation>所选时间内的购买客户</translation>
    </message>
    <message>
        <source>Repeat buyers</source>
        <translation>复购客户</translation>
    </message>
    <message>
        <source>Preparing the charts…</source>
        <translation>正在准备图表…</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Could not compute the figures: %1</source>
        <translation>无法计算：%1</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 to %2, as of %3</source>
        <translation>%1 至 %2，截至 %3</translation>
    </message>
    <message>
        <source>Finding the customers…</source>
        <translation>正在查找客户…</translation>
    </message>
    <message>
        <source>%1: %2 customers</source>
        <translation>%1：%2 位客户</translation>
    </message>
</context>
</TS>
