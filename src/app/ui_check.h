/* ui_check: `xentlab --check [--play] FILE...`: lesson files read, parsed and (with
 * --play) played headless page after page on one session, every expect checked; every
 * character the lesson shows asked of the fonts the program draws with (one that none
 * has is a warning with its U+ code and page, and fails the check, as the linter's
 * findings do). The
 * errors go to `err` as FILE:LINE:COLUMN: error: ..., one summary line per file to
 * `out`. Returns the exit status: 0 when every file is valid, 1 otherwise. */
#ifndef UI_CHECK_H
#define UI_CHECK_H

#include <stdio.h>

int ui_check_lessons(char **files, int count, int play, FILE *out, FILE *err);

#endif
