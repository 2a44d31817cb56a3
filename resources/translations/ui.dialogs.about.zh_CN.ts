<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Huitouke</source>
        <translation>关于回头客</translation>
    </message>
    <message>
        <source>Keeps your customers coming back: one book of customers, orders and reminders, kept on this computer.</source>
        <translation>让老顾客常回来：一本客户本，记客户、订单和提醒，数据只保存在这台电脑上。</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Book:</source>
        <translation>客户本：</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>日志文件夹：</translation>
    </message>
    <message>
        <source>Bundled libraries and their licences:</source>
        <translation>随附的软件库及其许可证：</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>软件库</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Licence of the bundled Chinese font (Noto Sans CJK SC, SIL Open Font License 1.1)</source>
        <translation>内置中文字体的许可证（思源黑体 Noto Sans CJK SC，SIL 开源字体许可证 1.1）</translation>
    </message>
</context>
<context>
    <name>FontLicenseDialog</name>
    <message>
        <source>Font licence</source>
        <translation>字体许可证</translation>
    </message>
</context>
</TS>
