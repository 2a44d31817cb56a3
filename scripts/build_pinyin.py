"""Write resources/pinyin/names.txt from the installed pypinyin (core.pinyin_table): run after upgrading pypinyin.

Usage: python scripts/build_pinyin.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.pinyin_table import build_lines, table_path


def main() -> None:
    path = table_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = build_lines()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path}: {lines[0]}, {sum(1 for line in lines if line.startswith('='))} phrases")


if __name__ == "__main__":
    main()
