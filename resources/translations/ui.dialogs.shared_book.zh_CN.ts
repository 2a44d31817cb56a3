<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConnectSharedBookDialog</name>
    <message>
        <source>Connect to a shared book</source>
        <translation>连接共享客户本</translation>
    </message>
    <message>
        <source>A shared book lives on a PostgreSQL server in your office, so several people can work on the same customers at once. Ask whoever set up the server for these details.</source>
        <translation>共享客户本放在办公室的 PostgreSQL 数据库服务器上，几个人可以同时用同一批客户。下面这些信息请问搭建服务器的人。</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.20 or office-pc</source>
        <translation>例如 192.168.1.20 或 office-pc</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>在这台电脑上记住密码</translation>
    </message>
    <message>
        <source>Kept in a password file only your user account can read, not in the normal settings. Leave it off on a computer other people use.</source>
        <translation>密码保存在只有你的系统账户能读取的密码文件里，不放在普通设置中。别人也用的电脑上请不要勾选。</translation>
    </message>
    <message>
        <source>Server (host):</source>
        <translation>服务器（主机）：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>(remembered — type to change)</source>
        <translation>（已记住，重新输入可更改）</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>The database is empty: Huitouke sets up the book there when you connect.</source>
        <translation>数据库是空的：连接时回头客会在里面建好客户本。</translation>
    </message>
    <message>
        <source>A Huitouke book is there.</source>
        <translation>里面已经有回头客客户本。</translation>
    </message>
    <message>
        <source>A book from an older Huitouke is there; it is upgraded when you connect.</source>
        <translation>里面是旧版回头客的客户本，连接时会自动升级。</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL %1. %2</source>
        <translation>已连接到 PostgreSQL %1。%2</translation>
    </message>
    <message>
        <source>But this user may not create tables there, so the book cannot be set up. Ask the server&apos;s administrator to make this user the owner of the database.</source>
        <translation>但这个用户不能在里面建表，所以没法建立客户本。请服务器管理员把这个用户设为该数据库的所有者。</translation>
    </message>
</context>
<context>
    <name>SharedBook</name>
    <message>
        <source>This computer does not know a server called “%host”. Check the name, or type the server&apos;s IP address instead.</source>
        <translation>这台电脑找不到名叫“%host”的服务器。请检查名字，或者直接填服务器的 IP 地址。</translation>
    </message>
    <message>
        <source>Nothing answers at %host, port %port. Is PostgreSQL running there, listening on the network (listen_addresses), and is the port right?</source>
        <translation>%host 的 %port 端口没有回应。那台电脑上的 PostgreSQL 开着吗？有没有监听局域网（listen_addresses）？端口对吗？</translation>
    </message>
    <message>
        <source>No answer from %host in time. Check the address; a firewall may be blocking port %port.</source>
        <translation>%host 在规定时间内没有回应。请检查地址；也可能是防火墙挡住了 %port 端口。</translation>
    </message>
    <message>
        <source>The server does not let this computer in. Add your office network for database “%database” to pg_hba.conf on the server and restart it.</source>
        <translation>服务器不允许这台电脑连接。请在服务器的 pg_hba.conf 里为数据库“%database”加上办公室网段，然后重启服务器。</translation>
    </message>
    <message>
        <source>The server did not accept user “%user” with this password. Check both.</source>
        <translation>服务器不接受用户“%user”和这个密码。请检查用户名和密码。</translation>
    </message>
    <message>
        <source>There is no database called “%database” on this server. Check the name, or create it first (see the shared book guide).</source>
        <translation>这台服务器上没有名叫“%database”的数据库。请检查名字，或先创建它（见共享客户本说明）。</translation>
    </message>
    <message>
        <source>Could not connect to %host, port %port.</source>
        <translation>无法连接到 %host 的 %port 端口。</translation>
    </message>
    <message>
        <source>The book on this server was written by a newer version of Huitouke. Please update the app.</source>
        <translation>服务器上的客户本是更新版本的回头客写的，请先升级程序。</translation>
    </message>
    <message>
        <source>The connection failed: %1</source>
        <translation>连接失败：%1</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>服务器原话：%1</translation>
    </message>
</context>
</TS>
