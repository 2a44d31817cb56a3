<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Name / nickname</source>
        <translation>称呼 / 昵称</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>真实姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>Platform buyer ID</source>
        <translation>平台买家账号</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Birth month</source>
        <translation>生日月份</translation>
    </message>
    <message>
        <source>Birth day</source>
        <translation>生日日期</translation>
    </message>
    <message>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>Came from</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>介绍人</translation>
    </message>
    <message>
        <source>How to talk</source>
        <translation>沟通注意</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <source>Risk buyer</source>
        <translation>风险买家</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Someone else saved this first</source>
        <translation>别人先保存了</translation>
    </message>
    <message>
        <source>While you were editing %1, someone else saved it. Nothing has been overwritten. Below are the fields where the two versions differ: pick the value to keep in each row, or keep one version whole.</source>
        <translation>你在编辑 %1 的时候，别人已经保存了这位客户。什么都没有被覆盖。下面列出两个版本不一样的地方：每一行选要保留的值，或者整份保留其中一个版本。</translation>
    </message>
    <message>
        <source>Fields in bold were changed by both of you.</source>
        <translation>加粗的项目是你们两人都改过的。</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>保留对方的</translation>
    </message>
    <message>
        <source>Save the chosen values</source>
        <translation>按所选保存</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>你的版本</translation>
    </message>
    <message>
        <source>Saved by someone else</source>
        <translation>别人保存的版本</translation>
    </message>
    <message>
        <source>Both of you changed this field</source>
        <translation>你们两人都改了这一项</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
</TS>
