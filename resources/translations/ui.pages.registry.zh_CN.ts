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
        <source>track complaints through the five handling steps and mid or bad reviews with their contact attempts, offers, outcome and the platform&apos;s deadline for a revised review.</source>
        <translation>按五个处理步骤跟进投诉；记录中差评的联系尝试、补偿方案、结果以及平台允许修改评价的截止日期。</translation>
    </message>
    <message>
        <source>chart revenue, buyers, the repeat purchase rate, repurchase intervals, the magic number, new versus returning customers, regions and RFM segments for any date range.</source>
        <translation>按任意日期范围绘制销售额、购买人数、复购率、回购周期、复购魔法数字、新老客户、地区分布和 RFM 分群图表。</translation>
    </message>
    <message>
        <source>pick a customer segment, write a message from a template, plan a campaign, and report who was contacted, who answered and who bought; also points, coupons and member levels.</source>
        <translation>选择客户分群，用模板写好话术，安排营销活动，并统计联系了谁、谁回复了、谁下了单；还有积分、优惠券和会员等级。</translation>
    </message>
</context>
</TS>
