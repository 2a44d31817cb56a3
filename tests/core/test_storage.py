"""Opening, locking, migrating, checking, backing up and restoring real book files."""

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import select, text

from core.book import backup, schema
from core.book.check import check_book
from core.book.db import Book
from core.book.models import Base, Customer
from core.errors import BookDamaged, BookLocked, BookTooNew, Cancelled, RejectedInput
from tests.conftest import ROOT


@pytest.mark.sqlite_only
def test_new_book_is_at_head_with_wal_and_foreign_keys(book):
    assert schema.current_revision(book.engine) == schema.HEAD
    with book.session() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_migrated_schema_equals_the_models(book):
    """The migrations create exactly what core.book.models declares (no drift between the two)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with book.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


_PARTIAL_INDEXES = """
import sys
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex
from core.book.models import Base
from core.book.shared import server_engine
partial = [ix for table in Base.metadata.sorted_tables for ix in table.indexes if ix.dialect_options["sqlite"]["where"] is not None]
print(len(partial), "sqlalchemy.dialects.postgresql" in sys.modules)
engine = server_engine("postgresql://nobody@127.0.0.1:9/none")  # (an engine connects only when used)
ddl = [str(CreateIndex(ix).compile(dialect=engine.dialect)) for ix in partial]
print(all(d == str(CreateIndex(ix).compile(dialect=sqlite.dialect())) and " WHERE " in d for d, ix in zip(ddl, partial)))
"""


def test_the_partial_indexes_get_their_postgresql_predicate_with_a_postgresql_engine():
    """core.book.models.for_postgresql: the models' partial indexes carry no ``postgresql_where`` until a PostgreSQL
    engine is made (the dialect is not loaded for a SQLite book), then the same WHERE as on SQLite (and as the
    migrations 0001 and 0005 create them: test_migrated_schema_equals_the_models on PostgreSQL)."""
    out = subprocess.run([sys.executable, "-c", _PARTIAL_INDEXES], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    count, loaded, same = out.stdout.split()
    assert int(count) >= 10 and loaded == "False" and same == "True", out.stdout


def test_known_revisions_match_the_migration_scripts():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(schema.migrations_dir()))
    scripts = ScriptDirectory.from_config(cfg)
    assert scripts.get_current_head() == schema.HEAD
    assert [r.revision for r in reversed(list(scripts.walk_revisions()))] == list(schema.KNOWN_REVISIONS)


def test_missing_book_is_refused_without_create(tmp_path):
    with pytest.raises(RejectedInput):
        Book.open(tmp_path / "nope.book")
    assert not (tmp_path / "nope.book").exists()


@pytest.mark.sqlite_only
def test_second_writer_is_refused_and_told_who_holds_it(book, tmp_path):
    with pytest.raises(BookLocked) as err:
        Book.open(book.path)
    holder = err.value.details["holder"]
    assert holder["pid"] == os.getpid()
    assert holder["program"] == "huitouke"


def test_lock_is_released_on_close_and_when_the_holder_dies(tmp_path):
    path = tmp_path / "b.book"
    Book.open(path, create=True).close()
    Book.open(path).close()  # released by close
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from core.book.db import Book; b = Book.open({str(path)!r}); print('held', flush=True); "
                               "import time; time.sleep(60)"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(BookLocked) as err:
        Book.open(path)
    assert err.value.details["holder"]["pid"] == holder.pid
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    Book.open(path).close()  # the OS lock died with the process: no stale lock


def test_book_written_by_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.book"
    Book.open(path, create=True).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(BookTooNew):
        Book.open(path)
    report = check_book(path)
    assert not report.ok and report.exit_code == 4


def _corrupt(path):
    """Overwrite whole pages after the first (b-tree headers included), as a bad disk would."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        for page in range(2, size // 4096, 3):
            fh.seek(page * 4096)
            fh.write(b"\xde\xad\xbe\xef" * 1024)


def test_damaged_book_is_refused_and_the_newest_good_backup_named(tmp_path):
    path = tmp_path / "d.book"
    with Book.open(path, create=True, backup_root=tmp_path / "bk") as b:
        with b.session() as s:
            s.add_all(Customer(name=f"客户{i}", search_text=f"客户{i}" * 20) for i in range(300))
        good = b.backup("manual")
    _corrupt(path)
    with pytest.raises(BookDamaged) as err:
        Book.open(path, backup_root=tmp_path / "bk")
    assert err.value.details["newest_backup"] == str(good.path)
    assert check_book(path).exit_code == 4


def test_backup_and_restore_round_trip(tmp_path):
    path = tmp_path / "r.book"
    root = tmp_path / "bk"
    with Book.open(path, create=True, backup_root=root) as b:
        with b.session() as s:
            s.add(Customer(name="张伟"))
        snap = b.backup("manual")
        with b.session() as s:
            s.add(Customer(name="李娜"))
    saved = backup.restore_backup(snap.path, path, root=root)
    assert saved is not None and saved.reason == "before-restore"
    with Book.open(path, backup_root=root) as b, b.session() as s:
        assert list(s.scalars(select(Customer.name))) == ["张伟"]
    # the state before the restore can itself be restored
    backup.restore_backup(saved.path, path, root=root)
    with Book.open(path, backup_root=root) as b, b.session() as s:
        assert sorted(s.scalars(select(Customer.name))) == ["张伟", "李娜"]


def test_restore_refuses_a_damaged_backup_and_changes_nothing(tmp_path):
    path = tmp_path / "r.book"
    root = tmp_path / "bk"
    with Book.open(path, create=True, backup_root=root) as b:
        with b.session() as s:
            s.add_all(Customer(name=f"客户{i}", search_text="x" * 200) for i in range(300))
        snap = b.backup("manual")
    _corrupt(snap.path)
    before = path.read_bytes()
    with pytest.raises(BookDamaged):
        backup.restore_backup(snap.path, path, root=root)
    assert path.read_bytes() == before


