#!/usr/bin/env bash
# Record the whole course as narrated videos and say how fast each was made (issue 25's
# speed figure: every lesson at 3x real time or faster at 1080p30 with a voice). Run by
# hand; it takes a few minutes. Usage:
#   scripts/record-course.sh [OUT_DIR] [XENTLAB] [-- EXTRA XENTLAB ARGS]
# Defaults: OUT_DIR build/course, XENTLAB build/xentlab, and --voice --size 1920x1080
# --fps 30. Prints a table: lesson, video seconds, seconds taken, times real time, then
# the whole course's figures; the videos, captions and chapters stay in OUT_DIR.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=${1:-build/course}
xentlab=${2:-build/xentlab}
shift $(( $# > 2 ? 2 : $# ))
[[ ${1:-} == -- ]] && shift
extra=("$@")
[[ ${#extra[@]} -gt 0 ]] || extra=(--voice)
mkdir -p "$out"
total_video=0
total_taken=0
printf '%-28s %9s %9s %8s\n' lesson video_s taken_s x_real
for lesson in lessons/[0-9][0-9]-*.lesson; do
    name=$(basename "$lesson" .lesson)
    start=$(date +%s.%N)
    log=$("$xentlab" --record "$out/$name.mp4" --lesson "$lesson" --size 1920x1080 --fps 30 --force \
        "${extra[@]}" 2>&1) || { echo "$name: $log" >&2; exit 1; }
    end=$(date +%s.%N)
    video=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$out/$name.mp4")
    taken=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
    printf '%-28s %9.1f %9.1f %8.1f\n' "$name" "$video" "$taken" "$(awk -v v="$video" -v t="$taken" 'BEGIN { print v / t }')"
    total_video=$(awk -v a="$total_video" -v b="$video" 'BEGIN { print a + b }')
    total_taken=$(awk -v a="$total_taken" -v b="$taken" 'BEGIN { print a + b }')
done
printf '%-28s %9.1f %9.1f %8.1f\n' "whole course" "$total_video" "$total_taken" \
    "$(awk -v v="$total_video" -v t="$total_taken" 'BEGIN { print v / t }')"
