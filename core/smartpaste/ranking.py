"""How smart paste chooses between places that share a name (鼓楼区: 南京, 徐州, 开封 or 福州).

The rule, applied in this order and identical on every run and platform (no set or dict order over
strings is ever consulted):

1. **The other parts of the message**: a reading whose city or province is also named elsewhere in the
   message (鼓楼区湖东路 福州, 西湖区 … 南昌大学), or whose city a landline's area code names
   (0591-… → 福州), wins; the more such mentions, the better.
2. **The most populous match**: the place with the larger resident population (``POPULATION`` below).
   Between a city and its same-name county (东营 → 东营市 or 东营区) that is the city, between a
   province and a same-name district (河北 → 河北省 or 天津河北区) the province.
3. Finally the readings' names in code-point order, so that even a place missing from the table gives
   one fixed answer.

``POPULATION`` holds every place that shares a name (full or short) with another one in the division
table, in 10,000 residents, rounded from the 2020 (seventh) census figures and entered by hand; only the
order inside a group of same-name places matters. A test checks that the table covers every such group
and never ties inside one, so a data refresh that adds a new shared name fails until it is ranked here.
Keys: a province or city by its full name, a district as "district@city".
"""

from __future__ import annotations

from collections.abc import Iterable

Reading = tuple[str | None, str | None, str | None]  # (province, city, district)

