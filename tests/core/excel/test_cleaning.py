"""Cell cleaning: every quirk of tests/formats, and random cells thrown at the cleaner."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from core.errors import CellRejected
from core.excel import cleaning
from core.excel.addresses import split_address


@pytest.mark.parametrize(("raw", "expected"), [
    ('="35153131473293579"', "35153131473293579"),
    ("'13925130165", "13925130165"),
    ("\t张三\t", "张三"),
    ("１３８００１３８０００", "13800138000"),
    ("王\u3000芳", "王 芳"),
    (12.0, "12"),
    (None, ""),
])
def test_clean_text_removes_export_quirks(raw, expected):
    assert cleaning.clean_text(raw) == expected


def test_identifier_refuses_numbers_excel_already_rounded():
    assert cleaning.clean_identifier('="351531314732935790"') == "351531314732935790"
    assert cleaning.clean_identifier(123456789012.0) == "123456789012"
    with pytest.raises(CellRejected) as error:
        cleaning.clean_identifier(3.515313147329358e17)
    assert error.value.code == "precision_lost"
    with pytest.raises(CellRejected):
        cleaning.clean_identifier("3.51531E+17")


@pytest.mark.parametrize(("raw", "expected"), [
    ("4912345678901234567", "4912345678901234567"),  # exact
    (4.91234567890123e18, "~491234567890123/19"),  # a number cell: Excel kept 15 digits
    ("4.91234567890123E+18", "~491234567890123/19"),  # as Excel shows it, saved as CSV
    ("4912345678901230000", "~491234567890123/19"),  # written out in full digits
    ("491234567890123000", "~491234567890123/18"),
    ("6940000000000010", "6940000000000010"),  # 16 digits ending in 0: exact (one number in ten ends so)
    ("69400000000000100", "69400000000000100"),
    (6.94e15, "~694/16"),  # but a number cell is rounded whatever its length
    ("6.92E+18", "~692/19"),  # the General format's few digits
    ("", ""), (1.5, ""),  # no line number
])
def test_a_line_number_excel_rounded_is_kept_as_a_rounded_number(raw, expected):
    assert cleaning.line_number(raw) == expected


def test_a_rounded_line_number_names_the_exact_numbers_excel_could_have_rounded_to_it():
    from core.excel.line_states import rounds_to

    assert rounds_to("~491234567890123/19", "4912345678901234567")  # cut (Excel keeps the first 15 digits)
    assert rounds_to("~491234567890124/19", "4912345678901237000")  # rounded
    assert not rounds_to("~491234567890123/19", "4912345678901244567")
    assert not rounds_to("~491234567890123/19", "491234567890123456")  # one digit fewer
    assert rounds_to("~692/19", "6920000000000000003") and not rounds_to("~692/19", "6930000000000000003")


@pytest.mark.parametrize("raw", [
    "2024-05-03", "2024/5/3", "2024.5.3", "2024年5月3日", "20240503", 20240503, dt.date(2024, 5, 3),
    45415, "45415", "２０２４-０５-０３", "2024-5-3",
])
def test_every_date_form_of_the_formats_file(raw):
    assert cleaning.parse_date(raw) == dt.date(2024, 5, 3)


def test_date_time_and_serial_fraction():
    assert cleaning.parse_datetime("2017-07-08 00:42:32") == dt.datetime(2017, 7, 8, 0, 42, 32)
    assert cleaning.parse_datetime(45415.5) == dt.datetime(2024, 5, 3, 12, 0)


def test_month_day_needs_a_year_from_context():
    with pytest.raises(CellRejected) as error:
        cleaning.parse_date("5月3日")
    assert error.value.code == "date_without_year"
    assert cleaning.parse_date("5月3日", year_hint=2024) == dt.date(2024, 5, 3)


@pytest.mark.parametrize("raw", ["03/05/2024", "5/3", "05/03/24"])
def test_ambiguous_dates_are_reported_not_guessed(raw):
    with pytest.raises(CellRejected) as error:
        cleaning.parse_date(raw)
    assert error.value.code == "date_ambiguous"


def test_day_first_is_clear_when_the_day_is_above_twelve():
    assert cleaning.parse_date("13/05/2024") == dt.date(2024, 5, 13)


@pytest.mark.parametrize("raw", ["2024-02-30", "yesterday", dt.time(10, 0)])
def test_invalid_dates(raw):
    with pytest.raises(CellRejected):
        cleaning.parse_date(raw)


@pytest.mark.parametrize(("raw", "cents"), [
    ("¥1,234.50", 123450), ("88元", 8800), (201.12, 20112), ("201.12", 20112), ("￥ 0.1", 10), (99, 9900),
    ("(12.5)", -1250), ("", None),
])
def test_amounts_become_integer_fen(raw, cents):
    assert cleaning.parse_cents(raw) == cents


@pytest.mark.parametrize(("raw", "expected"), [(2, 2), (2.0, 2), ("3件", 3), ("", None)])
def test_quantities(raw, expected):
    assert cleaning.parse_quantity(raw) == expected


@pytest.mark.parametrize("raw", [-1, 0, 1.5, "abc"])
def test_bad_quantities(raw):
    with pytest.raises(CellRejected):
        cleaning.parse_quantity(raw)


def test_tags_split_on_every_separator():
    assert cleaning.split_tags("干皮，宝妈、送礼; 老客/VIP  复购,干皮") == ["干皮", "宝妈", "送礼", "老客", "VIP", "复购"]


def test_phones():
    phones = cleaning.parse_phones("+86 139-2513-0165")
    assert [(p.text, p.key) for p in phones] == [("13925130165", "13925130165")]
    assert cleaning.parse_phones(13925130165.0)[0].key == "13925130165"
    masked = cleaning.parse_phones("138****8000")[0]
    assert masked.masked and masked.key == "" and masked.text == "138****8000"
    assert cleaning.parse_phones(2088889999)[0].key == "020-88889999"  # landline lost its zero in Excel
    assert [p.key for p in cleaning.parse_phones("13800138000/13900139000")] == ["13800138000", "13900139000"]


@pytest.mark.parametrize(("raw", "status"), [
    ("等待买家付款", "unpaid"), ("买家已付款，等待卖家发货", "paid"), ("卖家已发货，等待买家确认", "shipped"),
    ("交易成功", "completed"), ("交易关闭", "closed"), ("没有创建支付宝交易", "unpaid"), ("买家已签收", "delivered"),
    ("交易被淘宝关闭", "closed"), ("待支付", "unpaid"), ("待发货", "paid"), ("已发货，待签收", "shipped"),
    ("已签收", "delivered"), ("未发货，退款成功", "refunded"), ("已发货，退款成功", "refunded"), ("已取消", "closed"),
    ("已完成", "completed"), ("partial_refund", "partial_refund"), ("", None), ("火星状态", None),
])
def test_platform_statuses_map_onto_our_vocabulary(raw, status):
    assert cleaning.map_status(raw) == status


def test_partial_refund_from_after_sales():
    assert cleaning.map_after_sale("退款成功", 10000, 3000) == "partial_refund"
    assert cleaning.map_after_sale("退款成功", 10000, 10000) == "refunded"
    assert cleaning.map_after_sale("", 10000, 0) is None


@pytest.mark.parametrize(("text", "parts"), [
    ("广东省 广州市 越秀区 某某路1号(510180)", ("广东省", "广州市", "越秀区", "某某路1号", "510180")),
    ("广东省广州市越秀区某某路1号", ("广东省", "广州市", "越秀区", "某某路1号", "")),
    ("北京 北京市 朝阳区 建国路88号", ("北京市", "北京市", "朝阳区", "建国路88号", "")),
    ("上海市浦东新区世纪大道1号", ("上海市", "上海市", "浦东新区", "世纪大道1号", "")),
    ("内蒙古呼和浩特市新城区", ("内蒙古自治区", "呼和浩特市", "新城区", "", "")),
    ("湖北省恩施土家族苗族自治州恩施市舞阳大道", ("湖北省", "恩施土家族苗族自治州", "恩施市", "舞阳大道", "")),
    ("某某路1号", ("", "", "", "某某路1号", "")),
])
def test_addresses_split(text, parts):
    address = split_address(text)
    assert (address.province, address.city, address.district, address.detail, address.postcode) == parts


_cells = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**20, max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.dates(), st.datetimes(), st.times(), st.datetimes(timezones=st.timezones()),
    st.sampled_from(['="123"', "'0", "¥", "元", "5月", "2024年13月1日", "1e400", "--", "()", "\t", "１２",
                     "2024-05-03 10:00+08", "2024-05-03T10:00:00Z", "2024-05-03 10:00:00+08:00"]),
)


@settings(max_examples=400, deadline=None)
@given(_cells)
@example(float("nan"))
@example(float("inf"))
@example(-0.0)
@example("2024-05-03 10:00+08")
def test_random_cells_either_clean_or_raise_a_coded_error(value):
    """No cell crashes the cleaner: each parser returns its type or raises CellRejected with a code."""
    assert isinstance(cleaning.clean_text(value), str)
    assert isinstance(cleaning.split_tags(value), list)
    assert isinstance(cleaning.parse_phones(value), list)
    cleaning.map_status(value)
    for parser, kind in ((cleaning.parse_datetime, dt.datetime), (cleaning.parse_cents, int),
                         (cleaning.parse_quantity, int), (cleaning.parse_int, int),
                         (cleaning.clean_identifier, str)):
        try:
            result = parser(value)
        except CellRejected as error:
            assert error.code
        else:
            assert result is None or isinstance(result, kind)
            assert getattr(result, "tzinfo", None) is None  # the book keeps naive local times
    if isinstance(value, str):
        split_address(value)


def test_a_time_with_an_offset_becomes_this_computers_local_time():
    china = dt.timezone(dt.timedelta(hours=8))
    expected = dt.datetime(2024, 5, 3, 10, 0, tzinfo=china).astimezone().replace(tzinfo=None)
    for cell in ("2024-05-03 10:00+08", "2024-05-03T02:00:00Z", dt.datetime(2024, 5, 3, 10, 0, tzinfo=china)):
        parsed = cleaning.parse_datetime(cell)
        assert parsed == expected and parsed.tzinfo is None
    assert cleaning.parse_datetime("2024-05-03 10:00:00") == dt.datetime(2024, 5, 3, 10, 0)  # no offset: as written


@pytest.mark.parametrize(("raw", "on_sale"), [
    ("在售", True), ("停售", False), ("下架", False), ("已下架", False), ("上架", True), ("停售 ", False),
    ("Discontinued", False), ("on sale", True), ("是", True), ("否", False), ("", None)])
def test_a_product_status_in_the_words_sellers_use(raw, on_sale):
    """Our export writes 在售 / 停售; a seller editing it writes 下架 (off the shelf) or 上架 as often."""
    assert cleaning.parse_on_sale(raw) is on_sale
