#!/usr/bin/env bash
# The window's own CPU: xentlab in a real window under Xvfb, playing at 30 steps a
# second, then paused (Space), each read from /proc/PID/stat over SECONDS after a
# warm-up, as a share of one core. The X server's share is printed beside it (under
# Xvfb it copies every presented frame). The sizes are measured in turn, REPEAT rounds.
#
#   scripts/bench_window.sh [XENTLAB] [SECONDS] [WxH...]
#
# Defaults: build-rel/xentlab (else build/xentlab), 10 s, 1280x720 1920x1080.
# WARMUP=S seconds before each measure (default 3); REPEAT=N rounds (default 1);
# XL_ARGS="--scenario gaussian" more of xentlab's flags (another scene, a lesson).
# Needs xvfb-run and xdotool. Figures, not a test: on a shared machine a share of a
# core is only comparable with another taken in the same run.
set -euo pipefail

if [ "${1:-}" = "--inner" ]; then
    # Inside xvfb-run: DISPLAY is the new server, and the server is our sibling.
    xl=$2 size=$3 secs=$4 warm=$5
    tick=$(getconf CLK_TCK)
    out=$(mktemp /tmp/xl-bench-window.XXXXXX)
    # --trace: a line per step, so the steps per second are counted, not assumed.
    # shellcheck disable=SC2086  # XL_ARGS: more of xentlab's flags, split as words
    "$xl" --size "$size" ${XL_ARGS:-} --do 'set-speed 30;play' --trace >"$out" 2>/dev/null &
    pid=$!
    server=$(pgrep -P "$PPID" -x Xvfb | head -1 || true)
    cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$out"; }
    trap cleanup EXIT
    ticks() { # utime + stime of a process, in clock ticks (fields 14 and 15 after the name)
        [ -n "$1" ] && [ -r "/proc/$1/stat" ] || { echo 0; return; }
        sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'
    }
    measure() { # prints "own% server% steps/s" over $secs
        local a0 s0 n0 t0 a1 s1 n1 t1
        a0=$(ticks "$pid"); s0=$(ticks "$server"); n0=$(wc -l <"$out"); t0=$(date +%s.%N)
        sleep "$secs"
        a1=$(ticks "$pid"); s1=$(ticks "$server"); n1=$(wc -l <"$out"); t1=$(date +%s.%N)
        awk -v a="$((a1 - a0))" -v s="$((s1 - s0))" -v n="$((n1 - n0))" -v t0="$t0" -v t1="$t1" -v k="$tick" \
            'BEGIN { d = t1 - t0; printf "%5.1f%% %5.1f%% %5.1f\n", 100 * a / k / d, 100 * s / k / d, n / d }'
    }
    win=""
    for _ in $(seq 50); do
        win=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | tail -1 || true)
        [ -n "$win" ] && break
        kill -0 "$pid" 2>/dev/null || { echo "xentlab exited before showing a window" >&2; exit 1; }
        sleep 0.2
    done
    [ -n "$win" ] || { echo "no xentlab window within 10 s" >&2; exit 1; }
    sleep "$warm"
    read -r own srv steps < <(measure)
    echo "playing $own $srv $steps"
    xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win" 2>/dev/null || true
    xdotool key --window "$win" space 2>/dev/null || xdotool key space
    sleep "$warm"
    read -r own srv steps < <(measure)
    echo "paused $own $srv $steps"
    exit 0
fi

here=$(cd "$(dirname "$0")/.." && pwd)
xl=${1:-}
if [ -z "$xl" ]; then
    for c in "$here/build-rel/xentlab" "$here/build/xentlab"; do [ -x "$c" ] && { xl=$c; break; }; done
fi
[ -n "$xl" ] && [ -x "$xl" ] || { echo "bench_window.sh: no xentlab found (give its path)" >&2; exit 1; }
secs=${2:-10}
shift $(( $# < 2 ? $# : 2 ))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1280x720 1920x1080)
for tool in xvfb-run xdotool; do
    command -v "$tool" >/dev/null || { echo "bench_window.sh: $tool is not installed (apt-get install xvfb xdotool)" >&2; exit 1; }
done
warm=${WARMUP:-3}
rounds=${REPEAT:-1}
echo "xentlab's window under Xvfb ($xl): share of one core over ${secs} s after ${warm} s; load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores"
printf '  %-10s %-8s %8s %8s %8s\n' size state xentlab Xvfb steps/s
for r in $(seq "$rounds"); do
    for size in "${sizes[@]}"; do
        xvfb-run -n $((100 + RANDOM % 800)) -a -s "-screen 0 ${size}x24" bash "$0" --inner "$xl" "$size" "$secs" "$warm" |
            while read -r state own srv steps; do
                target=""
                [ "$state" = playing ] && target="   target < 5%: $(awk -v o="${own%\%}" 'BEGIN{print (o < 5) ? "PASS" : "MISS"}')"
                [ "$state" = paused ] && target="   target 0%: $(awk -v o="${own%\%}" 'BEGIN{print (o < 0.05) ? "PASS" : "MISS"}')"
                printf '  %-10s %-8s %8s %8s %8s%s\n' "$size" "$state" "$own" "$srv" "$steps" "$target"
            done
    done
done
