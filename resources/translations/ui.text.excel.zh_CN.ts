<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExcelLabels</name>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Name / nickname</source>
        <translation>称呼 / 昵称</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>真实姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation>其他电话</translation>
    </message>
    <message>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>Buyer ID</source>
        <translation>买家会员名</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Whole address</source>
        <translation>完整地址</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Address detail</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Personality</source>
        <translation>性格、沟通注意</translation>
    </message>
    <message>
        <source>Customer number in this file</source>
        <translation>本文件中的客户编号</translation>
    </message>
    <message>
        <source>Keep in the customer&apos;s note</source>
        <translation>保留到客户备注</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>After-sales status</source>
        <translation>售后状态</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Shipped at</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <source>Delivered at</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <source>Completed at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Goods amount</source>
        <translation>商品金额</translation>
    </message>
    <message>
        <source>Postage</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Buyer message</source>
        <translation>买家留言</translation>
    </message>
    <message>
        <source>Seller note</source>
        <translation>卖家备注</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Receiver phone</source>
        <translation>收货人手机</translation>
    </message>
    <message>
        <source>Receiver address</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Line amount</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Order line number (sub-order)</source>
        <translation>子订单编号</translation>
    </message>
    <message>
        <source>Sub-order state (Huitouke export)</source>
        <translation>子订单状态（回头客导出）</translation>
    </message>
    <message>
        <source>Removed sub-order numbers (Huitouke export)</source>
        <translation>已删子订单编号（回头客导出）</translation>
    </message>
    <message>
        <source>Linked product (Huitouke export)</source>
        <translation>所属商品（回头客导出）</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Usage cycle (days)</source>
        <translation>使用周期（天）</translation>
    </message>
    <message>
        <source>Remind days before</source>
        <translation>提前提醒天数</translation>
    </message>
    <message>
        <source>Product code (SKU)</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Product status (on sale / discontinued)</source>
        <translation>商品状态（在售 / 停售）</translation>
    </message>
    <message>
        <source>Product note</source>
        <translation>商品备注</translation>
    </message>
    <message>
        <source>Other accounts (one &quot;kind: value&quot; a line)</source>
        <translation>其他账号（每行一个“类型：账号”）</translation>
    </message>
    <message>
        <source>My own sheet</source>
        <translation>我自己的表格</translation>
    </message>
    <message>
        <source>Taobao / Tmall order report</source>
        <translation>淘宝 / 天猫订单报表</translation>
    </message>
    <message>
        <source>Taobao order items (detail file)</source>
        <translation>淘宝宝贝明细（订单明细文件）</translation>
    </message>
    <message>
        <source>Pinduoduo orders</source>
        <translation>拼多多订单</translation>
    </message>
    <message>
        <source>Douyin shop orders</source>
        <translation>抖店订单</translation>
    </message>
    <message>
        <source>Youzan orders</source>
        <translation>有赞订单</translation>
    </message>
    <message>
        <source>Youzan customers</source>
        <translation>有赞客户</translation>
    </message>
    <message>
        <source>Products and usage cycles</source>
        <translation>商品和使用周期</translation>
    </message>
    <message>
        <source>Huitouke export: customers</source>
        <translation>回头客导出：客户</translation>
    </message>
    <message>
        <source>Huitouke export: customers (English)</source>
        <translation>回头客导出：客户（英文表头）</translation>
    </message>
    <message>
        <source>Huitouke export: orders</source>
        <translation>回头客导出：订单</translation>
    </message>
    <message>
        <source>Huitouke export: orders (English)</source>
        <translation>回头客导出：订单（英文表头）</translation>
    </message>
    <message>
        <source>Huitouke export: reminders (not imported)</source>
        <translation>回头客导出：提醒（不导入）</translation>
    </message>
    <message>
        <source>Huitouke export: reminders, English (not imported)</source>
        <translation>回头客导出：提醒，英文表头（不导入）</translation>
    </message>
    <message>
        <source>Huitouke export: tasks (for new customers)</source>
        <translation>回头客导出：提醒任务（仅为新建的客户导入）</translation>
    </message>
    <message>
        <source>Huitouke export: tasks, English (for new customers)</source>
        <translation>回头客导出：提醒任务，英文（仅为新建的客户导入）</translation>
    </message>
    <message>
        <source>Huitouke export: complaints (for new customers)</source>
        <translation>回头客导出：投诉（仅为新建的客户导入）</translation>
    </message>
    <message>
        <source>Huitouke export: complaints, English (for new customers)</source>
        <translation>回头客导出：投诉，英文（仅为新建的客户导入）</translation>
    </message>
    <message>
        <source>Huitouke export: mid and bad reviews (for new customers)</source>
        <translation>回头客导出：中差评（仅为新建的客户导入）</translation>
    </message>
    <message>
        <source>Huitouke export: mid and bad reviews, English (for new customers)</source>
        <translation>回头客导出：中差评，英文（仅为新建的客户导入）</translation>
    </message>
    <message>
        <source>Huitouke export: coupons (for new customers)</source>
        <translation>回头客导出：优惠券（仅为新建的客户导入）</translation>
    </message>
    <message>
        <source>Huitouke export: coupons, English (for new customers)</source>
        <translation>回头客导出：优惠券，英文（仅为新建的客户导入）</translation>
    </message>
    <message>
        <source>Huitouke export: contact log (for new customers)</source>
        <translation>回头客导出：联系记录（仅为新建的客户导入）</translation>
    </message>
    <message>
        <source>Huitouke export: contact log, English (for new customers)</source>
        <translation>回头客导出：联系记录，英文（仅为新建的客户导入）</translation>
    </message>
    <message>
        <source>Huitouke export: member levels</source>
        <translation>回头客导出：会员等级</translation>
    </message>
    <message>
        <source>Huitouke export: member levels (English)</source>
        <translation>回头客导出：会员等级（英文）</translation>
    </message>
    <message>
        <source>Huitouke export: message templates</source>
        <translation>回头客导出：话术模板</translation>
    </message>
    <message>
        <source>Huitouke export: message templates (English)</source>
        <translation>回头客导出：话术模板（英文）</translation>
    </message>
    <message>
        <source>Huitouke export: points ledger (for new customers)</source>
        <translation>回头客导出：积分明细（仅为新建的客户导入）</translation>
    </message>
    <message>
        <source>Huitouke export: points ledger, English (for new customers)</source>
        <translation>回头客导出：积分明细，英文（仅为新建的客户导入）</translation>
    </message>
    <message>
        <source>Huitouke export: marketing campaigns</source>
        <translation>回头客导出：营销活动</translation>
    </message>
    <message>
        <source>Huitouke export: marketing campaigns (English)</source>
        <translation>回头客导出：营销活动（英文）</translation>
    </message>
    <message>
        <source>Huitouke export: campaign customers (for new customers)</source>
        <translation>回头客导出：活动客户（仅为新建的客户导入）</translation>
    </message>
    <message>
        <source>Huitouke export: campaign customers, English (for new customers)</source>
        <translation>回头客导出：活动客户，英文（仅为新建的客户导入）</translation>
    </message>
    <message>
        <source>Huitouke export: products</source>
        <translation>回头客导出：商品</translation>
    </message>
    <message>
        <source>Huitouke export: products (English)</source>
        <translation>回头客导出：商品（英文表头）</translation>
    </message>
    <message>
        <source>Huitouke export: tags</source>
        <translation>回头客导出：标签</translation>
    </message>
    <message>
        <source>Huitouke export: tags (English)</source>
        <translation>回头客导出：标签（英文表头）</translation>
    </message>
    <message>
        <source>Huitouke export: after-sales (not imported)</source>
        <translation>回头客导出：售后（不导入）</translation>
    </message>
    <message>
        <source>Huitouke export: after-sales, English (not imported)</source>
        <translation>回头客导出：售后，英文（不导入）</translation>
    </message>
    <message>
        <source>not a date</source>
        <translation>不是日期</translation>
    </message>
    <message>
        <source>ambiguous date (day or month first)</source>
        <translation>日期有歧义（日在前还是月在前）</translation>
    </message>
    <message>
        <source>date without a year</source>
        <translation>日期没有年份</translation>
    </message>
    <message>
        <source>the order has no date</source>
        <translation>订单没有日期</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>not an amount of money</source>
        <translation>不是金额</translation>
    </message>
    <message>
        <source>not a whole quantity</source>
        <translation>数量不是整数</translation>
    </message>
    <message>
        <source>quantity is zero or negative</source>
        <translation>数量为零或负数</translation>
    </message>
    <message>
        <source>long number stored as a number: Excel already rounded its last digits (format the column as text)</source>
        <translation>长数字被存成了数字格式：Excel 已经把最后几位四舍五入了（请把这一列设为文本格式）</translation>
    </message>
    <message>
        <source>no name, phone, WeChat ID or buyer ID</source>
        <translation>没有姓名、电话、微信号或买家会员名</translation>
    </message>
    <message>
        <source>no product name</source>
        <translation>没有商品名称</translation>
    </message>
    <message>
        <source>no order number</source>
        <translation>没有订单号</translation>
    </message>
    <message>
        <source>not yes or no</source>
        <translation>不是“是”或“否”</translation>
    </message>
    <message>
        <source>product or amount without a date: the customer was imported, the purchase was not</source>
        <translation>有商品或金额但没有日期：客户已导入，这笔购买没有导入</translation>
    </message>
    <message>
        <source>this order is neither in the book nor in this import: import the order report first</source>
        <translation>客户本和本次导入中都没有这个订单：请先导入订单报表</translation>
    </message>
    <message>
        <source>the same order line as an earlier row (pasted twice?): read once, its amount counted once</source>
        <translation>与本订单前面一行是同一订单行（粘贴了两次？）：只读入一次，金额只计一次</translation>
    </message>
    <message>
        <source>the same goods as an earlier row of the order, and Excel rounded their sub-order numbers, so whether it is a copy (pasted twice?) or another sub-order cannot be told: read once; if the order had two, one&apos;s amount is missing (export again with 子订单编号 formatted as text)</source>
        <translation>与本订单前面一行商品相同，且子订单编号已被 Excel 四舍五入，无法分辨是重复粘贴还是另一个子订单：只读入一次；若该订单其实有两个这样的子订单，其中一个的金额未计入（请把子订单编号列设为文本后重新导出）</translation>
    </message>
    <message>
        <source>a total row (合计 / 总计 / 小计): not a customer</source>
        <translation>合计行（合计 / 总计 / 小计）：不是客户</translation>
    </message>
    <message>
        <source>this sheet of a Huitouke export is not imported (the After-sales page&apos;s summary: the full export&apos;s complaints and reviews sheets are); rows</source>
        <translation>回头客导出的这张表不导入（售后页的汇总表；完整导出的投诉、中差评表会导入）；行数</translation>
    </message>
    <message>
        <source>the tasks sheet of a Huitouke export without its ID columns (任务编号 / Task ID, 客户编号 / Customer ID…: deleted, or an older export): its tasks cannot find their customers, so the sheet is not imported and none of its rows becomes a customer; rows</source>
        <translation>这是回头客导出的提醒表，但缺少编号列（任务编号 / Task ID、客户编号 / Customer ID 等：被删掉了，或是旧版本的导出）：没有这些列，提醒找不到对应的客户，所以这张表不导入，其中的行也不会被当成客户；行数</translation>
    </message>
    <message>
        <source>this sheet of a Huitouke export comes back with the export&apos;s customers sheet, for the customers that import creates: import the whole export (“all”) into a new book</source>
        <translation>回头客导出文件里的这张表，要和同一份导出的“客户”表一起导入，只为导入时新建的客户恢复：请把整份导出（“全部”）导入到一个新账本</translation>
    </message>
    <message>
        <source>a cell longer than 32,767 characters was cut (characters)</source>
        <translation>单元格超过 32,767 个字符，已截断（原字符数）</translation>
    </message>
    <message>
        <source>a line longer than 4 MB was cut</source>
        <translation>一行超过 4 MB，已截断</translation>
    </message>
    <message>
        <source>this line is in another encoding than the file; read as</source>
        <translation>这一行的编码与文件其他部分不同，已按此编码读取</translation>
    </message>
    <message>
        <source>this line is in no known encoding: unreadable characters replaced</source>
        <translation>这一行的编码无法识别：读不出的字符已替换</translation>
    </message>
    <message>
        <source>a quote is not closed: the lines after it were read one row each</source>
        <translation>有一个引号没有闭合：其后的各行已逐行读取</translation>
    </message>
    <message>
        <source>a formula without a saved value, read as empty (open the file in Excel or WPS and save it)</source>
        <translation>公式没有保存的计算结果，按空白读取（请用 Excel 或 WPS 打开并保存后再导入）</translation>
    </message>
    <message>
        <source>%file is not a spreadsheet that can be read.</source>
        <translation>%file 不是可以读取的表格文件。</translation>
    </message>
    <message>
        <source>%file is empty.</source>
        <translation>%file 是空的。</translation>
    </message>
    <message>
        <source>%file is protected by a password. Open it in Excel or WPS, remove the password and save it again.</source>
        <translation>%file 设置了密码。请在 Excel 或 WPS 中打开，取消密码后重新保存。</translation>
    </message>
    <message>
        <source>%file is too large to import in one go; split it into smaller files.</source>
        <translation>%file 太大，无法一次导入；请拆分成几个小文件。</translation>
    </message>
    <message>
        <source>%file has cells as far out as row %rows, column %columns, well past any table, and was not opened. In Excel or WPS delete the empty rows and columns after your table and save it again.</source>
        <translation>%file 里有单元格远在第 %rows 行、第 %columns 列，远远超出表格范围，所以没有打开。请在 Excel 或 WPS 里删除表格之后的空行和空列，再保存一次。</translation>
    </message>
    <message>
        <source>%file looks unsafe (it would unpack to far more than its size) and was not opened.</source>
        <translation>%file 看起来不安全（解压后远大于文件本身），没有打开。</translation>
    </message>
    <message>
        <source>No header row was found in %file.</source>
        <translation>在 %file 中没有找到表头行。</translation>
    </message>
    <message>
        <source>No column of %file tells who the customer is (name, phone, WeChat ID or buyer ID). Choose one in the column list.</source>
        <translation>%file 中没有能识别客户的列（姓名、电话、微信号或买家会员名）。请在列清单中指定一列。</translation>
    </message>
    <message>
        <source>%file could not be read.</source>
        <translation>无法读取 %file。</translation>
    </message>
    <message>
        <source>%file was changed after it was opened here (saved again in Excel or WPS?): open it again.</source>
        <translation>%file 在这里打开之后又被改过（在 Excel 或 WPS 里重新保存了？）：请重新打开它。</translation>
    </message>
    <message>
        <source>%rows rows have problems and “all or nothing” is on, so nothing was imported.</source>
        <translation>有 %rows 行有问题，并且开启了“全部或不导入”，所以没有导入任何数据。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：没有导入任何数据。</translation>
    </message>
    <message>
        <source>%file has a header row but no data rows: nothing was imported.</source>
        <translation>%file 只有表头，没有数据行：什么都没有导入。</translation>
    </message>
    <message>
        <source>None of the %rows rows of %file can be imported, so nothing was written. Check the first problems with “Check only”.</source>
        <translation>%file 的 %rows 行没有一行能导入，所以什么都没有写入。可以用“只检查”查看具体问题。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
</TS>
