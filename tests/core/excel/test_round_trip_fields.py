"""What `export --what all` carried last (issue #18, the hostile tester's gaps): each product's code, status and
note, every kind of customer alias, tag colours, and message templates named like a header word."""

from __future__ import annotations

import sqlite3

import pytest
from openpyxl import load_workbook

from core.book.db import Book
from core.excel.export import export_book
from core.excel.importer import ImportOptions, run_import

PRODUCTS = "SELECT name, code, active, note, cycle_days FROM product ORDER BY name"
ALIASES = ("SELECT c.name, a.kind, a.value, a.value_norm FROM customer_alias a JOIN customer c ON c.id = a.customer_id "
           "ORDER BY c.name, a.kind, a.value")
TAGS = "SELECT name, color FROM tag ORDER BY name"


def rows(where, query: str) -> list[tuple]:
    """The query's rows from a Book (SQLite or PostgreSQL: through its session) or a book file, in Python's order
    (a server's collation orders Chinese names otherwise than SQLite)."""
    if isinstance(where, Book):
        from sqlalchemy import text

        with where.session() as session:
            found = [tuple(row) for row in session.execute(text(query))]
    else:
        con = sqlite3.connect(where)
        try:
            found = con.execute(query).fetchall()
        finally:
            con.close()
    return sorted(found, key=repr)


def _seller_book(book, make_customer) -> None:
    """Two products (one discontinued, with a note), a customer with a WeChat ID, a buyer ID, a name and a
    phone of before, a coloured tag."""
    from core.book.models import CustomerAlias, Product, Tag

    customer = make_customer(name="阿香", phone="13512345678", tags=("宝妈",))
    with book.session() as session:
        session.add_all([Product(name="土蜂蜜500g", code="SKU0001", cycle_days=30, active=False, note="停产了，不再提醒"),
                         Product(name="槐花蜜500g", code="SKU0002", cycle_days=45)])
        session.add_all([CustomerAlias(customer_id=customer.id, kind=kind, value=value, value_norm=norm)
                         for kind, value, norm in (("wechat", "WX_Old_Account", "wx_old_account"),
                                                   ("buyer_id", "tb旧昵称", "tb旧昵称"), ("name", "香香", "香香"),
                                                   ("phone", "13900001111", "13900001111"))])
        session.query(Tag).filter(Tag.name == "宝妈").update({"color": "#ba68c8"})


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_copy_keeps_each_product_s_code_status_and_note_every_alias_and_tag_colours(tmp_path, book, make_customer, language):
    _seller_book(book, make_customer)
    export = tmp_path / "all.xlsx"
    export_book(book, export, "all", language)
    sheet = load_workbook(export, read_only=True)["商品" if language == "zh_CN" else "Products"]
    header, *cells = [list(row) for row in sheet.values]
    status = header.index("商品状态" if language == "zh_CN" else "Product status")
    # every code of a zh export is a Chinese word
    assert sorted(row[status] for row in cells) == (["停售", "在售"] if language == "zh_CN" else ["discontinued", "on sale"])
    source = book
    before = (rows(source, PRODUCTS), rows(source, ALIASES), rows(source, TAGS))
    assert len(before[1]) == 4 and before[2] == [("宝妈", "#ba68c8")]
    # into the same book: nothing changes
    same = run_import(book, export)
    assert (same.customers_created, same.customers_updated, same.products_created, same.products_updated) == (0, 0, 0, 0)
    assert (rows(source, PRODUCTS), rows(source, ALIASES), rows(source, TAGS)) == before
    # into an empty book: the same products and aliases
    copy = tmp_path / "copy.book"
    with Book.open(copy, create=True, backup_root=tmp_path / "b") as other:
        result = run_import(other, export)
        assert result.errors == ()
        again = run_import(other, export)
        assert (again.customers_created, again.customers_updated, again.products_updated) == (0, 0, 0)
    assert (rows(copy, PRODUCTS), rows(copy, ALIASES), rows(copy, TAGS)) == before


def test_undoing_a_copy_takes_back_the_tags_it_added_with_their_colours(tmp_path, book, make_customer):
    from core.excel.batches import undo_import

    _seller_book(book, make_customer)
    with book.session() as session:
        from core.book.models import Tag

        session.add(Tag(name="未用的标签", color="#64b5f6"))  # a tag nobody has is part of the book too
    export_book(book, tmp_path / "all.xlsx", "all", "zh_CN")
    copy = tmp_path / "copy.book"
    with Book.open(copy, create=True, backup_root=tmp_path / "b") as other:
        batch = run_import(other, tmp_path / "all.xlsx").batch_id
        assert rows(copy, TAGS) == [("宝妈", "#ba68c8"), ("未用的标签", "#64b5f6")]
        undo_import(other, batch)
    assert rows(copy, TAGS) == []


