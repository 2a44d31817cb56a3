#!/usr/bin/env bash
# Set up (the first time) and run the whole test suite on two worker processes (pytest-xdist). Arguments go to
# pytest (e.g. ./test.sh -m "not slow" for the quick run, ./test.sh -n 0 -x -k search for one process).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/install_system_packages.sh
HUITOUKE_DEV=1 source scripts/setup_env.sh
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
if [ -n "${HUITOUKE_TEST_PG_URL:-}" ]; then
    echo "Core tests run on SQLite and again on PostgreSQL (HUITOUKE_TEST_PG_URL)."
else
    echo "Core tests run on SQLite only (set HUITOUKE_TEST_PG_URL, see docs/SHARED_BOOK.md, to add PostgreSQL)."
fi
python -m pytest -n "${HUITOUKE_TEST_WORKERS:-2}" "$@"
