"""Make the bundled Chinese font: Noto Sans CJK SC Regular subset to what Chinese sellers write.

    python scripts/make_cjk_font.py PATH/TO/NotoSansCJK-Regular.ttc
        (Debian: apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb x,
         then x/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc)

Writes resources/fonts/NotoSansCJKsc-Huitouke.otf: face "Noto Sans CJK SC" of the collection, subset to
the GB2312 characters (6,763 hanzi, punctuation, full-width forms), ASCII and Latin-1, general punctuation,
CJK symbols, full-width and half-width forms, a few hundred name characters outside GB2312, with the
layout features kept and hinting dropped (~4 MB). The font is under the SIL Open Font License 1.1
(resources/fonts/OFL.txt); no Reserved Font Name is declared, so the subset keeps its name.
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts" / "NotoSansCJKsc-Huitouke.otf"
FACE = "Noto Sans CJK SC"
# Common in given names and shop text but not in GB2312 (GBK / 通用规范汉字表 additions).
EXTRA = ("喆堃玥珺琰瑄昇旻晞曌淼焱犇鑫垚燚嫚婕媛妍婧嬛姮瑾瑜璟琪琦瑶璐珏玮炜烨煜熠翀翃铖锴镕钰"
         "彧昕晟晔暄曦湉溪澔沅涞潇灏皓颢骞骁骐麒麟莘蓁萱芃苡芊茜荞菡葳蔚薇祎祺禛禹宸宥寰岚峣嵘"
         "妤婳嫣娉姝姣娴婉婵嫱嬿媞媱婷妲妘姌姞姳娅娣嫦嫒淇琮珩珞琨瑛瑭璠璞璇瓒瑗珮玳琬琛珈玟")


def characters() -> str:
    chars = set(EXTRA)
    for code in range(0x20, 0x10000):
        ch = chr(code)
        if 0x20 <= code <= 0xFF or 0x2000 <= code <= 0x206F or 0x3000 <= code <= 0x303F \
                or 0xFF00 <= code <= 0xFFEF:
            chars.add(ch)
            continue
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        chars.add(ch)
    return "".join(sorted(chars))


def main(collection: str) -> None:
    fonts = TTCollection(collection).fonts
    font = next(f for f in fonts if f["name"].getDebugName(4) == FACE)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.hinting = False
    options.notdef_outline = True
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    text = characters()
    subsetter.populate(text=text)
    subsetter.subset(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(OUT)
    print(f"{OUT.relative_to(ROOT)}: {len(text):,} characters, {OUT.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1])
