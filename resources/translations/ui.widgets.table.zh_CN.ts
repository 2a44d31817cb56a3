<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ListTableView</name>
    <message>
        <source>Columns</source>
        <translation>显示列</translation>
    </message>
</context>
</TS>
