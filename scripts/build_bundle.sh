#!/usr/bin/env bash
# Build the packaged app with pyinstaller.spec and (with --smoke) run the frozen smoke test.
#   bash scripts/build_bundle.sh [--smoke]     → dist/Huitouke/ (macOS: dist/Huitouke.app)
# Prints the build time, the bundle size on disk and compressed; exits non-zero if the build or the
# smoke test fails. Uses .venv (made by scripts/setup_env.sh with the development requirements).
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
    # As on a machine with no Chinese font at all (issue #21): as root, a private mount namespace binds an
    # empty folder over every folder fontconfig lists Chinese fonts in, and matplotlib gets a fresh cache,
    # so the window and the charts can only use the font the bundle ships.
    run=("$exe" --smoke-test --smoke-out "$out")
    if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && command -v fc-list >/dev/null; then
        empty="$(mktemp -d)"
        hide=""
        while IFS= read -r folder; do
            [ -n "$folder" ] && hide+="mount --bind '$empty' '$folder' && "
        done < <(fc-list :lang=zh file | sed 's/:.*$//' | xargs -r -n1 dirname | sort -u)
        echo "smoke test with the system's Chinese fonts hidden"
        run=(env MPLCONFIGDIR="$(mktemp -d)" unshare --mount sh -c "${hide}exec \"\$0\" \"\$@\"" "${run[@]}")
    else
        echo "smoke test WITH the system's fonts (hiding them needs root and unshare)" >&2
    fi
    if ! "${run[@]}"; then
        echo "frozen smoke test FAILED (report: $out/smoke.json)" >&2
        exit 1
    fi
    echo "frozen smoke test passed"
fi
