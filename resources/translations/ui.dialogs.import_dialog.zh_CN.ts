<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import customers and orders</source>
        <translation>导入客户和订单</translation>
    </message>
    <message>
        <source>Choose an Excel or CSV file, or drop one here.</source>
        <translation>选择一个 Excel 或 CSV 文件，或把文件拖到这里。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Save blank template…</source>
        <translation>保存空白模板…</translation>
    </message>
    <message>
        <source>Import history…</source>
        <translation>导入记录…</translation>
    </message>
    <message>
        <source>Sheets to import</source>
        <translation>要导入的工作表</translation>
    </message>
    <message>
        <source>This sheet is</source>
        <translation>这张表是</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几个值</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Preview: the first rows as they will be imported</source>
        <translation>预览：前几行导入后的样子</translation>
    </message>
    <message>
        <source>All or nothing: import nothing if any row has a problem</source>
        <translation>全部或不导入：只要有一行有问题就什么都不导入</translation>
    </message>
    <message>
        <source>Check only</source>
        <translation>只检查</translation>
    </message>
    <message>
        <source>Show what would be imported without writing anything</source>
        <translation>显示将会导入的内容，不写入任何数据</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A sheet of the book&apos;s history: its rows come back for the customers this import creates (customers already in the book keep their own history).</source>
        <translation>这是账本历史记录的表：其中的行会为这次导入新建的客户恢复（账本里已有的客户保留自己的历史记录）。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Sheets without a header row are left out: %1</source>
        <translation>没有表头的工作表未导入：%1</translation>
    </message>
    <message>
        <source>counting rows…</source>
        <translation>正在清点行数…</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>No column tells who the customer is</source>
        <translation>没有能识别客户的列</translation>
    </message>
    <message>
        <source>Preview: the first rows as they will be imported (the header is row %1)</source>
        <translation>预览：前几行导入后的样子（表头在第 %1 行）</translation>
    </message>
    <message>
        <source>No column is imported as the product: the orders will have no products, so no repurchase reminders. Choose the product column in the list above.</source>
        <translation>没有哪一列作为“商品”导入：订单将没有商品，也就不会有复购提醒。请在上面的列表里选出商品那一列。</translation>
    </message>
    <message>
        <source>Kept in each customer&apos;s note (the book has no field for them): %1. Choose a field or “(not imported)” above to change this.</source>
        <translation>以下列在客户资料里没有对应项，将保留在每位客户的备注里：%1。如需改变，请在上面为它们选择字段或“（不导入）”。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Skipped — %1</source>
        <translation>跳过 — %1</translation>
    </message>
    <message>
        <source>Only the customer is imported — %1</source>
        <translation>只导入客户，不导入这笔购买 — %1</translation>
    </message>
    <message>
        <source>Tick at least one sheet to import.</source>
        <translation>请至少勾选一张要导入的工作表。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：没有导入任何数据。</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save blank template</source>
        <translation>保存空白模板</translation>
    </message>
    <message>
        <source>customers-template.xlsx</source>
        <translation>客户导入模板.xlsx</translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Spreadsheets (%1)</source>
        <translation>表格文件 (%1)</translation>
    </message>
</context>
</TS>
