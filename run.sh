#!/usr/bin/env bash
# Set up (the first time) and open Huitouke on your default book.
#   ./run.sh            open the app (a welcome screen the first time)
#   ./run.sh demo       open a demo book full of realistic customers to explore
#   ./run.sh --book F   open a given book; any sub-command works too (./run.sh --help)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup_env.sh
if [ "${1:-}" = demo ] && [ $# -eq 1 ]; then
    book="$(python -c 'from core.book.paths import data_dir; print(data_dir() / "demo.book")')"
    [ -f "$book" ] || python main.py demo "$book" --customers 3000 --seed 7
    exec python main.py --book "$book"
fi
exec python main.py "$@"
