<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ThresholdSettingsSection</name>
    <message>
        <source>Customer segments and privacy</source>
        <translation>客户分群与隐私</translation>
    </message>
    <message>
        <source>RFM: a buyer is recent when the last purchase is at most R days ago, frequent from F purchase days, high-spending from M. Lifecycle: churned after the multiplier × the longer of the usual interval and the cycle of the last purchase (the default days when neither is known, never below the minimum); dormant past the fraction.</source>
        <translation>RFM：最近一次购买在 R 天以内为“近”，购买日达到 F 个为“高频”，消费达到 M 为“高消费”。客户阶段：超过“倍数 × 常用回购间隔与最近所购商品周期中较长者”即为流失（两者都未知时用默认天数，且不少于最少天数）；超过该阈值的一定比例即为沉睡。</translation>
    </message>
    <message>
        <source>the median spend of the buyers</source>
        <translation>购买客户消费额的中位数</translation>
    </message>
    <message>
        <source>R: recent within (days)</source>
        <translation>R：最近购买在（天）以内</translation>
    </message>
    <message>
        <source>F: frequent from (purchase days)</source>
        <translation>F：高频起点（购买日数）</translation>
    </message>
    <message>
        <source>M: high spend from (yuan)</source>
        <translation>M：高消费起点（元）</translation>
    </message>
    <message>
        <source>Loyal from (purchase days)</source>
        <translation>忠诚客户起点（购买日数）</translation>
    </message>
    <message>
        <source>…or from a spend of (yuan)</source>
        <translation>…或累计消费达到（元）</translation>
    </message>
    <message>
        <source>Churned after (× cycle)</source>
        <translation>流失阈值（× 周期）</translation>
    </message>
    <message>
        <source>Churned after, nothing known (days)</source>
        <translation>无周期信息时的流失天数</translation>
    </message>
    <message>
        <source>Churn threshold at least (days)</source>
        <translation>流失阈值至少（天）</translation>
    </message>
    <message>
        <source>Dormant past (share of the threshold)</source>
        <translation>沉睡起点（占流失阈值的比例）</translation>
    </message>
    <message>
        <source>Use the book&apos;s suggestion</source>
        <translation>采用根据账本的建议值</translation>
    </message>
    <message>
        <source>R and the churn default from twice the book&apos;s median repurchase interval, loyal from the top quarter of repeat buyers</source>
        <translation>R 和默认流失天数取账本回购间隔中位数的两倍，忠诚客户起点取复购客户中前四分之一的水平</translation>
    </message>
    <message>
        <source>Save thresholds</source>
        <translation>保存阈值</translation>
    </message>
    <message>
        <source>Mask phone numbers on screen and in exports (138****8000)</source>
        <translation>在屏幕和导出文件中隐藏手机号中间四位（138****8000）</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Median spend: %1</source>
        <translation>消费中位数：%1</translation>
    </message>
    <message>
        <source>With these values, today: %1</source>
        <translation>按这些值，今天：%1</translation>
    </message>
    <message>
        <source>RFM: %1</source>
        <translation>RFM：%1</translation>
    </message>
    <message>
        <source>Suggested values shown; save to use them.</source>
        <translation>已填入建议值，保存后生效。</translation>
    </message>
    <message>
        <source>Saved; %1 customers changed stage.</source>
        <translation>已保存；%1 位客户的阶段有变化。</translation>
    </message>
</context>
</TS>
