<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WelcomeWindow</name>
    <message>
        <source>Welcome to Huitouke</source>
        <translation>欢迎使用回头客</translation>
    </message>
    <message>
        <source>Welcome to Huitouke (回头客)</source>
        <translation>欢迎使用回头客</translation>
    </message>
    <message>
        <source>Keep every customer in one book, and know who to contact today. Everything stays on this computer. How would you like to start?</source>
        <translation>把所有客户记在一个客户本里，每天都知道该联系谁。所有数据都保存在这台电脑上。您想怎样开始？</translation>
    </message>
    <message>
        <source>Start an empty book</source>
        <translation>新建空白客户本</translation>
    </message>
    <message>
        <source>Add customers and orders by hand as they come.</source>
        <translation>有了新客户和订单时手动添加。</translation>
    </message>
    <message>
        <source>Open the demo book</source>
        <translation>打开演示客户本</translation>
    </message>
    <message>
        <source>Look around with 300 made-up customers and their orders first.</source>
        <translation>先用 300 位虚构客户和他们的订单看一看。</translation>
    </message>
    <message>
        <source>Import an Excel file</source>
        <translation>导入 Excel 文件</translation>
    </message>
    <message>
        <source>Bring in your customer sheet or a Taobao, Pinduoduo or Douyin order export.</source>
        <translation>导入您自己的客户表，或淘宝、拼多多、抖音导出的订单。</translation>
    </message>
    <message>
        <source>Open an existing book…</source>
        <translation>打开已有的客户本…</translation>
    </message>
    <message>
        <source>Connect to a shared book on your office server…</source>
        <translation>连接办公室服务器上的共享客户本…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
