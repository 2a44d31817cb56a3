"""One postcode rule for the whole app (core.postcodes.clean_postcode)."""

from __future__ import annotations

import pytest

from core.excel.addresses import split_address
from core.postcodes import clean_postcode


@pytest.mark.parametrize(("text", "expected"), [
    ("510180", "510180"), (" 215128 ", "215128"), ("000000", ""), ("0", ""), ("", ""), (None, ""),
    ("10010", "010010"), ("W1A 1AA", "W1A 1AA"),
])
def test_clean_postcode(text, expected):
    assert clean_postcode(text) == expected


def test_the_address_splitter_drops_the_placeholder_too():
    assert split_address("广东省 广州市 越秀区 某某路1号(000000)").postcode == ""
    assert split_address("广东省 广州市 越秀区 某某路1号(510180)").postcode == "510180"
