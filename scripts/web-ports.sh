#!/usr/bin/env bash
# scripts/web-ports.sh: SDL2, FreeType, SDL2_ttf, HarfBuzz, zlib and libpng for WebAssembly, built with Debian's
# emscripten from Debian's own source packages into a cache folder, with pkg-config
# files for them in CACHE/pkgconfig. scripts/web.sh runs it, then builds xentlab.
#
#   scripts/web-ports.sh [CACHE]     (default: $XDG_CACHE_HOME/xentlab/web-ports, that
#                                     is ~/.cache/xentlab/web-ports, kept across clones)
#
# emscripten's -sUSE_SDL=2 and -sUSE_SDL_TTF=2 download their ports from the internet,
# which this machine cannot reach; Debian's archive it can. The source packages come
# through a private apt sources file and lists folder inside CACHE, mirroring the deb
# entry the machine already has, so the machine's apt configuration is not touched.
# A port already installed in CACHE/prefix is not built again (delete CACHE to rebuild).
#
# The builds: zlib and libpng (for the PNG a browser user saves with F12) compiled file
# by file, since the CMake files of their Debian trees refer to files the dfsg tarballs
# leave out; SDL2 static without threads; FreeType with that zlib and without bzip2, png,
# harfbuzz and brotli; SDL2_ttf static without harfbuzz or samples; HarfBuzz (the shaper
# of src/app/kit/ui_shape.c) from its one-file amalgamation src/harfbuzz.cc with that
# FreeType, without threads. SDL2's configure step takes 3 to 6 minutes (every check
# links through emcc); HarfBuzz's one file about two.
# GNU FriBidi has no port here: the browser build orders right-to-left text with the
# subset of the Unicode bidirectional algorithm in src/app/kit/ui_bidi.c.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # cds to the repository root

CACHE=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/xentlab/web-ports}
mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)
PREFIX=$CACHE/prefix
SRC=$CACHE/src
JOBS=$(nproc 2>/dev/null || echo 2)

xl_ensure_packages emscripten cmake dpkg-dev xz-utils ca-certificates
# Debian's emscripten finds its acorn module through NODE_PATH when the machine's node
# is not Debian's own.
export NODE_PATH=${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs

# The first Debian archive (URI and suite) the machine's apt is configured with, as
# "URI SUITE"; deb.debian.org bookworm when none is found.
debian_mirror() {
    local uri="" suite=""
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
        suite=$(awk '/^Suites:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
    fi
    if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
        read -r uri suite < <(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/) { print $i, $(i + 1); exit } }' \
            /etc/apt/sources.list) || true
    fi
    echo "${uri:-http://deb.debian.org/debian} ${suite:-bookworm}"
}

# The unpacked source trees, one per package, in the order they are built.
have_sources() {
    local pattern
    for pattern in 'libsdl2-2.*' 'freetype-2.*' 'libsdl2-ttf-2.*' 'zlib-1.*' 'libpng1.6-1.*' 'harfbuzz-*'; do
        compgen -G "$SRC/$pattern/" > /dev/null || return 1
    done
}

fetch_sources() {
    have_sources && return 0
    local apt="$CACHE/apt" uri suite
    read -r uri suite < <(debian_mirror)
    mkdir -p "$apt/lists/partial" "$apt/parts" "$apt/cache" "$SRC"
    printf 'deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s %s main\n' "$uri" "$suite" \
        > "$apt/sources.list"
    local opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=$apt/parts"
                -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o "APT::Sandbox::User=root")
    xl_log "fetching the source packages of libsdl2, freetype, libsdl2-ttf, zlib, libpng1.6 and harfbuzz from $uri $suite"
    apt-get "${opts[@]}" -q update >&2
    (cd "$SRC" && apt-get "${opts[@]}" -q source --download-only libsdl2 freetype libsdl2-ttf zlib libpng1.6 \
        harfbuzz >&2)
    local dsc
    for dsc in "$SRC"/libsdl2_*.dsc "$SRC"/freetype_*.dsc "$SRC"/libsdl2-ttf_*.dsc "$SRC"/zlib_*.dsc \
               "$SRC"/libpng1.6_*.dsc "$SRC"/harfbuzz_*.dsc; do
        # A tree unpacked before stays: dpkg-source refuses to unpack over it.
        (cd "$SRC" && dpkg-source -q -x --no-check "$(basename "$dsc")" >&2 2>/dev/null) || true
    done
    have_sources || { echo "web-ports: the source packages could not be unpacked in $SRC" >&2; exit 1; }
}

