<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ShopSettingsSection</name>
    <message>
        <source>My shop</source>
        <translation>我的店铺</translation>
    </message>
    <message>
        <source>e.g. Little Bee Farm</source>
        <translation>例如：小蜜蜂农场</translation>
    </message>
    <message>
        <source>Shop name:</source>
        <translation>店铺名称：</translation>
    </message>
    <message>
        <source>Used for {shop} in your messages; while it is empty they say “our shop”.</source>
        <translation>消息里的 {店铺} 会换成这个名称；留空时消息里写“本店”。</translation>
    </message>
    <message>
        <source>Where you sell:</source>
        <translation>销售平台：</translation>
    </message>
    <message>
        <source>Add a time</source>
        <translation>添加时段</translation>
    </message>
    <message>
        <source>Good times to contact customers:</source>
        <translation>适合联系顾客的时段：</translation>
    </message>
    <message>
        <source>tasks a day (the most important first; the rest one click away)</source>
        <translation>项（最要紧的排在前面；其余的点一下就能看到）</translation>
    </message>
    <message>
        <source>Today&apos;s list holds:</source>
        <translation>今天的清单每天列出：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ShopSetupDialog</name>
    <message>
        <source>Welcome — your shop</source>
        <translation>欢迎 —— 您的店铺</translation>
    </message>
    <message>
        <source>Tell Huitouke a little about your shop. Your messages use the shop name, and Today suggests contacts in your good hours, as many as you can handle in a day. You can change all of it later in Settings → My shop.</source>
        <translation>先简单介绍一下您的店铺吧。消息里会用到店铺名称；“今日”会在您方便的时段提醒联系顾客，每天只列出您处理得过来的数量。这些以后都可以在“设置 → 我的店铺”里修改。</translation>
    </message>
    <message>
        <source>Save and start</source>
        <translation>保存并开始</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
</context>
</TS>
