<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Labels</name>
    <message>
        <source>Prospect</source>
        <translation>潜客</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客</translation>
    </message>
    <message>
        <source>Returning</source>
        <translation>老客</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠诚</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>沉睡</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>待付款</translation>
    </message>
    <message>
        <source>Paid, to ship</source>
        <translation>已付款待发货</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>交易成功</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>交易关闭</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Weidian</source>
        <translation>微店</translation>
    </message>
    <message>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <source>Tmall</source>
        <translation>天猫</translation>
    </message>
    <message>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <source>Youzan</source>
        <translation>有赞</translation>
    </message>
    <message>
        <source>WeChat Moments</source>
        <translation>朋友圈</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>线下</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>QQ Zone</source>
        <translation>QQ空间</translation>
    </message>
    <message>
        <source>Weibo</source>
        <translation>微博</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
</context>
<context>
    <name>RfmSegments</name>
    <message>
        <source>Important value customers</source>
        <translation>重要价值客户</translation>
    </message>
    <message>
        <source>Important customers to keep</source>
        <translation>重要保持客户</translation>
    </message>
    <message>
        <source>Important customers to develop</source>
        <translation>重要发展客户</translation>
    </message>
    <message>
        <source>Important customers to win back</source>
        <translation>重要挽留客户</translation>
    </message>
    <message>
        <source>Ordinary value customers</source>
        <translation>一般价值客户</translation>
    </message>
    <message>
        <source>Ordinary customers to keep</source>
        <translation>一般保持客户</translation>
    </message>
    <message>
        <source>Ordinary customers to develop</source>
        <translation>一般发展客户</translation>
    </message>
    <message>
        <source>Ordinary customers to win back</source>
        <translation>一般挽留客户</translation>
    </message>
</context>
</TS>
