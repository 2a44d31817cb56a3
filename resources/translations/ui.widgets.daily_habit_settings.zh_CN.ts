<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DailyHabitBox</name>
    <message>
        <source>Daily habit</source>
        <translation>每日习惯</translation>
    </message>
    <message>
        <source>Start Huitouke when I log in (in the tray, without a window)</source>
        <translation>登录电脑时启动回头客（只在托盘显示，不打开窗口）</translation>
    </message>
    <message>
        <source>Tell me how many tasks are due every day at</source>
        <translation>每天提醒我今天有多少项待办，时间：</translation>
    </message>
    <message>
        <source>The notification appears while Huitouke is running, for example in the tray after it started at login.</source>
        <translation>回头客运行时才会提醒，例如登录后在托盘中运行时。</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>登录时启动</translation>
    </message>
    <message>
        <source>The setting could not be changed: %1</source>
        <translation>无法更改此设置：%1</translation>
    </message>
</context>
</TS>
