<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExcelLabels</name>
    <message>
        <source>(not imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name / nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer number in this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After-sales status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goods amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seller note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage cycle (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind days before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My own sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taobao / Tmall order report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taobao order items (detail file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinduoduo orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Douyin shop orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Youzan orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Youzan customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products and usage cycles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huitouke export: customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huitouke export: customers (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huitouke export: orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huitouke export: orders (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ambiguous date: is it day or month first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date without a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the order has no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an amount of money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a whole quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity is zero or negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>long number stored as a number: Excel already rounded its last digits (format the column as text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no name, phone, WeChat ID or buyer ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no product name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product or amount without a date: the customer was imported, the purchase was not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order number not found in the order file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%file is not a spreadsheet that can be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%file is protected by a password. Open it in Excel or WPS, remove the password and save it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%file is too large to import in one go; split it into smaller files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%file looks unsafe (it would unpack to far more than its size) and was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No header row was found in %file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No column of %file tells who the customer is (name, phone, WeChat ID or buyer ID). Choose one in the column list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%file could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%rows rows have problems and “all or nothing” is on, so nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
