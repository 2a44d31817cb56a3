"""The libraries the app ships and their licences: generated into the bundle at build time, read by About.

Qt-free on purpose: pyinstaller.spec imports it to write ``resources/licenses.json`` into the bundle
(the frozen app has no package metadata to read); from source the same list is computed from the
installed distributions named in requirements.txt and their dependencies.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from core.book.paths import bundle_root

LICENSES_FILE = "licenses.json"
# Shipped but not a Python distribution of its own (or with metadata that names no licence).
EXTRA = (
    ("Python", f"{sys.version_info.major}.{sys.version_info.minor}.{sys.version_info.micro}",
     "PSF-2.0"),
    ("Qt", "(bundled with PySide6)", "LGPL-3.0-only"),
    ("Noto Sans CJK SC (subset; resources/fonts/OFL.txt)", "2.004", "OFL-1.1"),
)
_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


@dataclass(frozen=True)
class License:
    name: str
    version: str
    license: str


def license_name(dist: metadata.Distribution) -> str:
    """The licence as the distribution states it: License-Expression, else a licence classifier, else License."""
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    classifiers = [c for c in classifiers if c not in ("OSI Approved",)]
    if classifiers:
        return " / ".join(dict.fromkeys(classifiers))
    text = (meta.get("License") or "").strip()
    first_line = text.splitlines()[0] if text else ""
    return first_line[:60] if first_line else "see package"


def requirement_names(requirements: Path) -> list[str]:
    names = []
    for line in requirements.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        match = _REQUIREMENT_NAME.match(line) if line and not line.startswith("-") else None
        if match:
            names.append(match.group(1))
    return names


def _dependencies(dist: metadata.Distribution) -> list[str]:
    """Names of the runtime (non-extra) requirements of dist that apply on this platform."""
    from packaging.requirements import Requirement

    found = []
    for spec in dist.requires or []:
        requirement = Requirement(spec)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            found.append(requirement.name)
    return found


def collect(requirements: Path) -> list[License]:
    """Every distribution reachable from requirements (runtime dependencies only), plus Python and Qt."""
    seen: dict[str, License] = {}
    pending = requirement_names(requirements)
    while pending:
        name = pending.pop()
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = License(dist.metadata["Name"], dist.version, license_name(dist))
        pending.extend(_dependencies(dist))
    listed = sorted(seen.values(), key=lambda item: item.name.lower())
    return [*listed, *(License(*extra) for extra in EXTRA)]


def write(target: Path, requirements: Path) -> Path:
    target.write_text(json.dumps([asdict(item) for item in collect(requirements)], ensure_ascii=False, indent=1),
                      encoding="utf-8")
    return target


def bundled_licenses() -> list[License]:
    """The list written at build time (packaged app), else computed from the installed packages."""
    generated = bundle_root() / "resources" / LICENSES_FILE
    if generated.exists():
        return [License(**item) for item in json.loads(generated.read_text(encoding="utf-8"))]
    return collect(bundle_root() / "requirements.txt")
