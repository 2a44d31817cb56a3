# Sourced by run.sh and test.sh: make .venv (once), install the pinned requirements when they changed,
# build the translations. Set HUITOUKE_DEV=1 to install the development requirements too.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
py="${PYTHON:-python3}"
if [ ! -x "$root/.venv/bin/python" ]; then
    echo "Creating the virtual environment in .venv ..."
    "$py" -m venv "$root/.venv"
fi
req="$root/requirements.txt"
[ "${HUITOUKE_DEV:-0}" = 1 ] && req="$root/requirements-dev.txt"
stamp="$root/.venv/.installed-$(basename "$req")"
want="$(cat "$root/requirements.txt" "$req" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "Installing $(basename "$req") ..."
    "$root/.venv/bin/python" -m pip install --quiet --upgrade pip
    "$root/.venv/bin/python" -m pip install --quiet -r "$req"
    echo "$want" > "$stamp"
fi
if [ -f "$root/scripts/i18n.py" ]; then
    "$root/.venv/bin/python" "$root/scripts/i18n.py" build >/dev/null
fi
export PATH="$root/.venv/bin:$PATH"
