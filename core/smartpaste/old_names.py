"""Former and merged division names still written in addresses, mapped to today's division.

Sellers' customers keep writing the name they grew up with: 襄樊 (renamed 襄阳 in 2010), 莱芜 (a city
until 2019, now 济南市莱芜区), 宣武区 (merged into 西城区 in 2010), 昆山县 (a county-level city since
1989) … Each entry: old name → (province, city, district or None). Written by hand from the State
Council's published changes; checked by tests against the division table (every target exists).
"""

from __future__ import annotations

# Former prefecture-level cities that are a district now: below them the districts of today's city
# still follow (莱芜市 钢城区 → 济南市 钢城区), alone they mean their district (莱芜市 → 济南市 莱芜区).
FORMER_PREFECTURES = frozenset({"莱芜市", "莱芜", "巢湖地区"})

OLD_NAMES: dict[str, tuple[str, str, str | None]] = {
    # prefecture-level cities renamed or dissolved
    "襄樊市": ("湖北省", "襄阳市", None), "襄樊": ("湖北省", "襄阳市", None),
    "莱芜市": ("山东省", "济南市", "莱芜区"), "莱芜": ("山东省", "济南市", "莱芜区"),
    "思茅市": ("云南省", "普洱市", None), "思茅": ("云南省", "普洱市", None),
    "巢湖地区": ("安徽省", "合肥市", "巢湖市"),
    "达县": ("四川省", "达州市", "达川区"),
    # Beijing, Shanghai, Tianjin mergers
    "宣武区": ("北京市", "北京市", "西城区"), "崇文区": ("北京市", "北京市", "东城区"),
    "闸北区": ("上海市", "上海市", "静安区"), "卢湾区": ("上海市", "上海市", "黄浦区"),
    "南汇区": ("上海市", "上海市", "浦东新区"), "崇明县": ("上海市", "上海市", "崇明区"),
    "塘沽区": ("天津市", "天津市", "滨海新区"), "汉沽区": ("天津市", "天津市", "滨海新区"),
    "大港区": ("天津市", "天津市", "滨海新区"), "蓟县": ("天津市", "天津市", "蓟州区"),
    # district mergers in provincial capitals and large cities
    "江干区": ("浙江省", "杭州市", "上城区"), "下城区": ("浙江省", "杭州市", "拱墅区"),
    "萧山市": ("浙江省", "杭州市", "萧山区"), "余杭市": ("浙江省", "杭州市", "余杭区"),
    "富阳市": ("浙江省", "杭州市", "富阳区"), "临安市": ("浙江省", "杭州市", "临安区"),
    "沧浪区": ("江苏省", "苏州市", "姑苏区"), "平江区": ("江苏省", "苏州市", "姑苏区"),
    "金阊区": ("江苏省", "苏州市", "姑苏区"), "吴江市": ("江苏省", "苏州市", "吴江区"),
    "白下区": ("江苏省", "南京市", "秦淮区"), "下关区": ("江苏省", "南京市", "鼓楼区"),
    "溧水县": ("江苏省", "南京市", "溧水区"), "高淳县": ("江苏省", "南京市", "高淳区"),
    "萝岗区": ("广东省", "广州市", "黄埔区"), "番禺市": ("广东省", "广州市", "番禺区"),
    "花都市": ("广东省", "广州市", "花都区"), "增城市": ("广东省", "广州市", "增城区"),
    "从化市": ("广东省", "广州市", "从化区"),
    "铜梁县": ("重庆市", "重庆市", "铜梁区"), "璧山县": ("重庆市", "重庆市", "璧山区"),
    "荣昌县": ("重庆市", "重庆市", "荣昌区"), "大足县": ("重庆市", "重庆市", "大足区"),
    "潼南县": ("重庆市", "重庆市", "潼南区"), "开县": ("重庆市", "重庆市", "开州区"),
    "梁平县": ("重庆市", "重庆市", "梁平区"), "武隆县": ("重庆市", "重庆市", "武隆区"),
    # counties renamed when they became districts (a plain suffix change such as 双流县 → 双流区 needs no
    # entry: the parser reads a short name with another suffix as the division itself)
    "郫县": ("四川省", "成都市", "郫都区"), "鄞县": ("浙江省", "宁波市", "鄞州区"), "户县": ("陕西省", "西安市", "鄠邑区"),
    "胶南市": ("山东省", "青岛市", "黄岛区"), "楚州区": ("江苏省", "淮安市", "淮安区"),
    "绍兴县": ("浙江省", "绍兴市", "柯桥区"), "芳村区": ("广东省", "广州市", "荔湾区"),
    # a zone some address pickers list as a city: its counties (雄县, 容城县, 安新县) are still 保定's
    "雄安新区": ("河北省", "保定市", None),
}
