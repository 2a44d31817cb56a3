"""application id: every SQLite book carries PRAGMA application_id = core.book.guard.APPLICATION_ID

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06

0001 is the first released schema (frozen; its fixture is tests/fixtures/book-0001.book). This revision
changes no table: it marks the file as a Huitouke book so that nothing else is ever taken for one.
"""
from alembic import op

from core.book.guard import APPLICATION_ID

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA application_id = 0")
