"""Every value the demo book writes in bulk reads back through SQLAlchemy (dates and times included)."""

import pytest
from sqlalchemy import select

from core.book.db import Book
from core.book.models import Base
from core.demo.build import build_demo


@pytest.mark.slow
def test_every_row_of_the_demo_book_reads_back_through_the_models(tmp_path):
    path = tmp_path / "demo.book"
    build_demo(path, customers=300, seed=3)
    with Book.open(path, backup_root=tmp_path / "bk", daily_backup=False) as book, book.engine.connect() as conn:
        read = {table.name: len(conn.execute(select(table)).all()) for table in Base.metadata.sorted_tables}
    assert read["customer"] == 300 and read["complaint"] > 0 and read["contact_log"] > 0
