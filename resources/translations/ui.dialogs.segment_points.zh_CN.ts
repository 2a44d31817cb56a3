<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SegmentPointsDialog</name>
    <message>
        <source>Award points to this segment</source>
        <translation>给该分群赠送积分</translation>
    </message>
    <message>
        <source>Each of the %1 customers of this segment gets the points, with the reason in their points ledger.</source>
        <translation>该分群的 %1 位客户每人获得这些积分，原因会记入各自的积分明细。</translation>
    </message>
    <message>
        <source>Anniversary points</source>
        <translation>周年店庆积分</translation>
    </message>
    <message>
        <source>Points each:</source>
        <translation>每人积分：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
</TS>
