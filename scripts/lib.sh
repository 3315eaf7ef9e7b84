# shellcheck shell=bash disable=SC2034
# scripts/lib.sh: shared set-up for scripts/run.sh and scripts/test.sh. Sourced, not run.
#
#   xl_ensure_packages PKG...    install the Debian/Ubuntu packages that are missing
#   xl_build DIR [MESON_ARG...]  configure DIR (only when needed) and build it
#
# XL_ROOT is the repository root; the working directory is moved there (the caller's
# is kept in XL_CALLER_PWD).

XL_CALLER_PWD=$PWD
XL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$XL_ROOT" || exit 1

# What xentlab needs to build and run. python3: xl_build_dir_current below, the
# hostile-input test (tests/test_hostile.py) and the window test's trace checks (meson
# depends on it too, but a bare Debian image has no python3 until something pulls it).
# libqrencode-dev: the QR code on a class's join card (part 12).
# flite1-dev: the synthesized voice of exported lessons (issue 25, docs/voice.md).
# gettext: xgettext and msgfmt, which meson's i18n module runs to compile the interface's
# catalogues (po/, issue 26); the program reads them itself, with no libintl.
# libharfbuzz-dev, libfreetype-dev: every string shaped (src/app/kit/ui_shape.c); libfontconfig-dev:
# the fallback font for a script DejaVu lacks; libfribidi-dev: right-to-left order (optional in
# meson, installed so CI builds and tests it; docs/architecture.md#text).
# libspeechd-dev: F9 reads the scene in words aloud through speech-dispatcher (issue 26).
XL_BUILD_PACKAGES=(build-essential meson ninja-build pkg-config python3
                   libsdl2-dev libsdl2-ttf-dev libpng-dev check libmicrohttpd-dev libqrencode-dev
                   flite1-dev libespeak-ng-dev gettext libspeechd-dev libharfbuzz-dev libfreetype-dev
                   libfontconfig-dev libfribidi-dev)

xl_log() { printf '==> %s\n' "$*" >&2; }

# True when the Debian package is installed (not merely known or half-removed).
xl_pkg_installed() {
    local st
    st=$(dpkg -s "$1" 2>/dev/null) || return 1
    [[ $st == *$'\nStatus: install ok installed'* || $st == 'Status: install ok installed'* ]]
}

xl_ensure_packages() {
    local missing=() p
    if ! command -v dpkg >/dev/null 2>&1; then
        xl_log "not a Debian/Ubuntu system (no dpkg): please install the equivalents of: $*"
        return 0   # the build below says precisely what is still missing
    fi
    for p in "$@"; do
        xl_pkg_installed "$p" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    xl_log "installing missing packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo -n)
        else
            echo "xentlab needs these packages, and installing them needs root. Run:" >&2
            echo "  sudo apt-get update" >&2
            echo "  sudo apt-get install -y ${missing[*]}" >&2
            exit 1
        fi
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null \
        || xl_log "apt-get update failed; trying to install from the current package lists"
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
            --no-install-recommends "${missing[@]}" </dev/null; then
        echo "xentlab: could not install: ${missing[*]}" >&2
        exit 1
    fi
}

# Does DIR hold a meson build directory this meson can use, with the given -D options?
# Prints nothing; returns 0 when no (re)configuration is needed.
xl_build_dir_current() {
    local dir=$1; shift
    [ -f "$dir/build.ninja" ] && [ -f "$dir/meson-private/coredata.dat" ] || return 1
    local json
    json=$(meson introspect "$dir" --buildoptions 2>/dev/null) || return 1
    # Compare each requested -Dname=value with the configured value.
    printf '%s' "$json" | python3 -c '
import json, shlex, sys
opts = {o["name"]: o["value"] for o in json.load(sys.stdin)}
for arg in sys.argv[1:]:
    if not arg.startswith("-D") or "=" not in arg:
        continue
    name, want = arg[2:].split("=", 1)
    have = opts.get(name)
    if isinstance(have, list):   # meson splits compiler arguments like a shell: "-a -b"
        if have != want.split(",") and have != shlex.split(want):
            sys.exit(1)
        continue
    have = ("true" if have else "false") if isinstance(have, bool) else str(have)
    if want != have:
        sys.exit(1)
' "$@"
}

# Configure DIR if it is missing, stale or configured with other options; then build.
xl_build() {
    local dir=$1; shift
    if [ ! -f "$dir/meson-private/coredata.dat" ]; then
        xl_log "configuring $dir"
        meson setup "$dir" "$@" || return 1
    elif ! xl_build_dir_current "$dir" "$@"; then
        xl_log "reconfiguring $dir"
        if ! meson setup --reconfigure "$dir" "$@"; then
            xl_log "reconfigure failed; wiping $dir and configuring afresh"
            meson setup --wipe "$dir" "$@" || return 1
        fi
    fi
    xl_log "building $dir"
    ninja -C "$dir"
}
