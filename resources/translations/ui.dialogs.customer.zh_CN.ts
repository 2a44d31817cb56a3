<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Customer: %1</source>
        <translation>客户：%1</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation>与…合并</translation>
    </message>
    <message>
        <source>Name / nickname:</source>
        <translation>称呼/昵称：</translation>
    </message>
    <message>
        <source>What you call them</source>
        <translation>您怎么称呼对方</translation>
    </message>
    <message>
        <source>Real name:</source>
        <translation>真实姓名：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>11-digit mobile or landline</source>
        <translation>11 位手机号或座机</translation>
    </message>
    <message>
        <source>Paste from chat…</source>
        <translation>粘贴识别…</translation>
    </message>
    <message>
        <source>WeChat ID:</source>
        <translation>微信号：</translation>
    </message>
    <message>
        <source>QQ:</source>
        <translation>QQ：</translation>
    </message>
    <message>
        <source>Platform buyer ID:</source>
        <translation>平台买家 ID：</translation>
    </message>
    <message>
        <source>Taobao/PDD/Douyin name</source>
        <translation>旺旺名/拼多多/抖音昵称</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>邮箱：</translation>
    </message>
    <message>
        <source>Came from:</source>
        <translation>来源渠道：</translation>
    </message>
    <message>
        <source>Referred by:</source>
        <translation>介绍人：</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>省份：</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>城市：</translation>
    </message>
    <message>
        <source>District:</source>
        <translation>区县：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>详细地址：</translation>
    </message>
    <message>
        <source>Postcode:</source>
        <translation>邮编：</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation>生日：</translation>
    </message>
    <message>
        <source>Do not disturb (no marketing)</source>
        <translation>不再打扰（不发营销）</translation>
    </message>
    <message>
        <source>Risk buyer</source>
        <translation>风险买家</translation>
    </message>
    <message>
        <source>Flags:</source>
        <translation>标记：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Personality, how to talk to them</source>
        <translation>性格、沟通注意事项</translation>
    </message>
    <message>
        <source>How to talk:</source>
        <translation>沟通注意：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>The month and day are in the lunar (农历) calendar</source>
        <translation>月和日按农历计算</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>A masked number: kept as shown, not used to find duplicates.</source>
        <translation>这是打码的号码：按原样保存，不用于查找重复客户。</translation>
    </message>
    <message>
        <source>This does not look like a phone number.</source>
        <translation>这看起来不像电话号码。</translation>
    </message>
    <message>
        <source>Warning: %1 already has this phone number.</source>
        <translation>注意：%1 已使用这个电话号码。</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Not saved: someone else saved this customer in the meantime.</source>
        <translation>没有保存：这期间别人已经保存了这位客户。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Save your changes first?</source>
        <translation>先保存您的修改吗？</translation>
    </message>
</context>
</TS>
