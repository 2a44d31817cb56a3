<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerMarketingWidget</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Member level</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <source>Open coupons</source>
        <translation>可用优惠券</translation>
    </message>
    <message>
        <source>Times marketed</source>
        <translation>营销次数</translation>
    </message>
    <message>
        <source>Times responded (response rate)</source>
        <translation>响应次数（响应率）</translation>
    </message>
    <message>
        <source>Last marketed</source>
        <translation>最近营销</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发放日</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Points ledger</source>
        <translation>积分明细</translation>
    </message>
    <message>
        <source>Issue a coupon…</source>
        <translation>发优惠券…</translation>
    </message>
    <message>
        <source>Award points</source>
        <translation>奖励积分</translation>
    </message>
    <message>
        <source>Redeem points…</source>
        <translation>兑换积分…</translation>
    </message>
    <message>
        <source>Joining</source>
        <translation>入会</translation>
    </message>
    <message>
        <source>Photo review</source>
        <translation>晒图好评</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>推荐新客</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>消费</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动赠送</translation>
    </message>
    <message>
        <source>open</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>review</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>A coupon for this customer.</source>
        <translation>给这位客户发一张优惠券。</translation>
    </message>
    <message>
        <source>No points given: the rule gives none, or joining was rewarded already.</source>
        <translation>未发积分：该规则设为 0 分，或入会积分已经发过。</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <source>Points to redeem (balance %1), e.g. for a gift:</source>
        <translation>要兑换的积分（余额 %1），例如换礼品：</translation>
    </message>
</context>
</TS>
