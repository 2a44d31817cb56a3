"""Shared fixtures: every test gets its own data folder; `book` is a fresh real book.

`book` is a SQLite file under tmp_path. When HUITOUKE_TEST_PG_URL names a PostgreSQL database (e.g.
postgresql://huitouke:huitouke@127.0.0.1:5432/huitouke_test), every test under tests/core that uses
`book` runs a second time on PostgreSQL: the session migrates one schema of its own once (Book.open runs
the Alembic migrations there) and every test starts with it emptied. Tests about the
SQLite file itself (lock, backup, WAL, kill, integrity) carry `@pytest.mark.sqlite_only`; tests that need
two writers at once on a server carry `@pytest.mark.postgres` and run only there.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("HUITOUKE_TEST_PG_URL", "")
_CORE_TESTS = ROOT / "tests" / "core"
_schema_numbers = itertools.count(1)


def pytest_generate_tests(metafunc):
    """Run core tests on both engines when a test server is configured (see the module docstring)."""
    if "book_engine" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("postgres"):
        engines = ["postgresql"]  # skipped without a server (pytest_collection_modifyitems)
    else:
        engines = ["sqlite"]
        in_core = _CORE_TESTS in Path(metafunc.definition.path).parents
        if PG_URL and in_core and not metafunc.definition.get_closest_marker("sqlite_only"):
            engines.append("postgresql")
    if engines != ["sqlite"]:
        metafunc.parametrize("book_engine", engines, indirect=True)


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason="needs a PostgreSQL server: set HUITOUKE_TEST_PG_URL")
    for item in items:
        if item.get_closest_marker("postgres") and not PG_URL:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _data_dir(tmp_path_factory, monkeypatch):
    """Keep the user's real data folder out of every test."""
    monkeypatch.setenv("HUITOUKE_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def book_engine(request) -> str:
    """"sqlite" or "postgresql": the engine `book` (and `book_location`) use in this test."""
    return getattr(request, "param", "sqlite")


def pg_admin_engine():
    """An autocommit engine on the test server database (HUITOUKE_TEST_PG_URL)."""
    from sqlalchemy import create_engine

    return create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")


def pg_schema_url(schema: str) -> str:
    """The test server URL with `schema` as the search path: a book that lives in that schema."""
    from sqlalchemy import make_url

    return make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False)


@pytest.fixture
def fresh_pg_schema():
    """fresh_pg_schema() -> URL of a new, empty schema on the test server; all dropped after the test."""
    from sqlalchemy import text

    admin, made = pg_admin_engine(), []

    def _make() -> str:
        name = f"hk{os.getpid()}_{next(_schema_numbers)}"
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {name}"))
        made.append(name)
        return pg_schema_url(name)

    yield _make
    with admin.connect() as conn:
        for name in made:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
    admin.dispose()


@pytest.fixture(scope="session")
def pg_book_url():
    """A schema migrated once per test session by Book.open (so the migrations run on PostgreSQL)."""
    from sqlalchemy import text

    from core.book.db import Book

    name = f"hk{os.getpid()}_session"
    admin = pg_admin_engine()
    with admin.connect() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {name}"))
    Book.open(pg_schema_url(name), create=True).close()
    yield pg_schema_url(name)
    with admin.connect() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
    admin.dispose()


def empty_pg_book(url: str) -> None:
    """Delete every row and restart every id sequence: a clean book, 10× faster than a new schema."""
    from sqlalchemy import create_engine, text

    from core.book.models import Base

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())
        for seq in conn.execute(text("SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()")
                                ).scalars():
            conn.execute(text(f'ALTER SEQUENCE "{seq}" RESTART'))
    engine.dispose()


@pytest.fixture
def book_location(book_engine, tmp_path, request):
    """Where this test's book lives: a file path, or the URL of the session's PostgreSQL schema, emptied."""
    if book_engine == "sqlite":
        return tmp_path / "test.book"
    url = request.getfixturevalue("pg_book_url")
    empty_pg_book(url)
    return url


