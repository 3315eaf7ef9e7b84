#!/usr/bin/env bash
# scripts/web.sh: xentlab for the web browser: a static folder to copy to any web server.
#
#   scripts/web.sh [OUT]      (default OUT: build-web/site)
#
# 1. scripts/web-ports.sh builds SDL2, FreeType, SDL2_ttf, libpng and zlib for
#    WebAssembly once, into ~/.cache/xentlab/web-ports (reused while it is there;
#    XENTLAB_WEB_PORTS=DIR puts them elsewhere);
# 2. meson cross-compiles xentlab with Debian's emscripten into build-web/xentlab;
# 3. OUT gets index.html (src/web/), the icon, xentlab.js, xentlab.wasm and xentlab.data
#    (the fonts and the lessons), and xentlab.html, the same page with all of it inside,
#    and the size of each is printed;
# 4. OUT gets xentlab-cjk.ttf, a subset of WenQuanYi Micro Hei (scripts/web-cjk.py says
#    which characters), which the page fetches only when the program meets a CJK
#    character: it is in neither xentlab.data nor xentlab.html.
# index.html runs from any static web server (browsers refuse to load WebAssembly beside
# a page opened from file://); xentlab.html opens from a disk as well.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # cds to the repository root

OUT=${1:-$XL_ROOT/build-web/site}   # a given OUT is taken from where the script was run
case $OUT in /*) ;; *) OUT=$XL_CALLER_PWD/$OUT ;; esac
PORTS=${XENTLAB_WEB_PORTS:-${XDG_CACHE_HOME:-$HOME/.cache}/xentlab/web-ports}
BUILD=build-web/xentlab

xl_ensure_packages "${XL_BUILD_PACKAGES[@]}" emscripten cmake dpkg-dev xz-utils gzip \
    python3-fonttools fonts-wqy-microhei
export NODE_PATH=${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs   # emscripten's acorn
bash scripts/web-ports.sh "$PORTS"

# The cross file names the ports' pkg-config files; it is written for this machine's paths.
mkdir -p build-web
cat > build-web/cross-emscripten.ini <<INI
# Written by scripts/web.sh: meson's cross file for emscripten (WebAssembly).
[binaries]
c = 'emcc'
ar = 'emar'
pkgconfig = 'pkg-config'

[properties]
pkg_config_libdir = '$PORTS/pkgconfig'
needs_exe_wrapper = true

[host_machine]
system = 'emscripten'
cpu_family = 'wasm32'
cpu = 'wasm32'
endian = 'little'
INI

# -O2 at link time too: emcc optimizes the JavaScript and WebAssembly it writes there.
# Given on every run, so a build folder configured by hand (say, with --profiling-funcs
# to read a browser profile) is put back.
OPTIONS=(--buildtype=plain -Db_ndebug=true -Dc_args=-O2 -Dc_link_args=-O2)
if [ ! -f "$BUILD/build.ninja" ]; then
    meson setup "$BUILD" --cross-file build-web/cross-emscripten.ini "${OPTIONS[@]}" >&2
else
    meson configure "$BUILD" "${OPTIONS[@]}" >/dev/null
fi
ninja -C "$BUILD" >&2

mkdir -p "$OUT"
cp src/web/index.html "$BUILD/xentlab.js" "$BUILD/xentlab.wasm" "$BUILD/xentlab.data" data/icons/xentlab.svg "$OUT/"
# The licences travel with the program and its fonts: as files in the folder, and in
# xentlab.html, which may be handed on alone, as a comment at its top (neither text
# holds "--", which would end an HTML comment; checked).
cp LICENSE "$OUT/LICENSE.txt"
cp assets/fonts/LICENSE "$OUT/LICENSE-fonts.txt"
# The data sets' source, licences (the digits' CC BY 4.0 attribution) and checksums.
cp assets/data/README.md "$OUT/DATA.md"
if grep -q -- '--' LICENSE assets/fonts/LICENSE; then
    echo "web: a licence text contains --; cannot put it in an HTML comment" >&2
    exit 1
fi
# xentlab.html: the page with the program, its WebAssembly, fonts and lessons inside it,
# which a browser opens from a disk (file://), a USB stick or a course site that takes
# one file. The program goes in a text/plain script element, which ends at the first
# "</script" (and a "<!--" could hide that): emscripten's output has neither; checked.
if grep -qiE '</script|<!--' "$BUILD/xentlab-offline.js"; then
    echo "web: xentlab-offline.js contains </script or <!--; cannot put it inside a page" >&2
    exit 1
fi
awk -v code="$BUILD/xentlab-offline.js" -v lic=LICENSE -v flic=assets/fonts/LICENSE '
    NR == 1 {
        print "<!DOCTYPE html>"
        print "<!-- xentlab, one page with the program, its WebAssembly, fonts and lessons inside it."
        print "The program is under the MIT licence; the DejaVu fonts inside it under their own."
        print ""
        while ((getline line < lic) > 0) print line
        print ""
        print "The DejaVu fonts:"
        while ((getline line < flic) > 0) print line
        print ""
        print "The data sets inside it (DATA.md beside index.html: source, licences, checksums):"
        print "Iris: R. A. Fisher (1936), measurements by E. Anderson; public domain."
        print "Digits: E. Alpaydin and C. Kaynak (1998), Optical Recognition of Handwritten Digits,"
        print "UCI Machine Learning Repository, doi:10.24432/C50P49, CC BY 4.0."
        print "-->"
        if (tolower($0) ~ /^<!doctype/) next
    }
    !done && $0 == "<script>" {
        print "<script type=\"text/plain\" id=\"xentlab-code\">"
        while ((getline line < code) > 0) print line
        print "</script>"
        done = 1
    }
    { print }
    END { if (!done) { print "web: no <script> line in index.html" > "/dev/stderr"; exit 1 } }
' src/web/index.html > "$OUT/xentlab.html"
# The CJK font, fetched by the page only when wanted (src/web/index.html, fontWanted):
# made again only when its characters change (fontTools takes some seconds).
WQY=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
python3 scripts/web-cjk.py lessons tests/data > build-web/cjk-chars.new
if [ ! -s build-web/xentlab-cjk.ttf ] || ! cmp -s build-web/cjk-chars.new build-web/cjk-chars.txt \
        || [ "$WQY" -nt build-web/xentlab-cjk.ttf ]; then
    /usr/bin/python3 -m fontTools.subset "$WQY" --font-number=0 --text-file=build-web/cjk-chars.new \
        --output-file=build-web/xentlab-cjk.ttf 2>/dev/null
    mv build-web/cjk-chars.new build-web/cjk-chars.txt
else
    rm build-web/cjk-chars.new
fi
cp build-web/xentlab-cjk.ttf "$OUT/xentlab-cjk.ttf"
cp /usr/share/doc/fonts-wqy-microhei/copyright "$OUT/LICENSE-cjk-font.txt"
xl_log "the web folder: $OUT"
for f in index.html xentlab.js xentlab.wasm xentlab.data xentlab.html xentlab-cjk.ttf; do
    bytes=$(stat -c %s "$OUT/$f")
    gz=$(gzip -9 -c "$OUT/$f" | wc -c)
    printf '    %-14s %9d bytes  %9d gzipped\n' "$f" "$bytes" "$gz" >&2
done
code_gz=$(cat "$OUT/xentlab.js" "$OUT/xentlab.wasm" | gzip -9 | wc -c)
awk -v b="$code_gz" 'BEGIN { printf "    .js + .wasm gzipped: %.2f MB (budget: 2 MB)\n", b / 1e6 }' >&2
cat >&2 <<MSG
To try it here:  cd $OUT && python3 -m http.server 8000   then open http://localhost:8000/
One file:        $OUT/xentlab.html has everything inside it and opens from a disk too.
To publish it:   copy the folder to any web server (a course page can link to it, or
                 embed it in an <iframe>). Links can open a scene: ?scenario=gaussian,
                 ?lesson=4&page=2, ?theme=dark, ?do=step (see docs/browser.md).
MSG
