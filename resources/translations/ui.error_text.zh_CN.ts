<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ErrorText</name>
    <message>
        <source>A customer needs at least a name, a phone number, a WeChat ID or a buyer ID.</source>
        <translation>客户至少需要称呼、电话、微信号或买家 ID 中的一项。</translation>
    </message>
    <message>
        <source>“%value” is not a phone number.</source>
        <translation>“%value”不是电话号码。</translation>
    </message>
    <message>
        <source>The birthday month must be between 1 and 12.</source>
        <translation>生日月份必须在 1 到 12 之间。</translation>
    </message>
    <message>
        <source>That day does not exist in the birthday month.</source>
        <translation>生日月份中没有这一天。</translation>
    </message>
    <message>
        <source>The birth year is not plausible.</source>
        <translation>出生年份不合理。</translation>
    </message>
    <message>
        <source>Someone else saved this customer in the meantime. Close the window and open it again.</source>
        <translation>这位客户刚被别人修改并保存了。请关闭窗口后重新打开。</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>这位客户已不存在。</translation>
    </message>
    <message>
        <source>A customer cannot be merged with itself.</source>
        <translation>客户不能与自己合并。</translation>
    </message>
    <message>
        <source>Someone else saved this order in the meantime. Close the window and open it again.</source>
        <translation>这个订单刚被别人修改并保存了。请关闭窗口后重新打开。</translation>
    </message>
    <message>
        <source>This order no longer exists.</source>
        <translation>这个订单已不存在。</translation>
    </message>
    <message>
        <source>Amounts cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>Each item needs a product or a description.</source>
        <translation>每件商品都需要选择商品或填写描述。</translation>
    </message>
    <message>
        <source>Quantities must be at least 1.</source>
        <translation>数量至少为 1。</translation>
    </message>
    <message>
        <source>Another order already has this order number on this platform.</source>
        <translation>这个平台上已有订单使用这个订单号。</translation>
    </message>
    <message>
        <source>The order number is too long.</source>
        <translation>订单号太长。</translation>
    </message>
    <message>
        <source>Unknown order status.</source>
        <translation>未知的订单状态。</translation>
    </message>
    <message>
        <source>A product needs a name.</source>
        <translation>商品需要名称。</translation>
    </message>
    <message>
        <source>There is already a product with this name.</source>
        <translation>已有同名商品。</translation>
    </message>
    <message>
        <source>This product no longer exists.</source>
        <translation>这个商品已不存在。</translation>
    </message>
    <message>
        <source>Someone else saved this product in the meantime. Close the window and open it again.</source>
        <translation>这个商品刚被别人修改并保存了。请关闭窗口后重新打开。</translation>
    </message>
    <message>
        <source>The price cannot be negative.</source>
        <translation>价格不能为负数。</translation>
    </message>
    <message>
        <source>The usage cycle must be a positive number of days.</source>
        <translation>使用周期必须是正的天数。</translation>
    </message>
    <message>
        <source>The reminder lead time must be zero or more days.</source>
        <translation>提前提醒天数不能为负。</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>标签需要名称。</translation>
    </message>
</context>
</TS>
