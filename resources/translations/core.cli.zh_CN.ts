<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>回头客 Huitouke — customer book for online sellers. Without a command: open the desktop app (on a .book file, or importing a spreadsheet given as the argument).</source>
        <translation>回头客 Huitouke — 网店卖家的客户本。不带命令时打开桌面软件（可以给一个 .book 文件打开它，或给一个表格文件导入它）。</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>显示版本号后退出</translation>
    </message>
    <message>
        <source>book file or postgresql:// URL (default: the book in the data folder)</source>
        <translation>客户本文件或 postgresql:// 地址（默认：数据文件夹里的客户本）</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>the book (default: --book before the command, else the default book)</source>
        <translation>客户本（默认：命令前的 --book，否则为默认客户本）</translation>
    </message>
    <message>
        <source>print JSON for scripts</source>
        <translation>输出 JSON，供脚本使用</translation>
    </message>
    <message>
        <source>create an empty book (refuses to overwrite one)</source>
        <translation>新建一个空客户本（不会覆盖已有的）</translation>
    </message>
    <message>
        <source>where (default: --book, else the book in the data folder)</source>
        <translation>位置（默认：--book，否则为数据文件夹里的客户本）</translation>
    </message>
    <message>
        <source>create a realistic demo book</source>
        <translation>新建一个接近真实的演示客户本</translation>
    </message>
    <message>
        <source>the book&apos;s today, YYYY-MM-DD (default: today)</source>
        <translation>客户本中的“今天”，格式 YYYY-MM-DD（默认：今天）</translation>
    </message>
    <message>
        <source>import an Excel/CSV file</source>
        <translation>导入 Excel/CSV 文件</translation>
    </message>
    <message>
        <source>the .xlsx, .xls, .csv or .ods file</source>
        <translation>要导入的 .xlsx、.xls、.csv 或 .ods 文件</translation>
    </message>
    <message>
        <source>what the file is when its headers do not say: taobao, taobao_detail, pinduoduo, douyin, youzan, own…</source>
        <translation>表头认不出时指定文件类型：taobao、taobao_detail、pinduoduo、douyin、youzan、own…</translation>
    </message>
    <message>
        <source>say what would change; write nothing</source>
        <translation>只检查并说明会改动什么，不写入</translation>
    </message>
    <message>
        <source>import nothing when any row has a problem</source>
        <translation>只要有一行有问题就什么都不导入</translation>
    </message>
    <message>
        <source>the day reminders are regenerated for, YYYY-MM-DD (default: today)</source>
        <translation>按哪一天重新生成提醒，YYYY-MM-DD（默认：今天）</translation>
    </message>
    <message>
        <source>export to .xlsx</source>
        <translation>导出为 .xlsx</translation>
    </message>
    <message>
        <source>the .xlsx file to write</source>
        <translation>要写出的 .xlsx 文件</translation>
    </message>
    <message>
        <source>which sheets (default: all, a copy of the whole book)</source>
        <translation>导出哪些表（默认 all：整本客户本的副本）</translation>
    </message>
    <message>
        <source>language of the sheets: zh_CN or en</source>
        <translation>工作表的语言：zh_CN 或 en</translation>
    </message>
    <message>
        <source>every product with its cycle, suggested cycle, buyers and units sold</source>
        <translation>列出每个商品的使用周期、建议周期、购买人数和卖出件数</translation>
    </message>
    <message>
        <source>repurchase figures</source>
        <translation>复购数据</translation>
    </message>
    <message>
        <source>back up the book now</source>
        <translation>立即备份客户本</translation>
    </message>
    <message>
        <source>replace the book with a backup</source>
        <translation>用备份替换客户本</translation>
    </message>
    <message>
        <source>check the book&apos;s integrity</source>
        <translation>检查客户本是否完好</translation>
    </message>
    <message>
        <source>not a date (YYYY-MM-DD): %1</source>
        <translation>不是日期（YYYY-MM-DD）：%1</translation>
    </message>
    <message>
        <source>An import stopped halfway (batch %1) was undone: the book is as it was before it.</source>
        <translation>一次中途停止的导入（批次 %1）已撤销：账本已恢复到导入之前的样子。</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>已新建 %1</translation>
    </message>
    <message>
        <source>Created demo book %1: %2 customers, %3 orders</source>
        <translation>已新建演示客户本 %1：%2 位客户，%3 个订单</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <source>Restored %1 from %2 (the state before was saved to %3)</source>
        <translation>已从 %2 恢复 %1（恢复前的状态保存在 %3）</translation>
    </message>
    <message>
        <source>Restored %1 from %2</source>
        <translation>已从 %2 恢复 %1</translation>
    </message>
    <message>
        <source>OK: %1 (schema %2; %3)</source>
        <translation>完好：%1（结构版本 %2；%3）</translation>
    </message>
    <message>
        <source>Import batch %1 is unfinished: being written now, or stopped halfway (it is undone the next time the book is opened).</source>
        <translation>导入批次 %1 尚未完成：正在写入，或中途停止（下次打开账本时会自动撤销）。</translation>
    </message>
    <message>
        <source>Problems in %1:</source>
        <translation>%1 有问题：</translation>
    </message>
    <message>
        <source> (%1 days late)</source>
        <translation>（逾期 %1 天）</translation>
    </message>
    <message>
        <source>Nothing due.</source>
        <translation>没有到期的任务。</translation>
    </message>
    <message>
        <source>%1 customers are churned and %2 dormant: their reminders expired (a task long overdue closes by itself). Find them by stage in the app&apos;s customer list.</source>
        <translation>另有 %1 位客户已流失、%2 位沉睡：他们的提醒已经过期（逾期太久的任务会自动关闭）。可在软件的客户列表里按阶段查看。</translation>
    </message>
    <message>
        <source>suggested %1 days from %2 intervals</source>
        <translation>建议 %1 天（依据 %2 次回购间隔）</translation>
    </message>
    <message>
        <source>no suggestion</source>
        <translation>暂无建议</translation>
    </message>
    <message>
        <source>%1: cycle %2, lead %3 days, %4, %5 buyers, %6 units</source>
        <translation>%1：周期 %2，提前 %3 天，%4，%5 位买家，%6 件</translation>
    </message>
    <message>
        <source>No products.</source>
        <translation>还没有商品。</translation>
    </message>
    <message>
        <source>%1, sheet %2: kept in the customer&apos;s note (no field of the book): %3</source>
        <translation>%1，工作表 %2：这些列没有对应的字段，会记在客户备注里：%3</translation>
    </message>
    <message>
        <source>Would import: %1</source>
        <translation>预计导入：%1</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>已导入：%1</translation>
    </message>
    <message>
        <source>%1 new customers, %2 updated, %3 new orders, %4 updated, %5 unchanged, %6 new products, %7 items added to orders already in the book; %8 rows skipped</source>
        <translation>新客户 %1 位，更新 %2 位；新订单 %3 个，更新 %4 个，未变 %5 个；新商品 %6 个；为已有订单补充商品明细 %7 条；跳过 %8 行</translation>
    </message>
    <message>
        <source>Exported %1: %2</source>
        <translation>已导出 %1：%2</translation>
    </message>
    <message>
        <source>%1 Did you mean: %2?</source>
        <translation>%1您是不是想用：%2？</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>the day&apos;s list (at most the daily capacity, ranked)</source>
        <translation>今天的清单（最多为每日处理量，按先后排好）</translation>
    </message>
    <message>
        <source>every open task due, not just the day&apos;s list</source>
        <translation>所有到期未办的任务，而不只是今天的清单</translation>
    </message>
    <message>
        <source>%1, sheet %2, row %3, column %4: %5 (left out: %6)</source>
        <translation>%1，工作表 %2，第 %3 行，%4 列：%5（未导入：%6）</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>More: %1 COMMAND --help</source>
        <translation>详细说明：%1 命令 --help</translation>
    </message>
    <message>
        <source>Unexpected error; details in %1</source>
        <translation>发生意外错误；详情见 %1</translation>
    </message>
</context>
</TS>
