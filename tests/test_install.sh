#!/usr/bin/env bash
# tests/test_install.sh SOURCE_DIR BUILD_DIR: xentlab installs like a desktop program.
#
#   1. `meson install --destdir TMP` into a temporary folder;
#   2. every installed file is there: the binary, the fonts, the .desktop entry, the
#      AppStream metainfo, the icon (SVG and PNGs of the right sizes) and the man page;
#   3. the installed binary runs headless from TMP and finds its fonts in TMP's
#      share/xentlab, found relative to the executable: in a private mount namespace the
#      source tree's assets and the configured install folder are hidden (or, without
#      namespaces, strace shows which font file was opened);
#   4. desktop-file-validate, appstreamcli validate --no-net, man -l and groff -ww
#      accept the desktop file, the metainfo and the man page.
# Exits 77 (meson: skipped) when a validator is missing, after running every check it
# can; scripts/test.sh installs them (desktop-file-utils appstream man-db groff-base).
set -uo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 SOURCE_DIR BUILD_DIR" >&2
    exit 2
fi
SRC=$(cd "$1" && pwd) || exit 1
BUILD=$(cd "$2" && pwd) || exit 1
APP_ID=io.github.xentlab.xentlab
SIZES=(16 32 48 64 128 256)

FAILS=0
MISSING=()
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
ok() { echo "ok: $*"; }
have() { command -v "$1" >/dev/null 2>&1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/xentlab-install.XXXXXX") || exit 1
DEST=$TMP/dest

# meson install rewrites BUILD/meson-logs/install-log.txt, the list `ninja uninstall`
# removes: keep the user's (from a real install) and put it back, so that running the
# tests never makes an installed xentlab impossible to uninstall.
INSTALL_LOG=$BUILD/meson-logs/install-log.txt
if [ -f "$INSTALL_LOG" ]; then cp -p "$INSTALL_LOG" "$TMP/install-log.saved" || exit 1; fi
cleanup() {
    if [ -f "$TMP/install-log.saved" ]; then
        cp -p "$TMP/install-log.saved" "$INSTALL_LOG"
    else
        rm -f "$INSTALL_LOG"
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT

# --- 1. install ----------------------------------------------------------------------
# No --no-rebuild: meson test has normally built everything already (then this is a
# no-op), and if not, installing a stale binary would prove nothing.
if ! meson install -C "$BUILD" --destdir "$DEST" >"$TMP/install.log" 2>&1; then
    cat "$TMP/install.log" >&2
    echo "FAIL: meson install --destdir failed" >&2
    exit 1
fi
ok "meson install -C $BUILD --destdir $DEST"

# The configured directories (prefix absolute; the others relative to it, or absolute).
read -r PREFIX BINDIR DATADIR MANDIR < <(meson introspect "$BUILD" --buildoptions | python3 -c '
import json, sys
o = {x["name"]: x["value"] for x in json.load(sys.stdin)}
print(o["prefix"], o["bindir"], o["datadir"], o["mandir"])')
under_prefix() { case $1 in /*) echo "$1" ;; *) echo "$PREFIX/$1" ;; esac; }
BIN=$DEST$(under_prefix "$BINDIR")/xentlab
SHARE=$DEST$(under_prefix "$DATADIR")
MAN1=$DEST$(under_prefix "$MANDIR")/man1/xentlab.1
echo "prefix $PREFIX, installed under $DEST$PREFIX"

# --- 2. the files --------------------------------------------------------------------
need_file() {
    if [ -f "$1" ] && [ -s "$1" ]; then ok "installed ${1#"$DEST"}"; else fail "not installed: ${1#"$DEST"}"; fi
}
need_file "$BIN"
[ -x "$BIN" ] || fail "${BIN#"$DEST"} is not executable"
for f in DejaVuSans.ttf DejaVuSans-Bold.ttf DejaVuSansMono.ttf LICENSE; do
    need_file "$SHARE/xentlab/fonts/$f"
done
# The data sets (issue 23) with their provenance and licences.
for f in iris.csv digits.csv README.md; do
    need_file "$SHARE/xentlab/data/$f"
done
DESKTOP=$SHARE/applications/$APP_ID.desktop
METAINFO=$SHARE/metainfo/$APP_ID.metainfo.xml
SVG=$SHARE/icons/hicolor/scalable/apps/xentlab.svg
need_file "$DESKTOP"
need_file "$METAINFO"
need_file "$SVG"
need_file "$MAN1"
# The interface's catalogues and the manual in German and Spanish (issue 26).
for l in de es; do
    need_file "$SHARE/locale/$l/LC_MESSAGES/xentlab.mo"
    need_file "$DEST$(under_prefix "$MANDIR")/$l/man1/xentlab.1"
done
for n in "${SIZES[@]}"; do
    png=$SHARE/icons/hicolor/${n}x${n}/apps/xentlab.png
    need_file "$png"
    [ -f "$png" ] || continue
    # The PNG's own header must say n x n (bytes 16..23 of IHDR: width, height).
    dims=$(python3 -c '
import struct, sys
d = open(sys.argv[1], "rb").read(24)
assert d[:8] == b"\x89PNG\r\n\x1a\n" and d[12:16] == b"IHDR"
print("%dx%d" % struct.unpack(">II", d[16:24]))' "$png" 2>/dev/null)
    [ "$dims" = "${n}x${n}" ] || fail "${png#"$DEST"} is '$dims', not ${n}x${n}"
done
if [ -f "$SVG" ]; then
    if python3 -c '
import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot()
assert r.tag == "{http://www.w3.org/2000/svg}svg", r.tag' "$SVG"; then
        ok "the SVG icon is well-formed SVG"
    else
        fail "the SVG icon is not well-formed SVG"
    fi
fi
# One id everywhere: the desktop file's name, the metainfo's id and launchable, the icon.
if [ -f "$DESKTOP" ] && [ -f "$METAINFO" ]; then
    grep -q "<id>$APP_ID</id>" "$METAINFO" || fail "metainfo id is not $APP_ID"
    grep -q "<launchable type=\"desktop-id\">$APP_ID.desktop</launchable>" "$METAINFO" \
        || fail "metainfo launchable is not $APP_ID.desktop"
    grep -qx 'Exec=xentlab' "$DESKTOP" || fail "desktop Exec is not xentlab"
    grep -qx 'Icon=xentlab' "$DESKTOP" || fail "desktop Icon is not xentlab"
fi

# --- 3. the installed binary, headless, with its installed fonts ----------------------
unset XENTLAB_ASSETS
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
SHOT=$TMP/shot.png
if [ -x "$BIN" ]; then
    if "$BIN" --headless --steps 5 --screenshot "$SHOT" >"$TMP/run.log" 2>&1 && [ -s "$SHOT" ]; then
        ok "installed xentlab --headless --steps 5 --screenshot wrote $(stat -c %s "$SHOT") bytes"
    else
        cat "$TMP/run.log" >&2
        fail "the installed binary did not run headless"
    fi
    "$BIN" --version | grep -q '^xentlab ' || fail "installed xentlab --version"
    # Its catalogue found beside it (bin/../share/locale), with no build folder to help.
    env -u XENTLAB_LOCALEDIR LANGUAGE= LC_ALL= LANG=de_DE.UTF-8 "$BIN" --help >"$TMP/help-de.txt" 2>&1 || true
    if head -1 "$TMP/help-de.txt" | grep -q '^Aufruf:'; then
        ok "installed xentlab speaks German with LANG=de_DE.UTF-8"
    else
        fail "installed xentlab --help is not German with LANG=de_DE.UTF-8"
    fi
    # The licences travel with what is installed: the program's, and the fonts' beside them.
    DOC_LICENSE=$SHARE/doc/xentlab/LICENSE
    FONT_LICENSE=$SHARE/xentlab/fonts/LICENSE
    if grep -q '^MIT License' "$DOC_LICENSE" 2>/dev/null && grep -q 'Bitstream' "$FONT_LICENSE" 2>/dev/null; then
        ok "the licences are installed: share/doc/xentlab/LICENSE and share/xentlab/fonts/LICENSE"
    else
        fail "a licence is not installed ($DOC_LICENSE, $FONT_LICENSE)"
    fi

    # Where else could it find fonts? The source tree it was built from and the install
    # folder compiled in (XL_SOURCE_ASSETS, XL_INSTALL_ASSETS in meson.build). Hide both
    # so that only the lookup relative to the executable (../share/xentlab) can work.
    HIDE=("$SRC/assets" "$SRC/lessons")
    [ -d "$(under_prefix "$DATADIR")/xentlab" ] && HIDE+=("$(under_prefix "$DATADIR")/xentlab")
    # A control: the same binary alone in a folder with no share/ beside it must then
    # find no fonts (exit 1), which proves the hiding works.
    mkdir -p "$TMP/lonely/bin" && cp "$BIN" "$TMP/lonely/bin/xentlab"
    # shellcheck disable=SC2016
    HIDDEN_RUN='
        set -u
        bin=$1 lonely=$2 shot=$3; shift 3
        for d in "$@"; do mount -t tmpfs -o ro,size=4k xentlab-hidden "$d" || exit 90; done
        "$lonely" --headless --screenshot "$shot.lonely.png" >/dev/null 2>&1
        rc=$?
        [ "$rc" -eq 1 ] || { echo "control: a binary with no share/ beside it exited $rc, not 1" >&2; exit 91; }
        "$bin" --headless --steps 5 --screenshot "$shot" || exit $?
        "$bin" --list-lessons >"$shot.lessons.txt" 2>&1 || exit 92'
    NS=()
    if unshare --mount true 2>/dev/null; then
        NS=(unshare --mount)
    elif unshare --user --map-root-user --mount true 2>/dev/null; then
        NS=(unshare --user --map-root-user --mount)
    fi
    rm -f "$SHOT"
    if [ ${#NS[@]} -gt 0 ]; then
        "${NS[@]}" bash -c "$HIDDEN_RUN" hidden "$BIN" "$TMP/lonely/bin/xentlab" "$SHOT" "${HIDE[@]}" \
            >"$TMP/hidden.log" 2>&1
        rc=$?
        if [ "$rc" -eq 90 ]; then
            echo "note: could not mount over ${HIDE[*]} in a namespace; trying strace" >&2
            NS=()
        elif [ "$rc" -eq 0 ] && [ -s "$SHOT" ]; then
            ok "with ${HIDE[*]} hidden, the installed binary found its fonts in ${SHARE#"$DEST"}/xentlab inside the destdir"
            if grep -q "^Lessons in $SHARE/xentlab/lessons " "$SHOT.lessons.txt" &&
                grep -q "01-surprise  *Surprise (4 pages)" "$SHOT.lessons.txt"; then
                ok "and its lessons in ${SHARE#"$DEST"}/xentlab/lessons ($(grep -c 'pages)' "$SHOT.lessons.txt") listed)"
            else
                cat "$SHOT.lessons.txt" >&2
                fail "the installed binary did not list the installed lessons"
            fi
        else
            cat "$TMP/hidden.log" >&2
            fail "with the source and install assets hidden, the installed binary did not run (status $rc)"
        fi
    fi
    if [ ${#NS[@]} -eq 0 ]; then
        if have strace && strace -f -qq -e trace=open,openat -o "$TMP/strace.log" \
                "$BIN" --headless --steps 5 --screenshot "$SHOT" >/dev/null 2>&1; then
            opened=$(grep -v ENOENT "$TMP/strace.log" | grep -o '"[^"]*/fonts/DejaVuSans.ttf"' | tr -d '"' \
                | while read -r f; do realpath -m "$f"; done | sort -u)
            if [ -n "$opened" ] && ! grep -qv "^$SHARE/xentlab/" <<<"$opened"; then
                ok "strace: the installed binary opened its fonts from ${SHARE#"$DEST"}/xentlab inside the destdir"
            else
                fail "the installed binary opened fonts outside the destdir: $opened"
            fi
        else
            echo "note: neither a mount namespace nor strace is available: not proved that" \
                 "the installed binary uses the destdir's fonts rather than the source tree's" >&2
        fi
    fi
fi

# --- 4. validators -------------------------------------------------------------------
if have desktop-file-validate; then
    if out=$(desktop-file-validate "$DESKTOP" 2>&1); then
        ok "desktop-file-validate ${DESKTOP#"$DEST"}"
        [ -n "$out" ] && echo "$out"
    else
        echo "$out" >&2
        fail "desktop-file-validate"
    fi
else
    MISSING+=(desktop-file-validate)
fi

if have appstreamcli; then
    if appstreamcli validate --no-net "$METAINFO" >"$TMP/as.log" 2>&1; then
        ok "appstreamcli validate --no-net ${METAINFO#"$DEST"}"
    else
        cat "$TMP/as.log" >&2
        fail "appstreamcli validate"
    fi
    # The installed tree as a whole: metainfo, its desktop file and the icon together.
    if appstreamcli validate-tree --no-net "$DEST$PREFIX" >"$TMP/astree.log" 2>&1; then
        ok "appstreamcli validate-tree --no-net $PREFIX (in the destdir)"
    else
        cat "$TMP/astree.log" >&2
        fail "appstreamcli validate-tree"
    fi
else
    MISSING+=(appstreamcli)
fi

if have man; then
    if MANWIDTH=80 man --warnings -l "$MAN1" >"$TMP/man.txt" 2>"$TMP/man.err" && [ ! -s "$TMP/man.err" ]; then
        ok "man --warnings -l ${MAN1#"$DEST"} renders without warnings"
    else
        cat "$TMP/man.err" >&2
        fail "man -l ${MAN1#"$DEST"} warned or failed"
    fi
    for section in NAME SYNOPSIS DESCRIPTION OPTIONS KEYS COMMANDS SCENARIOS FILES 'EXIT STATUS' EXAMPLES; do
        grep -qx "$section" "$TMP/man.txt" || fail "the man page has no $section section"
    done
    # Every long flag of --help is documented.
    if [ -x "$BIN" ]; then
        for flag in $("$BIN" --help | grep -o -- '--[a-z][a-z0-9-]*' | sort -u); do
            grep -q -- "$flag" "$TMP/man.txt" || fail "the man page does not mention $flag"
        done
        for cmd in $("$BIN" --list-commands | awk '!/^[# ]/ {print $1}'); do
            grep -q -- "^ *$cmd\\b" "$TMP/man.txt" || fail "the man page does not list the command $cmd"
        done
        for scn in $("$BIN" --list-scenarios | awk '{print $1}'); do
            grep -q -- "^ *$scn\\b" "$TMP/man.txt" || fail "the man page does not list the scenario $scn"
        done
    fi
else
    MISSING+=(man)
fi

if have groff; then
    if out=$(groff -man -Tutf8 -ww -z "$MAN1" 2>&1) && [ -z "$out" ]; then
        ok "groff -man -Tutf8 -ww -z: no warnings"
    else
        echo "$out" >&2
        fail "groff -ww warned about the man page"
    fi
else
    MISSING+=(groff)
fi

if [ "$FAILS" -gt 0 ]; then
    echo "$FAILS check(s) failed" >&2
    exit 1
fi
if [ ${#MISSING[@]} -gt 0 ]; then
    echo "SKIP: every other check passed, but these are missing: ${MISSING[*]}" \
         "(Debian/Ubuntu: desktop-file-utils appstream man-db groff-base)" >&2
    exit 77
fi
echo "all install checks passed"
