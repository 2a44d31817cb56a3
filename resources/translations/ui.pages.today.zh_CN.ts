<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TodayPage</name>
    <message>
        <source>Next 7 days</source>
        <translation>未来 7 天</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>新建任务…</translation>
    </message>
    <message>
        <source>Update reminders</source>
        <translation>更新提醒</translation>
    </message>
    <message>
        <source>Not in the list? Type a customer&apos;s name or phone and press Enter</source>
        <translation>某位客户不在列表里？输入姓名或手机号后按回车查看原因</translation>
    </message>
    <message>
        <source>Copy and mark contacted (Enter)</source>
        <translation>复制并标记已联系（回车）</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <source>Snooze…</source>
        <translation>推迟…</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>3 days</source>
        <translation>3 天</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation>推迟到某天…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Keys: Enter copy + contacted · C copy · N no answer · B bought · D declined · S snooze a day · K skip · O open customer</source>
        <translation>快捷键：回车 复制并已联系 · C 复制 · N 未接通 · B 已购买 · D 已拒绝 · S 推迟一天 · K 跳过 · O 打开客户</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>Best time to contact: %1 (%2)</source>
        <translation>最佳联系时间：%1（%2）</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>今日待办 · %1</translation>
    </message>
    <message>
        <source>%1 in the next 7 days</source>
        <translation>未来 7 天 %1 项</translation>
    </message>
    <message>
        <source>%1 for today · %2 due in all · %3 overdue</source>
        <translation>今天 %1 项 · 共 %2 项到期 · %3 项逾期</translation>
    </message>
    <message>
        <source>Today&apos;s list holds your daily capacity (%1, in Settings → My shop); the rest waits one click away.</source>
        <translation>今天的清单按您每天能处理的数量列出（%1 项，可在“设置 → 我的店铺”修改）；其余的点一下就能看到。</translation>
    </message>
    <message>
        <source>More: %1</source>
        <translation>更多 %1 项</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择</translation>
    </message>
    <message>
        <source>All done for today.</source>
        <translation>今天的都处理完了。</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>手机：%1</translation>
    </message>
    <message>
        <source>WeChat: %1</source>
        <translation>微信：%1</translation>
    </message>
    <message>
        <source>No phone or WeChat</source>
        <translation>没有手机号或微信</translation>
    </message>
    <message>
        <source>Unknown placeholders left out of the message: %1 (fix the template in Settings)</source>
        <translation>消息中省略了未知占位符：%1（请在设置中修改模板）</translation>
    </message>
    <message>
        <source>Skip all %1 “%2” tasks…</source>
        <translation>跳过全部 %1 项“%2”…</translation>
    </message>
    <message>
        <source>Snooze all %1 by 1 day</source>
        <translation>全部 %1 项推迟 1 天</translation>
    </message>
    <message>
        <source>Snooze all %1 by 3 days</source>
        <translation>全部 %1 项推迟 3 天</translation>
    </message>
    <message>
        <source>Snooze all %1 by 7 days</source>
        <translation>全部 %1 项推迟 7 天</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <source>Skip all %1 “%2” tasks? Each is kept in the contact log as skipped.</source>
        <translation>跳过全部 %1 项“%2”吗？每一项都会以“已跳过”记入联系记录。</translation>
    </message>
    <message>
        <source>No customer matches “%1”.</source>
        <translation>没有找到“%1”。</translation>
    </message>
</context>
</TS>
