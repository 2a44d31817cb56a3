"""the rows an import found as its file says them, or behind them (import_hold)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

An import that finds a row of the book already as its file says it (or further on: an older export) changes
nothing and recorded nothing, so undoing an earlier import that created or changed that row took away what the
later import, still done, also vouches for. Each import now records those rows compactly (per table and set of
fields, their ids as ranges; the state an older export gave a row behind the book's, one row each), and an undo
keeps them (core.excel.holds). Imports made before this revision hold nothing: undone as before.
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('import_hold',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('table_name', sa.String(length=50), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('row_ids', sa.Text(), nullable=False),
    sa.Column('values_json', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batch.id'], name=op.f('fk_import_hold_batch_id_import_batch'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_hold'))
    )
    with op.batch_alter_table('import_hold', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_hold_batch_id'), ['batch_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('import_hold', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_hold_batch_id'))

    op.drop_table('import_hold')
