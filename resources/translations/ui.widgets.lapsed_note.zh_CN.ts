<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LapsedNote</name>
    <message>
        <source>Show churned customers</source>
        <translation>查看流失客户</translation>
    </message>
    <message>
        <source>Show dormant customers</source>
        <translation>查看沉睡客户</translation>
    </message>
    <message>
        <source>%1 churned</source>
        <translation>%1 位已流失</translation>
    </message>
    <message>
        <source>%1 dormant</source>
        <translation>%1 位沉睡</translation>
    </message>
    <message>
        <source>%1 customers have not bought again for a long time, and their reminders expired: a task long overdue closes by itself, so imported history does not flood this list. Look them over, or win them back with a campaign on the Marketing page.</source>
        <translation>另有 %1的客户很久没有回购了，他们的提醒已经过期：逾期太久的任务会自动关闭，免得导入的历史订单把今日列表塞满。可以查看这些客户，或在“营销”页发起召回活动。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
</TS>
