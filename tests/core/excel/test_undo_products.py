"""Issue #18: undoing an import deletes the products it made — unless order lines of another import or of the seller
point at them, or the seller edited them since: then they stay, as they are (same id, the seller's cycle), and the
undo says so (core.excel.undo_products). One kept for another import goes when that import is undone in turn."""

from __future__ import annotations

from sqlalchemy import select

from core.book.models import OrderItem, Product
from core.dto import ProductInput
from core.excel.batches import undo_import
from core.excel.importer import run_import
from core.products import ProductService
from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv


def _file(path, *orders):
    """A Taobao order list: one row per (order number, title)."""
    rows = [taobao_row(number, "tb_小王", "王芳", "13925130165", "广东省 广州市 越秀区 某某路1号(510180)",
                       "2017-07-08 00:42:32", "2017-07-08 00:45:00", title, 1, "98.00", "0.00", "98.00", "交易成功")
            for number, title in orders]
    return write_csv(path, [TAOBAO_HEADERS, *rows], encoding="gbk", quote_all=True)


def _products(book) -> list[tuple]:
    with book.session() as session:
        return session.execute(select(Product.id, Product.name, Product.cycle_days).order_by(Product.id)).all()


def _unlinked(book) -> int:
    with book.session() as session:
        return len(session.scalars(select(OrderItem.id).where(OrderItem.product_id.is_(None))).all())


def test_undo_deletes_the_products_the_import_made_when_nothing_else_uses_them(tmp_path, book):
    made = run_import(book, _file(tmp_path / "ExportOrderList201707080001.csv", ("1001", "桂花蜜"), ("1002", "红糖姜茶")))
    assert made.products_created == 2
    result = undo_import(book, made.batch_id)
    assert _products(book) == [] and (result.products_deleted, result.products_kept) == (2, 0)


def test_a_product_another_import_uses_stays_as_it_is_and_goes_with_that_import(tmp_path, book):
    first = run_import(book, _file(tmp_path / "ExportOrderList201707080001.csv", ("1001", "桂花蜜"), ("1002", "红糖姜茶")))
    second = run_import(book, _file(tmp_path / "ExportOrderList201707090001.csv", ("2001", "桂花蜜")))
    before = _products(book)
    result = undo_import(book, first.batch_id)  # the honey is on the second import's order: it stays, same id
    assert _products(book) == [before[0]] and (result.products_deleted, result.products_kept) == (1, 1)
    assert _unlinked(book) == 0
    undo_import(book, second.batch_id)  # it was passed on to the second import: it goes now
    assert _products(book) == []


def test_a_product_the_seller_edited_stays_when_the_import_that_made_it_is_undone(tmp_path, book):
    made = run_import(book, _file(tmp_path / "ExportOrderList201707080001.csv", ("1001", "桂花蜜"), ("1002", "红糖姜茶")))
    service = ProductService(book)
    honey = next(product for product in service.list() if product.name == "桂花蜜")
    service.update(honey.id, ProductInput(name="桂花蜜", cycle_days=40), honey.version)  # the seller's cycle
    result = undo_import(book, made.batch_id)
    assert _products(book) == [(honey.id, "桂花蜜", 40)] and (result.products_deleted, result.products_kept) == (1, 1)


def test_a_product_on_an_order_the_seller_typed_stays(tmp_path, book, make_customer, make_order):
    made = run_import(book, _file(tmp_path / "ExportOrderList201707080001.csv", ("1001", "桂花蜜")))
    [(honey, _name, _cycle)] = _products(book)
    mask = ProductService(book).create(ProductInput(name="面膜30片"))  # one of the seller's own
    customer = make_customer(name="李姐", phone="13900139000")
    make_order(customer.id, "2017-07-10", [(honey, 1, 9800)])  # the seller's own order of it
    result = undo_import(book, made.batch_id)  # (deleted, the next write would make another, a new id)
    assert _products(book) == [(honey, "桂花蜜", None), (mask.id, "面膜30片", None)] and result.products_kept == 1
    assert _unlinked(book) == 0


def test_a_product_the_seller_merged_away_is_not_counted_as_deleted_by_the_undo(tmp_path, book):
    """hostile6 F6: the product the import made that the seller merged into another is gone already; the undo deletes
    nothing of it and does not say it did."""
    first = run_import(book, _file(tmp_path / "ExportOrderList201707080001.csv", ("1001", "红糖姜茶")))
    second = run_import(book, _file(tmp_path / "ExportOrderList201707090001.csv", ("2001", "桂花蜜")))
    (tea, _, _), (honey, _, _) = _products(book)
    ProductService(book).merge(tea, honey)  # the honey's line is the tea's now, the honey is gone
    result = undo_import(book, second.batch_id)
    assert _products(book) == [(tea, "红糖姜茶", None)] and (result.products_deleted, result.products_kept) == (0, 0)
    result = undo_import(book, first.batch_id)
    assert _products(book) == [] and (result.products_deleted, result.products_kept) == (1, 0)
