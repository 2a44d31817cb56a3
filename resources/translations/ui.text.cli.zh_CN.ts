<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliErrors</name>
    <message>
        <source>None of the %rows rows of %file can be imported, so nothing was written. The problem of each row is listed in “errors”.</source>
        <translation>%file 的 %rows 行没有一行能导入，所以什么都没有写入。每一行的问题列在“errors”里。</translation>
    </message>
    <message>
        <source>No column of %file tells who the customer is (name, phone, WeChat ID or buyer ID). Give that column one of those headers, or choose the platform with --preset.</source>
        <translation>%file 没有一列能说明客户是谁（姓名、电话、微信号或买家账号）。请把那一列的表头改成其中之一，或用 --preset 选择平台。</translation>
    </message>
</context>
</TS>
