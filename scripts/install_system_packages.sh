#!/usr/bin/env bash
# System packages Huitouke's tests and screenshots need on Debian/Ubuntu: a CJK font (Chinese renders
# as boxes without one) and what a real Qt window under Xvfb needs. Installs only what is missing;
# needs root (CI runs as root). Pass "postgresql" to add the PostgreSQL server for the shared-book tests.
set -euo pipefail
pkgs=(fonts-wqy-microhei xvfb libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1
      libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libdbus-1-3 libfontconfig1
      binutils fontconfig util-linux)  # binutils: strip, for the debug sections of the Linux bundle (pyinstaller.spec);
# fontconfig (fc-list) and util-linux (unshare): scripts/without_cjk_fonts.sh, which hides the Chinese fonts
[ "${1:-}" = postgresql ] && pkgs+=(postgresql)
missing=()
for p in "${pkgs[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "Missing system packages (install them as root): ${missing[*]}" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
