<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Daily</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <source>Backed up by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before a merge</source>
        <translation>合并前</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backups of %1. A backup is taken every day the book is opened and before every import, merge, upgrade and restore; old ones are removed so that together they take at most three times the book&apos;s size.</source>
        <translation>%1 的备份。每天打开客户本时，以及每次导入、合并、升级和恢复之前，都会自动备份；旧备份会被清理，所有备份合计最多占用客户本大小的三倍。</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Check the book now</source>
        <translation>立即检查客户本</translation>
    </message>
    <message>
        <source>Restore this backup…</source>
        <translation>恢复这份备份…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>There is no backup of this book yet.</source>
        <translation>这个客户本还没有备份。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>Damaged: do not use</source>
        <translation>已损坏，请勿使用</translation>
    </message>
    <message>
        <source>The backups could not be checked: %1</source>
        <translation>无法检查备份：%1</translation>
    </message>
    <message>
        <source>The book failed its check and is closed for writing. Restore the newest sound backup (selected below once the backups are checked); the damaged book is kept aside.
Found: %1</source>
        <translation>客户本没有通过检查，已停止写入。请恢复最新的一份完好备份（备份检查完后会在下方自动选中）；损坏的客户本会另外保留一份。
发现的问题：%1</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backed up: %1</source>
        <translation>已备份：%1</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <source>Checking the book… (a big book takes a minute)</source>
        <translation>正在检查客户本…（大的客户本需要约一分钟）</translation>
    </message>
    <message>
        <source>The book passed its full check.</source>
        <translation>客户本通过了完整检查。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the book with the backup taken %1? Everything written since then is replaced. The current book is backed up first (or, if damaged, kept aside), so this can be undone.</source>
        <translation>用 %1 的备份替换当前客户本吗？之后写入的内容都会被替换。当前客户本会先备份（如已损坏则另外保留），所以可以撤回。</translation>
    </message>
</context>
</TS>
