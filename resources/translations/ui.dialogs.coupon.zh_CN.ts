<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CouponDialog</name>
    <message>
        <source>Issue a coupon</source>
        <translation>发放优惠券</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>面额：</translation>
    </message>
    <message>
        <source>For orders of at least:</source>
        <translation>订单满：</translation>
    </message>
    <message>
        <source>Customer pays (% of the price):</source>
        <translation>客户支付（原价的百分比）：</translation>
    </message>
    <message>
        <source>Valid for (days):</source>
        <translation>有效天数：</translation>
    </message>
    <message>
        <source>Reads as:</source>
        <translation>消息里显示为：</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Enter the coupon&apos;s value.</source>
        <translation>请填写优惠券面额。</translation>
    </message>
    <message>
        <source>The threshold must be above the coupon&apos;s value.</source>
        <translation>使用门槛必须高于优惠券面额。</translation>
    </message>
</context>
</TS>