POPULATION: dict[str, float] = {
    # municipalities
    "宝山区@上海市": 223, "普陀区@上海市": 124, "长宁区@上海市": 69, "朝阳区@北京市": 345, "通州区@北京市": 184,
    "和平区@天津市": 36, "河东区@天津市": 86, "河北区@天津市": 65, "滨海新区@天津市": 206, "江北区@重庆市": 93,
    # Yunnan
    "大理白族自治州": 334, "云龙县@大理白族自治州": 17, "大理市@大理白族自治州": 76, "文山壮族苗族自治州": 350,
    "文山市@文山壮族苗族自治州": 58, "五华区@昆明市": 115, "安宁市@昆明市": 48, "江城哈尼族彝族自治县@普洱市": 10,
    "楚雄彝族自治州": 241, "楚雄市@楚雄彝族自治州": 69, "红河哈尼族彝族自治州": 448,
    "河口瑶族自治县@红河哈尼族彝族自治州": 11, "红河县@红河哈尼族彝族自治州": 29,
    "金平苗族瑶族傣族自治县@红河哈尼族彝族自治州": 36, "普洱市": 240, "思茅区@普洱市": 34,
    # Inner Mongolia
    "海南区@乌海市": 10, "兴安盟": 142, "青山区@包头市": 53, "新城区@呼和浩特市": 70,
    # Taiwan
    "嘉义县": 50, "嘉义市": 27, "新北市": 400, "新竹县": 57, "新竹市": 45,
    # Jilin
    "吉林省": 2407, "吉林市": 362, "昌邑区@吉林市": 80, "梨树县@四平市": 50, "铁东区@四平市": 30,
    "铁西区@四平市": 25, "大安市@白城市": 35, "西安区@辽源市": 15, "龙山区@辽源市": 35, "通化市": 181,
    "通化县@通化市": 20, "宽城区@长春市": 70, "朝阳区@长春市": 100,
    # Sichuan
    "市中区@乐山市": 60, "沙湾区@乐山市": 16, "东兴区@内江市": 70, "市中区@内江市": 45, "长宁县@宜宾市": 33,
    "广安市": 325, "广安区@广安市": 90, "甘孜藏族自治州": 110, "甘孜县@甘孜藏族自治州": 7, "大安区@自贡市": 40,
    "资阳市": 231, "阿坝藏族羌族自治州": 82, "金川县@阿坝藏族羌族自治州": 7, "阿坝县@阿坝藏族羌族自治州": 8,
    # Anhui
    "大通区@淮南市": 18, "郊区@铜陵市": 13, "太和县@阜阳市": 136, "黄山市": 133, "黄山区@黄山市": 15,
    # Shandong
    "东营市": 219, "东营区@东营市": 90, "河口区@东营市": 28, "河东区@临沂市": 70, "东港区@日照市": 100,
    "市中区@枣庄市": 50, "市中区@济南市": 100, "昌邑市@潍坊市": 55, "栖霞市@烟台市": 50,
    # Shanxi
    "大同市": 310, "城区@晋城市": 50, "城区@阳泉市": 40, "郊区@阳泉市": 32,
    # Guangdong
    "中山市": 442, "新兴县@云浮市": 45, "南沙区@广州市": 85, "白云区@广州市": 374, "五华县@梅州市": 100,
    "兴宁市@梅州市": 80, "金平区@汕头市": 80, "城区@汕尾市": 60, "开平市@江门市": 75, "鹤山市@江门市": 50,
    "和平县@河源市": 35, "南山区@深圳市": 180, "龙华区@深圳市": 253, "连山壮族瑶族自治县@清远市": 10,
    "江城区@阳江市": 70,
    # Guangxi
    "海城区@北海市": 60, "兴宁区@南宁市": 50, "城中区@柳州市": 20, "兴安县@桂林市": 30, "象山区@桂林市": 31,
    "钟山县@贺州市": 35, "东兴市@防城港市": 20,
    # Xinjiang
    "乌鲁木齐市": 405, "乌鲁木齐县@乌鲁木齐市": 7, "伊宁县@伊犁哈萨克自治州": 40, "伊宁市@伊犁哈萨克自治州": 80,
    "克拉玛依市": 49, "克拉玛依区@克拉玛依市": 30, "和田地区": 250, "和田县@和田地区": 33, "和田市@和田地区": 40,
    "喀什地区": 450, "喀什市@喀什地区": 70, "塔城地区": 100, "塔城市@塔城地区": 17, "沙湾市@塔城地区": 20,
    "昌吉回族自治州": 160, "昌吉市@昌吉回族自治州": 60, "阿克苏地区": 270, "阿克苏市@阿克苏地区": 70,
    "阿勒泰地区": 67, "阿勒泰市@阿勒泰地区": 25,
    # Jiangsu
    "大厂区@南京市": 20, "栖霞区@南京市": 99, "鼓楼区@南京市": 94, "通州区@南通市": 125, "新北区@常州市": 70,
    "云龙区@徐州市": 50, "鼓楼区@徐州市": 60, "淮安市": 455, "淮安区@淮安市": 90, "滨海县@盐城市": 80,
    "海州区@连云港市": 100,
    # Jiangxi
    "南昌市": 626, "南昌县@南昌市": 100, "西湖区@南昌市": 50, "吉安市": 446, "吉安县@吉安市": 40,
    "昌江区@景德镇市": 30,
    # Hebei
    "河北省": 7461, "开平区@唐山市": 30, "大厂回族自治县@廊坊市": 15, "桥西区@张家口市": 30, "承德市": 335,
    "宽城满族自治县@承德市": 25, "承德县@承德市": 35, "新华区@沧州市": 25, "平山县@石家庄市": 45,
    "新华区@石家庄市": 70, "桥西区@石家庄市": 85, "长安区@石家庄市": 75, "清河县@邢台市": 35,
    # Henan
    "河南省": 9937, "安阳市": 548, "安阳县@安阳市": 75, "新华区@平顶山市": 45, "鼓楼区@开封市": 20, "新乡市": 625,
    "新乡县@新乡市": 35, "濮阳市": 377, "濮阳县@濮阳市": 100, "山阳区@焦作市": 25, "襄城县@许昌市": 70,
    "鹤山区@鹤壁市": 15,
    # Zhejiang
    "江北区@宁波市": 48, "象山县@宁波市": 58, "西湖区@杭州市": 111, "龙港市@温州市": 46, "普陀区@舟山市": 38,
    # Hainan
    "海南省": 1008, "南沙区@三沙市": 0.1, "昌江黎族自治县": 23, "龙华区@海口市": 70,
    # Hubei
    "兴山县@宜昌市": 15, "恩施土家族苗族自治州": 346, "恩施市@恩施土家族苗族自治州": 80, "青山区@武汉市": 55,
    "荆州市": 523, "荆州区@荆州市": 55, "襄城区@襄阳市": 45, "华容区@鄂州市": 30,
    # Hunan
    "岳阳市": 505, "华容县@岳阳市": 55, "岳阳县@岳阳市": 60, "永定区@张家界市": 50, "东安县@永州市": 50,
    "湘潭市": 273, "湘潭县@湘潭市": 80, "龙山县@湘西土家族苗族自治州": 45, "资阳区@益阳市": 40, "衡阳市": 664,
    "衡阳县@衡阳市": 90, "邵阳市": 656, "邵阳县@邵阳市": 80, "长沙市": 1005, "长沙县@长沙市": 138,
    # Gansu
    "临夏回族自治州": 211, "临夏县@临夏回族自治州": 33, "临夏市@临夏回族自治州": 36, "城关区@兰州市": 130,
    "安宁区@兰州市": 35, "甘南藏族自治州": 69, "白银市": 151, "白银区@白银市": 30, "金川区@金昌市": 25,
    # Fujian
    "东山县@漳州市": 21, "台江区@福州市": 45, "鼓楼区@福州市": 69, "永定区@龙岩市": 40,
    # Tibet, Guizhou
    "城关区@拉萨市": 45, "钟山区@六盘水市": 70, "白云区@贵阳市": 40, "台江县@黔东南苗族侗族自治州": 12,
    # Liaoning
    "东港市@丹东市": 55, "中山区@大连市": 40, "抚顺市": 186, "抚顺县@抚顺市": 20, "朝阳市": 287, "朝阳县@朝阳市": 40,
    "本溪市": 133, "平山区@本溪市": 35, "本溪满族自治县@本溪市": 25, "和平区@沈阳市": 80, "铁西区@沈阳市": 180,
    "连山区@葫芦岛市": 60, "龙港区@葫芦岛市": 30, "辽阳市": 160, "辽阳县@辽阳市": 30, "铁岭市": 239,
    "清河区@铁岭市": 10, "铁岭县@铁岭市": 30, "太和区@锦州市": 40, "阜新市": 165, "海州区@阜新市": 35,
    "阜新蒙古族自治县@阜新市": 50, "海城市@鞍山市": 100, "铁东区@鞍山市": 50, "铁西区@鞍山市": 30,
    # Shaanxi, Qinghai
    "山阳县@商洛市": 40, "西安市": 1295, "新城区@西安市": 60, "长安区@西安市": 130, "海南藏族自治州": 45,
    "玉树藏族自治州": 42, "玉树市@玉树藏族自治州": 12, "城中区@西宁市": 30, "大通回族土族自治县@西宁市": 42,
    "河南蒙古族自治县@黄南藏族自治州": 4,
    # Heilongjiang
    "新兴区@七台河市": 25, "向阳区@佳木斯市": 25, "郊区@佳木斯市": 30, "宝山区@双鸭山市": 15, "大同区@大庆市": 20,
    "东安区@牡丹江市": 20, "西安区@牡丹江市": 25, "梨树区@鸡西市": 4, "东山区@鹤岗市": 10, "兴安区@鹤岗市": 5,
    "兴山区@鹤岗市": 3, "南山区@鹤岗市": 12, "向阳区@鹤岗市": 8, "甘南县@齐齐哈尔市": 30,
}


