<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartView</name>
    <message>
        <source>month not over</source>
        <translation>本月未结束</translation>
    </message>
    <message>
        <source>Month over</source>
        <translation>月份已结束</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>NewReturningChart</name>
    <message>
        <source>New and returning buyers</source>
        <translation>新老购买客户</translation>
    </message>
    <message>
        <source>Buyers per month: new = first purchase ever in that month, returning = bought before.</source>
        <translation>每月购买客户：新客 = 当月首次购买，老客 = 以前买过。</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客</translation>
    </message>
    <message>
        <source>Returning</source>
        <translation>老客</translation>
    </message>
    <message>
        <source>%1: %2 new buyers, %3</source>
        <translation>%1：新客 %2 人，%3</translation>
    </message>
    <message>
        <source>New buyers of %1</source>
        <translation>%1 的新客</translation>
    </message>
    <message>
        <source>%1: %2 returning buyers, %3</source>
        <translation>%1：老客 %2 人，%3</translation>
    </message>
    <message>
        <source>Returning buyers of %1</source>
        <translation>%1 的老客</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>New buyers</source>
        <translation>新客数</translation>
    </message>
    <message>
        <source>Returning buyers</source>
        <translation>老客数</translation>
    </message>
    <message>
        <source>New buyers&apos; revenue</source>
        <translation>新客销售额（元）</translation>
    </message>
    <message>
        <source>Returning buyers&apos; revenue</source>
        <translation>老客销售额（元）</translation>
    </message>
</context>
<context>
    <name>ProvinceChart</name>
    <message>
        <source>Buyers by province</source>
        <translation>各省购买客户</translation>
    </message>
    <message>
        <source>Buyers in the range by the province of their address (top 15).</source>
        <translation>所选时间内的购买客户按地址省份统计（前 15）。</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1: %2 buyers, %3</source>
        <translation>%1：%2 位购买客户，%3</translation>
    </message>
    <message>
        <source>Buyers in %1</source>
        <translation>%1 的购买客户</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>购买客户</translation>
    </message>
    <message>
        <source>Revenue (yuan)</source>
        <translation>销售额（元）</translation>
    </message>
</context>
<context>
    <name>RfmChart</name>
    <message>
        <source>RFM segments</source>
        <translation>RFM 客户分层</translation>
    </message>
    <message>
        <source>(the median)</source>
        <translation>（中位数）</translation>
    </message>
    <message>
        <source>Buyers of the range: recent = last purchase ≤ %1 days before %2; frequent = %3+ purchase days; high spend = %4 or more.</source>
        <translation>所选时间内的购买客户：近 = 最后购买距 %2 不超过 %1 天；频 = %3 个以上购买日；高消费 = %4 及以上。</translation>
    </message>
    <message>
        <source>%1: %2 customers (%3)</source>
        <translation>%1：%2 位客户（%3）</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分层</translation>
    </message>
    <message>
        <source>Segment (Chinese)</source>
        <translation>分层（中文）</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
</context>
<context>
    <name>SalesTrendChart</name>
    <message>
        <source>Sales trend</source>
        <translation>销售趋势</translation>
    </message>
    <message>
        <source>Revenue (paid minus refunded) per month over purchases; the line is the average order value.</source>
        <translation>每月销售额（实付减退款，只计有效购买）；折线为客单价。</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>%1: revenue %2, %3 orders, %4 buyers, average order %5</source>
        <translation>%1：销售额 %2，%3 单，%4 位购买客户，客单价 %5</translation>
    </message>
    <message>
        <source>Buyers of %1</source>
        <translation>%1 的购买客户</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Revenue (yuan)</source>
        <translation>销售额（元）</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>购买客户</translation>
    </message>
    <message>
        <source>Average order (yuan)</source>
        <translation>客单价（元）</translation>
    </message>
</context>
<context>
    <name>StageChart</name>
    <message>
        <source>Lifecycle stages and member levels</source>
        <translation>客户阶段与会员等级</translation>
    </message>
    <message>
        <source>All customers today by lifecycle stage, and by member level.</source>
        <translation>今天全部客户按客户阶段和会员等级统计。</translation>
    </message>
    <message>
        <source>No level</source>
        <translation>无等级</translation>
    </message>
    <message>
        <source>No customers yet</source>
        <translation>还没有客户</translation>
    </message>
    <message>
        <source>%1: %2 customers</source>
        <translation>%1：%2 位客户</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <source>Member level</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
</context>
</TS>
