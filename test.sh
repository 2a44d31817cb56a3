#!/usr/bin/env bash
# Set up (the first time) and run the whole test suite. Arguments go to pytest (e.g. ./test.sh -x -k search).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/install_system_packages.sh
HUITOUKE_DEV=1 source scripts/setup_env.sh
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
python -m pytest "$@"