# build NAME SOURCE_DIR CMAKE_ARGS...: configure, build and install one port.
build_port() {
    local name=$1 dir=$2; shift 2
    if [ -f "$PREFIX/.done-$name" ]; then
        xl_log "$name: already in $PREFIX"
        return 0
    fi
    xl_log "$name: configuring and building (emcmake cmake)"
    local build="$CACHE/build-$name"
    rm -rf "$build"
    mkdir -p "$build"
    emcmake cmake -S "$dir" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" \
        -DCMAKE_PREFIX_PATH="$PREFIX" -DCMAKE_FIND_ROOT_PATH="$PREFIX" "$@" > "$build.log" 2>&1 ||
        { tail -30 "$build.log" >&2; echo "web-ports: configuring $name failed (log: $build.log)" >&2; exit 1; }
    cmake --build "$build" -j "$JOBS" >> "$build.log" 2>&1 ||
        { tail -30 "$build.log" >&2; echo "web-ports: building $name failed (log: $build.log)" >&2; exit 1; }
    cmake --install "$build" >> "$build.log" 2>&1 ||
        { tail -30 "$build.log" >&2; echo "web-ports: installing $name failed (log: $build.log)" >&2; exit 1; }
    touch "$PREFIX/.done-$name"
}

# build_plain NAME SOURCE_DIR "FILE.c ..." "HEADER ..." [CFLAG...]: compile the listed
# sources with emcc into PREFIX/lib/libNAME.a and copy the headers to PREFIX/include.
build_plain() {
    local name=$1 dir=$2 sources=$3 headers=$4; shift 4
    if [ -f "$PREFIX/.done-$name" ]; then
        xl_log "$name: already in $PREFIX"
        return 0
    fi
    xl_log "$name: compiling with emcc"
    local build="$CACHE/build-$name" f objs=()
    rm -rf "$build"
    mkdir -p "$build" "$PREFIX/lib" "$PREFIX/include"
    for f in $sources; do
        emcc -O2 "$@" -I"$PREFIX/include" -c "$dir/$f" -o "$build/${f%.c}.o" 2>> "$build.log" ||
            { tail -20 "$build.log" >&2; echo "web-ports: compiling $name/$f failed" >&2; exit 1; }
        objs+=("$build/${f%.c}.o")
    done
    emar rcs "$PREFIX/lib/lib$name.a" "${objs[@]}"
    for f in $headers; do cp "$dir/$f" "$PREFIX/include/$(basename "$f")"; done
    touch "$PREFIX/.done-$name"
}

all_built() {
    local name
    for name in z png sdl2 freetype sdl2_ttf harfbuzz; do [ -f "$PREFIX/.done-$name" ] || return 1; done
}

# The version in an unpacked Debian source tree's name: libsdl2-2.26.5+dfsg -> 2.26.5.
tree_version() {
    basename "$(ls -d "$SRC"/"$1"-[0-9]*/ | head -1)" | sed "s/^$1-//; s/[+~].*//; s/\.dfsg.*//"
}

# pkg-config files for the ports, written anew each run with the cache's own path (the
# ones CMake installs name the prefix they were built in, and SDL2_ttf writes none).
write_pkgconfig() {
    local pc=$CACHE/pkgconfig
    mkdir -p "$pc"
    pc_file() { # NAME VERSION REQUIRES LIBS EXTRA_CFLAGS
        printf 'prefix=%s\nName: %s\nDescription: %s for WebAssembly (xentlab web ports)\nVersion: %s\nRequires: %s\nLibs: -L${prefix}/lib %s\nCflags: -I${prefix}/include %s\n' \
            "$PREFIX" "$1" "$1" "$2" "$3" "$4" "$5" > "$pc/$1.pc"
    }
    pc_file zlib "$(tree_version zlib)" "" "-lz" ""
    pc_file libpng "$(tree_version libpng1.6)" "zlib" "-lpng" ""
    pc_file sdl2 "$(tree_version libsdl2)" "" "-lSDL2" '-I${prefix}/include/SDL2'
    pc_file freetype2 "$(tree_version freetype)" "zlib" "-lfreetype" '-I${prefix}/include/freetype2'
    pc_file SDL2_ttf "$(tree_version libsdl2-ttf)" "sdl2 freetype2" "-lSDL2_ttf" '-I${prefix}/include/SDL2'
    pc_file harfbuzz "$(tree_version harfbuzz)" "freetype2" "-lharfbuzz" '-I${prefix}/include/harfbuzz'
}

