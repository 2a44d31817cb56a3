<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Launcher</name>
    <message>
        <source>Import an Excel file</source>
        <translation>导入 Excel 文件</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv *.ods)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv *.ods)</translation>
    </message>
    <message>
        <source>Creating the demo book…</source>
        <translation>正在创建演示客户本…</translation>
    </message>
    <message>
        <source>The demo book could not be created: %1</source>
        <translation>无法创建演示客户本：%1</translation>
    </message>
    <message>
        <source>Open a book</source>
        <translation>打开客户本</translation>
    </message>
    <message>
        <source>Huitouke books (%1)</source>
        <translation>回头客客户本 (%1)</translation>
    </message>
    <message>
        <source>New book</source>
        <translation>新建客户本</translation>
    </message>
    <message>
        <source>A book with this name already exists; choose another name.</source>
        <translation>已有同名的客户本，请换一个名字。</translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation>导入已撤销</translation>
    </message>
    <message>
        <source>An import was interrupted (Huitouke was closed or stopped while it ran). What it had written has been taken out again, so the book is as it was before it. Import the file again to bring it in.</source>
        <translation>上次导入被中断了（导入过程中回头客被关闭或停止）。已写入的部分已全部撤回，账本恢复到导入之前的样子。请重新导入该文件。</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>另一个程序</translation>
    </message>
    <message>
        <source>The book %1 is already open in %2 (process %3). Close it there first.</source>
        <translation>客户本 %1 已在 %2（进程 %3）中打开。请先在那里关闭。</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>The book %1 is damaged and was not opened. Newest good backup: %2</source>
        <translation>客户本 %1 已损坏，未打开。最新的完好备份：%2</translation>
    </message>
    <message>
        <source>The book %1 was written by a newer version of Huitouke. Please update the app.</source>
        <translation>客户本 %1 由更新版本的回头客写入。请先升级软件。</translation>
    </message>
    <message>
        <source>There is no book at %1.</source>
        <translation>%1 处没有客户本。</translation>
    </message>
    <message>
        <source>The book %1 could not be opened: %2</source>
        <translation>无法打开客户本 %1：%2</translation>
    </message>
    <message>
        <source>Huitouke</source>
        <translation>回头客</translation>
    </message>
</context>
</TS>
