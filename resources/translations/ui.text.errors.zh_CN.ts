<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ErrorText</name>
    <message>
        <source>A customer needs at least a name, a phone number, a WeChat ID or a buyer ID.</source>
        <translation>客户至少需要称呼、电话、微信号或买家 ID 中的一项。</translation>
    </message>
    <message>
        <source>“%value” is not a phone number.</source>
        <translation>“%value”不是电话号码。</translation>
    </message>
    <message>
        <source>The birthday month must be between 1 and 12.</source>
        <translation>生日月份必须在 1 到 12 之间。</translation>
    </message>
    <message>
        <source>That day does not exist in the birthday month.</source>
        <translation>生日月份中没有这一天。</translation>
    </message>
    <message>
        <source>The birth year is not plausible.</source>
        <translation>出生年份不合理。</translation>
    </message>
    <message>
        <source>Someone else saved this customer in the meantime. Close the window and open it again.</source>
        <translation>这位客户刚被别人修改并保存了。请关闭窗口后重新打开。</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>这位客户已不存在。</translation>
    </message>
    <message>
        <source>Another program (an import from the command line?) is writing to the book right now. Nothing was saved; try again in a moment.</source>
        <translation>另一个程序（可能是命令行导入）正在写入客户本，这次没有保存；请稍后再试。</translation>
    </message>
    <message>
        <source>A customer cannot be merged with itself.</source>
        <translation>客户不能与自己合并。</translation>
    </message>
    <message>
        <source>Someone else saved this order in the meantime. Close the window and open it again.</source>
        <translation>这个订单刚被别人修改并保存了。请关闭窗口后重新打开。</translation>
    </message>
    <message>
        <source>This order no longer exists.</source>
        <translation>这个订单已不存在。</translation>
    </message>
    <message>
        <source>Amounts cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>The refund (%value) is more than what was paid (%limit): lower the refund, or keep the line that was refunded.</source>
        <translation>退款金额（%value）大于实付金额（%limit）：请调低退款金额，或保留已退款的那一行商品。</translation>
    </message>
    <message>
        <source>Each item needs a product or a description.</source>
        <translation>每件商品都需要选择商品或填写描述。</translation>
    </message>
    <message>
        <source>Quantities must be at least 1.</source>
        <translation>数量至少为 1。</translation>
    </message>
    <message>
        <source>Another order already has this order number on this platform.</source>
        <translation>这个平台上已有订单使用这个订单号。</translation>
    </message>
    <message>
        <source>The order number is too long.</source>
        <translation>订单号太长。</translation>
    </message>
    <message>
        <source>A text is too long: at most %limit characters.</source>
        <translation>有一项文字太长：最多 %limit 个字。</translation>
    </message>
    <message>
        <source>Unknown order status.</source>
        <translation>未知的订单状态。</translation>
    </message>
    <message>
        <source>A product needs a name.</source>
        <translation>商品需要名称。</translation>
    </message>
    <message>
        <source>There is already a product with this name.</source>
        <translation>已有同名商品。</translation>
    </message>
    <message>
        <source>This product no longer exists.</source>
        <translation>这个商品已不存在。</translation>
    </message>
    <message>
        <source>A product cannot be merged with itself.</source>
        <translation>商品不能与自身合并。</translation>
    </message>
    <message>
        <source>Someone else saved this product in the meantime. Close the window and open it again.</source>
        <translation>这个商品刚被别人修改并保存了。请关闭窗口后重新打开。</translation>
    </message>
    <message>
        <source>The price cannot be negative.</source>
        <translation>价格不能为负数。</translation>
    </message>
    <message>
        <source>The usage cycle must be a positive number of days.</source>
        <translation>使用周期必须是正的天数。</translation>
    </message>
    <message>
        <source>The reminder lead time must be zero or more days.</source>
        <translation>提前提醒天数不能为负。</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>标签需要名称。</translation>
    </message>
    <message>
        <source>The shop name is too long: at most %limit characters.</source>
        <translation>店铺名称太长：最多 %limit 个字。</translation>
    </message>
    <message>
        <source>Unknown platform “%value”.</source>
        <translation>未知的平台“%value”。</translation>
    </message>
    <message>
        <source>Each contact time needs a start before its end, and the times must not overlap.</source>
        <translation>每个联系时段的开始时间要早于结束时间，而且时段之间不能重叠。</translation>
    </message>
    <message>
        <source>Today&apos;s list holds between 1 and %limit tasks a day.</source>
        <translation>今天的清单每天列出 1 到 %limit 项。</translation>
    </message>
    <message>
        <source>A member level needs a name.</source>
        <translation>会员等级需要名称。</translation>
    </message>
    <message>
        <source>There is already a member level called “%value”.</source>
        <translation>已经有名为“%value”的会员等级。</translation>
    </message>
    <message>
        <source>A member level needs a spend threshold, a purchase-days threshold or both.</source>
        <translation>会员等级至少需要一个门槛：累计消费或购买天数。</translation>
    </message>
    <message>
        <source>The member discount must be between 1 % and 100 % of the price (100 % = no discount).</source>
        <translation>会员支付比例必须在原价的 1% 到 100% 之间（100% 表示不打折）。</translation>
    </message>
    <message>
        <source>This member level no longer exists.</source>
        <translation>该会员等级已不存在。</translation>
    </message>
    <message>
        <source>Enter a number of points above zero.</source>
        <translation>请填写大于零的积分数。</translation>
    </message>
    <message>
        <source>Say why the points are given: the reason goes into every customer&apos;s points ledger.</source>
        <translation>请填写赠送原因：它会记入每位客户的积分明细。</translation>
    </message>
    <message>
        <source>The customer does not have that many points.</source>
        <translation>该客户的积分不够。</translation>
    </message>
    <message>
        <source>That is more points than this order is worth: use at most %max points.</source>
        <translation>积分超过了这笔订单的金额：最多只能用 %max 积分。</translation>
    </message>
    <message>
        <source>Unknown points rule.</source>
        <translation>未知的积分规则。</translation>
    </message>
    <message>
        <source>Points cannot be negative, and redeeming needs at least 1 point per yuan.</source>
        <translation>积分不能为负数，抵扣 1 元至少需要 1 积分。</translation>
    </message>
    <message>
        <source>Unknown setting.</source>
        <translation>未知的设置项。</translation>
    </message>
    <message>
        <source>Unknown kind of coupon.</source>
        <translation>未知的优惠券类型。</translation>
    </message>
    <message>
        <source>A coupon&apos;s value and threshold cannot be negative.</source>
        <translation>优惠券的面额和门槛不能为负数。</translation>
    </message>
    <message>
        <source>A coupon cannot expire before it is issued.</source>
        <translation>优惠券的到期日不能早于发放日。</translation>
    </message>
    <message>
        <source>This coupon no longer exists.</source>
        <translation>该优惠券已不存在。</translation>
    </message>
    <message>
        <source>This coupon was used already.</source>
        <translation>该优惠券已经用过了。</translation>
    </message>
    <message>
        <source>This coupon belongs to another customer.</source>
        <translation>该优惠券属于另一位客户。</translation>
    </message>
    <message>
        <source>This coupon expired on %value, before the order date.</source>
        <translation>该优惠券已于 %value 到期，早于下单日期。</translation>
    </message>
    <message>
        <source>The goods of this order do not reach the coupon&apos;s threshold.</source>
        <translation>本单商品金额未达到优惠券的使用门槛。</translation>
    </message>
    <message>
        <source>A saved segment needs a name.</source>
        <translation>保存的分群需要名称。</translation>
    </message>
    <message>
        <source>There is already a segment called “%value”.</source>
        <translation>已经有名为“%value”的分群。</translation>
    </message>
    <message>
        <source>“%value” is not a valid value for this filter.</source>
        <translation>“%value”不是这个筛选条件的有效值。</translation>
    </message>
    <message>
        <source>Unknown filter in the segment.</source>
        <translation>分群里有未知的筛选条件。</translation>
    </message>
    <message>
        <source>This segment no longer exists.</source>
        <translation>该分群已不存在。</translation>
    </message>
    <message>
        <source>A campaign needs a name.</source>
        <translation>活动需要名称。</translation>
    </message>
    <message>
        <source>A campaign needs a message.</source>
        <translation>活动需要消息内容。</translation>
    </message>
    <message>
        <source>The days to wait for an answer must be at least 1.</source>
        <translation>等待回复的天数至少为 1 天。</translation>
    </message>
    <message>
        <source>This campaign no longer exists.</source>
        <translation>这个活动已不存在。</translation>
    </message>
    <message>
        <source>This customer is not on the campaign&apos;s list.</source>
        <translation>这位客户不在活动的名单里。</translation>
    </message>
    <message>
        <source>This campaign has already reached customers, so it cannot be deleted.</source>
        <translation>这个活动已经触达过客户，不能删除。</translation>
    </message>
    <message>
        <source>Unknown exclusion in the segment.</source>
        <translation>分群里有未知的排除条件。</translation>
    </message>
    <message>
        <source>There is no book at %path. Create one with: huitouke init %path</source>
        <translation>%path 处没有客户本。可以这样新建一个：huitouke init %path</translation>
    </message>
    <message>
        <source>%path already exists; it was not overwritten.</source>
        <translation>%path 已经存在，没有覆盖它。</translation>
    </message>
    <message>
        <source>The book %path is open in another window or program. Close it there first.</source>
        <translation>客户本 %path 正在另一个窗口或程序中打开。请先在那里关闭它。</translation>
    </message>
    <message>
        <source>This import is still being written; undo it once it has finished.</source>
        <translation>这次导入还在写入中，请等它完成后再撤销。</translation>
    </message>
    <message>
        <source>The export is an Excel workbook: give %path the ending .xlsx (a CSV cannot hold its sheets).</source>
        <translation>导出的是 Excel 工作簿：请把 %path 的结尾改成 .xlsx（CSV 放不下多张工作表）。</translation>
    </message>
    <message>
        <source>The folder of %path does not exist: nothing was exported. Choose a folder that exists.</source>
        <translation>%path 所在的文件夹不存在，什么都没有导出。请选一个已有的文件夹。</translation>
    </message>
    <message>
        <source>The folder of %path cannot be written to: nothing was exported. Choose another folder.</source>
        <translation>%path 所在的文件夹不能写入，什么都没有导出。请换一个文件夹。</translation>
    </message>
    <message>
        <source>%path is not a Huitouke book. It was left exactly as it is.</source>
        <translation>%path 不是回头客的客户本，没有做任何改动。</translation>
    </message>
    <message>
        <source>%path is a folder, not a book file. Choose a book file.</source>
        <translation>%path 是一个文件夹，不是客户本文件。请选择一个客户本文件。</translation>
    </message>
    <message>
        <source>The folder of %path does not exist.</source>
        <translation>%path 所在的文件夹不存在。</translation>
    </message>
    <message>
        <source>The folder of %path cannot be written to, so the book cannot be opened there. The book itself is not damaged: copy it to a folder you can write to, or change the folder&apos;s permissions.</source>
        <translation>%path 所在的文件夹不能写入，所以无法在那里打开客户本。客户本本身没有损坏：请把它复制到可以写入的文件夹，或者修改该文件夹的权限。</translation>
    </message>
    <message>
        <source>%path cannot be read and written (it is read-only). The book is not damaged: change the file&apos;s permissions or copy it elsewhere.</source>
        <translation>%path 无法读写（它是只读的）。客户本没有损坏：请修改文件权限，或把它复制到别处。</translation>
    </message>
    <message>
        <source>This book comes from an early test version of Huitouke and cannot be upgraded. Open a backup, or export it with the version that made it.</source>
        <translation>这个客户本来自回头客的早期测试版本，无法升级。请打开一份备份，或用创建它的那个版本把数据导出。</translation>
    </message>
    <message>
        <source>The book was closed before this work finished; nothing more was saved. Open the book again.</source>
        <translation>客户本在这项工作完成前已关闭，之后的内容没有保存。请重新打开客户本。</translation>
    </message>
    <message>
        <source>The book is still being checked; nothing was saved. Try again in a moment.</source>
        <translation>客户本还在检查中，这次没有保存。请稍后再试。</translation>
    </message>
    <message>
        <source>The book is damaged, so nothing more is written to it. Restore a backup: Settings → Backups in the app, or huitouke restore on the command line.</source>
        <translation>客户本已损坏，不会再写入任何内容。请恢复一个备份：在软件里打开 设置 → 备份，或在命令行运行 huitouke restore。</translation>
    </message>
    <message>
        <source>The disk is full; nothing was saved and the book is unchanged. Free some space and try again.</source>
        <translation>磁盘已满，这次没有保存，客户本保持原样。请腾出一些空间后再试。</translation>
    </message>
    <message>
        <source>The book was written by a newer version of Huitouke. Please update the app.</source>
        <translation>这个客户本是由更新版本的回头客写入的。请更新软件。</translation>
    </message>
    <message>
        <source>There is no backup at %file.</source>
        <translation>%file 处没有备份。</translation>
    </message>
    <message>
        <source>This backup is damaged; nothing was restored.</source>
        <translation>这个备份已损坏，没有恢复任何内容。</translation>
    </message>
    <message>
        <source>A shared book is backed up on its server (pg_dump), not by Huitouke.</source>
        <translation>共享客户本在它的服务器上备份（pg_dump），不由回头客备份。</translation>
    </message>
    <message>
        <source>This import no longer exists.</source>
        <translation>这次导入已不存在。</translation>
    </message>
    <message>
        <source>This import was undone already.</source>
        <translation>这次导入已经撤销过了。</translation>
    </message>
    <message>
        <source>“%value” is not a date: write it like 2026-01-31.</source>
        <translation>“%value”不是日期：请写成 2026-01-31 这样的格式。</translation>
    </message>
    <message>
        <source>The start date %start is after the end date %end.</source>
        <translation>开始日期 %start 晚于结束日期 %end。</translation>
    </message>
    <message>
        <source>Nothing to export called “%what”: choose customers, orders, reminders, aftersales or all.</source>
        <translation>没有名为“%what”的导出内容：请选择 customers、orders、reminders、aftersales 或 all。</translation>
    </message>
    <message>
        <source>%path is a folder: give the export a file name, such as customers.xlsx.</source>
        <translation>%path 是一个文件夹：请给导出的文件起个名字，比如 客户.xlsx。</translation>
    </message>
    <message>
        <source>A demo book cannot have %value customers: choose between 0 and 1,000,000.</source>
        <translation>演示客户本不能有 %value 位客户：请在 0 到 1,000,000 之间选择。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消：没有写入任何内容。</translation>
    </message>
    <message>
        <source>Cancelled: the figures were not computed.</source>
        <translation>已取消：没有计算数据。</translation>
    </message>
    <message>
        <source>Unknown command “%command”.</source>
        <translation>未知命令“%command”。</translation>
    </message>
    <message>
        <source>The command “%command” is not available in this version.</source>
        <translation>这个版本没有“%command”命令。</translation>
    </message>
    <message>
        <source>This task no longer exists.</source>
        <translation>这个任务已不存在。</translation>
    </message>
    <message>
        <source>Someone else changed this task in the meantime. Refresh the list and try again.</source>
        <translation>这个任务刚被别人修改了。请刷新列表后再试。</translation>
    </message>
    <message>
        <source>This task is already done or dismissed.</source>
        <translation>这个任务已经完成或已忽略。</translation>
    </message>
    <message>
        <source>A task needs a title.</source>
        <translation>任务需要标题。</translation>
    </message>
    <message>
        <source>A task can only be postponed to a later date.</source>
        <translation>任务只能推迟到以后的日期。</translation>
    </message>
    <message>
        <source>Unknown result for a task.</source>
        <translation>未知的任务结果。</translation>
    </message>
    <message>
        <source>Unknown way of contacting the customer.</source>
        <translation>未知的联系方式。</translation>
    </message>
    <message>
        <source>Unknown kind of complaint.</source>
        <translation>未知的投诉类型。</translation>
    </message>
    <message>
        <source>Unknown step of a complaint.</source>
        <translation>未知的投诉处理步骤。</translation>
    </message>
    <message>
        <source>Unknown kind of compensation.</source>
        <translation>未知的补偿方式。</translation>
    </message>
    <message>
        <source>Unknown risk sign “%value”.</source>
        <translation>未知的风险特征“%value”。</translation>
    </message>
    <message>
        <source>Unknown result of a contact attempt.</source>
        <translation>未知的联系结果。</translation>
    </message>
    <message>
        <source>Unknown kind of offer for a review.</source>
        <translation>未知的评价挽回方式。</translation>
    </message>
    <message>
        <source>Unknown outcome of a review.</source>
        <translation>未知的评价处理结果。</translation>
    </message>
    <message>
        <source>Unknown kind of review.</source>
        <translation>未知的评价类型。</translation>
    </message>
    <message>
        <source>“%value” is not a valid value for this setting.</source>
        <translation>“%value”不是这个设置的有效值。</translation>
    </message>
    <message>
        <source>Unknown selection of customers.</source>
        <translation>未知的客户筛选。</translation>
    </message>
    <message>
        <source>Unknown RFM segment “%value”.</source>
        <translation>未知的 RFM 分群“%value”。</translation>
    </message>
    <message>
        <source>A demo book is a file on this computer: give a file path, not a server address.</source>
        <translation>演示客户本是本机上的一个文件：请给出文件路径，而不是服务器地址。</translation>
    </message>
    <message>
        <source>A shared book is restored on its server (pg_restore), not by Huitouke.</source>
        <translation>共享客户本要在它的服务器上恢复（pg_restore），回头客不负责恢复。</translation>
    </message>
    <message>
        <source>The backup could not be verified, so it was not kept. The book itself is unchanged; check the disk and try again.</source>
        <translation>备份校验没有通过，所以没有保留。客户本本身没有变化；请检查磁盘后再试。</translation>
    </message>
    <message>
        <source>%path could not be read. It was left exactly as it is: check that the file is not in use or on a removed disk.</source>
        <translation>无法读取 %path，文件保持原样：请确认文件没有被其他程序占用，也不在已拔出的磁盘上。</translation>
    </message>
    <message>
        <source>A backup could not be rewritten without the erased customer; it was left as it was.</source>
        <translation>有一个备份无法在去掉已彻底删除的客户后重写，该备份保持原样。</translation>
    </message>
    <message>
        <source>“%value” is not allowed for this threshold.</source>
        <translation>“%value”不是该阈值允许的值。</translation>
    </message>
    <message>
        <source>Unknown threshold.</source>
        <translation>未知的阈值。</translation>
    </message>
</context>
</TS>
