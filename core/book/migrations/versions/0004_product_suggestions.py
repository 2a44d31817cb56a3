"""product suggested_cycle_days and suggestion_basis: the per-unit cycle suggested from the purchases (#17)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

Derived figures (core.product_links.refresh_suggestions): empty here, filled by Book.open's recomputation
of derived figures right after the upgrade.
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.add_column(sa.Column('suggested_cycle_days', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('suggestion_basis', sa.Integer(), server_default='0', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.drop_column('suggestion_basis')
        batch_op.drop_column('suggested_cycle_days')
