"""A Taobao item-level detail file imported alone: items join orders already in the book, idempotently."""

from __future__ import annotations

from sqlalchemy import select

from core.book.models import Order, OrderItem
from core.excel.analysis import load_file
from core.excel.batches import undo_import
from core.excel.importer import ImportOptions, run_import
from tests.core.excel.files import write_csv, write_xlsx
from tests.core.excel.test_presets import taobao_file

DETAIL_HEADERS = ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注", "订单状态",
                  "商家编码"]
HONEY_ORDER, MASK_ORDER, REFUND_ORDER = "35153131473293579", "35153131473293580", "35153131473293581"


def detail_file(tmp_path, name="ExportOrderDetailList201708.csv"):
    """Lines of two orders in the book and of one order that is not (row 5)."""
    return write_csv(tmp_path / name, [
        DETAIL_HEADERS,
        [f'="{HONEY_ORDER}"', "云南野生蜂蜜500g", "89.00", "2", "", "规格:500g", "", "", "交易成功", "FM500"],
        [f'="{HONEY_ORDER}"', "蜂巢蜜", "20.00", "1", "", "", "", "", "交易成功", ""],
        [f'="{REFUND_ORDER}"', "面膜30片", "99.00", "1", "", "", "", "", "交易成功", ""],
        ['="35153131473299999"', "桂花蜜", "64.00", "1", "", "", "", "", "交易成功", ""],
    ], encoding="gbk", quote_all=True)


def items_table(book) -> list[tuple]:
    """Every order_item row, every column."""
    with book.session() as session:
        return [tuple(row) for row in session.execute(select(OrderItem.__table__).order_by(OrderItem.id))]


def items_of(book, number: str) -> list[tuple]:
    with book.session() as session:
        order_id = session.scalar(select(Order.id).where(Order.platform_order_no == number))
        return list(session.execute(select(OrderItem.title, OrderItem.sku_spec, OrderItem.quantity,
                                           OrderItem.unit_price_cents, OrderItem.amount_cents)
                                    .where(OrderItem.order_id == order_id).order_by(OrderItem.id)))


def test_detail_file_alone_adds_items_to_orders_in_the_book(tmp_path, book):
    run_import(book, taobao_file(tmp_path))
    before = items_table(book)
    assert items_of(book, HONEY_ORDER) == [("云南野生蜂蜜500g", "", 2, 9900, 19800)]  # the report's summary line
    result = run_import(book, detail_file(tmp_path))
    # The summary line became the first detail line, the second line was added; the mask order's one item
    # already is its only detail line; the unknown order is a skipped row.
    assert items_of(book, HONEY_ORDER) == [("云南野生蜂蜜500g", "规格:500g", 2, 8900, 17800),
                                           ("蜂巢蜜", "", 1, 2000, 2000)]
    assert items_of(book, REFUND_ORDER) == [("面膜30片", "", 1, 9900, 9900)]
    assert items_of(book, MASK_ORDER) == [("面膜30片", "", 1, 9900, 9900)]
    assert (result.items_added, result.items_replaced) == (1, 1)
    assert (result.orders_created, result.orders_updated, result.orders_unchanged) == (0, 1, 1)
    assert (result.customers_created, result.rows_read, result.rows_skipped) == (0, 4, 1)
    [error] = result.errors
    assert (error.file, error.row, error.column, error.code, error.value) == (
        "ExportOrderDetailList201708.csv", 5, "订单编号", "order_not_in_book", "35153131473299999")
    assert error.sheet == result.tables[0].sheet and result.tables[0].preset == "taobao_detail"
    assert len(items_table(book)) == len(before) + 1


def test_importing_the_same_detail_file_twice_adds_nothing(tmp_path, book):
    run_import(book, taobao_file(tmp_path))
    run_import(book, detail_file(tmp_path))
    after_first = items_table(book)
    again = run_import(book, detail_file(tmp_path))
    assert items_table(book) == after_first
    assert (again.items_added, again.items_replaced, again.orders_updated, again.orders_unchanged) == (0, 0, 0, 2)
    assert again.rows_skipped == 1


