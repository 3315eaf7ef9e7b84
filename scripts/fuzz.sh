#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] [-- libFuzzer flags...]: fuzz the lesson parser with
# libFuzzer under AddressSanitizer and UndefinedBehaviorSanitizer (clang), seeded with
# the shipped lessons. Default: 60 seconds. The corpus it grows is kept in
# build-fuzz/corpus; a crash leaves its input in build-fuzz/ and exits non-zero.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # cds to the repository root

seconds=${1:-60}
shift || true
[ "${1:-}" = "--" ] && shift
xl_ensure_packages clang libclang-rt-14-dev
out=build-fuzz
mkdir -p "$out/corpus"
cp lessons/*.lesson "$out/corpus/" 2>/dev/null || true
# The parser and what it calls: the core without SDL, the same sources meson builds.
core=(src/core/lesson/xl_lesson.c src/core/lesson/xl_lint.c src/core/command/*.c src/core/session/*.c
      src/core/scenarios/*.c src/core/models/*.c src/core/learn/*.c src/core/info/*.c)
includes=(-Isrc/core/info -Isrc/core/command -Isrc/core/learn -Isrc/core/models -Isrc/core/scenarios -Isrc/core/session
          -Isrc/core/lesson)
clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -ftrivial-auto-var-init=pattern -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=undefined "${includes[@]}" tests/fuzz_lesson.c "${core[@]}" -lm -o "$out/fuzz_lesson"
xl_log "fuzzing the lesson parser for $seconds s"
cd "$out"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    ./fuzz_lesson -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 "$@" corpus
