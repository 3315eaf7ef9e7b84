#!/usr/bin/env bash
# Render the committed PNG icons from the SVGs (run after editing an SVG; the PNGs are
# committed so that building xentlab needs no SVG renderer):
#   16x16 from xentlab-16.svg (drawn on the pixel grid), the other sizes from xentlab.svg.
# Needs rsvg-convert (Debian/Ubuntu: librsvg2-bin) and optipng if present.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v rsvg-convert >/dev/null || { echo "render.sh: needs rsvg-convert (librsvg2-bin)" >&2; exit 1; }
for n in 16 32 48 64 128 256; do
    src=xentlab.svg
    [ "$n" -eq 16 ] && src=xentlab-16.svg
    mkdir -p "${n}x${n}"
    rsvg-convert -w "$n" -h "$n" "$src" -o "${n}x${n}/xentlab.png"
    if command -v optipng >/dev/null; then optipng -quiet -o7 -strip all "${n}x${n}/xentlab.png"; fi
    echo "${n}x${n}/xentlab.png"
done
