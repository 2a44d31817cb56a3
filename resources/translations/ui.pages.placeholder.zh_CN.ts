<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This page arrives in a later version. It will:</source>
        <translation>此页面将在后续版本中提供。它将：</translation>
    </message>
</context>
</TS>
