"""Render resources/icons/app.svg into the packaged app's icons: .ico (Windows), .icns (macOS), .png (Linux).

    python scripts/build_icons.py [OUT_DIR]     default OUT_DIR: build/icons

Qt renders the SVG (offscreen, no display needed); the .ico and .icns containers are written here
with PNG-compressed entries (both formats accept PNG data: .ico since Windows Vista, .icns since 10.7),
so no image library is needed. pyinstaller.spec runs this before the build.
"""

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "app.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# .icns entry types holding PNG data, by pixel size (the @2x types reuse the bigger renderings).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)
LINUX_PNG_SIZE = 256


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent size × size square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render_png.app = QGuiApplication([])  # kept alive for the later renderings
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico file whose entries are the given PNGs (size → data); 256 is stored as 0 per the format."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    directory, blobs = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    return header + directory + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .icns file with one PNG entry per ICNS_TYPES type."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def build(out_dir: Path, svg: Path = SOURCE) -> dict[str, Path]:
    """Write huitouke.ico, huitouke.icns and huitouke.png into out_dir; returns them by suffix."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sizes = sorted({*ICO_SIZES, *(size for _, size in ICNS_TYPES), LINUX_PNG_SIZE})
    pngs = {size: render_png(svg, size) for size in sizes}
    written = {
        "ico": out_dir / "huitouke.ico",
        "icns": out_dir / "huitouke.icns",
        "png": out_dir / "huitouke.png",
    }
    written["ico"].write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    written["icns"].write_bytes(icns_bytes(pngs))
    written["png"].write_bytes(pngs[LINUX_PNG_SIZE])
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"
    for path in build(target).values():
        print(path)
