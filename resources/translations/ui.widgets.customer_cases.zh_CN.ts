<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerCasesWidget</name>
    <message>
        <source>New complaint…</source>
        <translation>新投诉…</translation>
    </message>
    <message>
        <source>New mid/bad review…</source>
        <translation>新中差评…</translation>
    </message>
</context>
<context>
    <name>OrderCasesButton</name>
    <message>
        <source>After-sales…</source>
        <translation>售后…</translation>
    </message>
    <message>
        <source>New complaint…</source>
        <translation>新投诉…</translation>
    </message>
    <message>
        <source>New mid/bad review…</source>
        <translation>新中差评…</translation>
    </message>
</context>
</TS>
