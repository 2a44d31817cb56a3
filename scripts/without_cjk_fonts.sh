#!/usr/bin/env bash
# Run a command as on a fresh machine with no Chinese font (Linux):
#   bash scripts/without_cjk_fonts.sh COMMAND [ARGS...]
# Every folder that holds a font fontconfig knows for Chinese (`fc-list :lang=zh`) is covered by an empty
# tmpfs in a private mount namespace (`unshare`: root, or an unprivileged user namespace), so neither Qt
# (fontconfig) nor matplotlib (which scans /usr/share/fonts itself) can see it; fontconfig and matplotlib
# start with fresh caches in a temporary folder. Where no mount namespace can be made, the fonts are
# hidden from fontconfig only (a fonts.conf listing the other folders) and HUITOUKE_CJK_HIDDEN=fontconfig
# says so; otherwise HUITOUKE_CJK_HIDDEN=all. Exits 3 if a Chinese font is still visible.
set -euo pipefail
command -v fc-list >/dev/null || { echo "without_cjk_fonts: needs fontconfig's fc-list" >&2; exit 2; }
if [ "${_HUITOUKE_HIDING:-}" = "" ]; then
    cjk_dirs="$(fc-list :lang=zh file 2>/dev/null | sed 's/:[[:space:]]*$//' | xargs -r -d '\n' -n1 dirname | sort -u)"
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/huitouke-nocjk.XXXXXX")"
    trap 'rm -rf "$tmp"' EXIT
    # fonts.conf: every font folder fontconfig uses, less those holding a Chinese font.
    {
        echo '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        fc-list : file 2>/dev/null | sed 's/:[[:space:]]*$//' | xargs -r -d '\n' -n1 dirname | sort -u |
            grep -vxF -f <(printf '%s\n' "$cjk_dirs") | sed 's|.*|<dir>&</dir>|' || true
        echo "<include ignore_missing=\"yes\">/etc/fonts/conf.d</include>"
        echo "<cachedir>$tmp/fontconfig</cachedir></fontconfig>"
    } >"$tmp/fonts.conf"
    mkdir -p "$tmp/mpl"
    export FONTCONFIG_FILE="$tmp/fonts.conf" MPLCONFIGDIR="$tmp/mpl" _HUITOUKE_HIDING="$cjk_dirs"
    flags=(--mount --propagation private)
    [ "$(id -u)" = 0 ] || flags+=(--map-root-user)
    if unshare "${flags[@]}" true 2>/dev/null; then
        unshare "${flags[@]}" bash "$0" "$@"
    else
        echo "without_cjk_fonts: no mount namespace here; Chinese fonts hidden from fontconfig only" >&2
        HUITOUKE_CJK_HIDDEN=fontconfig _HUITOUKE_HIDING=- "$@"
    fi
    exit $?
fi
if [ "$_HUITOUKE_HIDING" != - ]; then
    while IFS= read -r dir; do
        [ -n "$dir" ] && mount -t tmpfs -o size=1k,mode=755 none "$dir"
    done <<<"$_HUITOUKE_HIDING"
    export HUITOUKE_CJK_HIDDEN=all
fi
unset _HUITOUKE_HIDING
if fc-list :lang=zh | grep -q .; then
    echo "without_cjk_fonts: a Chinese font is still visible: $(fc-list :lang=zh | head -3)" >&2
    exit 3
fi
exec "$@"
