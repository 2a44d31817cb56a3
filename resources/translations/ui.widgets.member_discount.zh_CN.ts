<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MemberDiscountWidget</name>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Put the member discount into the order&apos;s discount</source>
        <translation>把会员折扣填入订单的优惠金额</translation>
    </message>
    <message>
        <source>%1: pays %2 % of the goods → −%3</source>
        <translation>%1：商品按 %2% 计价 → −%3</translation>
    </message>
</context>
</TS>