def test_undo_of_the_detail_batch_removes_exactly_what_it_added(tmp_path, book):
    run_import(book, taobao_file(tmp_path))
    before = items_table(book)
    first = run_import(book, detail_file(tmp_path))
    second = run_import(book, detail_file(tmp_path))
    undo_import(book, second.batch_id)  # added nothing: undoing it changes nothing
    assert len(items_table(book)) == len(before) + 1
    undo_import(book, first.batch_id)
    assert items_table(book) == before  # the added line is gone and the summary line is back, same id


def test_detail_dry_run_and_all_or_nothing_write_nothing(tmp_path, book):
    run_import(book, taobao_file(tmp_path))
    before = items_table(book)
    dry = run_import(book, detail_file(tmp_path), ImportOptions(dry_run=True))
    assert (dry.items_added, dry.items_replaced, dry.rows_skipped) == (1, 1, 1)
    assert items_table(book) == before
    import pytest

    from core.errors import ImportRejected

    with pytest.raises(ImportRejected) as refused:
        run_import(book, detail_file(tmp_path), ImportOptions(all_or_nothing=True))
    assert refused.value.code == "rows_rejected" and items_table(book) == before


def test_detail_lines_fill_an_order_without_items_and_keep_hand_entered_ones(tmp_path, book, make_customer,
                                                                             make_order):
    buyer = make_customer(name="王芳")
    make_order(buyer.id, "2024-05-01", items=(), platform="taobao", platform_order_no="T-EMPTY")
    make_order(buyer.id, "2024-05-02", items=(("蜂蜜", 1, 6800), ("面膜", 1, 9900)), platform="taobao",
               platform_order_no="T-TWO")
    path = write_xlsx(tmp_path / "宝贝明细.xlsx", {"明细": [
        DETAIL_HEADERS,
        ["T-EMPTY", "桂花蜜", 64, 2, "", "", "", "", "", ""],
        ["T-TWO", "蜂蜜", 68, 1, "", "", "", "", "", ""],
        ["T-TWO", "红糖姜茶", 29, 1, "", "", "", "", "", ""],
    ]})
    result = run_import(book, path)
    assert items_of(book, "T-EMPTY") == [("桂花蜜", "", 2, 6400, 12800)]
    assert [title for title, *_ in items_of(book, "T-TWO")] == ["蜂蜜", "面膜", "红糖姜茶"]
    assert (result.items_added, result.items_replaced, result.orders_updated, result.errors) == (2, 0, 2, ())


def test_report_again_with_its_detail_companion_fills_the_orders_already_imported(tmp_path, book):
    report = taobao_file(tmp_path)
    run_import(book, load_file(report))  # the report alone, last week
    detail_file(tmp_path, "ExportOrderDetailList201707081234.csv")  # now with its companion beside it
    result = run_import(book, load_file(report))
    assert (result.orders_created, result.orders_unchanged, result.items_added, result.items_replaced) == (0, 3, 1, 1)
    assert [title for title, *_ in items_of(book, HONEY_ORDER)] == ["云南野生蜂蜜500g", "蜂巢蜜"]
    assert [error.code for error in result.errors] == ["order_not_in_book"]


def test_all_or_nothing_refuses_unknown_orders_lines_before_the_first_commit(tmp_path, book):
    """A refused file writes nothing at all: no batch row (not even one committed and undone), no backup,
    no chunk. The change counter goes up with every commit (core.book.changes), so it sees any of them."""
    import pytest

    from core.book.changes import read_counter
    from core.errors import ImportRejected

    run_import(book, taobao_file(tmp_path))
    backups = tmp_path / "backups"
    before = sorted(backups.rglob("*")) if backups.exists() else []

    def counter() -> int:
        return read_counter(book.engine)  # on either engine (the book's path is None on a server)

    commits = counter()
    with pytest.raises(ImportRejected) as refused:
        run_import(book, detail_file(tmp_path), ImportOptions(all_or_nothing=True))
    assert refused.value.code == "rows_rejected"
    assert [(e["row"], e["code"]) for e in refused.value.details["errors"]] == [(5, "order_not_in_book")]
    assert counter() == commits  # no transaction committed: no batch row, no chunk, no undo
    assert (sorted(backups.rglob("*")) if backups.exists() else []) == before  # no backup
