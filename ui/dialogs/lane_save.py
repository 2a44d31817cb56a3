"""A dialog's Save through the book's lane (ui.book_lane), the pattern the customer dialog set: the service call
runs on the lane, off the GUI thread, the Save button disabled meanwhile; the result or the error comes back
on the GUI thread. Without a lane the call runs at once, as before."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel

from core.errors import HuitoukeError
from ui.tasks import report_unhandled
from ui.text.errors import describe


def save_on_lane(lane, button: QAbstractButton | Sequence[QAbstractButton] | None, call: Callable[[], Any],
                 saved: Callable[[Any], None], failed: Callable[[HuitoukeError], None]) -> bool:
    """Run ``call()``; ``saved(result)`` after it, ``failed(error)`` for a coded error (a conflict included), any
    other error to the unexpected-error dialog. ``button`` (one, several or None) is disabled while it runs on
    the lane, enabled again before ``saved`` / ``failed``. Returns whether it saved already: False with a lane
    (it will, or fail, later)."""
    if lane is None:
        try:
            result = call()
        except HuitoukeError as exc:
            failed(exc)
            return False
        saved(result)
        return True

    buttons = [] if button is None else [button] if isinstance(button, QAbstractButton) else list(button)

    def enable(on: bool) -> None:
        for each in buttons:
            each.setEnabled(on)

    def done(result: Any) -> None:
        enable(True)
        saved(result)

    def error(exc: BaseException) -> None:
        enable(True)
        if isinstance(exc, HuitoukeError):
            failed(exc)
        else:
            report_unhandled(exc)

    enable(False)
    lane.save(call, on_success=done, on_error=error)
    return False


def said_in(label: QLabel) -> Callable[[HuitoukeError], None]:
    """A ``failed`` for save_on_lane: the error's sentence in ``label`` (a form's red error line)."""
    return lambda error: label.setText(describe(error))


def save_form(lane, dialog: QDialog, button: QAbstractButton, error_line: QLabel, call: Callable[[], Any],
              saved: Callable[[Any], None]) -> bool:
    """A form dialog's Save (or Merge): ``call()`` through save_on_lane with ``button`` disabled meanwhile;
    ``saved(result)`` and then the dialog accepted after it; a coded error said in ``error_line``, the dialog
    left open. Returns whether it saved already (False with a lane, or refused)."""
    def done(result: Any) -> None:
        saved(result)
        dialog.accept()

    return save_on_lane(lane, button, call, done, said_in(error_line))
