<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Mid/bad review</source>
        <translation>中差评</translation>
    </message>
    <message>
        <source>Contact and outcome</source>
        <translation>联系与结果</translation>
    </message>
    <message>
        <source>Bad-reviewer check</source>
        <translation>职业差评师识别</translation>
    </message>
    <message>
        <source>Close window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <source>New mid/bad review</source>
        <translation>新中差评</translation>
    </message>
    <message>
        <source>The review</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>评价等级</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>评价日期</translation>
    </message>
    <message>
        <source>Reason found</source>
        <translation>查明的原因</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>The review as the buyer wrote it</source>
        <translation>买家的评价原文</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Contact attempts (phone first, then WeChat)</source>
        <translation>联系记录（先打电话，联系不上再发微信）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Log attempt</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>补偿方案</translation>
    </message>
    <message>
        <source>Make offer</source>
        <translation>提出补偿</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Temperament, for next time (kept in the customer&apos;s notes)</source>
        <translation>买家性格，下次参考（记入客户备注）</translation>
    </message>
    <message>
        <source>Temperament</source>
        <translation>性格</translation>
    </message>
    <message>
        <source>Record outcome and close</source>
        <translation>记录结果并关闭</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Tick the signs of a professional bad-reviewer and keep the evidence.</source>
        <translation>勾选职业差评师的特征并保留证据。</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Other evidence</source>
        <translation>其他证据</translation>
    </message>
    <message>
        <source>Save check</source>
        <translation>保存识别结果</translation>
    </message>
    <message>
        <source>Mark this buyer as a risk buyer</source>
        <translation>标记为风险买家</translation>
    </message>
    <message>
        <source>%1 of %2 · %3</source>
        <translation>%2 的%1 · %3</translation>
    </message>
    <message>
        <source>The buyer could change the review until %1: the deadline has passed.</source>
        <translation>买家修改评价的期限是 %1，已经过期。</translation>
    </message>
    <message>
        <source>The buyer can change the review until %1 (%2 days left).</source>
        <translation>买家可在 %1 前修改评价（还剩 %2 天）。</translation>
    </message>
    <message>
        <source>Score: %1 of %2</source>
        <translation>得分：%1 / %2</translation>
    </message>
</context>
</TS>
