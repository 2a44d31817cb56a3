<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CampaignTemplateDialog</name>
    <message>
        <source>Campaign template</source>
        <translation>活动模板</translation>
    </message>
    <message>
        <source>Template “%1”: used for every campaign started with this theme.</source>
        <translation>模板“%1”：以后用这个主题发起的活动都会用它。</translation>
    </message>
</context>
</TS>
