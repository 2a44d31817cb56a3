"""Write a new Alembic migration by comparing core.book.models with a book upgraded to the current head.

Usage: python scripts/new_migration.py REV_ID "what changes"   (e.g. 0002 "add coupon note")
Then add REV_ID to core.book.schema.KNOWN_REVISIONS, read the generated file, and keep a fixture book of
the previous schema under tests/fixtures/ (see docs/DEVELOPING.md).
"""

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from alembic import command
from alembic.config import Config

from core.book import schema
from core.book.db import make_engine


def main(rev_id: str, message: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(Path(tmp) / "head.book")
        cfg = Config()
        cfg.set_main_option("script_location", str(schema.migrations_dir()))
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            if schema.current_revision(engine) is None and (schema.migrations_dir() / "versions").glob("*.py"):
                command.upgrade(cfg, "head")
            command.revision(cfg, message=message, autogenerate=True, rev_id=rev_id)
        engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
