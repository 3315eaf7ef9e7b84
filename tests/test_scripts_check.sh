#!/usr/bin/env bash
# --check on lessons in other scripts (issue 26): a character no available font has is
# said with its U+ code, line, column and page, and the check fails (exit 1) as for the
# linter's findings; the Arabic lesson (DejaVu has Arabic) and the Chinese one (the CJK
# font fontconfig finds; scripts/test.sh installs fonts-wqy-microhei) pass played.
#
#   tests/test_scripts_check.sh XENTLAB DATA_DIR
set -u
XENTLAB=$1
DATA=$2
failed=0
fail() { echo "FAIL: $*"; failed=1; }

out=$("$XENTLAB" --check "$DATA/script-missing.lesson" 2>&1); rc=$?
echo "$out"
[ "$rc" -eq 1 ] || fail "script-missing.lesson: exit $rc, want 1"
grep -q "script-missing.lesson:5:21: warning: '.*' (U+E000) on page 1 has no glyph in any available font" <<<"$out" ||
    fail "the private-use U+E000 on line 5, column 21, page 1 is not named"
grep -q "script-missing.lesson:6:5: warning: '.*' (U+0378) on page 1 has no glyph" <<<"$out" ||
    fail "the unassigned U+0378 on line 6 is not named"
grep -q "script-missing.lesson: 2 characters no available font has" <<<"$out" || fail "no summary line"
# The comment line's U+E001 is not shown, so not checked.
grep -q "U+E001" <<<"$out" && fail "a comment's character was reported"

for lesson in script-arabic script-chinese; do
    out=$("$XENTLAB" --check --play "$DATA/$lesson.lesson" 2>&1); rc=$?
    echo "$out"
    [ "$rc" -eq 0 ] || fail "$lesson.lesson: exit $rc, want 0"
    grep -q "warning" <<<"$out" && fail "$lesson.lesson: a warning (is a CJK font installed? Debian: fonts-wqy-microhei)"
    grep -q "ok, .* 1 page played, 1 expect line held" <<<"$out" || fail "$lesson.lesson: not played"
done
if [ "$failed" -ne 0 ]; then echo "test_scripts_check: failed"; exit 1; fi
echo "test_scripts_check: ok"
