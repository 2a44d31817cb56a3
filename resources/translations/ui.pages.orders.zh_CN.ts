<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>OrdersPage</name>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Order or tracking number, receiver</source>
        <translation>订单号、快递单号、收货人</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>Delete order</source>
        <translation>删除订单</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Customer: %1 ×</source>
        <translation>客户：%1 ×</translation>
    </message>
    <message>
        <source>%1 orders</source>
        <translation>%1 笔订单</translation>
    </message>
    <message>
        <source>Delete orders</source>
        <translation>删除订单</translation>
    </message>
    <message>
        <source>Delete %1 orders? The customers&apos; figures are recalculated.</source>
        <translation>删除 %1 笔订单？客户的统计数据会重新计算。</translation>
    </message>
    <message>
        <source>Merge two products…</source>
        <translation>合并两个商品…</translation>
    </message>
    <message>
        <source>Select two products that are one (say two spellings from different exports) to merge them.</source>
        <translation>选中实为同一商品的两项（例如不同导出文件里的两种写法）即可合并。</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <source>Merge products</source>
        <translation>合并商品</translation>
    </message>
    <message>
        <source>Merge “%1” and “%2” into one product? Their order lines and reminders, and later imports of either name, go to the product you keep.</source>
        <translation>将“%1”和“%2”合并为一个商品？两者的订单明细和提醒，以及今后导入的任一名称，都归入保留的商品。</translation>
    </message>
    <message>
        <source>Keep “%1”</source>
        <translation>保留“%1”</translation>
    </message>
</context>
</TS>
