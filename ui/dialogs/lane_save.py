"""A dialog's Save through the book's lane (ui.book_lane), the pattern the customer dialog set: the service call
runs on the lane, off the GUI thread, the Save button disabled meanwhile; the result or the error comes back
on the GUI thread. Without a lane the call runs at once, as before."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QAbstractButton

from core.errors import HuitoukeError
from ui.tasks import report_unhandled


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
