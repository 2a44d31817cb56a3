"""The segment points dialog: a refused award says why and writes nothing; an accepted one reports the count."""

from __future__ import annotations

import datetime as dt

from core.marketing import loyalty
from core.marketing.service import MarketingService

TODAY = dt.date(2026, 6, 1)
NOW = dt.datetime(2026, 6, 1, 10, 0)


def test_segment_points_dialog(qtbot, book, make_customer, make_order):
    from ui.dialogs.segment_points import SegmentPointsDialog

    service = MarketingService(book)
    c = make_customer(name="甲").id
    make_order(c, "2026-05-01")
    dialog = SegmentPointsDialog(service, {}, 1, TODAY, NOW)
    qtbot.addWidget(dialog)
    dialog.reason_edit.setText("")
    assert not dialog.save()
    assert dialog.error_label.text().startswith("Say why the points are given")
    dialog.reason_edit.setText("周年店庆")
    dialog.points_spin.setValue(300)
    assert dialog.save() and dialog.awarded == 1
    with book.session() as s:
        assert loyalty.points_balance(s, c) == 50 + 300  # ¥50 order + the gift
