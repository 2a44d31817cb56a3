<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Message template — placeholders: {name} {product} {shop} {days} {coupon} {date} {level} (or {昵称} {商品} {店铺} {等级})</source>
        <translation>消息模板——占位符：{name} {product} {shop} {days} {coupon} {date} {level}（或 {昵称} {商品} {店铺} {等级}）</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>预览：</translation>
    </message>
    <message>
        <source>Unknown placeholders (left out): %1</source>
        <translation>未知占位符（不会出现在消息里）：%1</translation>
    </message>
</context>
</TS>
