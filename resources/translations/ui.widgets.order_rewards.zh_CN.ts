<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>OrderRewardsWidget</name>
    <message>
        <source> points</source>
        <translation> 积分</translation>
    </message>
    <message>
        <source>no coupon</source>
        <translation>不用优惠券</translation>
    </message>
    <message>
        <source>no open coupons</source>
        <translation>没有可用优惠券</translation>
    </message>
    <message>
        <source> (until %1)</source>
        <translation>（%1 前有效）</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>共 %1</translation>
    </message>
    <message>
        <source>of %1 = %2</source>
        <translation>共 %1，抵 %2</translation>
    </message>
</context>
</TS>
