<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SettingsPage</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Display language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>The new language is used the next time Huitouke starts.</source>
        <translation>新的语言将在下次启动回头客时生效。</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>客户本</translation>
    </message>
    <message>
        <source>Book file:</source>
        <translation>客户本文件：</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <source>See the backups, back up now, check the book, restore a backup</source>
        <translation>查看备份、立即备份、检查客户本、恢复备份</translation>
    </message>
</context>
</TS>
