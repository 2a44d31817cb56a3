<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Navigation</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>PageDescriptions</name>
    <message>
        <source>pick a customer segment, write a message from a template, plan a campaign, and report who was contacted, who answered and who bought; also points, coupons and member levels.</source>
        <translation>选择客户分群，用模板写好话术，安排营销活动，并统计联系了谁、谁回复了、谁下了单；还有积分、优惠券和会员等级。</translation>
    </message>
</context>
</TS>
