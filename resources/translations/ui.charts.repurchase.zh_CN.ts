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
</context>
<context>
    <name>CohortChart</name>
    <message>
        <source>Repurchase within 30/60/90 days</source>
        <translation>30/60/90 天复购率</translation>
    </message>
    <message>
        <source>Customers whose first purchase falls in the month: share with a second purchase day within 30, 60 or 90 days. Hatched with “…” = the window is still open (not final, left out of the colours).</source>
        <translation>首次购买在该月的客户中，30、60、90 天内有第二个购买日的比例。带斜线和“…”的格子：窗口尚未结束（不是最终数字，不参与着色）。</translation>
    </message>
    <message>
        <source>No first purchases in this range</source>
        <translation>这段时间没有首次购买</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 cohort, %2 customers: %3 bought again within %4 days (%5)%6</source>
        <translation>%1 首购客户 %2 人：%3 人在 %4 天内再次购买（%5）%6</translation>
    </message>
    <message>
        <source>window still open</source>
        <translation>观察期未结束</translation>
    </message>
    <message>
        <source>First bought in %1, back within %2 days</source>
        <translation>%1 首购、%2 天内复购</translation>
    </message>
    <message>
        <source>First-purchase month</source>
        <translation>首购月份</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Back within %1 days</source>
        <translation>%1 天内复购</translation>
    </message>
    <message>
        <source>Rate %1 days</source>
        <translation>%1 天复购率</translation>
    </message>
    <message>
        <source>%1-day window over</source>
        <translation>%1 天观察期已结束</translation>
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
    <name>IntervalChart</name>
    <message>
        <source>Repurchase interval</source>
        <translation>回购周期</translation>
    </message>
    <message>
        <source>Days between two consecutive purchase days of a customer, counted where the later one is in the range; the line is the median.</source>
        <translation>同一客户相邻两个购买日相隔的天数（后一次在所选时间内）；虚线为中位数。</translation>
    </message>
    <message>
        <source>No repurchases in this range</source>
        <translation>这段时间没有复购</translation>
    </message>
    <message>
        <source>%1 days: %2 repurchases</source>
        <translation>%1 天：%2 次复购</translation>
    </message>
    <message>
        <source>Came back after %1 days</source>
        <translation>相隔 %1 天回购</translation>
    </message>
    <message>
        <source>median %1 days</source>
        <translation>中位数 %1 天</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>25th percentile</source>
        <translation>25% 分位数</translation>
    </message>
    <message>
        <source>75th percentile</source>
        <translation>75% 分位数</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均值</translation>
    </message>
    <message>
        <source>intervals</source>
        <translation>间隔数</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Repurchases</source>
        <translation>复购次数</translation>
    </message>
</context>
<context>
    <name>ProductIntervalChart</name>
    <message>
        <source>Repurchase interval by product</source>
        <translation>各商品回购周期</translation>
    </message>
    <message>
        <source>Median days between two purchase days of the same product by the same customer; the dot is the product&apos;s set usage cycle.</source>
        <translation>同一客户两次购买同一商品相隔天数的中位数；圆点为商品设定的使用周期。</translation>
    </message>
    <message>
        <source>No product was bought twice by one customer in this range</source>
        <translation>这段时间没有客户重复购买同一商品</translation>
    </message>
    <message>
        <source>%1: median %2 days over %3 repurchases; cycle %4</source>
        <translation>%1：%3 次复购，中位数 %2 天；使用周期 %4</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Repurchases</source>
        <translation>复购次数</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>中位天数</translation>
    </message>
    <message>
        <source>Set cycle (days)</source>
        <translation>设定周期（天）</translation>
    </message>
