<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>New orders</source>
        <translation>新订单</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Undo the selected import</source>
        <translation>撤销选中的导入</translation>
    </message>
    <message>
        <source>New customers of these imports share only a name with a customer already in the book: merge them or keep them separate</source>
        <translation>这些导入新建的客户与客户本中已有客户只是同名：请合并或保留为不同的人</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Being imported</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>In the book</source>
        <translation>已生效</translation>
    </message>
    <message>
        <source>Review %1 possible duplicates…</source>
        <translation>核对 %1 对可能重复的客户…</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Remove the customers and orders that “%1” added and put back what it changed?</source>
        <translation>删除“%1”新增的客户和订单，并恢复它修改过的内容？</translation>
    </message>
    <message>
        <source>%1 customers, orders or order lines this import added were changed since (by a later import or by hand) or are in a later import too: they were kept, with what this import gave them.</source>
        <translation>此次导入新增的客户、订单或订单商品中，有 %1 条之后又被后来的导入或手动修改过，或也在后来的导入里：已保留，并保留此次导入给它们的内容。</translation>
    </message>
    <message>
        <source>%1 values changed since this import (by a later import or by hand), or given the same by a later import, were kept as they are.</source>
        <translation>有 %1 个值在这次导入之后又被改过（后来的导入或手动修改），或后来的导入给出了同样的值，已保留不变。</translation>
    </message>
    <message>
        <source>%1 products this import made were kept: order lines of other imports or your own orders use them, or you edited them since.</source>
        <translation>此次导入新建的商品中有 %1 个已保留：其他导入或你自己的订单里有商品行用到它们，或你之后修改过它们。</translation>
    </message>
</context>
</TS>
