<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReminderSettingsWidget</name>
    <message>
        <source>Reminders and messages</source>
        <translation>提醒与消息模板</translation>
    </message>
    <message>
        <source>as the first page</source>
        <translation>作为首页</translation>
    </message>
    <message>
        <source>in a dialog over the window</source>
        <translation>以弹窗显示</translation>
    </message>
    <message>
        <source>Show Today at start:</source>
        <translation>启动时显示今日待办：</translation>
    </message>
    <message>
        <source>Language of the messages:</source>
        <translation>消息语言：</translation>
    </message>
    <message>
        <source>Drop tasks overdue by more than (days):</source>
        <translation>逾期超过（天）的任务自动过期：</translation>
    </message>
    <message>
        <source>Drop unpaid-order reminders and notices (shipped, signed for, closed order, refund) after (days):</source>
        <translation>催付和通知类任务（已发货、已签收、订单关闭、退款）保留（天）：</translation>
    </message>
    <message>
        <source>Birthday wishes stay in the list for (days from the birthday):</source>
        <translation>生日祝福从生日当天起保留（天）：</translation>
    </message>
    <message>
        <source>loyal customers:</source>
        <translation>忠诚客户：</translation>
    </message>
    <message>
        <source>At most one marketing message every (days):</source>
        <translation>营销消息最多每隔（天）：</translation>
    </message>
    <message>
        <source>Days:</source>
        <translation>天数：</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Back to our text</source>
        <translation>恢复默认文案</translation>
    </message>
    <message>
        <source>Suggested product cycles (from at least 5 real repurchase intervals)</source>
        <translation>建议的商品周期（至少 5 次真实回购间隔）</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Cycle now</source>
        <translation>当前周期</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>建议周期</translation>
    </message>
    <message>
        <source>Intervals</source>
        <translation>间隔数</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Adopt the suggestion</source>
        <translation>采用建议周期</translation>
    </message>
</context>
</TS>
