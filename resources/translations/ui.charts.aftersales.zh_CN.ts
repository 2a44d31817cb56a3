<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AftersalesChartsWidget</name>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Mid/bad reviews</source>
        <translation>中差评</translation>
    </message>
    <message>
        <source>Cases per month</source>
        <translation>每月售后案例</translation>
    </message>
    <message>
        <source>Time to first response (hours)</source>
        <translation>首次响应用时（小时）</translation>
    </message>
    <message>
        <source>median %1 h · %2% within %3 h</source>
        <translation>中位数 %1 小时 · %2% 在 %3 小时内</translation>
    </message>
    <message>
        <source>Review rescue rate %1</source>
        <translation>中差评挽回率 %1</translation>
    </message>
    <message>
        <source>Complaint compensation</source>
        <translation>投诉补偿</translation>
    </message>
    <message>
        <source>Review offers</source>
        <translation>评价补偿</translation>
    </message>
    <message>
        <source>Compensation spent per month (¥)</source>
        <translation>每月补偿支出（元）</translation>
    </message>
    <message>
        <source>No data in this period</source>
        <translation>此期间没有数据</translation>
    </message>
</context>
</TS>
