<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AftersalesSettingsDialog</name>
    <message>
        <source>First response within</source>
        <translation>首次响应时限</translation>
    </message>
    <message>
        <source>Follow-up after compensation</source>
        <translation>补偿后回访</translation>
    </message>
    <message>
        <source>Review change deadline (other platforms)</source>
        <translation>修改评价期限（其他平台）</translation>
    </message>
    <message>
        <source>Check a review before its deadline</source>
        <translation>期限前提前检查评价</translation>
    </message>
    <message>
        <source>Compensation coupons valid for</source>
        <translation>补偿优惠券有效期</translation>
    </message>
    <message>
        <source>After-sales settings</source>
        <translation>售后设置</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Default review offers</source>
        <translation>中差评默认补偿</translation>
    </message>
    <message>
        <source>Mid review</source>
        <translation>中评</translation>
    </message>
    <message>
        <source>Bad review</source>
        <translation>差评</translation>
    </message>
    <message>
        <source>Review change deadline per platform (0 = as other platforms)</source>
        <translation>各平台修改评价期限（0 = 同其他平台）</translation>
    </message>
    <message>
        <source>Review reasons, one per line</source>
        <translation>中差评原因，每行一个</translation>
    </message>
</context>
</TS>
