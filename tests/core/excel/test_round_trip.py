"""`export --what all` is a complete, re-importable copy of the book (issue #18, Build 1 and Done when)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3

import pytest

from core.book.db import Book
from core.demo.build import build_demo
from core.excel.export import export_book
from core.excel.importer import ImportOptions, run_import

FIGURES = {
    "customers": "SELECT count(*) FROM customer WHERE deleted_at IS NULL",
    "do_not_disturb": "SELECT count(*) FROM customer WHERE do_not_disturb",
    "risk_buyer": "SELECT count(*) FROM customer WHERE risk_buyer",
    "lunar": "SELECT count(*) FROM customer WHERE birthday_lunar",
    "lunar_day_30": "SELECT count(*) FROM customer WHERE birthday_lunar AND birth_day = 30",
    "birthdays": "SELECT group_concat(birth_year || '-' || birth_month || '-' || birth_day, ',') FROM "
                 "(SELECT * FROM customer WHERE birth_month IS NOT NULL ORDER BY name, phone)",
    "referrers": "SELECT count(*) FROM customer WHERE referred_by_id IS NOT NULL",
    "tag_links": "SELECT count(*) FROM customer_tag",
    "tag_colours": "SELECT group_concat(name || color, ',') FROM (SELECT * FROM tag ORDER BY name)",
    "products": "SELECT count(*) FROM product",
    "cycles": "SELECT group_concat(name || ':' || cycle_days || ':' || lead_days, ',') FROM "
              "(SELECT * FROM product ORDER BY name)",
    # each product's code (商家编码), status and note; every alias of a customer, not only other phones
    "product_fields": "SELECT group_concat(name || ':' || code || ':' || active || ':' || note, ',') FROM "
                      "(SELECT * FROM product ORDER BY name)",
    "aliases": "SELECT group_concat(line, ';') FROM (SELECT c.name || c.phone || a.kind || a.value || a.value_norm "
               "AS line FROM customer_alias a JOIN customer c ON c.id = a.customer_id ORDER BY line)",
    "orders": "SELECT count(*) FROM orders",
    "items": "SELECT count(*) FROM order_item",
    "linked_items": "SELECT count(*) FROM order_item WHERE product_id IS NOT NULL",
    "paid": "SELECT sum(paid_cents) FROM orders",
    "refunded": "SELECT sum(refund_cents) FROM orders",
    "points": "SELECT sum(delta) FROM points_ledger",
    "spend": "SELECT sum(total_spend_cents) FROM customer",
    "levels": "SELECT group_concat(name || rank || coalesce(min_spend_cents, '') || coalesce(min_purchases, '') || "
              "discount_percent, ',') FROM (SELECT * FROM member_level ORDER BY rank)",
    "customer_levels": "SELECT group_concat(c.name || c.phone || l.name, ',') FROM (SELECT * FROM customer "
                       "ORDER BY name, phone) c JOIN member_level l ON l.id = c.member_level_id",
    # a copy congratulates nobody: no level-up task the book did not have
    "level_up_tasks": "SELECT count(*) FROM reminder WHERE kind = 'level_up'",
    "coupons": "SELECT group_concat(line, ';') FROM (SELECT c.name || c.phone || k.kind || k.value_cents || "
               "k.threshold_cents || coalesce(k.discount_percent, '') || k.issued_at || coalesce(k.expires_on, '') || "
               "coalesce(k.used_at, '') || k.source || k.note AS line FROM coupon k JOIN customer c ON c.id = "
               "k.customer_id ORDER BY line)",
    "contacts": "SELECT group_concat(line, ';') FROM (SELECT c.name || c.phone || l.at || l.channel || l.purpose || "
                "l.is_marketing || l.result || l.message || l.note AS line FROM contact_log l JOIN customer c ON "
                "c.id = l.customer_id ORDER BY line)",
    # after-sales cases with their steps, their tasks, and the links between coupons, orders, tasks and contacts
    "complaints": "SELECT group_concat(line, ';') FROM (SELECT c.name || c.phone || k.kind || k.channel || k.status || "
                  "k.opened_at || coalesce(k.first_response_at, '') || coalesce(k.resolved_at, '') || "
                  "coalesce(k.closed_at, '') || k.compensation_type || k.compensation_cents || k.compensation_points || "
                  "coalesce(k.compensated_at, '') || k.resolution || coalesce(o.platform_order_no, o.created_at, '') || "
                  "(SELECT group_concat(s.step || s.done_at || s.note, ',') FROM complaint_step s WHERE "
                  "s.complaint_id = k.id) AS line FROM complaint k JOIN customer c ON c.id = k.customer_id "
                  "LEFT JOIN orders o ON o.id = k.order_id ORDER BY line)",
    "complaints_by_status_kind": "SELECT group_concat(n, ',') FROM (SELECT status || kind || count(*) AS n FROM "
                                 "complaint GROUP BY status, kind ORDER BY n)",
    "complaint_steps": "SELECT count(*) FROM complaint_step",
    "reviews": "SELECT group_concat(line, ';') FROM (SELECT c.name || c.phone || r.platform || r.level || r.review_date "
               "|| r.text || r.reason || r.offer_type || r.offer_cents || r.outcome || coalesce(r.outcome_at, '') || "
               "coalesce(r.change_deadline, '') || r.status || r.sign_new_account || r.sign_remote_address || "
               "coalesce(o.platform_order_no, o.created_at, '') AS line FROM bad_review r JOIN customer c ON "
               "c.id = r.customer_id LEFT JOIN orders o ON o.id = r.order_id ORDER BY line)",
    "reviews_by_status_level": "SELECT group_concat(n, ',') FROM (SELECT status || level || count(*) AS n FROM "
                               "bad_review GROUP BY status, level ORDER BY n)",
    "open_case_tasks": "SELECT count(*) FROM reminder WHERE kind IN ('complaint', 'review') AND status IN "
                       "('open', 'snoozed')",
    "case_tasks": "SELECT group_concat(line, ';') FROM (SELECT c.name || c.phone || r.kind || r.status || r.due_date "
                  "|| r.outcome || coalesce(r.closed_at, '') || substr(r.rule_key, instr(r.rule_key, ':') + 1) AS line "
                  "FROM reminder r JOIN customer c ON c.id = r.customer_id WHERE r.kind IN ('complaint', 'review') "
                  "ORDER BY line)",
    "redeemed_on_orders": "SELECT group_concat(line, ';') FROM (SELECT c.name || c.phone || k.kind || k.value_cents || "
                          "coalesce(o.platform_order_no, o.created_at || '/' || o.paid_cents) AS line FROM coupon k "
                          "JOIN customer c ON c.id = k.customer_id JOIN orders o ON o.id = k.used_order_id "
                          "ORDER BY line)",
    "redeemed": "SELECT count(*) FROM coupon WHERE used_order_id IS NOT NULL",
    "contacts_on_tasks": "SELECT group_concat(line, ';') FROM (SELECT c.name || c.phone || l.at || l.result || r.kind "
                         "|| r.status || r.due_date AS line FROM contact_log l JOIN reminder r ON r.id = l.reminder_id "
                         "JOIN customer c ON c.id = l.customer_id ORDER BY line)",
    "contacts_linked": "SELECT count(reminder_id) || '/' || count(complaint_id) || '/' || count(bad_review_id) "
                       "FROM contact_log",
    # what the copy carried last (issue #18's closing note): evidence, campaigns, the ledger's links, closed_at
    "complaint_evidence": "SELECT group_concat(line, ';') FROM (SELECT c.name || c.phone || k.opened_at || "
                          "k.evidence_json AS line FROM complaint k JOIN customer c ON c.id = k.customer_id "
                          "WHERE k.evidence_json <> '[]' ORDER BY line)",
    "sign_evidence": "SELECT group_concat(line, ';') FROM (SELECT c.name || c.phone || r.review_date || "
                     "r.sign_evidence_json AS line FROM bad_review r JOIN customer c ON c.id = r.customer_id "
                     "WHERE r.sign_evidence_json <> '{}' ORDER BY line)",
    "closed_orders": "SELECT group_concat(line, ';') FROM (SELECT coalesce(platform_order_no, created_at || '/' || "
                     "paid_cents) || '@' || closed_at AS line FROM orders WHERE closed_at IS NOT NULL ORDER BY line)",
    "points_lines": "SELECT group_concat(line, ';') FROM (SELECT c.name || c.phone || p.at || p.delta || p.reason || "
                    "p.note || coalesce(o.platform_order_no, o.created_at || '/' || o.paid_cents, '-') || "
                    "coalesce(k.opened_at, '-') AS line FROM points_ledger p JOIN customer c ON c.id = p.customer_id "
                    "LEFT JOIN orders o ON o.id = p.order_id LEFT JOIN complaint k ON k.id = p.complaint_id "
                    "ORDER BY line)",
    "points_linked": "SELECT count(order_id) || '/' || count(complaint_id) FROM points_ledger",
    "campaigns": "SELECT group_concat(line, ';') FROM (SELECT name || status || coalesce(scheduled_on, '') || body || "
                 "response_window_days || segment_json || coupon_spec_json AS line FROM campaign ORDER BY line)",
    "campaign_members": "SELECT group_concat(line, ';') FROM (SELECT k.name || c.name || c.phone || m.status || "
                        "m.channel || coalesce(m.sent_at, '') || m.message || coalesce(o.platform_order_no, "
                        "o.created_at || '/' || o.paid_cents, '-') AS line FROM campaign_member m JOIN campaign k ON "
                        "k.id = m.campaign_id JOIN customer c ON c.id = m.customer_id LEFT JOIN orders o ON "
                        "o.id = m.responded_order_id ORDER BY line)",
    "campaign_links": "SELECT group_concat(line, ';') FROM (SELECT 'coupon' || k.name || c.issued_at AS line FROM "
                      "coupon c JOIN campaign k ON k.id = c.campaign_id UNION ALL SELECT 'contact' || k.name || l.at "
                      "FROM contact_log l JOIN campaign k ON k.id = l.campaign_id ORDER BY line)",
    # a Douyin order's sub-order numbers and states, the numbers of the lines the seller removed; values starting
    # with an apostrophe (Excel's text marker); the products the seller deleted (no import makes them again)
    "line_states": "SELECT group_concat(line, ';') FROM (SELECT coalesce(o.platform_order_no, '') || i.title || "
                   "i.line_ref || coalesce(i.line_state, '-') AS line FROM order_item i JOIN orders o ON "
                   "o.id = i.order_id WHERE i.line_ref IS NOT NULL ORDER BY line)",
    "removed_line_refs": "SELECT group_concat(line, ';') FROM (SELECT coalesce(platform_order_no, '') || ':' || "
                         "removed_line_refs AS line FROM orders WHERE removed_line_refs IS NOT NULL ORDER BY line)",
    "apostrophes": "SELECT group_concat(line, ';') FROM (SELECT name || '/' || note AS line FROM customer "
                   "WHERE name LIKE '''%' OR note LIKE '''%' ORDER BY line)",
    "deleted_products": "SELECT (SELECT value_json FROM setting WHERE key = 'products.deleted')",
    # the Today list, open and closed (a copy's engine tasks are regenerated for the day it is imported on)
    "tasks": "SELECT group_concat(n, ',') FROM (SELECT kind || status || count(*) AS n FROM reminder "
             "GROUP BY kind, status)",
}


def figures(path) -> dict:
    con = sqlite3.connect(path)
    try:
        return {name: con.execute(query).fetchone()[0] for name, query in FIGURES.items()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("round_trip")
    path = folder / "demo.book"
    build_demo(path, customers=600, seed=3, today=dt.date(2026, 6, 1))
    add_what_the_demo_lacks(path)
    return folder, path


# a campaign's customer filter as the app stores it (core.marketing.segments): codes, names, a setting, a date
CAMPAIGN_FILTER = ('{"stages": ["dormant", "churned"], "tags": ["宝妈"], "source_channels": ["moments"], '
                   '"min_purchase_days": 2, "max_aov_cents": "setting:marketing.winback_low_aov_cents", '
                   '"last_purchase_from": "2025-01-01"}')


def add_what_the_demo_lacks(path) -> None:
    """A campaign with the customers it reached (one answered with an order), a coupon and a contact of it;
    evidence files of complaints, per-sign evidence notes of reviews, points given for a complaint."""
    con = sqlite3.connect(path)
    with con:
        con.execute("INSERT INTO campaign (name, segment_json, body, scheduled_on, coupon_spec_json, "
                    "response_window_days, status, version, created_at, updated_at) VALUES ('中秋回馈', ?, "
                    "'{name}中秋快乐', '2026-05-20', '{\"kind\": \"cash\", \"value_cents\": 500}', 7, "
                    "'finished', 1, '2026-05-19 09:00:00.000000', '2026-05-19 09:00:00.000000')", (CAMPAIGN_FILTER,))
        campaign = con.execute("SELECT max(id) FROM campaign").fetchone()[0]
        buyers = con.execute("SELECT c.id, max(o.id) FROM customer c JOIN orders o ON o.customer_id = c.id "
                             "GROUP BY c.id ORDER BY c.id LIMIT 6").fetchall()
        for number, (customer, order) in enumerate(buyers):
            con.execute("INSERT INTO campaign_member (campaign_id, customer_id, message, sent_at, channel, "
                        "responded_order_id, status) VALUES (?, ?, '中秋快乐', '2026-05-20 10:00:00.000000', 'wechat', ?, ?)",
                        (campaign, customer, order if number == 0 else None, "sent" if number < 5 else "skipped"))
        con.execute("UPDATE coupon SET campaign_id = ? WHERE id = (SELECT min(id) FROM coupon)", (campaign,))
        con.execute("UPDATE contact_log SET campaign_id = ? WHERE id = (SELECT min(id) FROM contact_log)", (campaign,))
        con.execute("UPDATE complaint SET evidence_json = '[\"D:/证据/破损1.jpg\", \"D:/证据/快递单.png\"]' "
                    "WHERE id IN (SELECT id FROM complaint ORDER BY id LIMIT 3)")
        con.execute("UPDATE bad_review SET sign_new_account = 1, sign_evidence_json = "
                    "'{\"new_account\": \"注册三天\", \"remote_address\": \"新疆\"}' "
                    "WHERE id IN (SELECT id FROM bad_review ORDER BY id LIMIT 2)")
        con.execute("INSERT INTO points_ledger (customer_id, at, delta, reason, order_id, complaint_id, note) "
                    "SELECT customer_id, opened_at, 100, 'compensation', order_id, id, '补偿' FROM complaint "
                    "ORDER BY id LIMIT 2")
        con.execute("UPDATE product SET active = 0, note = '停产了，不再提醒' WHERE id = (SELECT min(id) FROM product)")
        first = con.execute("SELECT min(id) FROM customer").fetchone()[0]
        con.executemany("INSERT INTO customer_alias (customer_id, kind, value, value_norm) VALUES (?, ?, ?, ?)",
                        [(first, "wechat", "WX_Old", "wx_old"), (first, "buyer_id", "tb旧昵称", "tb旧昵称"),
                         (first + 1, "name", "香香", "香香"), (first + 1, "phone", "13900001111", "13900001111")])
        # three orders of several lines as a Douyin import leaves them: each line's number and state, one line the
        # seller removed in the app; a customer called '小王 (a leading apostrophe), a note starting with one
        orders = con.execute("SELECT order_id FROM order_item GROUP BY order_id HAVING count(*) > 1 "
                             "ORDER BY order_id LIMIT 3").fetchall()
        for (order,) in orders:
            lines = con.execute("SELECT id, quantity, unit_price_cents, amount_cents FROM order_item "
                                "WHERE order_id = ? ORDER BY id", (order,)).fetchall()
            for number, (item, quantity, price, amount) in enumerate(lines):
                state = json.dumps(["已完成", "退款成功" if number == 1 else "", {"paid_cents": amount},
                                    [quantity, price, amount]], ensure_ascii=False)
                con.execute("UPDATE order_item SET line_ref = ?, line_state = ? WHERE id = ?",
                            (f"69{order:08d}{number:03d}", state, item))
        con.execute("UPDATE orders SET removed_line_refs = ? WHERE id = ?", (f"69{orders[0][0]:08d}999", orders[0][0]))
        con.execute("UPDATE customer SET name = '''' || name WHERE id = ?", (first + 2,))
        con.execute("UPDATE customer SET note = '''先打电话' WHERE id = ?", (first + 3,))
        product = con.execute("SELECT product_id FROM order_item WHERE product_id > (SELECT min(id) FROM product) "
                              "GROUP BY product_id ORDER BY count(*), product_id LIMIT 1").fetchone()[0]
    con.close()
    from core.products import ProductService

    with Book.open(path, backup_root=path.parent / "backups") as book:
        ProductService(book).delete(product, today=dt.date(2026, 6, 1))  # the seller deleted it


@pytest.mark.slow
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_export_all_into_the_same_book_changes_nothing_and_into_an_empty_book_reproduces_it(demo, language):
    folder, path = demo
    export = folder / f"all-{language}.xlsx"
    with Book.open(path, backup_root=folder / "backups") as book:
        written = export_book(book, export, "all", language, today=dt.date(2026, 6, 1)).sheets
    names = {"zh_CN": ("投诉", "中差评", "提醒"), "en": ("Complaints", "Mid and bad reviews", "Reminders")}[language]
    assert all(written[name] for name in names)
    before = figures(path)
    assert before["do_not_disturb"] and before["risk_buyer"] and before["lunar_day_30"] and before["referrers"]
    assert before["coupons"] and before["contacts"] and before["levels"] and before["customer_levels"]
    assert before["complaint_steps"] and before["open_case_tasks"] and before["redeemed"]
    assert before["complaints_by_status_kind"].count(",") >= 3 and "open" in before["reviews_by_status_level"]
    assert all(int(count) > 0 for count in before["contacts_linked"].split("/"))
    assert before["complaint_evidence"] and before["sign_evidence"] and before["closed_orders"]
    assert all(int(count) > 0 for count in before["points_linked"].split("/"))
    assert before["campaigns"] and before["campaign_members"].count(";") == 5 and "coupon" in before["campaign_links"]
    assert ":0:停产了" in before["product_fields"] and "SKU" in before["product_fields"] and "wechat" in before["aliases"]
    assert "contact" in before["campaign_links"]
    assert before["line_states"].count("退款成功") == 3 and before["removed_line_refs"].endswith("999")
    assert before["apostrophes"].count("'") == 2 and before["deleted_products"].startswith('["')
    same_book = folder / f"same-{language}.book"
    shutil.copy(path, same_book)
    with Book.open(same_book, backup_root=folder / "backups") as book:
        same = run_import(book, export, ImportOptions(today=dt.date(2026, 6, 1)))
    assert (same.customers_created, same.customers_updated, same.orders_created, same.orders_updated,
            same.products_created, same.products_updated, same.rows_skipped, same.errors) == (0, 0, 0, 0, 0, 0, 0, ())
    assert same.orders_unchanged == before["orders"]
    assert figures(same_book) == before
    copy = folder / f"copy-{language}.book"
    with Book.open(copy, create=True, backup_root=folder / "backups") as book:
        result = run_import(book, export, ImportOptions(today=dt.date(2026, 6, 1)))
        assert result.errors == ()  # every sheet of the export is read back
        again = run_import(book, export, ImportOptions(dry_run=True))  # the copy too: the same file changes nothing
    assert (again.customers_created, again.orders_created, again.customers_updated) == (0, 0, 0)
    assert figures(copy) == before


@pytest.mark.slow
def test_export_pasted_twice_into_one_sheet_gives_as_many_items_as_orders(demo, tmp_path):
    from python_calamine import CalamineWorkbook

    from tests.core.excel.files import write_xlsx

    folder, path = demo
    export = tmp_path / "orders.xlsx"
    with Book.open(path, backup_root=folder / "backups") as book:
        export_book(book, export, "orders", "zh_CN")
    rows = CalamineWorkbook.from_path(str(export)).get_sheet_by_index(0).to_python()
    twice = write_xlsx(tmp_path / "twice.xlsx", {"订单": [*rows, *rows[1:]]})
    copy = tmp_path / "copy.book"
    with Book.open(copy, create=True, backup_root=tmp_path / "backups") as book:
        run_import(book, twice)
    con = sqlite3.connect(copy)
    assert con.execute("SELECT count(*) FROM order_item").fetchone()[0] == len(rows) - 1
    con.close()


def test_the_reminders_and_after_sales_sheets_are_passed_over_never_read_as_customers(tmp_path):
    from core.excel.analysis import load_file
    from core.excel.importer import choose_tables
    from tests.core.excel.files import write_xlsx

    path = write_xlsx(tmp_path / "all.xlsx", {
        "客户": [["客户编号", "称呼", "手机号", "累计消费"], [1, "阿香", "13512345678", 0]],
        "提醒": [["到期日", "类型", "状态", "客户", "手机号", "商品", "任务", "结果", "备注"],
                 ["2026-06-01", "复购提醒", "待办", "阿香", "13512345678", "蜂蜜", "", "", ""]],
        "售后": [["类别", "编号", "日期", "客户", "手机号", "平台", "原因 / 等级", "状态", "下次跟进", "内容",
                  "补偿金额", "结果"],
                 ["投诉", 1, "2026-05-01", "阿香", "13512345678", "微信", "破损", "处理中", "", "", 0, ""]],
    })
    choices = {choice.sheet: choice for choice in choose_tables(load_file(path), ImportOptions(), {})}
    assert (choices["提醒"].preset, choices["提醒"].usable) == ("huitouke_reminders", False)
    assert (choices["售后"].preset, choices["售后"].usable) == ("huitouke_aftersales", False)
    with Book.open(tmp_path / "b.book", create=True, backup_root=tmp_path / "bk") as book:
        result = run_import(book, path)
    assert [(e.sheet, e.code, e.value, e.scope) for e in result.errors] == [
        ("提醒", "tasks_without_ids", "1", "note"), ("售后", "sheet_not_imported", "1", "note")]
    assert result.customers_created == 1


def test_extra_phones_and_a_lunar_birthday_come_back(tmp_path, book):
    from sqlalchemy import select

    from core.book.models import Customer, CustomerAlias
    from core.customers import CustomerService
    from core.dto import CustomerInput

    with book.session() as session:
        from core.book.models import MessageTemplate

        session.add(MessageTemplate(kind="repurchase", name="复购一", language="zh_CN",
                                    body="{name}您好，{product}快用完了吧？"))
    service = CustomerService(book)
    created = service.create(CustomerInput(name="阿香", phone="13512345678", birth_month=2, birth_day=30,
                                           birthday_lunar=True, do_not_disturb=True))
    with book.session() as session:
        session.add(CustomerAlias(customer_id=created.id, kind="phone", value="13900001111", value_norm="13900001111"))
    export_book(book, tmp_path / "c.xlsx", "all", "zh_CN")
    with Book.open(tmp_path / "copy.book", create=True, backup_root=tmp_path / "b") as copy:
        run_import(copy, tmp_path / "c.xlsx")
        assert run_import(copy, tmp_path / "c.xlsx", ImportOptions(dry_run=True)).customers_created == 0
        with copy.session() as session:
            customer = session.scalars(select(Customer)).one()
            aliases = session.scalars(select(CustomerAlias.value)).all()
            templates = session.execute(select(MessageTemplate.kind, MessageTemplate.name, MessageTemplate.body)).all()
    assert templates == [("repurchase", "复购一", "{name}您好，{product}快用完了吧？")]
    assert (customer.birth_month, customer.birth_day, customer.birthday_lunar, customer.do_not_disturb) == (
        2, 30, True, True)
    assert aliases == ["13900001111"]


@pytest.mark.slow
def test_undoing_the_copy_import_empties_the_book_again(demo):
    from core.excel.batches import undo_import

    folder, path = demo
    export = folder / "undo.xlsx"
    with Book.open(path, backup_root=folder / "backups") as book:
        export_book(book, export, "all", "zh_CN")
    copy = folder / "undo.book"
    with Book.open(copy, create=True, backup_root=folder / "backups") as book:
        result = run_import(book, export)
        undo_import(book, result.batch_id)
    left = figures(copy)
    assert (left["customers"], left["orders"], left["items"], left["points"], left["referrers"]) == (0, 0, 0, None, 0)


@pytest.mark.slow
def test_every_code_of_the_history_sheets_is_a_chinese_word_in_a_zh_export(demo):
    from python_calamine import CalamineWorkbook

    from core.excel import columns as cols

    folder, path = demo
    export = folder / "words.xlsx"
    with Book.open(path, backup_root=folder / "backups") as book:
        export_book(book, export, "all", "zh_CN", today=dt.date(2026, 6, 1))
    workbook = CalamineWorkbook.from_path(str(export))
    sheets = {"提醒": (cols.REMINDER_COLUMNS, cols.TASK_WORDS_ZH), "投诉": (cols.COMPLAINT_COLUMNS, cols.COMPLAINT_WORDS_ZH),
              "中差评": (cols.REVIEW_COLUMNS, cols.REVIEW_WORDS_ZH), "优惠券": (cols.COUPON_COLUMNS, cols.LEDGER_WORDS_ZH),
              "联系记录": (cols.CONTACT_COLUMNS, cols.LEDGER_WORDS_ZH), "积分明细": (cols.POINTS_COLUMNS, cols.POINTS_WORDS_ZH),
              "营销活动": (cols.CAMPAIGN_COLUMNS, cols.CAMPAIGN_WORDS_ZH),
              "活动客户": (cols.CAMPAIGN_MEMBER_COLUMNS, cols.CAMPAIGN_MEMBER_WORDS_ZH)}
    for name, (spec, words) in sheets.items():
        header, *rows = workbook.get_sheet_by_name(name).to_python()
        assert header == [column.zh for column in spec] and rows
        for index, column in enumerate(spec):
            if column.key in words:
                assert {row[index] for row in rows} - {""} <= set(words[column.key].values()), (name, column.key)
    filter_cell, coupon_cell = ({row[index] for row in workbook.get_sheet_by_name("营销活动").to_python()[1:]}
                                for index, column in enumerate(cols.CAMPAIGN_COLUMNS)
                                if column.key in ("segment_json", "coupon_spec_json"))
    assert json.loads(next(iter(filter_cell))) == {
        "客户阶段": ["沉睡", "流失"], "标签": ["宝妈"], "来源渠道": ["朋友圈"], "最少购买天数": 2,
        "客单价上限(分)": "按设置:低价值挽回客单价", "最近购买日期从": "2025-01-01"}
    assert json.loads(next(iter(coupon_cell))) == {"券类型": "现金券", "面额(分)": 500}


def test_a_task_rule_key_names_the_copy_s_ids():
    from core.excel.own_history import translated_rule_key

    old = {"order_id": 7, "coupon_id": 3, "complaint_id": 5, "bad_review_id": 9}
    new = {"customer_id": 41, "order_id": 70, "order_item_id": 701, "coupon_id": 30, "complaint_id": 50,
           "bad_review_id": 90}
    assert translated_rule_key("repurchase:item:12", old, new) == "repurchase:item:701"
    assert translated_rule_key("unpaid:order:7", old, new) == "unpaid:order:70"
    assert translated_rule_key("complaint:5:follow_up", old, new) == "complaint:50:follow_up"
    assert translated_rule_key("review:9:retry:2026-06-01", old, new) == "review:90:retry:2026-06-01"
    assert translated_rule_key("coupon_expiry:3:7", old, new) == "coupon_expiry:30:7"
    assert translated_rule_key("birthday:4:2026", old, new) == "birthday:41:2026"
    assert translated_rule_key("level_up:4:金卡", old, new) == "level_up:41:金卡"
    assert translated_rule_key("manual:ab12", old, new) == "manual:ab12"
    assert translated_rule_key("unpaid:order:8", old, new) is None  # names another order than the task's own
    assert translated_rule_key("winback:item:12", old, new | {"order_item_id": None}) is None  # line not restored


def test_a_customer_already_in_the_book_keeps_its_own_cases_and_tasks(tmp_path, book, make_customer):
    from sqlalchemy import func, select

    from core.aftersales.service import ComplaintService
    from core.book.models import Complaint, ContactLog, Reminder

    customer = make_customer(name="阿香", phone="13512345678")
    ComplaintService(book).open(customer.id, kind="damaged", description="瓶子碎了")
    export_book(book, tmp_path / "all.xlsx", "all", "zh_CN")
    with book.session() as session:
        before = [session.scalar(select(func.count()).select_from(model)) for model in (Complaint, Reminder, ContactLog)]
    result = run_import(book, tmp_path / "all.xlsx")
    with book.session() as session:
        after = [session.scalar(select(func.count()).select_from(model)) for model in (Complaint, Reminder, ContactLog)]
    assert (result.customers_created, after) == (0, before)
    with Book.open(tmp_path / "copy.book", create=True, backup_root=tmp_path / "b") as copy:
        run_import(copy, tmp_path / "all.xlsx")
        with copy.session() as session:
            complaint = session.scalars(select(Complaint)).one()
            tasks = session.execute(select(Reminder.rule_key, Reminder.status, Reminder.complaint_id)).all()
    assert (complaint.kind, complaint.description, complaint.status) == ("damaged", "瓶子碎了", "open")
    assert tasks == [(f"complaint:{complaint.id}:first_response", "open", complaint.id)]


def test_two_customers_with_one_buyer_id_stay_two_in_a_copy(tmp_path, book, make_customer):
    """The 100k demo book has 416 pairs of customers with the same Taobao nickname: its copy had 99,584
    customers. Rows of our export are people by their customer number, not by the buyer ID they share."""
    from sqlalchemy import func, select

    from core.book.models import Customer

    make_customer(name="小王", platform_buyer_id="tb_wang")
    make_customer(name="王先生", platform_buyer_id="tb_wang", phone="13512345678")
    export_book(book, tmp_path / "all.xlsx", "all", "zh_CN")
    assert run_import(book, tmp_path / "all.xlsx").customers_created == 0
    with Book.open(tmp_path / "copy.book", create=True, backup_root=tmp_path / "b") as copy:
        assert run_import(copy, tmp_path / "all.xlsx").customers_created == 2
        with copy.session() as session:
            assert session.scalar(select(func.count()).select_from(Customer)) == 2


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_two_campaigns_of_one_name_stay_two_in_a_copy_and_the_same_book_gets_none(tmp_path, book, make_customer,
                                                                                   language):
    """A seller names a campaign the same every year (双十一): the copy had one campaign of that name, and the
    customers the other one reached were left out (their campaign_id pointed at nothing). Each keeps the message
    template it used (by kind, language and name: ids differ between books; it was lost)."""
    from sqlalchemy import func, select

    from core.book.models import Campaign, CampaignMember, MessageTemplate

    first, second = make_customer(name="阿香", phone="13512345678"), make_customer(name="小王", phone="13612345678")
    with book.session() as session:
        session.add_all([MessageTemplate(kind="repurchase", name=name, language="zh_CN", body=f"{name}：{{name}}")
                         for name in ("提醒回购", "大促回购")])
        session.add(MessageTemplate(kind="repurchase", name="大促回购", language="en", body="Hi {name}"))
        session.flush()
        used = {2025: None, 2026: session.scalar(select(MessageTemplate.id).where(
            MessageTemplate.name == "大促回购", MessageTemplate.language == "zh_CN"))}
        for year, customer in ((2025, first), (2026, second)):
            campaign = Campaign(name="双十一", body=f"{year}双十一", scheduled_on=dt.date(year, 11, 11), status="finished",
                                template_id=used[year])
            session.add(campaign)
            session.flush()
            session.add(CampaignMember(campaign_id=campaign.id, customer_id=customer.id, status="sent"))
    export_book(book, tmp_path / "all.xlsx", "all", language)
    run_import(book, tmp_path / "all.xlsx")
    with book.session() as session:
        assert session.scalar(select(func.count()).select_from(Campaign)) == 2  # the same book: nothing added
    with Book.open(tmp_path / "copy.book", create=True, backup_root=tmp_path / "b") as copy:
        run_import(copy, tmp_path / "all.xlsx")
        with copy.session() as session:
            reached = session.execute(select(Campaign.body, func.count(CampaignMember.customer_id))
                                      .outerjoin(CampaignMember).group_by(Campaign.id).order_by(Campaign.body)).all()
            templates = session.execute(select(Campaign.body, MessageTemplate.kind, MessageTemplate.language,
                                               MessageTemplate.name).outerjoin(
                MessageTemplate, MessageTemplate.id == Campaign.template_id).order_by(Campaign.body)).all()
    assert reached == [("2025双十一", 1), ("2026双十一", 1)]
    assert templates == [("2025双十一", None, None, None), ("2026双十一", "repurchase", "zh_CN", "大促回购")]


def test_undoing_a_copy_takes_back_its_campaigns_points_lines_and_campaign_customers(tmp_path, book, make_customer):
    """Review: the rows the copy now restores (campaigns, the points ledger, campaign customers) go with its undo."""
    from sqlalchemy import func, select

    from core.book.models import Campaign, CampaignMember, PointsEntry
    from core.excel.batches import undo_import
    from core.rewards import add_points

    customer = make_customer(name="阿香", phone="13512345678")
    with book.session() as session:
        campaign = Campaign(name="中秋", body="中秋快乐", status="finished")
        session.add(campaign)
        session.flush()
        session.add(CampaignMember(campaign_id=campaign.id, customer_id=customer.id, status="sent"))
        add_points(session, customer.id, 30, reason="manual", at=dt.datetime(2026, 5, 1, 9), note="老客")
    export_book(book, tmp_path / "all.xlsx", "all", "zh_CN")
    models = (Campaign, CampaignMember, PointsEntry)
    with Book.open(tmp_path / "copy.book", create=True, backup_root=tmp_path / "b") as copy:
        batch = run_import(copy, tmp_path / "all.xlsx").batch_id
        with copy.session() as session:
            assert [session.scalar(select(func.count()).select_from(model)) for model in models] == [1, 1, 1]
        undo_import(copy, batch)
        with copy.session() as session:
            assert [session.scalar(select(func.count()).select_from(model)) for model in models] == [0, 0, 0]
