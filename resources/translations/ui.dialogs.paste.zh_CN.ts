<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PasteDialog</name>
    <message>
        <source>Paste from chat</source>
        <translation>粘贴识别</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>消息：</translation>
    </message>
    <message>
        <source>Paste the buyer&apos;s message here</source>
        <translation>把买家发来的消息粘贴到这里</translation>
    </message>
    <message>
        <source>Fields with an orange frame were guessed: please check them.</source>
        <translation>橙色框的内容是猜的，请核对。</translation>
    </message>
    <message>
        <source>Then open a new order with these items</source>
        <translation>接着用这些商品新建订单</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
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
        <source>Amount (yuan):</source>
        <translation>金额（元）：</translation>
    </message>
    <message>
        <source>Several numbers: separate with a comma</source>
        <translation>多个号码用逗号隔开</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <source>Not sure: please check</source>
        <translation>不确定，请核对</translation>
    </message>
    <message>
        <source>A masked phone number cannot find a customer: a new customer will be created.</source>
        <translation>打码的手机号无法找到客户：将新建客户。</translation>
    </message>
    <message>
        <source>No customer has this phone: a new customer will be created.</source>
        <translation>没有客户使用这个电话：将新建客户。</translation>
    </message>
    <message>
        <source>Existing customer: %1 (%2).</source>
        <translation>已有客户：%1（%2）。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Update their address (now: %1)</source>
        <translation>更新此客户的地址（现在：%1）</translation>
    </message>
</context>
</TS>