</context>
<context>
    <name>PurchaseCountChart</name>
    <message>
        <source>Purchase-count curve and magic number</source>
        <translation>购买次数曲线与复购魔法数字</translation>
    </message>
    <message>
        <source>no buyers in this range</source>
        <translation>此范围内没有购买客户</translation>
    </message>
    <message>
        <source>fewer than 2 points have %1 customers</source>
        <translation>不足 2 个点达到 %1 位客户</translation>
    </message>
    <message>
        <source>the curve is flat from the first purchase</source>
        <translation>曲线从首次购买起就是平的</translation>
    </message>
    <message>
        <source>the counted points have not settled</source>
        <translation>计入的点尚未趋于平稳</translation>
    </message>
    <message>
        <source>No magic number yet: %1</source>
        <translation>暂无魔法数字：%1</translation>
    </message>
    <message>
        <source>Of the customers with at least k purchase days in the range, the share who reach k+1. A point counts only when %1 or more customers reached k (hollow points have fewer and decide nothing). The magic number is the smallest k from which no counted point rises more than %2 points above it.</source>
        <translation>范围内至少有 k 个购买日的客户中，达到 k+1 个的比例。只有达到 k 的客户不少于 %1 位时该点才计入（空心点客户太少，不参与判断）。魔法数字是最小的 k：从它起没有任何计入的点比它高出 %2 个百分点以上。</translation>
    </message>
    <message>
        <source>Too few buyers for a curve</source>
        <translation>购买客户太少，无法画出曲线</translation>
    </message>
    <message>
        <source>counted (%1+ customers)</source>
        <translation>计入（%1 位客户以上）</translation>
    </message>
    <message>
        <source>too few customers</source>
        <translation>客户太少</translation>
    </message>
    <message>
        <source>too few customers to count</source>
        <translation>客户太少，不计入</translation>
    </message>
    <message>
        <source>%1 of %2 customers with %3+ purchase days reached %4 (%5)</source>
        <translation>购买日 ≥ %3 的 %2 位客户中，%1 位达到 %4 个（%5）</translation>
    </message>
    <message>
        <source>Customers with %1+ purchase days</source>
        <translation>购买日 ≥ %1 的客户</translation>
    </message>
    <message>
        <source>magic number %1</source>
        <translation>魔法数字 %1</translation>
    </message>
    <message>
        <source>k (purchase days)</source>
        <translation>k（购买日数）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>magic number</source>
        <translation>魔法数字</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>Customers with ≥ k</source>
        <translation>购买日 ≥ k 的客户</translation>
    </message>
    <message>
        <source>Customers with ≥ k+1</source>
        <translation>购买日 ≥ k+1 的客户</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>计入</translation>
    </message>
</context>
<context>
    <name>RepeatRateChart</name>
    <message>
        <source>Repeat rate by month</source>
        <translation>每月复购率</translation>
    </message>
    <message>
        <source>Solid: share of the month&apos;s buyers with 2+ purchase days in that month. Dashed: share who buy again the next month (hollow = next month not over yet).</source>
        <translation>实线：当月购买客户中当月有 2 个以上购买日的比例。虚线：次月再次购买的比例（空心点 = 次月尚未结束）。</translation>
    </message>
    <message>
        <source>Repeat rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>%1: %2 of %3 buyers bought on 2+ days (%4)</source>
        <translation>%1：%3 位购买客户中 %2 位有 2 个以上购买日（%4）</translation>
    </message>
    <message>
        <source>Repeat buyers of %1</source>
        <translation>%1 的复购客户</translation>
    </message>
    <message>
        <source>Next-month rate</source>
        <translation>次月复购率</translation>
    </message>
    <message>
        <source>%1: %2 of %3 buyers bought again the next month (%4)</source>
        <translation>%1：%3 位购买客户中 %2 位次月再次购买（%4）</translation>
    </message>
    <message>
        <source>Buyers of %1 who came back the next month</source>
        <translation>%1 购买且次月回购的客户</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>购买客户</translation>
    </message>
    <message>
        <source>Repeat buyers</source>
        <translation>复购客户</translation>
    </message>
    <message>
        <source>Came back next month</source>
        <translation>次月回购</translation>
    </message>
    <message>
        <source>Next month over</source>
        <translation>次月已结束</translation>
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
</TS>