def test_an_export_without_the_product_and_alias_columns_still_imports(tmp_path, book, make_customer):
    """An export made before the products sheet had its code, status and note, and the customers sheet its
    other accounts: what it has comes back, the rest as a new book has it."""
    _seller_book(book, make_customer)
    export = tmp_path / "all.xlsx"
    export_book(book, export, "all", "zh_CN")
    workbook = load_workbook(export)
    for name, headers in (("商品", ("商家编码", "商品状态", "商品备注")), ("客户", ("其他账号",))):
        sheet = workbook[name]
        for header in headers:
            index = [cell.value for cell in sheet[1]].index(header) + 1
            sheet.delete_cols(index)
    workbook.save(export)
    copy = tmp_path / "copy.book"
    with Book.open(copy, create=True, backup_root=tmp_path / "b") as other:
        assert run_import(other, export).errors == ()
    assert rows(copy, PRODUCTS) == [("土蜂蜜500g", "", 1, "", 30), ("槐花蜜500g", "", 1, "", 45)]
    assert [alias[1:] for alias in rows(copy, ALIASES)] == [("phone", "13900001111", "13900001111")]


def test_a_product_status_the_import_cannot_read_is_a_row_problem(tmp_path, book):
    from tests.core.excel.files import write_xlsx

    path = write_xlsx(tmp_path / "p.xlsx", {"商品": [["商品", "使用周期(天)", "提前天数", "价格", "分类", "商家编码", "商品状态",
                                                      "商品备注"],
                                                     ["土蜂蜜500g", 30, 3, 59, "蜂蜜", "SKU1", "停售", ""],
                                                     ["槐花蜜500g", 45, 3, 49, "蜂蜜", "SKU2", "卖完了", ""]]})
    result = run_import(book, path, ImportOptions())
    assert [(error.row, error.code) for error in result.errors] == [(3, "value_invalid")]
    assert rows(book, PRODUCTS) == [("土蜂蜜500g", "SKU1", 0, "", 30)]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_templates_named_like_a_header_word_come_back(tmp_path, book, language):
    """A template named 生日 (备注, 电话) made its row the 话术模板 sheet's header: no template came back."""
    from sqlalchemy import select

    from core.book.models import MessageTemplate

    with book.session() as session:
        session.add_all([MessageTemplate(kind=kind, name=name, language="zh_CN", body=body) for kind, name, body in (
            ("birthday", "生日", "{name}生日快乐！"), ("repurchase", "备注", "{name}，快用完了吧"),
            ("winback", "电话", "{name}好久不见"), ("repurchase", "Phone", "Hi {name}"))])
    export_book(book, tmp_path / "all.xlsx", "all", language)
    with Book.open(tmp_path / "copy.book", create=True, backup_root=tmp_path / "b") as copy:
        run_import(copy, tmp_path / "all.xlsx")
        with copy.session() as session:
            names = session.scalars(select(MessageTemplate.name).order_by(MessageTemplate.id)).all()
    assert names == ["生日", "备注", "电话", "Phone"]


def test_a_data_row_naming_a_header_word_is_not_taken_for_a_known_export_s_header(tmp_path):
    """The row holding a known export's whole header is its header, not a later row of more header words."""
    from core.excel.analysis import choose, load_file
    from tests.core.excel.files import write_xlsx

    path = write_xlsx(tmp_path / "t.xlsx", {"话术模板": [
        ["话术类型", "话术名称", "语言", "话术内容", "默认"],
        ["生日关怀", "生日", "zh_CN", "{name}生日快乐", "是"]]})
    choice = choose(load_file(path).tables[0])
    assert (choice.header_row, choice.preset, choice.usable) == (1, "huitouke_templates", True)


def test_a_phone_and_address_the_seller_cleared_stay_cleared_through_a_copy(tmp_path, book, make_customer):
    """Our export's customer columns are the customer's own: the orders' receiver phone and address (another
    person's, or an old one) never fill them, into the same book or into an empty one."""
    import datetime as dt

    from core.dto import OrderInput, OrderItemInput
    from core.orders import OrderService

    customer = make_customer(name="阿香", phone="13512345678", province="广东省", city="广州市", district="越秀区",
                             address_detail="中山路1号")
    OrderService(book).create(OrderInput(
        customer_id=customer.id, created_at=dt.datetime(2026, 3, 1, 10), status="completed",
        items=(OrderItemInput(title="土蜂蜜500g", quantity=1, unit_price_cents=6800),),
        receiver_name="阿香", receiver_phone="13512345678", receiver_address="广东省 广州市 越秀区 中山路1号"))
    with book.session() as session:
        from core.book.models import Customer

        session.query(Customer).filter(Customer.id == customer.id).update(
            {"phone": "", "phone_norm": "", "province": "", "city": "", "district": "", "address_detail": ""})
    cleared = "SELECT name, phone, province, city, district, address_detail FROM customer"
    before = rows(book, cleared)
    export_book(book, tmp_path / "all.xlsx", "all", "zh_CN")
    same = run_import(book, tmp_path / "all.xlsx")
    assert (same.customers_created, same.customers_updated) == (0, 0)
    assert rows(book, cleared) == before == [("阿香", "", "", "", "", "")]
    copy = tmp_path / "copy.book"
    with Book.open(copy, create=True, backup_root=tmp_path / "b") as other:
        run_import(other, tmp_path / "all.xlsx")
    assert rows(copy, cleared) == before


