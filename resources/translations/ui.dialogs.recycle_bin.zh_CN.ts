<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RecycleBinDialog</name>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Deleted customers stay here until you restore or erase them. Erasing removes the customer with all orders, reminders, contacts and cases from the book for good.</source>
        <translation>删除的客户会留在这里，直到您恢复或彻底清除。彻底清除会把客户连同全部订单、提醒、联系记录和售后记录从客户本中永久删除。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Erase for good…</source>
        <translation>彻底清除…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 deleted customers</source>
        <translation>已删除 %1 位客户</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>彻底清除</translation>
    </message>
    <message>
        <source>Erase %1 customers with all their orders, reminders, contacts and cases, from the book and from every backup of it? This cannot be undone.</source>
        <translation>彻底清除 %1 位客户及其全部订单、提醒、联系记录和售后记录？客户本和它的每一份备份里都会清除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>The customers were erased from the book, but these backups could not be rewritten and may still hold them. Delete them if you no longer need them:
%1</source>
        <translation>客户已从客户本中彻底清除，但以下备份无法改写，可能仍然包含这些客户。如果不再需要，请删除这些备份：
%1</translation>
    </message>
</context>
</TS>
