<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TagChipsWidget</name>
    <message>
        <source>Add a tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Remove the tag %1</source>
        <translation>移除标签 %1</translation>
    </message>
</context>
</TS>
