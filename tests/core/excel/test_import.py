"""The import engine: idempotence, newer exports, undo, dry run, all-or-nothing, cancel, matching, errors."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from core.book.models import Customer, ImportBatch, Order
from core.customers import CustomerService
from core.dto import CustomerInput
from core.errors import Cancelled, ImportRejected, RejectedInput
from core.excel.analysis import load_file
from core.excel.batches import list_batches, undo_import
from core.excel.export import write_error_report
from core.excel.importer import ImportOptions, run_import
from core.excel.readers import Limits
from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, taobao_rows, write_csv, write_xlsx


def snapshot(book) -> dict:
    """Every row of the tables an import touches (to prove 'nothing changed')."""
    con = sqlite3.connect(book.path)
    try:
        return {table: con.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                for table in ("customer", "orders", "order_item", "product", "tag", "customer_tag",
                              "customer_alias", "import_batch", "import_change")}
    finally:
        con.close()


def count(book, model) -> int:
    with book.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def _taobao(tmp_path, name, rows):
    return write_csv(tmp_path / name, [TAOBAO_HEADERS, *rows], encoding="gbk", quote_all=True)


ROW_A = taobao_row("1001", "buyer_a", "王芳", "13925130165", "广东省 广州市 越秀区 某某路1号(510180)",
                   "2024-01-02 10:00:00", "", "蜂蜜", 1, "68.00", "0.00", "68.00", "等待买家付款")
ROW_B = taobao_row("1002", "buyer_b", "李四", "13800138000", "北京 北京市 朝阳区 建国路88号",
                   "2024-01-03 10:00:00", "2024-01-03 10:01:00", "面膜", 1, "99.00", "0.00", "99.00", "交易成功")
ROW_A_PAID = taobao_row("1001", "buyer_a", "王芳", "13925130165", "广东省 广州市 越秀区 某某路1号(510180)",
                        "2024-01-02 10:00:00", "2024-01-02 11:00:00", "蜂蜜", 1, "68.00", "0.00", "68.00", "交易成功")
ROW_C = taobao_row("1003", "buyer_a", "王芳", "13925130165", "广东省 广州市 越秀区 某某路1号(510180)",
                   "2024-02-02 10:00:00", "2024-02-02 10:01:00", "蜂蜜", 2, "136.00", "0.00", "136.00", "交易成功")


@pytest.mark.sqlite_only  # compares raw snapshots of the book file (sqlite3)
def test_reimporting_the_same_file_creates_nothing_twice(tmp_path, book):
    path = _taobao(tmp_path, "orders.csv", [ROW_A, ROW_B])
    first = run_import(book, path)
    before = snapshot(book)
    second = run_import(book, path)
    assert (first.customers_created, first.orders_created) == (2, 2)
    assert (second.customers_created, second.customers_updated, second.orders_created,
            second.orders_updated, second.orders_unchanged) == (0, 0, 0, 0, 2)
    after = snapshot(book)
    assert {t: rows for t, rows in after.items() if t != "import_batch"} == \
        {t: rows for t, rows in before.items() if t != "import_batch"}


def test_newer_overlapping_export_updates_and_adds_without_duplicates(tmp_path, book):
    run_import(book, _taobao(tmp_path, "old.csv", [ROW_A, ROW_B]))
    result = run_import(book, _taobao(tmp_path, "new.csv", [ROW_A_PAID, ROW_C]))
    assert (result.customers_created, result.orders_created, result.orders_updated) == (0, 1, 1)
    assert count(book, Customer) == 2 and count(book, Order) == 3
    with book.session() as session:
        wang = session.scalar(select(Customer).where(Customer.name == "王芳"))
        assert wang.purchase_days == 2 and wang.total_spend_cents == 6800 + 13600


@pytest.mark.sqlite_only  # compares raw snapshots of the book file (sqlite3)
def test_undo_puts_the_book_back_batch_by_batch(tmp_path, book):
    empty = snapshot(book)
    first = run_import(book, _taobao(tmp_path, "old.csv", [ROW_A, ROW_B]))
    after_first = snapshot(book)
    second = run_import(book, _taobao(tmp_path, "new.csv", [ROW_A_PAID, ROW_C]))
    assert [b.id for b in list_batches(book)] == [second.batch_id, first.batch_id]
    undone = undo_import(book, second.batch_id)
    assert undone.orders_deleted == 1 and undone.customers_deleted == 0
    restored = snapshot(book)
    ignore = ("import_batch", "import_change", "customer", "orders")
    assert {t: r for t, r in restored.items() if t not in ignore} == \
        {t: r for t, r in after_first.items() if t not in ignore}
    with book.session() as session:
        order = session.scalar(select(Order).where(Order.platform_order_no == "1001"))
        assert order.status == "unpaid" and order.paid_at is None and not order.is_purchase
    with pytest.raises(RejectedInput):
        undo_import(book, second.batch_id)
    undo_import(book, first.batch_id)
    final = snapshot(book)
    assert all(final[t] == empty[t] for t in final if t not in ("import_batch", "import_change", "tag"))


def test_undo_restores_fields_filled_on_existing_customers(tmp_path, book):
    service = CustomerService(book)
    mine = service.create(CustomerInput(name="王姐", phone="139 2513 0165", tags=("老客",)))
    result = run_import(book, _taobao(tmp_path, "a.csv", [ROW_A]))
    assert (result.customers_created, result.customers_updated) == (0, 1)
    detail = service.get(mine.id)
    assert detail.name == "王姐" and detail.fields.province == "广东省"  # typed name kept, empty address filled
    undo_import(book, result.batch_id)
    assert service.get(mine.id).fields.province == ""


@pytest.mark.sqlite_only  # compares raw snapshots of the book file (sqlite3)
def test_dry_run_counts_everything_and_writes_nothing(tmp_path, book):
    path = _taobao(tmp_path, "orders.csv", [ROW_A, ROW_B, ROW_C])
    before = snapshot(book)
    dry = run_import(book, path, ImportOptions(dry_run=True))
    assert snapshot(book) == before and dry.batch_id is None and dry.dry_run
    real = run_import(book, path)
    assert (dry.customers_created, dry.orders_created) == (real.customers_created, real.orders_created) == (2, 3)


BAD_ROWS = [
    ["姓名", "电话", "下单时间", "商品", "数量", "金额", "订单号"],
    ["好人", "13500135000", "2024-05-03", "蜂蜜", 1, 68, "A1"],
    ["负数", "13500135001", "2024-05-03", "蜂蜜", -1, 68, "A2"],
    ["含糊", "13500135002", "03/05/2024", "蜂蜜", 1, 68, "A3"],
    ["", "", "2024-05-03", "蜂蜜", 1, 68, "A4"],
    ["大数", "13500135003", "2024-05-03", "蜂蜜", 1, 68, 351531314732935790],
]


def test_bad_rows_are_skipped_and_named_good_rows_still_import(tmp_path, book):
    result = run_import(book, write_xlsx(tmp_path / "bad.xlsx", {"五月": BAD_ROWS}))
    found = {(e.sheet, e.row, e.column, e.code) for e in result.errors}
    assert found == {("五月", 3, "数量", "quantity_negative"), ("五月", 4, "下单时间", "date_ambiguous"),
                     ("五月", 5, "姓名", "identity_missing"), ("五月", 6, "订单号", "precision_lost")}
    # A bad quantity or date costs only the purchase: 负数 and 含糊 are imported without an order.
    assert (result.rows_skipped, result.orders_created, result.customers_created) == (2, 1, 3)
    assert {e.row for e in result.errors if e.scope == "purchase"} == {3, 4}
    report = write_error_report(result.errors, tmp_path / "problems.xlsx", "zh_CN")
    import python_calamine

    rows = python_calamine.CalamineWorkbook.from_path(str(report)).get_sheet_by_index(0).to_python()
    assert rows[0][:4] == ["文件", "工作表", "行", "列"] and len(rows) == 5


@pytest.mark.sqlite_only  # compares raw snapshots of the book file (sqlite3)
def test_all_or_nothing_refuses_the_file_and_writes_nothing(tmp_path, book):
    before = snapshot(book)
    with pytest.raises(ImportRejected) as error:
        run_import(book, write_xlsx(tmp_path / "bad.xlsx", {"五月": BAD_ROWS}), ImportOptions(all_or_nothing=True))
    assert error.value.code == "rows_rejected" and error.value.details["rows"] == 4
    assert snapshot(book) == before


@pytest.mark.sqlite_only  # compares raw snapshots of the book file (sqlite3)
@pytest.mark.parametrize("cancel_at", ["reading rows", "customers", "orders", "figures"])
def test_cancel_leaves_the_book_unchanged(tmp_path, book, cancel_at):
    path = write_csv(tmp_path / "many.csv", taobao_rows(6000, 2500), encoding="gbk", quote_all=True)
    before = snapshot(book)
    seen: list[str] = []
    with pytest.raises(Cancelled):
        run_import(book, path, progress=lambda d, t, message: seen.append(message),
                   is_cancelled=lambda: cancel_at in seen)
    assert snapshot(book) == before


def _reject(tmp_path, book, path, limits=None):
    before = snapshot(book)
    with pytest.raises(ImportRejected) as error:
        run_import(book, path, ImportOptions(limits=limits) if limits else ImportOptions())
    assert snapshot(book) == before
    return error.value.code


@pytest.mark.sqlite_only  # compares raw snapshots of the book file (sqlite3)
def test_every_rejection_leaves_the_book_unchanged(tmp_path, book):
    from msoffcrypto.format.ooxml import OOXMLFile

    run_import(book, _taobao(tmp_path, "seed.csv", [ROW_B]))
    picture = tmp_path / "photo.xlsx"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert _reject(tmp_path, book, picture) == "not_a_spreadsheet"
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert _reject(tmp_path, book, empty) == "empty"
    plain = write_xlsx(tmp_path / "plain.xlsx", {"s": [["姓名"], ["张三"]]})
    with plain.open("rb") as source, (tmp_path / "locked.xlsx").open("wb") as target:
        OOXMLFile(source).encrypt("pw", target)
    assert _reject(tmp_path, book, tmp_path / "locked.xlsx") == "encrypted"
    assert _reject(tmp_path, book, plain, Limits(max_rows=1)) == "too_large"
    assert _reject(tmp_path, book, plain, Limits(max_unzipped_bytes=100)) == "zip_bomb"
    no_identity = write_xlsx(tmp_path / "goods.xlsx", {"s": [["商品", "数量", "金额"], ["蜂蜜", 1, 68]]})
    assert _reject(tmp_path, book, no_identity) == "no_identity_column"


def test_matching_against_the_book_and_weak_matches_proposed(tmp_path, book):
    service = CustomerService(book)
    existing = service.create(CustomerInput(name="张三", phone="13700137000"))
    buyer = service.create(CustomerInput(name="阿李", platform_buyer_id="buyer_b"))
    sheet = write_xlsx(tmp_path / "own.xlsx", {"s": [["姓名", "备注"], ["张三", "只写了名字"]]})
    result = run_import(book, sheet)
    assert result.customers_created == 1
    [proposal] = result.proposals
    assert proposal.candidate_id == existing.id and proposal.reason == "same_name"
    again = run_import(book, sheet)  # the bare-name customer it created is found again, not duplicated
    assert again.customers_created == 0
    taobao = run_import(book, _taobao(tmp_path, "b.csv", [ROW_B]))  # buyer ID matches 阿李
    assert taobao.customers_created == 0
    with book.session() as session:
        assert session.scalar(select(Order.customer_id)) == buyer.id


def test_masked_phones_are_never_an_identity(tmp_path, book):
    rows = [["收货人", "手机", "订单号", "商品", "支付时间", "用户实付金额(元)"],
            ["赵敏", "138****8000", "P1", "茶", "2024-05-01 10:00:00", "10"],
            ["周芷若", "138****8000", "P2", "茶", "2024-05-01 11:00:00", "10"]]
    result = run_import(book, write_xlsx(tmp_path / "pdd.xlsx", {"s": rows}))
    assert result.customers_created == 2


def test_a_corrected_mapping_is_remembered_for_the_same_headers(tmp_path, book):
    rows = [["客户名字啊", "联系人电话", "买了啥"], ["老王", "13600136000", "蜂蜜"]]
    first = write_xlsx(tmp_path / "a.xlsx", {"s": rows})
    overrides = {"s": {"客户名字啊": "name", "联系人电话": "phone", "买了啥": ""}}
    run_import(book, first, ImportOptions(overrides=overrides))
    second = write_xlsx(tmp_path / "b.xlsx", {"s": [rows[0], ["老李", "13600136001", "茶"]]})
    result = run_import(book, second)
    assert result.tables[0].remembered and result.customers_created == 1
    with book.session() as session:
        assert session.scalar(select(Customer.phone_norm).where(Customer.name == "老李")) == "13600136001"


def test_every_import_is_a_batch_with_its_counts(tmp_path, book):
    result = run_import(book, _taobao(tmp_path, "orders.csv", [ROW_A, ROW_B]))
    with book.session() as session:
        batch = session.get(ImportBatch, result.batch_id)
        assert (batch.file_name, batch.preset, batch.customers_created, batch.orders_created) == (
            "orders.csv", "taobao", 2, 2)
    assert load_file(tmp_path / "orders.csv").tables[0].headers[13] == "收货地址"


def test_figures_and_stages_written_with_new_customers_are_what_refresh_computes(tmp_path, book):
    """New customers are inserted with their figures and stage (not inserted, then updated): a full refresh
    afterwards must find nothing to change — for people new to the book and for customers already in it."""
    import datetime as dt

    from core import customer_stats

    today = dt.date(2026, 11, 23)
    customers = CustomerService(book)
    customers.ensure_stages(today)  # the stored stages have a basis, as in the app
    rows = taobao_rows(400, 90, seed=11)[1:]  # without the header row
    first = run_import(book, _write_rows(tmp_path / "first.csv", rows[:250]))
    # The second file repeats an order of the first (its buyer is in the book now) and brings 150 new ones.
    second = run_import(book, _write_rows(tmp_path / "second.csv", [rows[0], *rows[250:]]))
    assert first.customers_created > 50 and second.orders_created == 150 and second.orders_unchanged == 1
    assert second.customers_created < 30  # most buyers of the second file were matched to book customers
    with book.session() as s:
        assert customer_stats.refresh(s) == 0
        assert customer_stats.refresh_stages(s, None) == 0
        buyers = s.scalar(select(func.count()).select_from(Customer).where(Customer.purchase_days > 1))
        staged = set(s.scalars(select(Customer.stage).distinct()))
    assert buyers > 20 and len(staged) >= 2  # repeat buyers and more than one stage were really written


def _write_rows(path, rows):
    return write_csv(path, [TAOBAO_HEADERS, *rows], encoding="gbk", quote_all=True)
