<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerMarketingWidget</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Member level</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <source>Unused coupons</source>
        <translation>未使用的优惠券</translation>
    </message>
    <message>
        <source>Times marketed</source>
        <translation>营销次数</translation>
    </message>
    <message>
        <source>Times responded (response rate)</source>
        <translation>响应次数（响应率）</translation>
    </message>
    <message>
        <source>Last marketed</source>
        <translation>最近营销</translation>
    </message>
</context>
</TS>