def test_tag_names_with_spaces_commas_and_slashes_come_back_whole(tmp_path, book, make_customer):
    """The app takes any tag name; the export joins a customer's tags with 、 and reads them back split there only
    (a seller's own sheet still splits on commas, slashes and spaces)."""
    names = ("Big spender", "老客,复购", "A/B测试", "宝妈")
    make_customer(name="阿香", phone="13512345678", tags=names)
    links = ("SELECT c.name, t.name FROM customer_tag ct JOIN customer c ON c.id = ct.customer_id "
             "JOIN tag t ON t.id = ct.tag_id")
    before = rows(book, links)
    assert sorted(tag for _name, tag in before) == sorted(names)
    for language in ("zh_CN", "en"):
        export = tmp_path / f"all-{language}.xlsx"
        export_book(book, export, "all", language)
        run_import(book, export)
        assert rows(book, links) == before
        copy = tmp_path / f"copy-{language}.book"
        with Book.open(copy, create=True, backup_root=tmp_path / "b") as other:
            run_import(other, export)
        assert rows(copy, links) == before
    assert len(rows(book, TAGS)) == len(names)


def test_a_product_text_the_import_would_clean_comes_back_as_it_is_in_the_same_book(tmp_path, book):
    """A product note with edge spaces (or full-width digits, a code with a tab…): re-importing the untouched export
    into the same book changes nothing (the import cleaned the sheet's cell and then took it for a change)."""
    from core.book.models import Product

    with book.session() as session:
        session.add_all([Product(name="土蜂蜜500g", code="SKU0001", note="  前后空格  "),
                         Product(name="槐花蜜500g", code="SKU\t02", category=" 蜂蜜 ", note="第１２批\n 第二行 "),
                         Product(name="枣花蜜500g", note="Windows 的换行\r\n第二行")])  # (XML reads CR LF as LF)
    query = "SELECT name, code, category, active, note FROM product"
    before = rows(book, query)
    assert ("槐花蜜500g", "SKU\t02", " 蜂蜜 ", 1, "第１２批\n 第二行 ") in before
    export_book(book, tmp_path / "all.xlsx", "all", "zh_CN")
    again = run_import(book, tmp_path / "all.xlsx")
    assert (again.products_created, again.products_updated) == (0, 0)
    assert rows(book, query) == before


