<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AftersalesLabels</name>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Mid/bad review</source>
        <translation>中差评</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Suspected fake</source>
        <translation>疑似假货</translation>
    </message>
    <message>
        <source>Price dispute</source>
        <translation>价格纠纷</translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation>与描述不符</translation>
    </message>
    <message>
        <source>Colour difference</source>
        <translation>色差</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Promise not honoured</source>
        <translation>承诺的优惠未兑现</translation>
    </message>
    <message>
        <source>Slow shipping</source>
        <translation>发货慢</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>物流问题</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>1. Calm and apologise</source>
        <translation>1. 安抚道歉</translation>
    </message>
    <message>
        <source>2. Respond fast: restate the problem</source>
        <translation>2. 快速反应：复述并确认问题</translation>
    </message>
    <message>
        <source>3. Show you care</source>
        <translation>3. 移情：表达关心</translation>
    </message>
    <message>
        <source>4. Compensate</source>
        <translation>4. 补偿</translation>
    </message>
    <message>
        <source>5. Follow up</source>
        <translation>5. 跟踪回访</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Partial refund</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>赠品</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Cash coupon</source>
        <translation>现金券</translation>
    </message>
    <message>
        <source>Threshold coupon</source>
        <translation>满减券</translation>
    </message>
    <message>
        <source>Free-shipping card</source>
        <translation>包邮卡</translation>
    </message>
    <message>
        <source>Discount card</source>
        <translation>折扣卡</translation>
    </message>
    <message>
        <source>Birthday card</source>
        <translation>生日券</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>Platform chat</source>
        <translation>平台客服聊天</translation>
    </message>
    <message>
        <source>Mid review</source>
        <translation>中评</translation>
    </message>
    <message>
        <source>Bad review</source>
        <translation>差评</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Misunderstanding</source>
        <translation>误会</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Free shipping next time</source>
        <translation>下次包邮</translation>
    </message>
    <message>
        <source>Member level</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Revised</source>
        <translation>已改评</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已删评</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未修改</translation>
    </message>
    <message>
        <source>Buyer unreachable</source>
        <translation>联系不上买家</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <source>No answer (retry tomorrow)</source>
        <translation>无人接听（明天再试）</translation>
    </message>
    <message>
        <source>Refused to talk</source>
        <translation>拒绝沟通</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>已联系</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Newly registered account</source>
        <translation>新注册账号</translation>
    </message>
    <message>
        <source>Refuses the platform&apos;s chat tool</source>
        <translation>拒绝使用平台聊天工具</translation>
    </message>
    <message>
        <source>Targets new shops</source>
        <translation>专挑新店</translation>
    </message>
    <message>
        <source>Buys cheap, fragile goods</source>
        <translation>购买便宜易损商品</translation>
    </message>
    <message>
        <source>Ships to a remote address</source>
        <translation>收货地址偏远</translation>
    </message>
    <message>
        <source>This complaint was compensated already.</source>
        <translation>这条投诉已经补偿过了。</translation>
    </message>
    <message>
        <source>This cannot be done while the complaint is in this status.</source>
        <translation>投诉处于当前状态时不能进行此操作。</translation>
    </message>
    <message>
        <source>This cannot be done while the review is in this status.</source>
        <translation>评价处于当前状态时不能进行此操作。</translation>
    </message>
    <message>
        <source>An offer was made for this review already.</source>
        <translation>这条评价已经提出过补偿了。</translation>
    </message>
    <message>
        <source>The review date cannot be in the future.</source>
        <translation>评价日期不能晚于今天。</translation>
    </message>
    <message>
        <source>That order belongs to another customer.</source>
        <translation>该订单属于其他客户。</translation>
    </message>
    <message>
        <source>Enter how many points to give.</source>
        <translation>请填写赠送的积分数。</translation>
    </message>
    <message>
        <source>Enter the coupon&apos;s amount.</source>
        <translation>请填写优惠券金额。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>This case no longer exists.</source>
        <translation>这个案例已不存在。</translation>
    </message>
    <message>
        <source>Someone else changed this case; it was reloaded.</source>
        <translation>此案例已被他人修改，已重新载入。</translation>
    </message>
</context>
</TS>
