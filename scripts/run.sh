#!/usr/bin/env bash
# Build xentlab (installing what is missing on Debian/Ubuntu) and run it.
#   scripts/run.sh [xentlab options...]     e.g. scripts/run.sh --classes 3 --lr 1
# Works from any directory; the build lives in build/ at the repository root.
# Set-up messages go to stderr, so stdout carries only xentlab's output (--trace).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # cds to the repository root

xl_ensure_packages "${XL_BUILD_PACKAGES[@]}" >&2
xl_build build >&2
cd "$XL_CALLER_PWD"   # so relative paths (--screenshot out.png) mean what the user meant
exec "$XL_ROOT/build/xentlab" "$@"