@pytest.fixture(scope="session")
def template_book(tmp_path_factory) -> Path:
    """A new, fully migrated SQLite book made once per test session; `book` starts from a copy of it.

    Running the migrations costs ~0.4 s a book, copying the file ~0.01 s: hundreds of tests use `book`.
    """
    from core.book.db import Book

    folder = tmp_path_factory.mktemp("template")
    saved = os.environ.get("HUITOUKE_DATA_DIR")
    os.environ["HUITOUKE_DATA_DIR"] = str(folder / "data")
    try:
        Book.open(folder / "template.book", create=True, backup_root=folder / "backups").close()
    finally:
        if saved is None:
            os.environ.pop("HUITOUKE_DATA_DIR", None)
        else:
            os.environ["HUITOUKE_DATA_DIR"] = saved
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith("template.book") and p.name != "template.book"]
    assert not [name for name in leftovers if name.endswith(("-wal", "-shm"))], leftovers
    return folder / "template.book"


@pytest.fixture
def book(book_location, tmp_path, request):
    """A fresh real book: a copy of the session's template file (SQLite) or the emptied server schema."""
    from core.book.db import Book

    if isinstance(book_location, Path):
        shutil.copyfile(request.getfixturevalue("template_book"), book_location)
        b = Book.open(book_location, backup_root=tmp_path / "backups", daily_backup=False)  # as a new book
    else:
        b = Book.open(book_location, create=True, backup_root=tmp_path / "backups")
    yield b
    b.close()


@pytest.fixture
def make_customer(book):
    """make_customer(name=..., phone=..., tags=(...), ...) -> CustomerDetail."""
    from core.customers import CustomerService
    from core.dto import CustomerInput

    service = CustomerService(book)

    def _make(**fields):
        fields.setdefault("name", "顾客")
        return service.create(CustomerInput(**fields))

    return _make


@pytest.fixture
def make_order(book):
    """make_order(customer_id, "2026-03-02", [("蜂蜜500g", 2, 6800)], status="completed", **extra)."""
    from core.dto import OrderInput, OrderItemInput
    from core.orders import OrderService

    service = OrderService(book)

    def _make(customer_id, day, items=(("蜂蜜500g", 1, 5000),), status="completed", hour=10, **extra):
        created = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, 0))
        lines = tuple(
            OrderItemInput(title=t, quantity=q, unit_price_cents=p) if isinstance(t, str)
            else OrderItemInput(product_id=t, quantity=q, unit_price_cents=p)
            for t, q, p in items)
        return service.create(OrderInput(customer_id=customer_id, created_at=created, status=status,
                                         items=lines, **extra))

    return _make


OLD_BOOK_TODAY = dt.date(2026, 12, 7)


@pytest.fixture
def old_book(book, make_customer, make_order):
    """A book of old history on OLD_BOOK_TODAY, every task expired (the Today list's dormant / churned counts):
    three live buyers whose last purchase is long gone (churned), one of them do-not-disturb, and a deleted one;
    one buyer of 140 days ago (dormant); a prospect who never bought."""
    from core.customers import CustomerService
    from core.reminders.service import ReminderService

    for name, phone in (("王芳", "13800138000"), ("李娜", "13900139000")):
        make_order(make_customer(name=name, phone=phone).id, "2024-10-02")
    quiet = make_customer(name="赵敏", phone="13600136000", do_not_disturb=True)
    make_order(quiet.id, "2024-10-02")
    gone = make_customer(name="钱多", phone="13500135000")
    make_order(gone.id, "2024-10-02")
    CustomerService(book).soft_delete([gone.id])
    make_order(make_customer(name="孙丽", phone="13300133000").id, (OLD_BOOK_TODAY - dt.timedelta(days=140)).isoformat())
    make_customer(name="周杰", phone="13200132000")
    CustomerService(book).ensure_stages(OLD_BOOK_TODAY)
    ReminderService(book).regenerate(OLD_BOOK_TODAY)
    return book