@pytest.mark.slow
def test_daily_backup_once_a_day_and_rotation_keeps_the_policy(tmp_path):
    path = tmp_path / "rot.book"
    root = tmp_path / "bk"
    Book.open(path, create=True, backup_root=root).close()
    day0 = dt.datetime(2026, 11, 23, 9, 0)
    assert backup.daily_backup_if_due(path, root=root, now=day0) is not None
    assert backup.daily_backup_if_due(path, root=root, now=day0 + dt.timedelta(hours=3)) is None
    for days in range(1, 400):  # a year of daily launches, newest last
        backup.create_backup(path, "daily", root=root, now=day0 - dt.timedelta(days=days))
    backup.rotate(path, root=root, today=day0.date())
    daily = [b for b in backup.list_backups(path, root=root) if b.reason == "daily"]
    dates = sorted({b.taken_at.date() for b in daily})
    assert len(daily) <= 7 + 4 + 12 + 1
    assert dates[-7:] == [day0.date() - dt.timedelta(days=d) for d in range(6, -1, -1)]  # last 7 days kept
    assert (day0.date() - dates[0]).days <= 366  # nothing older than a year


@pytest.mark.parametrize("step", ["copied", "checked", "compressing", "reading back"])
def test_a_cancelled_backup_keeps_nothing_and_the_next_call_takes_it(tmp_path, monkeypatch, step):
    """Issue #21: the app closing during the daily backup: it stops at its next step, no backup, no `.partial`."""
    path, root = tmp_path / "shop.book", tmp_path / "bk"
    Book.open(path, create=True, backup_root=root).close()
    monkeypatch.setattr(backup, "_BLOCK", 4096)  # several blocks to compress and to read back
    blocks = -(-path.stat().st_size // 4096)
    asked = {"copied": 1, "checked": 2, "compressing": 4, "reading back": 2 + blocks + 2}[step]
    calls = []

    def is_cancelled() -> bool:
        calls.append(1)
        return len(calls) >= asked

    with pytest.raises(Cancelled):
        backup.daily_backup_if_due(path, root=root, is_cancelled=is_cancelled)
    assert len(calls) == asked
    assert list(backup.backup_dir_for(path, root).iterdir()) == []
    taken = backup.daily_backup_if_due(path, root=root)
    assert taken is not None and backup.backup_problems(taken.path) == []


NEXT = f"{int(schema.HEAD) + 1:04d}"
MIGRATION_NEXT = f"""
from alembic import op
import sqlalchemy as sa

revision = "{NEXT}"
down_revision = "{schema.HEAD}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("customer") as batch:
        batch.add_column(sa.Column("nickname_2", sa.String(50), nullable=False, server_default=""))


def downgrade():
    pass
"""


def test_open_backs_up_then_upgrades_an_older_book_keeping_its_rows(tmp_path, monkeypatch):
    """A real upgrade: a book at HEAD opened by an app whose head is a (test-only) next revision."""
    import shutil

    path = tmp_path / "old.book"
    root = tmp_path / "bk"
    with Book.open(path, create=True, backup_root=root) as b, b.session() as s:
        s.add(Customer(name="张伟", phone="13800138000"))
    scripts = tmp_path / "migrations"
    shutil.copytree(schema.migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / f"{NEXT}_test.py").write_text(MIGRATION_NEXT, encoding="utf-8")
    monkeypatch.setattr(schema, "migrations_dir", lambda: scripts)
    monkeypatch.setattr(schema, "KNOWN_REVISIONS", (*schema.KNOWN_REVISIONS, NEXT))
    monkeypatch.setattr(schema, "HEAD", NEXT)
    old_head = schema.KNOWN_REVISIONS[-2]

    with Book.open(path, backup_root=root) as b, b.session() as s:
        assert schema.current_revision(b.engine) == NEXT
        assert s.execute(text("SELECT name, phone, nickname_2 FROM customer")).all() == [("张伟", "13800138000", "")]
    before = [x for x in backup.list_backups(path, root=root) if x.reason == "before-migration"]
    assert len(before) == 1
    with backup.opened_copy(before[0].path) as plain:
        con = sqlite3.connect(plain)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == old_head
        con.close()


WRITER = """
import os, sys, itertools
from core.book.db import Book
from core.book.models import Customer, Order
import datetime as dt
book = Book.open(sys.argv[1])
print("ready", flush=True)
for i in itertools.count():
    with book.session() as s:
        c = Customer(name=f"客户{i}", search_text=f"kehu{i}")
        s.add(c)
        s.flush()
        for j in range(20):
            s.add(Order(customer_id=c.id, order_date=dt.date(2026, 1, 1), platform="wechat",
                        platform_order_no=f"{os.getpid()}-{i}-{j}", paid_cents=100))
    if i == 20:
        print("writing", flush=True)  # twenty commits done: the next ones are under way when the test kills
"""


@pytest.mark.slow
def test_killing_the_process_mid_write_never_damages_the_book(tmp_path):
    path = tmp_path / "kill.book"
    Book.open(path, create=True).close()
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        assert proc.stdout.readline().strip() == "writing"  # killed in the middle of its stream of writes
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        report = check_book(path)
        assert report.ok, report.problems
    with Book.open(path) as b, b.session() as s:
        n_customers = s.execute(text("SELECT count(*) FROM customer")).scalar()
        n_orders = s.execute(text("SELECT count(*) FROM orders")).scalar()
    assert n_customers > 0
    assert n_orders == 20 * n_customers  # every committed transaction whole, no half transaction
