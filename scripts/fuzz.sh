#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] [state|form] [-- libFuzzer flags...]: fuzz the lesson parser
# (or, with "state", the state text's reader: tests/fuzz_state.c; with "form", the class
# server's own request reading and page escaping: tests/fuzz_form.c) with libFuzzer under
# AddressSanitizer and UndefinedBehaviorSanitizer (clang), seeded with the shipped
# lessons (tests/data/state/, tests/data/form/). Default: 60 seconds. The corpus it grows
# is kept in build-fuzz/corpus (corpus-state, corpus-form); a crash leaves its input in
# build-fuzz/ and exits non-zero.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # cds to the repository root

seconds=${1:-60}
shift || true
target=lesson
if [ "${1:-}" = "state" ] || [ "${1:-}" = "form" ]; then target=$1; shift; fi
[ "${1:-}" = "--" ] && shift
xl_ensure_packages clang libclang-rt-14-dev
out=build-fuzz
corpus=corpus
[ "$target" = lesson ] || corpus=corpus-$target
mkdir -p "$out/$corpus"
if [ "$target" = state ] || [ "$target" = form ]; then
    cp tests/data/"$target"/* "$out/$corpus/" 2>/dev/null || true
else
    cp lessons/*.lesson "$out/$corpus/" 2>/dev/null || true
fi
# The parser and what it calls: the core without SDL, the same sources meson builds.
core=(src/core/lesson/xl_lesson.c src/core/lesson/xl_lint.c src/core/lesson/xl_speech.c src/core/lesson/xl_speech_lang.c src/core/command/*.c src/core/session/*.c
      src/core/scenarios/*.c src/core/models/*.c src/core/learn/*.c src/core/info/*.c src/core/data/*.c)
includes=(-Isrc/core/info -Isrc/core/command -Isrc/core/learn -Isrc/core/models -Isrc/core/scenarios -Isrc/core/session
          -Isrc/core/lesson -Isrc/core/data)
# The form target needs only src/net's pure modules (no libmicrohttpd, no core).
if [ "$target" = form ]; then
    core=(src/net/xn_form.c src/net/xn_page.c)
    includes=(-Isrc/net)
fi
clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -ftrivial-auto-var-init=pattern -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=undefined "${includes[@]}" "tests/fuzz_$target.c" "${core[@]}" -lm -o "$out/fuzz_$target"
xl_log "fuzzing the $target reader for $seconds s"
cd "$out"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "./fuzz_$target" -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 "$@" "$corpus"
