<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerPickerDialog</name>
    <message>
        <source>Choose the other customer</source>
        <translation>选择另一位客户</translation>
    </message>
    <message>
        <source>Name, pinyin initials, phone or tag</source>
        <translation>姓名、拼音首字母、电话或标签</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge two customers</source>
        <translation>合并两位客户</translation>
    </message>
    <message>
        <source>Both records will become one. Every order, note, reminder, case and tag of both is kept; empty fields of the record you keep are filled from the other, and its other phone numbers and IDs are remembered. The book is backed up first.</source>
        <translation>两条记录将合为一条。双方的订单、备注、提醒、售后记录和标签全部保留；保留的记录中空着的字段由另一条补上，另一条的电话和各类 ID 也会记住。合并前会先备份客户本。</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>保留这条</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>真实姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
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
        <source>Buyer ID</source>
        <translation>买家 ID</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>First purchase</source>
        <translation>首次购买</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Total spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
</context>
</TS>
