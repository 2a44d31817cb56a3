"""A witness for issue #21's tests: which service calls ran inside one of the lane's saves, off the GUI thread."""

import functools
import threading

from ui.book_lane import BookLane

_inside = threading.local()


def _marked(fn):
    """fn, marking its thread as the lane's while it runs (its signature kept: the lane and Task read it)."""

    @functools.wraps(fn)
    def marked(*a, **k):
        _inside.lane = True
        try:
            return fn(*a, **k)
        finally:
            _inside.lane = False

    return marked


class LaneSpy:
    """Wraps ``lane.save`` and ``lane.run_job`` (every save or job marks its thread while it runs) and the service
    methods named with ``watch``; ``calls`` lists (method name, ran inside a lane save or job off the GUI thread)."""

    def __init__(self, lane: BookLane, monkeypatch):
        self.lane, self._monkeypatch = lane, monkeypatch
        self.calls: list[tuple[str, bool]] = []
        own_save, own_job = lane.save, lane.run_job
        monkeypatch.setattr(lane, "save", lambda fn, *args, **kwargs: own_save(_marked(fn), *args, **kwargs))
        monkeypatch.setattr(lane, "run_job", lambda fn, *args, **kwargs: own_job(_marked(fn), *args, **kwargs))

    def watch(self, owner, name: str) -> "LaneSpy":
        original = getattr(owner, name)

        @functools.wraps(original)
        def wrapped(*args, **kwargs):
            on_lane = getattr(_inside, "lane", False) and threading.current_thread() is not threading.main_thread()
            self.calls.append((name, on_lane))
            return original(*args, **kwargs)

        self._monkeypatch.setattr(owner, name, wrapped)
        return self

    def ran_on_lane(self, name: str) -> bool:
        """Whether ``name`` was called, every time inside a lane save or job off the GUI thread."""
        flags = [on_lane for called, on_lane in self.calls if called == name]
        return bool(flags) and all(flags)
