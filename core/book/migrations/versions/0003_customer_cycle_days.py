"""customer cycle_days: how many days the goods of a customer's last purchase day last (churn floor, #22)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06

A derived figure (core.customer_stats): the column starts empty and Book.open recomputes every derived
figure right after any upgrade, so the upgraded book has it filled before anything reads it.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cycle_days', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_column('cycle_days')
