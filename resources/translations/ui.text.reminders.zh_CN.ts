<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReminderText</name>
    <message>
        <source>en</source>
        <translation>zh_CN</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>Arrival care</source>
        <translation>到货关怀</translation>
    </message>
    <message>
        <source>Use care</source>
        <translation>使用关怀</translation>
    </message>
    <message>
        <source>Repurchase</source>
        <translation>复购提醒</translation>
    </message>
    <message>
        <source>Win-back</source>
        <translation>流失挽回</translation>
    </message>
    <message>
        <source>Unpaid order</source>
        <translation>催付</translation>
    </message>
    <message>
        <source>Unpaid, second reminder</source>
        <translation>二次催付</translation>
    </message>
    <message>
        <source>Closed order care</source>
        <translation>关闭订单关怀</translation>
    </message>
    <message>
        <source>Delayed shipment</source>
        <translation>延迟发货</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>发货通知</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>签收关怀</translation>
    </message>
    <message>
        <source>Refund done</source>
        <translation>退款完成</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日关怀</translation>
    </message>
    <message>
        <source>Last-purchase care</source>
        <translation>回访关怀</translation>
    </message>
    <message>
        <source>Coupon expiry</source>
        <translation>优惠券到期</translation>
    </message>
    <message>
        <source>Complaint follow-up</source>
        <translation>投诉跟进</translation>
    </message>
    <message>
        <source>Mid or bad review</source>
        <translation>中差评</translation>
    </message>
    <message>
        <source>Own task</source>
        <translation>手动任务</translation>
    </message>
    <message>
        <source>Member level up</source>
        <translation>会员升级</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>已联系</translation>
    </message>
    <message>
        <source>No answer (again tomorrow)</source>
        <translation>未接通（明天再提醒）</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>已购买</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Bought %1 ×%2 on %3; should have arrived</source>
        <translation>买了 %1 ×%2，%3；应该已经到货</translation>
    </message>
    <message>
        <source>Bought %1 ×%2 on %3; in use, runs out around %4</source>
        <translation>买了 %1 ×%2，%3；使用中，预计%4左右用完</translation>
    </message>
    <message>
        <source>Bought %1 ×%2 on %3; runs out around %4</source>
        <translation>买了 %1 ×%2，%3；预计%4左右用完</translation>
    </message>
    <message>
        <source>Bought %1 ×%2 on %3; ran out around %4, no repurchase since</source>
        <translation>买了 %1 ×%2，%3；%4左右已用完，之后没有再买</translation>
    </message>
    <message>
        <source>Order %1 (%2) placed on %3, not paid yet</source>
        <translation>订单 %1（%2）%3 下单，还没付款</translation>
    </message>
    <message>
        <source>Order %1 (%2) placed on %3, still not paid</source>
        <translation>订单 %1（%2）%3 下单，仍未付款</translation>
    </message>
    <message>
        <source>Order %1 (%2) closed unpaid on %3</source>
        <translation>订单 %1（%2）未付款，%3 已关闭</translation>
    </message>
    <message>
        <source>Order %1 (%2) paid on %3, not shipped yet</source>
        <translation>订单 %1（%2）%3 付款，至今未发货</translation>
    </message>
    <message>
        <source>Order %1 (%2) shipped on %3</source>
        <translation>订单 %1（%2）%3 已发货</translation>
    </message>
    <message>
        <source>Order %1 (%2) signed for on %3</source>
        <translation>订单 %1（%2）%3 已签收</translation>
    </message>
    <message>
        <source>Order %1 (%2) refunded ¥%3</source>
        <translation>订单 %1（%2）已退款 ¥%3</translation>
    </message>
    <message>
        <source>Birthday on %1</source>
        <translation>%1生日</translation>
    </message>
    <message>
        <source>Birthday on %1 (lunar month %2, day %3)</source>
        <translation>%1生日（农历%2月%3日）</translation>
    </message>
    <message>
        <source>Last purchase on %1, %2 days ago</source>
        <translation>上次购买 %1，已经 %2 天</translation>
    </message>
    <message>
        <source>%1 expires on %2</source>
        <translation>%1将于%2到期</translation>
    </message>
    <message>
        <source>Complaint to follow up</source>
        <translation>投诉待跟进</translation>
    </message>
    <message>
        <source>Mid or bad review to handle</source>
        <translation>中差评待处理</translation>
    </message>
    <message>
        <source>Member level up to %1</source>
        <translation>会员升级为%1</translation>
    </message>
    <message>
        <source>Member level up to %1 (was %2)</source>
        <translation>会员升级为%1（原%2）</translation>
    </message>
    <message>
        <source>Complaint opened %1: give the first answer</source>
        <translation>%1 收到的投诉：请尽快首次回复</translation>
    </message>
    <message>
        <source>Complaint compensated: check the customer is satisfied</source>
        <translation>投诉已补偿：回访确认顾客是否满意</translation>
    </message>
    <message>
        <source>New review on %1: contact the buyer today</source>
        <translation>%1 的新中差评：今天联系买家</translation>
    </message>
    <message>
        <source>No answer last time: try the buyer again</source>
        <translation>上次没联系上：再联系一次买家</translation>
    </message>
    <message>
        <source>The buyer can change the review until %1: check it</source>
        <translation>买家可在 %1 前修改评价：去看看</translation>
    </message>
    <message>
        <source>%1 task(s) of this customer are in today&apos;s list.</source>
        <translation>该客户有 %1 项任务在今日列表中。</translation>
    </message>
    <message>
        <source>%1 task(s) of this customer are due, ranked below today&apos;s list: press “More” to see them.</source>
        <translation>这位客户有 %1 项任务已到期，但排在今天的清单之后：点“更多”就能看到。</translation>
    </message>
    <message>
        <source>The customer is in the recycle bin.</source>
        <translation>该客户在回收站里。</translation>
    </message>
    <message>
        <source>Do not disturb: no marketing reminders.</source>
        <translation>不再打扰：不发营销提醒。</translation>
    </message>
    <message>
        <source>An open complaint: no marketing until it is resolved.</source>
        <translation>有未解决的投诉：解决之前不做营销。</translation>
    </message>
    <message>
        <source>An open bad review: no marketing until it is handled.</source>
        <translation>有未处理的中差评：处理完之前不做营销。</translation>
    </message>
    <message>
        <source>Contacted for marketing on %1: next marketing from %2.</source>
        <translation>%1 已做过营销联系：%2 起才能再次营销。</translation>
    </message>
    <message>
        <source>%1 due on %2, but this kind is switched off in Settings.</source>
        <translation>%1 应于 %2 处理，但该类提醒已在设置中关闭。</translation>
    </message>
    <message>
        <source>%1 was due on %2: too long ago, it expires.</source>
        <translation>%1 应于 %2 处理，已逾期太久，自动过期。</translation>
    </message>
    <message>
        <source>%1 is snoozed until %2.</source>
        <translation>%1 已推迟到 %2。</translation>
    </message>
    <message>
        <source>Last task: %1, closed on %2.</source>
        <translation>最近的任务：%1，%2 已结束。</translation>
    </message>
    <message>
        <source>Next: %1 on %2.</source>
        <translation>下一项：%2 %1。</translation>
    </message>
    <message>
        <source>No reminders for this customer yet.</source>
        <translation>该客户还没有提醒。</translation>
    </message>
    <message>
        <source>days after the parcel arrived</source>
        <translation>到货后的天数</translation>
    </message>
    <message>
        <source>% of the cycle after the purchase</source>
        <translation>购买后经过周期的百分比</translation>
    </message>
    <message>
        <source>extra days before the product&apos;s own lead time</source>
        <translation>在商品自身提前天数之外再提前的天数</translation>
    </message>
    <message>
        <source>extra days after run-out plus one cycle</source>
        <translation>用完后再过一个周期之外的额外天数</translation>
    </message>
    <message>
        <source>days after the order</source>
        <translation>下单后的天数</translation>
    </message>
    <message>
        <source>days after the order closed</source>
        <translation>订单关闭后的天数</translation>
    </message>
    <message>
        <source>days after payment without shipping</source>
        <translation>付款后未发货的天数</translation>
    </message>
    <message>
        <source>days after shipping</source>
        <translation>发货后的天数</translation>
    </message>
    <message>
        <source>days after signing for</source>
        <translation>签收后的天数</translation>
    </message>
    <message>
        <source>days after the refund</source>
        <translation>退款后的天数</translation>
    </message>
    <message>
        <source>days before the birthday</source>
        <translation>生日前的天数</translation>
    </message>
    <message>
        <source>days after the last purchase</source>
        <translation>上次购买后的天数</translation>
    </message>
    <message>
        <source>days before expiry, e.g. 7, 1</source>
        <translation>到期前的天数，如 7, 1</translation>
    </message>
</context>
</TS>
