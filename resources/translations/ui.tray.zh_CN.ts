<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TrayIcon</name>
    <message>
        <source>Open Huitouke</source>
        <translation>打开回头客</translation>
    </message>
    <message>
        <source>Quit Huitouke</source>
        <translation>退出回头客</translation>
    </message>
    <message numerus="yes">
        <source>Huitouke — %n task(s) due today</source>
        <translation>
            <numerusform>回头客 — 今天有 %n 项待办</numerusform>
        </translation>
    </message>
    <message>
        <source>Huitouke — nothing due today</source>
        <translation>回头客 — 今天没有待办</translation>
    </message>
    <message>
        <source>Huitouke</source>
        <translation>回头客</translation>
    </message>
    <message numerus="yes">
        <source>%n customer task(s) are due today. Click to open the Today list.</source>
        <translation>
            <numerusform>今天有 %n 项客户待办。点击打开今日列表。</numerusform>
        </translation>
    </message>
</context>
</TS>
