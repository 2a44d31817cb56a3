<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BookHealth</name>
    <message>
        <source>Huitouke</source>
        <translation>回头客</translation>
    </message>
    <message>
        <source>The book %1 failed its check and is closed for writing, so nothing more can harm it. Open the backups to restore the newest sound one?</source>
        <translation>客户本 %1 没有通过检查，已停止写入，不会再受到更多损坏。要打开备份列表，恢复最新的一份完好备份吗？</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>The backup could not be restored: %1</source>
        <translation>无法恢复这份备份：%1</translation>
    </message>
</context>
</TS>
