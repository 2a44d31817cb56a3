<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportSummary</name>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>未导入的部分</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Save problem list…</source>
        <translation>保存问题清单…</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>撤销这次导入</translation>
    </message>
    <message>
        <source>Back to the file</source>
        <translation>返回文件</translation>
    </message>
    <message>
        <source>Import now</source>
        <translation>立即导入</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>New customers: %1 · updated: %2</source>
        <translation>新客户：%1 · 更新：%2</translation>
    </message>
    <message>
        <source>New orders: %1 · updated: %2 · already in the book: %3</source>
        <translation>新订单：%1 · 更新：%2 · 已在客户本中：%3</translation>
    </message>
    <message>
        <source>Rows read: %1 · skipped: %2</source>
        <translation>读取行数：%1 · 跳过：%2</translation>
    </message>
    <message>
        <source>Products new: %1 · updated: %2</source>
        <translation>新商品：%1 · 更新：%2</translation>
    </message>
    <message>
        <source>Items added to orders already in the book: %1</source>
        <translation>补充到客户本已有订单的商品：%1 件</translation>
    </message>
    <message>
        <source>%1 new customers look like a customer already in the book (the same name, or a masked name and phone that fit); check them below and merge them if they are the same person.</source>
        <translation>有 %1 位新客户像客户本中已有的客户（同名，或打码的姓名和手机号相符）；请在下方核对，如果是同一个人请合并。</translation>
    </message>
    <message>
        <source>%1 (orders: %2)</source>
        <translation>%1（%2 单）</translation>
    </message>
    <message>
        <source>Risk buyers with new orders in this import: %1</source>
        <translation>本次导入中有新订单的风险买家：%1</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> 等另外 %1 位</translation>
    </message>
    <message>
        <source>No problems: every row of the file was read.</source>
        <translation>没有问题：文件的每一行都读取成功。</translation>
    </message>
    <message>
        <source>Check only — nothing was written. This is what the import would do:</source>
        <translation>只检查 — 没有写入任何数据。导入将会：</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>导入完成。</translation>
    </message>
    <message>
        <source>Maybe the same person (%1)</source>
        <translation>可能是同一个人（%1）</translation>
    </message>
    <message>
        <source>the row</source>
        <translation>整行</translation>
    </message>
    <message>
        <source>the purchase (customer imported)</source>
        <translation>这笔购买（客户已导入）</translation>
    </message>
    <message>
        <source>the cell (customer imported)</source>
        <translation>这一格（客户已导入）</translation>
    </message>
    <message>
        <source>nothing (note)</source>
        <translation>无（提示）</translation>
    </message>
    <message>
        <source>Problems and notes (%1)</source>
        <translation>问题与提示（%1）</translation>
    </message>
    <message>
        <source>Save problem list</source>
        <translation>保存问题清单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Remove the customers and orders this import added and put back what it changed?</source>
        <translation>删除这次导入新增的客户和订单，并恢复它修改过的内容？</translation>
    </message>
    <message>
        <source>The import was undone.</source>
        <translation>这次导入已撤销。</translation>
    </message>
</context>
</TS>