def test_accounts_the_seller_adds_to_the_export_come_in_one_alias_each_and_count_as_updates(tmp_path, book, make_customer):
    """Two accounts typed on one line of 其他账号 ("微信号: wx_two；QQ号: 998877") are two aliases of their kinds (they
    were one WeChat alias "wx_two；QQ号: 998877"); a customer given aliases or a tag is counted updated (it was 0)."""
    _seller_book(book, make_customer)
    make_customer(name="小王", phone="13612345678")
    make_customer(name="小李", phone="13712345678")
    export = tmp_path / "all.xlsx"
    export_book(book, export, "all", "zh_CN")
    workbook = load_workbook(export)
    sheet = workbook["客户"]
    headers = [cell.value for cell in sheet[1]]
    people = {row[headers.index("称呼")].value: row for row in sheet.iter_rows(min_row=2)}
    accounts, tags = headers.index("其他账号"), headers.index("标签")
    people["小王"][accounts].value = "微信号: wx_two；QQ号: 998877; 邮箱: w@x.cn\n买家会员名: 王;小店"
    people["小李"][tags].value = "新标签"
    people["阿香"][accounts].value = (people["阿香"][accounts].value or "") + "\n微信号: wx_a;qq: 123"
    workbook.save(export)
    result = run_import(book, export)
    assert (result.customers_created, result.customers_updated) == (0, 3)
    added = [alias for alias in rows(book, ALIASES) if alias[0] in ("小王", "阿香")]
    assert [alias[:3] for alias in added if alias[2] not in ("WX_Old_Account", "tb旧昵称", "香香", "13900001111")] == [
        ("小王", "buyer_id", "王;小店"), ("小王", "email", "w@x.cn"), ("小王", "qq", "998877"),
        ("小王", "wechat", "wx_two"), ("阿香", "qq", "123"), ("阿香", "wechat", "wx_a")]
    again = run_import(book, export)
    assert (again.customers_created, again.customers_updated) == (0, 0)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_value_starting_with_an_apostrophe_comes_back_exactly(tmp_path, book, make_customer, language):
    """A leading apostrophe is Excel's text marker, which the importer strips: a customer called '小王, a tag, a note,
    an order's note and a contact's message that start with one come back as they were (our export doubles it)."""
    import datetime as dt

    from core.dto import OrderInput, OrderItemInput, ProductInput
    from core.orders import OrderService
    from core.products import ProductService

    ProductService(book).create(ProductInput(name="'特供茶", note="'限量"))
    customer = make_customer(name="'小王", phone="13512345678", note="'先打电话", personality="''急性子",
                             tags=("'VIP",))
    OrderService(book).create(OrderInput(
        customer_id=customer.id, created_at=dt.datetime(2026, 3, 1, 10), status="completed", seller_note="'加急",
        items=(OrderItemInput(title="'特供茶", quantity=1, unit_price_cents=6800),)))
    with book.session() as session:
        from core.book.models import ContactLog

        session.add(ContactLog(customer_id=customer.id, at=dt.datetime(2026, 3, 2, 10), channel="wechat",
                               purpose="care", result="contacted", message="'收到了吗", note="'回了"))
    values = ("SELECT c.name, c.note, c.personality, t.name, o.seller_note, i.title, p.name, p.note, l.message, l.note "
              "FROM customer c JOIN customer_tag ct ON ct.customer_id = c.id JOIN tag t ON t.id = ct.tag_id JOIN orders o "
              "ON o.customer_id = c.id JOIN order_item i ON i.order_id = o.id JOIN product p ON p.id = i.product_id "
              "JOIN contact_log l ON l.customer_id = c.id")
    before = rows(book, values)
    assert before == [("'小王", "'先打电话", "''急性子", "'VIP", "'加急", "'特供茶", "'特供茶", "'限量", "'收到了吗", "'回了")]
    export = tmp_path / f"all-{language}.xlsx"
    export_book(book, export, "all", language)
    same = run_import(book, export)
    assert (same.customers_created, same.customers_updated, same.orders_updated, same.products_created,
            same.products_updated) == (0, 0, 0, 0, 0)
    assert rows(book, values) == before
    copy = tmp_path / "copy.book"
    with Book.open(copy, create=True, backup_root=tmp_path / "b") as other:
        result = run_import(other, export)
        assert result.errors == ()
    assert rows(copy, values) == before


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_each_line_keeps_its_product_or_none_through_a_copy(tmp_path, book, make_customer, language):
    """A line the seller typed (no product), a line of a product the seller renamed (槐花蜜 500g for the title 洋槐蜂蜜500g)
    and a line of a product named like it: re-imported into the same book nothing is created, rebuilt into an empty
    book each line has the product it had — none made from a title."""
    import datetime as dt

    from core.dto import OrderInput, OrderItemInput, ProductInput
    from core.orders import OrderService
    from core.products import ProductService

    products = ProductService(book)
    products.create(ProductInput(name="洋槐蜂蜜 500g", cycle_days=40))
    products.create(ProductInput(name="面膜 30片", cycle_days=30))
    customer = make_customer(name="阿香", phone="13512345678")
    OrderService(book).create(OrderInput(
        customer_id=customer.id, created_at=dt.datetime(2026, 3, 1, 10), status="completed",
        items=(OrderItemInput(title="洋槐蜂蜜500g", quantity=1, unit_price_cents=6800),
               OrderItemInput(title="面膜 30片", quantity=1, unit_price_cents=9900),
               OrderItemInput(title="手写的小礼物", quantity=1, unit_price_cents=0))))
    honey = next(p for p in products.list() if p.name == "洋槐蜂蜜 500g")
    products.update(honey.id, ProductInput(name="槐花蜜 500g", cycle_days=40), honey.version)  # the seller renames it
    lines = ("SELECT i.title, coalesce(p.name, '-') FROM order_item i LEFT JOIN product p ON p.id = i.product_id")
    before = rows(book, lines)
    assert before == [("手写的小礼物", "-"), ("洋槐蜂蜜500g", "槐花蜜 500g"), ("面膜 30片", "面膜 30片")]
    export = tmp_path / f"all-{language}.xlsx"
    export_book(book, export, "all", language)
    same = run_import(book, export)
    assert (same.products_created, same.products_updated, same.orders_updated) == (0, 0, 0)
    assert rows(book, lines) == before and len(rows(book, PRODUCTS)) == 2
    copy = tmp_path / "copy.book"
    with Book.open(copy, create=True, backup_root=tmp_path / "b") as other:
        assert run_import(other, export).products_created == 2
    assert rows(copy, lines) == before and rows(copy, PRODUCTS) == rows(book, PRODUCTS)
