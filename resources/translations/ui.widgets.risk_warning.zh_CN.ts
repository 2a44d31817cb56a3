<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RiskWarningBanner</name>
    <message>
        <source>⚠ Risk buyer: %1 is flagged as a suspected professional bad-reviewer. Keep records and be careful with promises.</source>
        <translation>⚠ 风险买家：%1 被标记为疑似职业差评师。请保留记录，谨慎承诺。</translation>
    </message>
    <message>
        <source>Signs (%1 of %2): %3</source>
        <translation>特征（%1 / %2）：%3</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>证据：%1</translation>
    </message>
</context>
</TS>
