<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>UnexpectedErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
    <message>
        <source>(no log file)</source>
        <translation>（没有日志文件）</translation>
    </message>
    <message>
        <source>The action that failed was not completed; what was saved before is safe. The details were written to the log file:
%1</source>
        <translation>出错的操作没有完成；之前保存的数据都是安全的。详细信息已写入日志文件：
%1</translation>
    </message>
</context>
</TS>
