"""The Settings section for segment thresholds and phone masking, offscreen on the hand-computed shop book."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.analytics.thresholds import ThresholdService
from core.book.models import Customer
from core.customers import CustomerService
from core.dto import CustomerInput, CustomerQuery
from core.settings import get_setting
from tests.core.analytics_book import TODAY, fill_shop


@pytest.fixture
def section(qtbot, book):
    from ui.widgets.threshold_settings import ThresholdSettingsSection

    ids = fill_shop(book)
    widget = ThresholdSettingsSection(ThresholdService(book), lambda: TODAY)
    qtbot.addWidget(widget)
    return widget, ids


def test_live_counts_follow_the_values_on_screen(section, book):
    widget, _ = section
    assert "Returning 2" in widget.counts_label.text() and "Churned 1" in widget.counts_label.text()
    assert "Median spend: ¥50.00" in widget.counts_label.text()
    widget._edits["stage.churn_cycle_multiplier"].setValue(1)
    widget.update_counts()  # what the debounce timer calls
    assert "Returning 1" in widget.counts_label.text() and "Churned 3" in widget.counts_label.text()
    with book.session() as s:
        assert get_setting(s, "stage.churn_cycle_multiplier") == 2  # not saved yet


def test_save_applies_the_thresholds_and_moves_stages(section, book):
    widget, ids = section
    widget._edits["stage.churn_cycle_multiplier"].setValue(1)
    widget._edits["analytics.rfm_recent_days"].setValue(40)
    widget.save_button.click()
    assert widget.message_label.text().startswith("Saved;")
    with book.session() as s:
        assert get_setting(s, "stage.churn_cycle_multiplier") == 1.0
        assert get_setting(s, "analytics.rfm_recent_days") == 40
        assert get_setting(s, "analytics.rfm_high_spend_cents") is None  # "the median" stays ticked
        stages = dict(s.execute(select(Customer.id, Customer.stage)).all())
    assert stages[ids["B"]] == "churned"


def test_suggestion_fills_the_fields(section):
    widget, _ = section
    widget._edits["analytics.rfm_recent_days"].setValue(10)
    widget.suggest_button.click()
    assert widget._edits["analytics.rfm_recent_days"].value() == 90  # a small book: the default
    assert "save" in widget.message_label.text()


def test_phone_masking_toggle_masks_lists_and_exports(section, book, tmp_path):
    from openpyxl import load_workbook

    from core.excel.export import export_book

    widget, _ = section
    customers = CustomerService(book)
    customer = customers.create(CustomerInput(name="掩码", phone="13812348000"))
    assert not widget.mask_check.isChecked()
    widget.mask_check.setChecked(True)
    row = next(r for r in customers.list_page(CustomerQuery(today=TODAY)) if r.id == customer.id)
    assert row.phone == "138****8000"
    assert customers.get(customer.id).fields.phone == "13812348000"  # the edit dialog keeps the number
    export_book(book, tmp_path / "masked.xlsx", "customers", "en", TODAY)
    export_book(book, tmp_path / "full.xlsx", "customers", "en", TODAY, mask_phones=False)

    def phones(path):
        sheet = load_workbook(path).active
        column = [c.value for c in sheet[1]].index("Phone")
        return {row[column] for row in sheet.iter_rows(min_row=2, values_only=True)} - {None}

    assert phones(tmp_path / "masked.xlsx") == {"138****8000"}
    assert phones(tmp_path / "full.xlsx") == {"13812348000"}
    widget.mask_check.setChecked(False)
    assert next(r for r in customers.list_page(CustomerQuery(today=TODAY)) if r.id == customer.id).phone == \
        "13812348000"


def test_masking_reaches_the_read_only_views(qtbot, book):
    from core.analytics.thresholds import ThresholdService as Service
    from ui.dialogs.merge import MergeDialog

    customers = CustomerService(book)
    first = customers.create(CustomerInput(name="甲", phone="13812348000"))
    second = customers.create(CustomerInput(name="乙", phone="13912349000"))
    Service(book).set_phone_masking(True)
    dialog = MergeDialog(customers, customers.get(first.id), customers.get(second.id))
    qtbot.addWidget(dialog)
    phones = dict(dialog._comparison())[dialog.tr("Phone")]
    assert phones == ("138****8000", "139****9000")


def test_the_median_spend_shows_in_the_greyed_field(section):
    widget, _ = section
    spend = widget._edits["analytics.rfm_high_spend_cents"]
    assert widget.median_check.isChecked() and not spend.isEnabled()
    assert spend.value() == 50  # the buyers' median spend, ¥50
    widget.median_check.setChecked(False)
    spend.setValue(200)
    assert widget.values()["analytics.rfm_high_spend_cents"] == 20000


def test_counts_run_in_the_background_with_a_task_runner(qtbot, book):
    from ui.tasks import TaskRunner
    from ui.widgets.threshold_settings import ThresholdSettingsSection

    fill_shop(book)
    tasks = TaskRunner()
    widget = ThresholdSettingsSection(ThresholdService(book), lambda: TODAY, tasks=tasks)
    qtbot.addWidget(widget)
    try:
        assert widget.counts_label.text() == "Counting…"  # the page paints before the book is read
        qtbot.waitUntil(lambda: "Returning 2" in widget.counts_label.text(), timeout=10000)
        widget._edits["stage.churn_cycle_multiplier"].setValue(1)
        widget.update_counts()
        qtbot.waitUntil(lambda: "Churned 3" in widget.counts_label.text(), timeout=10000)
    finally:
        tasks.cancel_all()
        tasks.wait(5000)


def test_save_runs_on_the_book_lane(qtbot, book):
    """Issue #21: moving every customer's stage is a write on the lane, off the GUI thread."""
    from ui.book_lane import BookLane
    from ui.widgets.threshold_settings import ThresholdSettingsSection

    ids = fill_shop(book)
    lane = BookLane()
    widget = ThresholdSettingsSection(ThresholdService(book), lambda: TODAY, lane=lane)
    qtbot.addWidget(widget)
    widget._edits["stage.churn_cycle_multiplier"].setValue(1)
    widget.save_button.click()
    assert not widget.save_button.isEnabled()
    qtbot.waitUntil(lambda: widget.message_label.text().startswith("Saved;"), timeout=5000)
    assert widget.save_button.isEnabled() and lane.wait(5000)
    with book.session() as s:
        assert s.get(Customer, ids["B"]).stage == "churned"