# HarfBuzz from its amalgamation (every source in one translation unit, as its own
# build offers), in C++ without exceptions, RTTI or thread-safe statics, so the C program
# links it with no C++ runtime; HB_NO_MT: the browser build has no threads.
build_harfbuzz() {
    local dir=$1 build="$CACHE/build-harfbuzz" h
    if [ -f "$PREFIX/.done-harfbuzz" ]; then
        xl_log "harfbuzz: already in $PREFIX"
        return 0
    fi
    xl_log "harfbuzz: compiling src/harfbuzz.cc with em++ (about two minutes)"
    rm -rf "$build"
    mkdir -p "$build" "$PREFIX/lib" "$PREFIX/include/harfbuzz"
    em++ -O2 -std=c++11 -fno-exceptions -fno-rtti -fno-threadsafe-statics -DHB_NO_MT -DHAVE_FREETYPE=1 \
        -I"$PREFIX/include/freetype2" -I"$PREFIX/include" -c "$dir/src/harfbuzz.cc" -o "$build/harfbuzz.o" \
        2> "$build.log" || { tail -20 "$build.log" >&2; echo "web-ports: compiling harfbuzz failed" >&2; exit 1; }
    emar rcs "$PREFIX/lib/libharfbuzz.a" "$build/harfbuzz.o"
    for h in "$dir"/src/hb.h "$dir"/src/hb-*.h; do
        case $h in *-impl.h|*/hb-ot-*-table.h) continue ;; esac
        cp "$h" "$PREFIX/include/harfbuzz/"
    done
    [ -f "$PREFIX/include/harfbuzz/hb-version.h" ] ||
        sed "s/@HB_VERSION_MAJOR@/0/; s/@HB_VERSION_MINOR@/0/; s/@HB_VERSION_MICRO@/0/; s/@HB_VERSION@/0.0.0/" \
            "$dir/src/hb-version.h.in" > "$PREFIX/include/harfbuzz/hb-version.h"
    touch "$PREFIX/.done-harfbuzz"
}

if all_built && have_sources; then
    write_pkgconfig
    xl_log "ports ready in $PREFIX (built before; delete $CACHE to rebuild)"
    exit 0
fi
fetch_sources
mkdir -p "$PREFIX"
zlib_dir=$(ls -d "$SRC"/zlib-1.*/ | head -1)
build_plain z "$zlib_dir" \
    "adler32.c compress.c crc32.c deflate.c gzclose.c gzlib.c gzread.c gzwrite.c infback.c inffast.c inflate.c inftrees.c trees.c uncompr.c zutil.c" \
    "zlib.h zconf.h" -DHAVE_UNISTD_H
png_dir=$(ls -d "$SRC"/libpng1.6-1.*/ | head -1)
# The configuration libpng ships for builds without its configure step.
cp "$png_dir/scripts/pnglibconf.h.prebuilt" "$png_dir/pnglibconf.h"
build_plain png "$png_dir" \
    "png.c pngerror.c pngget.c pngmem.c pngpread.c pngread.c pngrio.c pngrtran.c pngrutil.c pngset.c pngtrans.c pngwio.c pngwrite.c pngwtran.c pngwutil.c" \
    "png.h pngconf.h pnglibconf.h" -DPNG_ARM_NEON_OPT=0 -DPNG_INTEL_SSE_OPT=0
build_port sdl2 "$(ls -d "$SRC"/libsdl2-2.*/ | head -1)" \
    -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_THREADS=OFF -DSDL_TEST=OFF
# FreeType uses the zlib port: with its own copy (FT_DISABLE_ZLIB) the two zlibs' symbols
# clash at link time.
build_port freetype "$(ls -d "$SRC"/freetype-2.*/ | head -1)" \
    -DBUILD_SHARED_LIBS=OFF -DFT_REQUIRE_ZLIB=ON -DZLIB_LIBRARY="$PREFIX/lib/libz.a" \
    -DZLIB_INCLUDE_DIR="$PREFIX/include" -DFT_DISABLE_BZIP2=ON -DFT_DISABLE_PNG=ON \
    -DFT_DISABLE_HARFBUZZ=ON -DFT_DISABLE_BROTLI=ON
build_port sdl2_ttf "$(ls -d "$SRC"/libsdl2-ttf-2.*/ | head -1)" \
    -DBUILD_SHARED_LIBS=OFF -DSDL2TTF_HARFBUZZ=OFF -DSDL2TTF_SAMPLES=OFF -DSDL2TTF_VENDORED=OFF
build_harfbuzz "$(ls -d "$SRC"/harfbuzz-*/ | head -1)"
write_pkgconfig
xl_log "ports ready in $PREFIX"
