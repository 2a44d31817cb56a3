"""order lines keep their platform line number and state (order_item.line_ref, order_item.line_state); an
import's changes keep the values it wrote (import_change.new_values_json); an order remembers the numbered
lines the seller removed (orders.removed_line_refs)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

A Douyin order's sub-orders (子订单编号) come over several exports: with each line's number and what its export
said of it (status, after-sale status, amounts) a later export updates the line of that number, adds the ones
the book lacks, and the order's money is the sum over all its lines (core.excel.sub_orders). Both columns start
empty (lines imported before keep the older rule: missing lines added by their content).

An undo of an import that is not the newest to touch a row puts a value back only where the row still holds
what that import wrote (core.excel.batches); changes recorded before this revision have no new values and are
put back as before.

A line the seller removed from such an order in the app is not brought back by a re-import of an export holding
it: its number is kept on the order (core.orders).
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('order_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('line_ref', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('line_state', sa.Text(), nullable=True))
    with op.batch_alter_table('import_change', schema=None) as batch_op:
        batch_op.add_column(sa.Column('new_values_json', sa.Text(), nullable=True))
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('removed_line_refs', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_column('removed_line_refs')
    with op.batch_alter_table('import_change', schema=None) as batch_op:
        batch_op.drop_column('new_values_json')
    with op.batch_alter_table('order_item', schema=None) as batch_op:
        batch_op.drop_column('line_state')
        batch_op.drop_column('line_ref')
