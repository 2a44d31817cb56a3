"""Make the app's own Chinese font, resources/fonts/HuitoukeSansSC-Regular.otf, from Noto Sans CJK SC (OFL-1.1).

    python scripts/subset_font.py [NotoSansCJK-Regular.ttc]

Without an argument the file comes from the system (/usr/share/fonts/opentype/noto/, Debian's fonts-noto-cjk)
or, if that is not installed, from `apt-get download fonts-noto-cjk` unpacked in a temporary folder (Debian
only; no root needed). The Simplified Chinese face of the collection is cut down with fontTools to what a
Chinese seller writes and reads in the app (see `characters()`), and renamed to "Huitouke Sans SC" so it
never shadows a full Noto Sans CJK SC installed on the machine (a rare character in a customer's name must
still come from the system's full font). Copyright and licence records of the original are kept.

Run it again whenever tests/ui/test_fonts.py says an app text has a character the font lacks.
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ui.fonts import BUNDLED_FAMILY, BUNDLED_FONT_PARTS  # noqa: E402

SYSTEM_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEBIAN_PACKAGE = "fonts-noto-cjk"
SC_FACE = "Noto Sans CJK SC"
POSTSCRIPT_NAME = "HuitoukeSansSC-Regular"

# Beyond the blocks below: typographic signs sellers paste from shops and chats.
RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1: ¥ × ÷ · °
    (0x2000, 0x206F),  # general punctuation: — … ‘ ’ “ ” ‰ ※
    (0x2100, 0x218F),  # letterlike and number forms: ℃ № Ⅰ Ⅱ
    (0x2190, 0x21FF),  # arrows
    (0x2212, 0x2212),  # minus sign
    (0x2460, 0x24FF),  # enclosed numbers ① ⑴ ⒈
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25FF),  # geometric shapes ■ □ ▲ ○ ●
    (0x2600, 0x26FF),  # ★ ☆ ☎ ♀ ♂
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、。《》「」【】〜
    (0x3040, 0x30FF),  # kana (part of GB2312's symbol rows)
    (0x3100, 0x312F),  # bopomofo
    (0x3200, 0x32FF),  # enclosed CJK ㈠ ㊣
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms: ，！？（）：；￥
)
# Name characters outside GB2312 that Chinese parents often choose (union with GB2312: repeats are harmless).
NAME_CHARACTERS = (
    "喆堃玥珺祎昇镕瑄彧翀燊犇淏烜炘甯婧琍珈祺瑾璟琪瑜琰玮珂琳璐瑶钰铖锴煜熠晗晞昕旻昊昀暄"
    "曦睿轩浩涵梓萱芊茜蓁菁蕾岚嵘崧峤湉沁泓淇滢潇濛澍霈霖雯霏棠楠桉槿榕樾杺彤妤婕姝娅嫣媛"
    "玙琬瑗璇璠璿瑀瑢琤珩玹珣琇垚焱鑫淼森骉赟贇祯禛禕禩颢颉颀頔頫韡珅琮劼勍邶邺郗郜鄞靓"
)


def app_text_characters(root: Path = ROOT) -> set[str]:
    """Every visible non-ASCII character of the app's own texts: the zh_CN translations (.ts), and the Chinese
    written in core/ and ui/ (the demo book's names and goods in core/demo/data.py, the command line's words)."""
    files = [*root.glob("resources/translations/*.ts"), *root.glob("core/**/*.py"), *root.glob("ui/**/*.py")]
    found = set()
    for path in files:
        found.update(char for char in path.read_text(encoding="utf-8")
                     if ord(char) > 0x7E and not unicodedata.category(char).startswith(("C", "Z"))
                     and not 0x2700 <= ord(char) <= 0x27BF)
    # Dingbats (✔ ✗) occur in core/ only as answers the importer reads in a yes/no column; the app never shows
    # them, and Noto Sans CJK has none.
    return found


def gb2312() -> set[str]:
    """Every character GB2312 encodes (6,763 hanzi and the symbol rows)."""
    found = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                found.add(bytes((high, low)).decode("gb2312"))
    return found


def characters() -> set[str]:
    """ASCII, punctuation, full-width forms, GB2312, common name characters and every character of the app's
    own texts (the zh_CN translations, the demo book's words, Chinese written in core/ and ui/)."""
    wanted = gb2312() | set(NAME_CHARACTERS) | app_text_characters()
    for first, last in RANGES:
        wanted.update(chr(code) for code in range(first, last + 1))
    return wanted


def _rename(font) -> None:
    """Family "Huitouke Sans SC"; the original's copyright, licence and designer records stay."""
    name = font["name"]
    replacements = {1: BUNDLED_FAMILY, 2: "Regular", 3: f"{POSTSCRIPT_NAME};subset of NotoSansCJKsc-Regular",
                    4: f"{BUNDLED_FAMILY} Regular", 6: POSTSCRIPT_NAME, 16: BUNDLED_FAMILY, 17: "Regular"}
    name.names = [record for record in name.names if record.nameID not in replacements]
    for name_id, text in replacements.items():
        name.setName(text, name_id, 3, 1, 0x409)
        name.setName(text, name_id, 1, 0, 0)
    name.setName(f"A subset of {SC_FACE} 2.004 (SIL Open Font License 1.1) made for Huitouke.", 10, 3, 1, 0x409)
    cff = font["CFF "].cff
    cff.fontNames = [POSTSCRIPT_NAME]
    top = cff.topDictIndex[0]
    top.FullName = f"{BUNDLED_FAMILY} Regular"
    top.FamilyName = BUNDLED_FAMILY
    if hasattr(top, "FDArray"):
        for fd in top.FDArray:
            fd.FontName = f"{POSTSCRIPT_NAME}-{fd.FontName.split('-')[-1]}" if hasattr(fd, "FontName") else POSTSCRIPT_NAME


def _source_from_debian(work: Path) -> Path:
    subprocess.run(["apt-get", "download", DEBIAN_PACKAGE], cwd=work, check=True)
    deb = next(work.glob(f"{DEBIAN_PACKAGE}_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(work / "x")], check=True)
    return work / "x" / SYSTEM_SOURCE.relative_to("/")


def subset(source: Path, target: Path) -> dict:
    """Write the subset of source's SC face to target; returns what it holds."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTCollection, TTFont

    if source.suffix.lower() in (".ttc", ".otc"):
        faces = [face["name"].getDebugName(1) for face in TTCollection(str(source), lazy=True).fonts]
        font = TTFont(str(source), fontNumber=faces.index(SC_FACE))
    else:
        font = TTFont(str(source))
    wanted = characters()
    options = ft_subset.Options()
    options.layout_features = ["*"]  # keep the Chinese punctuation forms (halt, vert, locl…)
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False  # CJK outlines render well unhinted; saves ~15%
    options.drop_tables += ["VORG", "vhea", "vmtx"]  # no vertical writing in the app
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(char) for char in wanted])
    subsetter.subset(font)
    _rename(font)
    font.recalcTimestamp = False  # the original's dates: the same source gives the same bytes
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(target))
    covered = set(chr(code) for code in font.getBestCmap())
    return {"characters": len(covered), "missing": sorted(set(wanted) - covered), "bytes": target.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, help="NotoSansCJK-Regular.ttc (or an SC .otf)")
    parser.add_argument("--out", type=Path, default=ROOT.joinpath(*BUNDLED_FONT_PARTS))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="huitouke-font-") as tmp:
        source = args.source or (SYSTEM_SOURCE if SYSTEM_SOURCE.exists() else _source_from_debian(Path(tmp)))
        result = subset(source, args.out)
    app_missing = sorted(app_text_characters() & set(result["missing"]))
    print(f"{args.out}: {result['characters']} characters, {result['bytes'] / 1e6:.2f} MB; "
          f"{len(result['missing'])} wanted characters not in {SC_FACE}")
    if app_missing:
        print("app texts use characters the source font lacks: " + "".join(app_missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
