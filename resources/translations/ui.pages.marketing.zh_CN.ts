<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MarketingPage</name>
    <message>
        <source>Marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <source>Member levels and points…</source>
        <translation>会员等级与积分…</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客户分群</translation>
    </message>
    <message>
        <source>e.g. 浙江, 江苏</source>
        <translation>例如：浙江, 江苏</translation>
    </message>
    <message>
        <source>any of these tags, comma separated</source>
        <translation>含任一标签，用逗号分隔</translation>
    </message>
    <message>
        <source>e.g. 杭州市, 苏州市</source>
        <translation>例如：杭州市, 苏州市</translation>
    </message>
    <message>
        <source>Provinces</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Cities</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <source>Member level</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Bought category</source>
        <translation>买过的品类</translation>
    </message>
    <message>
        <source>Bought product</source>
        <translation>买过的商品</translation>
    </message>
    <message>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Birthday month</source>
        <translation>生日月份</translation>
    </message>
    <message>
        <source>Purchase days at least</source>
        <translation>购买天数至少</translation>
    </message>
    <message>
        <source>Spend at least</source>
        <translation>累计消费至少</translation>
    </message>
    <message>
        <source>Average order at least</source>
        <translation>客单价至少</translation>
    </message>
    <message>
        <source>Last purchase from</source>
        <translation>最近购买起</translation>
    </message>
    <message>
        <source>Last purchase to</source>
        <translation>最近购买止</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>统计人数</translation>
    </message>
    <message>
        <source>Name of the segment</source>
        <translation>分群名称</translation>
    </message>
    <message>
        <source>Save segment</source>
        <translation>保存分群</translation>
    </message>
    <message>
        <source>Issue a coupon to this segment…</source>
        <translation>给这个分群发优惠券…</translation>
    </message>
    <message>
        <source>Award points to this segment…</source>
        <translation>给该分群赠送积分…</translation>
    </message>
    <message>
        <source>Saved segments (live counts: reachable / matched)</source>
        <translation>已保存的分群（实时人数：可触达 / 符合条件）</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Edit template…</source>
        <translation>编辑模板…</translation>
    </message>
    <message>
        <source>Give each customer a coupon:</source>
        <translation>给每位客户发一张优惠券：</translation>
    </message>
    <message>
        <source>Start campaign for this segment</source>
        <translation>对此分群发起活动</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Copy and mark sent (Enter)</source>
        <translation>复制并标记已发送（回车）</translation>
    </message>
    <message>
        <source>Opted out (退订/TD)</source>
        <translation>已退订（退订/TD）</translation>
    </message>
    <message>
        <source>Export for SMS…</source>
        <translation>导出短信名单…</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出活动报告…</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>（不限）</translation>
    </message>
    <message>
        <source>(no level)</source>
        <translation>（无等级）</translation>
    </message>
    <message>
        <source>%1 · %2 sent of %3</source>
        <translation>%1 · 已发 %2 / %3</translation>
    </message>
    <message>
        <source>New arrivals</source>
        <translation>新品上架</translation>
    </message>
    <message>
        <source>Festival greetings</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <source>Anniversary points</source>
        <translation>周年送积分</translation>
    </message>
    <message>
        <source>Win-back: never bought</source>
        <translation>挽回：从未购买</translation>
    </message>
    <message>
        <source>Win-back: 1–2 purchases, low order value</source>
        <translation>挽回：买过1–2次、客单价低</translation>
    </message>
    <message>
        <source>Win-back: 3+ purchases</source>
        <translation>挽回：买过3次以上</translation>
    </message>
    <message>
        <source>do not disturb</source>
        <translation>不再打扰</translation>
    </message>
    <message>
        <source>open complaint</source>
        <translation>投诉未结</translation>
    </message>
    <message>
        <source>open bad review</source>
        <translation>中差评未结</translation>
    </message>
    <message>
        <source>risk buyer</source>
        <translation>风险买家</translation>
    </message>
    <message>
        <source>marketed recently (frequency cap)</source>
        <translation>近期已营销（频次上限）</translation>
    </message>
    <message>
        <source>%1 match, %2 reachable. Left out: %3</source>
        <translation>符合条件 %1 人，可触达 %2 人。已排除：%3</translation>
    </message>
    <message>
        <source>Segment not saved</source>
        <translation>分群未保存</translation>
    </message>
    <message>
        <source>No coupon issued</source>
        <translation>未发放优惠券</translation>
    </message>
    <message>
        <source>Nobody in this segment can be reached.</source>
        <translation>这个分群里没有可以触达的客户。</translation>
    </message>
    <message>
        <source>One coupon for each of the %1 reachable customers of this segment (%2 left out by the exclusions).</source>
        <translation>给这个分群中可触达的 %1 位客户每人发一张优惠券（%2 位因排除规则不发）。</translation>
    </message>
    <message>
        <source>Issue coupons</source>
        <translation>发放优惠券</translation>
    </message>
    <message>
        <source>Issue a %1 to %2 customers?</source>
        <translation>给 %2 位客户发放%1？</translation>
    </message>
    <message>
        <source>%1 coupons issued.</source>
        <translation>已发放 %1 张优惠券。</translation>
    </message>
    <message>
        <source>No points awarded</source>
        <translation>未赠送积分</translation>
    </message>
    <message>
        <source>Points awarded to %1 customers.</source>
        <translation>已给 %1 位客户赠送积分。</translation>
    </message>
    <message>
        <source>The coupon each customer of the campaign gets with the message ({coupon} in the template).</source>
        <translation>活动中每位客户随消息收到的优惠券（模板里的 {coupon}）。</translation>
    </message>
    <message>
        <source>Campaign not started</source>
        <translation>活动未发起</translation>
    </message>
    <message>
        <source>to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>opted out</source>
        <translation>已退订</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>cannot receive SMS</source>
        <translation>不能收短信</translation>
    </message>
    <message>
        <source>No campaign yet: build a segment, pick a template, start one.</source>
        <translation>还没有活动：先筛选分群、选好模板，再发起活动。</translation>
    </message>
    <message>
        <source>Targets %1 · contacted %2 · responders %3 (%4) · buyers %5 · revenue %6 · average order %7 · conversion %8</source>
        <translation>目标客户 %1 · 已触达 %2 · 响应 %3（%4）· 购买 %5 · 销售额 %6 · 客单价 %7 · 转化率 %8</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Export for SMS</source>
        <translation>导出短信名单</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出活动报告</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
</context>
</TS>
