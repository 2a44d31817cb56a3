"""Smart paste never raises and always returns well-formed fields, whatever text it is given."""

from __future__ import annotations

from dataclasses import fields

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.phones import is_masked_phone, normalize_phone
from core.smartpaste import ParsedMessage, parse_message
from core.smartpaste.parser import _parse

FIELD_NAMES = {field.name for field in fields(ParsedMessage)} - {"uncertain"}
# Pieces that real messages are made of, so that generated text reaches the deeper code paths.
FRAGMENTS = st.sampled_from([
    "张三", "13800138000", "138****8000", "0571-88886666", "浙江省", "杭州", "西湖区", "北京", "朝阳区", "内蒙古",
    "阿拉善盟", "文三路", "100号", "5幢", "收货人：", "手机号码：", "所在地区：", "详细地址：", "邮编", "310012",
    "蜂蜜", "两瓶", "十二", "盒", "x3", "共", "128元", "¥", "99", "，", " ", "\n", "😊", "[微笑]", "老板你好", "谢谢",
    "(", ")", "*", "-", "+86", "０", "：", "\x1f", "\x00",
])
MESSAGES = st.one_of(st.text(max_size=300), st.lists(FRAGMENTS, max_size=40).map("".join))
PRODUCT_LISTS = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(["土蜂蜜 500g", "蜂蜜", "面膜(30片)", ""])),
                         max_size=5)


def _check_well_formed(parsed: ParsedMessage) -> None:
    assert isinstance(parsed, ParsedMessage)
    assert parsed.uncertain <= FIELD_NAMES
    for phone in parsed.phones:
        assert normalize_phone(phone) == phone or is_masked_phone(phone)
    assert parsed.amount_cents is None or (isinstance(parsed.amount_cents, int) and parsed.amount_cents >= 0)
    for name, quantity in parsed.items:
        assert isinstance(name, str) and name and quantity > 0
    assert parsed.postcode is None or (len(parsed.postcode) == 6 and parsed.postcode.isdigit())
    if parsed.district is not None:
        assert parsed.city is not None and parsed.province is not None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MESSAGES, PRODUCT_LISTS)
def test_parse_message_never_raises(text, products):
    _check_well_formed(parse_message(text, products))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MESSAGES, PRODUCT_LISTS)
def test_no_error_even_reaches_the_safety_net(text, products):
    """parse_message turns a stray error into an empty result; the reading itself should not need that."""
    _check_well_formed(_parse(text, tuple(p for p in products if p)))
