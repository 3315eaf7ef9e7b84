/* xl_lint: what a valid lesson should not do (issue 19), checked by `xentlab --check`.
 *
 * The parser (xl_lesson) says whether a file is a lesson; the linter reads a lesson that
 * parsed and finds what would mislead a class:
 *   - unbalanced emphasis: a '*' that opens *emphasis* and never closes in its paragraph
 *     (or question, answer, explanation), so the rest is drawn bold and the star vanishes
 *     (a literal star is written \*, a backslash \\);
 *   - a result stated without a check: a number with four or more significant digits, or
 *     any number right after '=', in what the class reads (narration, a question, its
 *     answers and explanation) that no @expect line of the same page holds (within that
 *     expect's tolerance);
 *   - a question that gives its answer away: the right answer alone carries a number or a
 *     formula, or it is more than half again as long as every other answer;
 *   - an emphasis the focus hides: '@emphasise' of one panel on a page whose '@focus'
 *     gives the scene to another;
 *   - a reading of nothing: '@say FORMULA => WORDS' where the page's text, questions,
 *     answers and whys do not have FORMULA.
 * It reads the file's text line by line the way the parser does, so each finding has the
 * file, line and column where it is; the expects come from the parsed lesson.
 */
#ifndef XL_LINT_H
#define XL_LINT_H

#include <stddef.h>

#include "xl_lesson.h"

/* Lint text[0..len-1], a file `file` that xl_lesson_parse parsed into *l without errors.
 * Each finding is appended to report (n bytes, cut when full) as
 * "FILE:LINE:COLUMN: error: ...\n". Returns the number of findings. */
int xl_lesson_lint(const char *file, const char *text, size_t len, const xl_lesson *l, char *report, size_t n);

/* The number of '*' in s that toggle emphasis (not escaped as \*); *last (if not NULL)
 * the byte offset of the last one, -1 when none. The rule ui_wrap draws by. */
int xl_lesson_emphasis_marks(const char *s, size_t len, long *last);

#endif
