<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>The search found %1 more pairs that are not listed here (only the first %2 are). Merge these pairs or mark them as different people, then search again (Customers → Find duplicate customers…): the others are listed then.</source>
        <translation>查找还发现了另外 %1 对可能重复的客户，这里没有列出（只列出前 %2 对）。请先合并这些客户或标记为不同的人，然后再查找一次（客户 → 查找重复客户…），就会列出其余的。</translation>
    </message>
    <message>
        <source>Find duplicate customers</source>
        <translation>查找重复客户</translation>
    </message>
</context>
<context>
    <name>MergeReviewDialog</name>
    <message>
        <source>Customers that may be the same person</source>
        <translation>可能是同一个人的客户</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>MergeReviewWidget</name>
    <message>
        <source>Merge all</source>
        <translation>全部合并</translation>
    </message>
    <message>
        <source>Keep all separate</source>
        <translation>全部保留为不同的人</translation>
    </message>
    <message>
        <source>Merged into the other</source>
        <translation>合并时并入右边</translation>
    </message>
    <message>
        <source>Kept by a merge</source>
        <translation>合并后保留</translation>
    </message>
    <message>
        <source>Created by this import</source>
        <translation>本次导入新建</translation>
    </message>
    <message>
        <source>Already in the book</source>
        <translation>客户本中已有</translation>
    </message>
    <message>
        <source>Why they look alike</source>
        <translation>为什么像同一个人</translation>
    </message>
    <message>
        <source>These customers of the book look like one person. Merge the pairs that are one person (every order, note and task of both is kept; the kept customer&apos;s name and phone stay), mark the others as different people: they are not listed again.</source>
        <translation>客户本里这些客户看起来是同一个人。是同一个人的就合并（两人的订单、备注和待办全部保留，保留的客户的姓名和手机号不变），不是的标记为不是同一个人：以后不再列出。</translation>
    </message>
    <message>
        <source>No customers of the book look like the same person.</source>
        <translation>客户本里没有看起来是同一个人的客户。</translation>
    </message>
    <message>
        <source>These customers of the file share only a name with a customer in the book, or what a platform left visible of their name and phone fits one. This was only a check: after the import you can merge each pair or keep them separate.</source>
        <translation>文件中的这些客户与客户本中的客户只是同名，或平台打码后露出的姓名和手机号与某位客户相符。这只是检查：正式导入后可以逐对合并或保留为不同的人。</translation>
    </message>
    <message>
        <source>These new customers share only a name with a customer already in the book, or what a platform left visible of their name and phone fits one. Merge the pairs that are one person (every order, note and task is kept; the book customer&apos;s name and phone stay), keep the others separate. Pairs you leave open can be reviewed later from the import history.</source>
        <translation>这些新客户与客户本中已有客户只是同名，或平台打码后露出的姓名和手机号与某位已有客户相符。是同一个人的请合并（订单、备注和任务都会保留，已有客户的姓名和手机号不变），不是的请保留为不同的人。暂不处理的可以以后在“导入记录”里再核对。</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>WeChat: %1</source>
        <translation>微信：%1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <source>Orders: %1</source>
        <translation>订单：%1 笔</translation>
    </message>
    <message>
        <source>Buyer ID: %1</source>
        <translation>买家账号：%1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Same name “%1”</source>
        <translation>同名“%1”</translation>
    </message>
    <message>
        <source>The platform hid part of the name “%1” and of the phone: what it shows fits this customer, at the same address</source>
        <translation>平台隐去了部分姓名“%1”和手机号：露出的部分与这位客户相符，且收货地址相同</translation>
    </message>
    <message>
        <source>A phone number or buyer ID of one is kept as another number of the other</source>
        <translation>一位的手机号或买家账号是另一位记下的其他号码</translation>
    </message>
    <message>
        <source>The platform hid the buyer the same way (“%1”, the same visible phone digits) at the same address</source>
        <translation>平台以相同方式打码的买家（“%1”，手机号露出的数字相同），收货地址相同</translation>
    </message>
    <message>
        <source>Same name “%1” at the same address, no different phone numbers</source>
        <translation>同名“%1”，收货地址相同，手机号不冲突</translation>
    </message>
    <message>
        <source>different phone numbers</source>
        <translation>电话不同</translation>
    </message>
    <message>
        <source>only one has a phone number</source>
        <translation>只有一方有电话</translation>
    </message>
    <message>
        <source>different WeChat IDs</source>
        <translation>微信号不同</translation>
    </message>
    <message>
        <source>different addresses</source>
        <translation>地址不同</translation>
    </message>
    <message>
        <source>only one has an address</source>
        <translation>只有一方有地址</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Same person: merge</source>
        <translation>是同一个人：合并</translation>
    </message>
    <message>
        <source>Different people</source>
        <translation>不是同一个人</translation>
    </message>
    <message>
        <source>Merge each of the %1 pairs? Every order, note and task of both is kept.</source>
        <translation>合并全部 %1 对客户？两人的订单、备注和待办全部保留。</translation>
    </message>
    <message>
        <source>Merge each of the %1 pairs into the customer already in the book?</source>
        <translation>把这 %1 对客户都合并到客户本中已有的那位吗？</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>Kept separate</source>
        <translation>已保留为不同的人</translation>
    </message>
</context>
</TS>
