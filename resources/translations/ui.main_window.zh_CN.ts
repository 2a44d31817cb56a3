<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>Huitouke</source>
        <translation>回头客</translation>
    </message>
    <message>
        <source>Huitouke — %1</source>
        <translation>回头客 — %1</translation>
    </message>
    <message>
        <source>Opening %1 …</source>
        <translation>正在打开 %1 …</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Paste from chat…</source>
        <translation>粘贴识别…</translation>
    </message>
    <message>
        <source>Find duplicate customers…</source>
        <translation>查找重复客户…</translation>
    </message>
    <message>
        <source>New book…</source>
        <translation>新建客户本…</translation>
    </message>
    <message>
        <source>Open book…</source>
        <translation>打开客户本…</translation>
    </message>
    <message>
        <source>Connect to a shared book…</source>
        <translation>连接共享客户本…</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>About Huitouke</source>
        <translation>关于回头客</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Search customers: name, pinyin initials, phone, tag (Ctrl+F)</source>
        <translation>搜索客户：姓名、拼音首字母、电话、标签 (Ctrl+F)</translation>
    </message>
    <message>
        <source>The shared book cannot be reached right now; still trying. (%1)</source>
        <translation>暂时连不上共享客户本，正在重试。（%1）</translation>
    </message>
    <message>
        <source>%1 due today</source>
        <translation>今日待办 %1 项</translation>
    </message>
    <message>
        <source>%1 customers · %2 orders · %3 products</source>
        <translation>%1 位客户 · %2 笔订单 · %3 种商品</translation>
    </message>
    <message>
        <source>%1 in the recycle bin</source>
        <translation>回收站 %1 位</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Importing Excel and CSV files arrives in a later version.</source>
        <translation>导入 Excel 和 CSV 文件将在后续版本中提供。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Exporting to Excel arrives in a later version.</source>
        <translation>导出到 Excel 将在后续版本中提供。</translation>
    </message>
</context>
</TS>
