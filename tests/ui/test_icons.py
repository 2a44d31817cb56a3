"""Icons follow the palette: drawn in its text colour, again after the palette changes (each colour's SVG is
parsed once and kept)."""

from PySide6.QtGui import QColor, QPalette

from ui.icons import icon


def _drawn_in(qicon, ink: str) -> bool:
    """Every opaque pixel of the icon is `ink` (give or take the rounding of antialiased edges)."""
    image, want = qicon.pixmap(22, 22).toImage(), QColor(ink)
    pixels = [image.pixelColor(x, y) for x in range(22) for y in range(22) if image.pixelColor(x, y).alpha() > 200]
    return bool(pixels) and all(max(abs(p.red() - want.red()), abs(p.green() - want.green()),
                                    abs(p.blue() - want.blue())) <= 3 for p in pixels)


def test_an_icon_is_redrawn_in_the_new_text_colour_after_a_palette_change(qapp):
    original = qapp.palette()
    customers = icon("customers")
    try:
        for ink in ("#102030", "#c62828", "#102030"):
            palette = QPalette(original)
            palette.setColor(QPalette.ColorRole.WindowText, QColor(ink))
            qapp.setPalette(palette)
            assert _drawn_in(customers, ink)
    finally:
        qapp.setPalette(original)
