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
        <source>Another program (an import from the command line?) is writing to the book right now. Nothing was saved; try again in a moment.</source>
        <translation>另一个程序（可能是命令行导入）正在写入客户本，这次没有保存；请稍后再试。</translation>
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
        <source>A text is too long: at most %limit characters.</source>
        <translation>有一项文字太长：最多 %limit 个字。</translation>
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
    <message>
        <source>A member level needs a name.</source>
        <translation>会员等级需要名称。</translation>
    </message>
    <message>
        <source>There is already a member level called “%value”.</source>
        <translation>已经有名为“%value”的会员等级。</translation>
    </message>
    <message>
        <source>A member level needs a spend threshold, a purchase-days threshold or both.</source>
        <translation>会员等级至少需要一个门槛：累计消费或购买天数。</translation>
    </message>
    <message>
        <source>The member discount must be between 1 % and 100 % of the price (100 % = no discount).</source>
        <translation>会员支付比例必须在原价的 1% 到 100% 之间（100% 表示不打折）。</translation>
    </message>
    <message>
        <source>This member level no longer exists.</source>
        <translation>该会员等级已不存在。</translation>
    </message>
    <message>
        <source>Enter a number of points above zero.</source>
        <translation>请填写大于零的积分数。</translation>
    </message>
    <message>
        <source>The customer does not have that many points.</source>
        <translation>该客户的积分不够。</translation>
    </message>
    <message>
        <source>That is more points than this order is worth: use at most %max points.</source>
        <translation>积分超过了这笔订单的金额：最多只能用 %max 积分。</translation>
    </message>
    <message>
        <source>Unknown points rule.</source>
        <translation>未知的积分规则。</translation>
    </message>
    <message>
        <source>Points cannot be negative, and redeeming needs at least 1 point per yuan.</source>
        <translation>积分不能为负数，抵扣 1 元至少需要 1 积分。</translation>
    </message>
    <message>
        <source>Unknown setting.</source>
        <translation>未知的设置项。</translation>
    </message>
    <message>
        <source>Unknown kind of coupon.</source>
        <translation>未知的优惠券类型。</translation>
    </message>
    <message>
        <source>A coupon&apos;s value and threshold cannot be negative.</source>
        <translation>优惠券的面额和门槛不能为负数。</translation>
    </message>
    <message>
        <source>A coupon cannot expire before it is issued.</source>
        <translation>优惠券的到期日不能早于发放日。</translation>
    </message>
    <message>
        <source>This coupon no longer exists.</source>
        <translation>该优惠券已不存在。</translation>
    </message>
    <message>
        <source>This coupon was used already.</source>
        <translation>该优惠券已经用过了。</translation>
    </message>
    <message>
        <source>This coupon belongs to another customer.</source>
        <translation>该优惠券属于另一位客户。</translation>
    </message>
    <message>
        <source>This coupon expired on %value, before the order date.</source>
        <translation>该优惠券已于 %value 到期，早于下单日期。</translation>
    </message>
    <message>
        <source>The goods of this order do not reach the coupon&apos;s threshold.</source>
        <translation>本单商品金额未达到优惠券的使用门槛。</translation>
    </message>
    <message>
        <source>A saved segment needs a name.</source>
        <translation>保存的分群需要名称。</translation>
    </message>
    <message>
        <source>There is already a segment called “%value”.</source>
        <translation>已经有名为“%value”的分群。</translation>
    </message>
    <message>
        <source>“%value” is not a valid value for this filter.</source>
        <translation>“%value”不是这个筛选条件的有效值。</translation>
    </message>
    <message>
        <source>Unknown filter in the segment.</source>
        <translation>分群里有未知的筛选条件。</translation>
    </message>
    <message>
        <source>This segment no longer exists.</source>
        <translation>该分群已不存在。</translation>
    </message>
    <message>
        <source>A campaign needs a name.</source>
        <translation>活动需要名称。</translation>
    </message>
    <message>
        <source>A campaign needs a message.</source>
        <translation>活动需要消息内容。</translation>
    </message>
</context>
</TS>
