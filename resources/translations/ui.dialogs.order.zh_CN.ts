<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>OrderDialog</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Paste from chat…</source>
        <translation>粘贴识别…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <source>Order number:</source>
        <translation>订单号：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Ordered at:</source>
        <translation>下单时间：</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Shipped at</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <source>Delivered at</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <source>Product or description</source>
        <translation>商品或描述</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除商品</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动计算</translation>
    </message>
    <message>
        <source>Postage:</source>
        <translation>邮费：</translation>
    </message>
    <message>
        <source>Discount:</source>
        <translation>优惠：</translation>
    </message>
    <message>
        <source>Paid:</source>
        <translation>实付：</translation>
    </message>
    <message>
        <source>Refunded:</source>
        <translation>已退款：</translation>
    </message>
    <message>
        <source>Coupon, points:</source>
        <translation>优惠券、积分：</translation>
    </message>
    <message>
        <source>Tracking number:</source>
        <translation>快递单号：</translation>
    </message>
    <message>
        <source>Carrier:</source>
        <translation>快递公司：</translation>
    </message>
    <message>
        <source>Buyer message:</source>
        <translation>买家留言：</translation>
    </message>
    <message>
        <source>Seller note:</source>
        <translation>卖家备注：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Receiver:</source>
        <translation>收货人：</translation>
    </message>
    <message>
        <source>Where this order is sent</source>
        <translation>这单寄到哪里</translation>
    </message>
    <message>
        <source>Ship to:</source>
        <translation>收货地址：</translation>
    </message>
    <message>
        <source>Pick a product or type a description</source>
        <translation>选择商品或直接输入描述</translation>
    </message>
    <message>
        <source>Goods %1 · coupon and points −%3 · to pay %2</source>
        <translation>商品 %1 · 优惠券和积分抵扣 −%3 · 应付 %2</translation>
    </message>
    <message>
        <source>Goods %1 · to pay %2</source>
        <translation>商品 %1 · 应付 %2</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <source>Choose the customer first.</source>
        <translation>请先选择客户。</translation>
    </message>
    <message>
        <source>Add at least one item.</source>
        <translation>请至少添加一件商品。</translation>
    </message>
</context>
</TS>
