<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AftersalesPage</name>
    <message>
        <source>Cases</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案例</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>New complaint…</source>
        <translation>新投诉…</translation>
    </message>
    <message>
        <source>New mid/bad review…</source>
        <translation>新中差评…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>No cases. Record a complaint or a mid/bad review from the buttons above, a customer&apos;s record or an order.</source>
        <translation>暂无售后案例。可通过上方按钮、客户资料或订单记录投诉或中差评。</translation>
    </message>
    <message>
        <source>Save chart…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <source>Complaints %1 · reviews %2 · review rescue rate %3 (%4 of %2) · median first response %5 h · compensation %6</source>
        <translation>投诉 %1 · 中差评 %2 · 挽回率 %3（%2 条中 %4 条）· 首次响应中位数 %5 小时 · 补偿 %6</translation>
    </message>
    <message>
        <source>Choose the customer</source>
        <translation>选择客户</translation>
    </message>
    <message>
        <source>Export cases</source>
        <translation>导出售后案例</translation>
    </message>
    <message>
        <source>after-sales cases.xlsx</source>
        <translation>售后案例.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>after-sales.png</source>
        <translation>售后统计.png</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
</TS>
