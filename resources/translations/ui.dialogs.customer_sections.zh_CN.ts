<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerSections</name>
    <message>
        <source>Contact log</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Every contact with this customer — channel, purpose and result — will be listed here once contacts are recorded from the Today page.</source>
        <translation>在“今日”页记录联系后，与这位客户的每一次联系（渠道、目的、结果）都会列在这里。</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Open reminders for this customer (repurchase, care, birthday) will be listed here.</source>
        <translation>这位客户未完成的提醒（复购、关怀、生日）将列在这里。</translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
</context>
<context>
    <name>PurchasesSection</name>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>客户阶段：</translation>
    </message>
    <message>
        <source>First purchase:</source>
        <translation>首次购买：</translation>
    </message>
    <message>
        <source>Last purchase:</source>
        <translation>最近购买：</translation>
    </message>
    <message>
        <source>Purchase days:</source>
        <translation>购买天数：</translation>
    </message>
    <message>
        <source>Orders:</source>
        <translation>订单数：</translation>
    </message>
    <message>
        <source>Total spend:</source>
        <translation>累计消费：</translation>
    </message>
    <message>
        <source>Average order:</source>
        <translation>客单价：</translation>
    </message>
    <message>
        <source>Usual interval:</source>
        <translation>常见回购间隔：</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <source>Order timeline</source>
        <translation>订单时间线</translation>
    </message>
</context>
</TS>
