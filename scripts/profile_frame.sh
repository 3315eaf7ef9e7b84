#!/usr/bin/env bash
# Where a frame's time goes: perf samples (cpu-clock) of FRAMES playing frames drawn
# through the window's path (xentlab-bench --frames), counted only while those frames
# are drawn (perf's events are enabled around the loop, not over start-up), then the
# threads, libraries and the top functions by self time (scripts/profile_symbols.py).
#
#   scripts/profile_frame.sh [BUILD_DIR] [FRAMES] [WxH] [-- BENCH_FLAGS...]
#
# Defaults: build-rel (a --buildtype=release build), 1000 frames, 1280x720. BENCH_FLAGS
# are more of xentlab-bench --frames's flags: --export (the exporter's path, with the
# YUV conversion), --paused (nothing changes between frames). KEEP=DIR keeps perf.data
# there for `perf report -i DIR/perf.data`; TOP=N prints N functions (default 25).
#
# Needs perf (Debian: linux-perf) allowed to sample this user's processes:
# /proc/sys/kernel/perf_event_paranoid at 2 or below.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build-rel}
frames=${2:-1000}
size=${3:-1280x720}
shift $(( $# < 3 ? $# : 3 ))
[ "${1:-}" = "--" ] && shift
extra=("$@")

bench="$build/xentlab-bench"
if [ ! -x "$bench" ]; then
    echo "profile_frame.sh: $bench not found; build it first:" >&2
    echo "  meson setup $build --buildtype=release && ninja -C $build xentlab-bench" >&2
    exit 1
fi
if ! command -v perf >/dev/null; then
    echo "profile_frame.sh: perf is not installed (Debian: sudo apt-get install linux-perf)" >&2
    exit 1
fi
paranoid=$(cat /proc/sys/kernel/perf_event_paranoid 2>/dev/null || echo 2)
if [ "$paranoid" -gt 2 ] && [ "$(id -u)" -ne 0 ]; then
    echo "profile_frame.sh: perf_event_paranoid is $paranoid; allow profiling your own processes with" >&2
    echo "  sudo sysctl kernel.perf_event_paranoid=2" >&2
    exit 1
fi

dir=$(mktemp -d /tmp/xl-profile.XXXXXX)
trap 'rm -rf "$dir"' EXIT
mkfifo "$dir/ctl" "$dir/ack"
# cpu-clock: a timer, so it works where the hardware counters are not exposed (virtual
# machines). -D -1: events start disabled; the bench enables them around its loop.
perf record -q -e cpu-clock -F 4000 -D -1 --control "fifo:$dir/ctl,$dir/ack" -o "$dir/perf.data" -- \
    "$bench" --frames "$frames" --size "$size" --perf-fifos "$dir/ctl,$dir/ack" "${extra[@]}" \
    2> >(grep -v -E '^Events (enabled|disabled)$' >&2)
python3 "$here/profile_symbols.py" "$dir/perf.data" "${TOP:-25}"
if [ -n "${KEEP:-}" ]; then
    mkdir -p "$KEEP"
    cp "$dir/perf.data" "$KEEP/perf.data"
    echo "kept: $KEEP/perf.data"
fi
