#!/usr/bin/env bash
# Build the packaged app with pyinstaller.spec and (with --smoke) run the frozen smoke test.
#   bash scripts/build_bundle.sh [--smoke]     → dist/Huitouke/ (macOS: dist/Huitouke.app)
# Prints the build time, the bundle size on disk and compressed; exits non-zero if the build or the
# smoke test fails. On Linux the smoke test runs with the system's Chinese fonts hidden
# (scripts/without_cjk_fonts.sh), so it proves the bundled font is shipped and used. Uses .venv (made by scripts/setup_env.sh with the development requirements).
set -euo pipefail
cd "$(dirname "$0")/.."
HUITOUKE_DEV=1 source scripts/setup_env.sh
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
started=$(date +%s)
pyinstaller pyinstaller.spec --noconfirm --log-level WARN
built=$(date +%s)
bundle=dist/Huitouke
[ -d dist/Huitouke.app ] && bundle=dist/Huitouke.app
echo "build: $((built - started)) s; bundle: $(du -sm "$bundle" | cut -f1) MB on disk," \
     "$(tar -C "$(dirname "$bundle")" -czf - "$(basename "$bundle")" | wc -c | awk '{printf "%.0f", $1/1048576}') MB as tar.gz"
if [ "${1:-}" = --smoke ]; then
    exe="dist/Huitouke/Huitouke"
    [ -d dist/Huitouke.app ] && exe="dist/Huitouke.app/Contents/MacOS/Huitouke"
    out="$(mktemp -d)"
    # On Linux as on a fresh machine with no Chinese font: the window and the charts must use the bundled one.
    hide=()
    how=""
    if [ "$(uname -s)" = Linux ]; then
        hide=(bash scripts/without_cjk_fonts.sh)
        how=" (system Chinese fonts hidden)"
    fi
    if ! "${hide[@]}" "$exe" --smoke-test --smoke-out "$out"; then
        echo "frozen smoke test FAILED$how (report: $out/smoke.json)" >&2
        exit 1
    fi
    echo "frozen smoke test passed$how"
fi