# Landline area codes of the cities that hold a shared district name: a landline in the message names
# its city (0591-… is 福州) and so counts as one more mention of it. Municipalities and capitals first.
AREA_CODES: dict[str, str] = {
    "010": "北京市", "021": "上海市", "022": "天津市", "023": "重庆市", "024": "沈阳市", "025": "南京市",
    "027": "武汉市", "029": "西安市", "020": "广州市", "0755": "深圳市", "0571": "杭州市", "0574": "宁波市",
    "0580": "舟山市", "0591": "福州市", "0597": "龙岩市", "0791": "南昌市", "0431": "长春市", "0434": "四平市",
    "0432": "吉林市", "0516": "徐州市", "0513": "南通市", "0851": "贵阳市", "0531": "济南市", "0632": "枣庄市",
    "0539": "临沂市", "0833": "乐山市", "0832": "内江市", "0931": "兰州市", "0891": "拉萨市", "0311": "石家庄市",
    "0317": "沧州市", "0313": "张家口市", "0375": "平顶山市", "0472": "包头市", "0471": "呼和浩特市",
    "0772": "柳州市", "0971": "西宁市", "0412": "鞍山市", "0411": "大连市", "0518": "连云港市", "0418": "阜新市",
    "0519": "常州市", "0744": "张家界市", "0554": "淮南市", "0562": "铜陵市", "0353": "阳泉市", "0356": "晋城市",
    "0660": "汕尾市", "0731": "长沙市", "0469": "双鸭山市", "0468": "鹤岗市", "0454": "佳木斯市", "0453": "牡丹江市",
}


def landline_city(phone: str) -> str | None:
    """The city a normalised landline (0591-87654321) belongs to, when it is one of AREA_CODES."""
    code = phone.split("-", 1)[0] if phone.startswith("0") and "-" in phone else ""
    return AREA_CODES.get(code)


def population_key(reading: Reading) -> str:
    """The POPULATION key of a reading: "district@city", else the city, else the province."""
    province, city, district = reading
    if district:
        return f"{district}@{city}"
    return city if city and city != province else province or ""


def rank(readings: Iterable[Reading], mentions: dict[Reading, int]) -> list[Reading]:
    """*readings* best first by the documented rule; *mentions* counts each reading's other mentions."""
    return sorted(set(readings), key=lambda reading: (
        -mentions.get(reading, 0), -POPULATION.get(population_key(reading), -1.0),
        tuple(part or "" for part in reading)))
