<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LevelDialog</name>
    <message>
        <source>Member level</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>New member level</source>
        <translation>新建会员等级</translation>
    </message>
    <message>
        <source>e.g. 银卡会员</source>
        <translation>例如：银卡会员</translation>
    </message>
    <message>
        <source>Total spend reaches</source>
        <translation>累计消费达到</translation>
    </message>
    <message>
        <source>Purchase days reach</source>
        <translation>购买天数达到</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Rank (higher wins):</source>
        <translation>级别（数字大者优先）：</translation>
    </message>
    <message>
        <source>Members pay (% of the price):</source>
        <translation>会员支付（原价的百分比）：</translation>
    </message>
    <message>
        <source>A customer gets the highest-ranked level whose spend or purchase-days threshold they reach. Moving up creates a “congratulate” task on the Today list.</source>
        <translation>客户获得其消费额或购买天数所达到的最高级别。升级时会在“今日”列表生成一条“祝贺”任务。</translation>
    </message>
</context>
<context>
    <name>LoyaltySettingsDialog</name>
    <message>
        <source>Member levels and points</source>
        <translation>会员等级与积分</translation>
    </message>
</context>
<context>
    <name>LoyaltySettingsSection</name>
    <message>
        <source>Member levels and points</source>
        <translation>会员等级与积分</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>no member levels</source>
        <translation>未设会员等级</translation>
    </message>
    <message>
        <source>%1 · %2 points per yuan spent · %3 points = ¥1 when redeemed</source>
        <translation>%1 · 每消费 1 元得 %2 积分 · %3 积分抵 1 元</translation>
    </message>
</context>
<context>
    <name>LoyaltySettingsWidget</name>
    <message>
        <source>Member levels and points</source>
        <translation>会员等级与积分</translation>
    </message>
    <message>
        <source>Member levels</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Spend from</source>
        <translation>消费满</translation>
    </message>
    <message>
        <source>Purchase days from</source>
        <translation>购买天数满</translation>
    </message>
    <message>
        <source>Members pay</source>
        <translation>会员支付</translation>
    </message>
    <message>
        <source>Add level…</source>
        <translation>添加等级…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Points rules</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <source>Points per yuan spent:</source>
        <translation>每消费 1 元得积分：</translation>
    </message>
    <message>
        <source>Points worth ¥1 when redeemed:</source>
        <translation>抵扣 1 元所需积分：</translation>
    </message>
    <message>
        <source>Points for joining:</source>
        <translation>入会赠送积分：</translation>
    </message>
    <message>
        <source>Points for a photo review:</source>
        <translation>晒图好评赠送积分：</translation>
    </message>
    <message>
        <source>Points for a referral:</source>
        <translation>推荐新客赠送积分：</translation>
    </message>
    <message>
        <source>Saved; %1 customers moved up.</source>
        <translation>已保存；%1 位客户升级。</translation>
    </message>
    <message>
        <source>Delete member level</source>
        <translation>删除会员等级</translation>
    </message>
    <message>
        <source>Delete the level “%1”? Its members move to the highest level they still reach.</source>
        <translation>删除等级“%1”？该等级的会员将调整到他们仍能达到的最高等级。</translation>
    </message>
    <message>
        <source>Deleted; %1 customers changed level.</source>
        <translation>已删除；%1 位客户的等级有变化。</translation>
    </message>
</context>
</TS>
