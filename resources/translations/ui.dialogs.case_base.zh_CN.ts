<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseDialogBase</name>
    <message>
        <source>(no order)</source>
        <translation>（无订单）</translation>
    </message>
</context>
</TS>
