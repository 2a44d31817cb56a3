"""Fixtures for the importer tests: a fresh book file under tmp_path."""

from __future__ import annotations

import pytest

from core.db import Book


@pytest.fixture
def book(tmp_path):
    opened = Book.open(tmp_path / "shop.book", create=True, backup_root=tmp_path / "backups")
    yield opened
    opened.close()
