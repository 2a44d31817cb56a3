"""Child process of bench_ui.py: starts either a bare Qt window (the floor) or the real app on a book,
and prints timings as JSON lines. Not a test; run through bench/bench_ui.py."""

import json
import sys
import time

T0 = time.perf_counter()  # as close to process start as Python gets; bench_ui adds the interpreter start

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))


def emit(**fields) -> None:
    print(json.dumps(fields), flush=True)


def floor() -> None:
    """A bare QMainWindow, after importing SQLAlchemy: the fastest any SQLAlchemy + Qt app can paint."""
    import sqlalchemy  # noqa: F401
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])

    class Window(QMainWindow):
        def paintEvent(self, event):
            super().paintEvent(event)
            emit(event="painted", seconds=time.perf_counter() - T0)
            app.quit()

    window = Window()
    window.resize(1280, 800)
    window.show()
    app.exec()


def app_run(book: str) -> None:
    """The real start-up path (ui.app.run), instrumented from outside through Qt objects only."""
    import resource

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui import app as ui_app
    from ui.main_window import MainWindow

    state = {"painted": False, "max_gap": 0.0, "last_tick": None, "phase": "start", "stalls": []}
    original_paint = MainWindow.paintEvent

    def paint_event(window, event):
        original_paint(window, event)
        if not state["painted"]:
            state["painted"] = True
            emit(event="painted", seconds=time.perf_counter() - T0)
            QTimer.singleShot(0, lambda: watch(window))

    MainWindow.paintEvent = paint_event

    def tick():
        now = time.perf_counter()
        if state["last_tick"] is not None:
            gap = now - state["last_tick"]
            state["max_gap"] = max(state["max_gap"], gap)
            if gap > 0.1:
                state["stalls"].append((state["phase"], round(gap * 1000)))
        state["last_tick"] = now

    def watch(window):
        heartbeat = QTimer(window)
        heartbeat.setInterval(5)
        heartbeat.timeout.connect(tick)
        heartbeat.start()
        steps = iter(scenario(window))

        def advance():
            try:
                delay = next(steps)
            except StopIteration:
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                emit(event="done", max_gui_stall_ms=state["max_gap"] * 1000, max_rss_mb=rss,
                     stalls_over_100ms=state["stalls"])
                QApplication.instance().quit()
                return
            QTimer.singleShot(delay, advance)

        QTimer.singleShot(0, advance)

    def wait_for(condition):
        """Generator helper: poll every 5 ms until condition() is true."""
        while not condition():
            yield 5

    def scenario(window):
        state["phase"] = "opening"
        yield from wait_for(lambda: window.session is not None)
        from ui.models.customers import Column  # once the book is open, as the app itself does

        # Every other column's sort (ascending), after the last-purchase / spend / name sorts below.
        extra_sorts = [c for c in Column if c not in (Column.LAST_PURCHASE, Column.TOTAL_SPEND, Column.NAME)]

        emit(event="book_open", seconds=time.perf_counter() - T0)
        state["phase"] = "first page"
        yield 300  # let the Today page (shown at launch) settle
        clicked = time.perf_counter()
        page = window.show_page("customers")
        model = page.model
        yield from wait_for(lambda: model.rowCount() > 0 and model.index(0, Column.NAME).data() is not None)
        page.table.viewport().repaint()
        emit(event="customers_painted", seconds=time.perf_counter() - T0, rows=model.rowCount(),
             since_click_ms=(time.perf_counter() - clicked) * 1000)
        for label, action in (
            ("sort_last_purchase_asc", lambda: page.table.horizontalHeader().setSortIndicator(
                Column.LAST_PURCHASE, Qt.SortOrder.AscendingOrder)),
            ("sort_last_purchase_desc", lambda: page.table.horizontalHeader().setSortIndicator(
                Column.LAST_PURCHASE, Qt.SortOrder.DescendingOrder)),
            ("sort_total_spend", lambda: page.table.horizontalHeader().setSortIndicator(
                Column.TOTAL_SPEND, Qt.SortOrder.DescendingOrder)),
            ("sort_name", lambda: page.table.horizontalHeader().setSortIndicator(
                Column.NAME, Qt.SortOrder.AscendingOrder)),
            *((f"sort_{column.name.lower()}", lambda column=column: page.table.horizontalHeader().setSortIndicator(
                column, Qt.SortOrder.AscendingOrder)) for column in extra_sorts),
            ("sort_stage_desc", lambda: page.table.horizontalHeader().setSortIndicator(
                Column.STAGE, Qt.SortOrder.DescendingOrder)),
            ("sort_last_purchase_back", lambda: page.table.horizontalHeader().setSortIndicator(
                Column.LAST_PURCHASE, Qt.SortOrder.DescendingOrder)),
            ("search_wang", lambda: page.set_search("王")),
            ("search_phone", lambda: page.set_search("1380")),
            ("search_initials", lambda: page.set_search("zw")),
            ("search_clear", lambda: page.set_search("")),
            ("stage_churned", lambda: page.stage_filter.setCurrentIndex(page.stage_filter.findData("churned"))),
            ("stage_all", lambda: page.stage_filter.setCurrentIndex(0)),
            ("tag_first", lambda: page.tag_filter.setCurrentIndex(1)),
            ("tag_all", lambda: page.tag_filter.setCurrentIndex(0)),
            ("level_top", lambda: page.level_filter.setCurrentIndex(page.level_filter.count() - 1)),
            ("level_none", lambda: page.level_filter.setCurrentIndex(page.level_filter.findData(0))),
            ("level_all", lambda: page.level_filter.setCurrentIndex(0)),
        ):
            state["phase"] = label
            loaded = {"done": False}

            def on_loaded(flag=loaded):
                flag["done"] = True

            model.loaded.connect(on_loaded)
            started = time.perf_counter()
            action()
            yield from wait_for(lambda flag=loaded: flag["done"])
            queried = time.perf_counter() - started
            yield from wait_for(lambda: model.rowCount() == 0 or model.index(0, Column.NAME).data() is not None)
            emit(event="list", what=label, query_ms=queried * 1000, rows_shown_ms=(time.perf_counter() - started) * 1000,
                 rows=model.rowCount())
            model.loaded.disconnect(on_loaded)
        state["phase"] = "scroll"
        for fraction in (0.25, 0.5, 0.75, 1.0):
            row = min(model.rowCount() - 1, int(model.rowCount() * fraction))
            started = time.perf_counter()
            page.table.scrollTo(model.index(row, 0))
            yield from wait_for(lambda r=row: model.index(r, Column.NAME).data() is not None)
            emit(event="scroll", to_row=row, ms=(time.perf_counter() - started) * 1000)
        state["phase"] = "orders page"
        orders = window.show_page("orders")
        started = time.perf_counter()
        yield from wait_for(lambda: orders.orders_model.rowCount() > 0
                            and orders.orders_model.index(0, 0).data() is not None)
        emit(event="orders_shown", ms=(time.perf_counter() - started) * 1000, rows=orders.orders_model.rowCount())
        window.show_page("customers")

    from PySide6.QtCore import Qt

    globals()["Qt"] = Qt
    sys.exit(ui_app.run(["--book", book]))


if __name__ == "__main__":
    if sys.argv[1] == "floor":
        floor()
    else:
        app_run(sys.argv[2])
