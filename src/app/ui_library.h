/* ui_library: the lessons on disk. The shipped ones live in a lessons/ folder found with
 * zero configuration (beside the assets: the source tree, the build folder, the install
 * prefix, or $XENTLAB_LESSONS); a lesson is opened by file name, by its number ("4") or
 * by its name with or without the number ("cross-entropy", "04-cross-entropy").
 *
 * Translations (issue 26) are whole copies of a lesson under the same file name in a
 * subfolder named by the language's code: lessons/de/04-cross-entropy.lesson. With a
 * language set (ui_library_set_lang), a lesson named by number or name, the lesson menu
 * and the course list take the translation where there is a valid one, else the English
 * lesson: the fallback is per lesson, so a half-translated course still has every lesson.
 * A file named by its path is opened as it is, whatever the language. */
#ifndef UI_LIBRARY_H
#define UI_LIBRARY_H

#include <stddef.h>
#include <stdio.h>

#include "xl_lesson.h"

enum { UI_LIBRARY_MAX = 64, UI_LIBRARY_PATH = 1024 };

typedef struct ui_library_entry {
    char path[UI_LIBRARY_PATH];     /* the translation's when one was taken */
    char lang[8];                   /* the language of that file: "en", or the translation's code */
    char name[128];                 /* the file name without .lesson, e.g. "04-cross-entropy" */
    char title[XL_LESSON_TITLE];    /* the lesson's own title, or the first error when broken */
    int pages;                      /* 0 when the file has errors */
} ui_library_entry;

typedef struct ui_library {
    char dir[UI_LIBRARY_PATH];      /* "" when no lessons folder was found */
    int count;
    ui_library_entry entries[UI_LIBRARY_MAX];  /* sorted by file name */
} ui_library;

/* The language of the lessons named by number or name, from then on: "de" takes
 * lessons/de/NAME.lesson where it exists and is valid. NULL, "", "en" (or "C", "POSIX")
 * is English. A locale's form is reduced to its language ("de_DE.UTF-8" is "de"); a code
 * that is not 2 or 3 ASCII letters is English (so no code can name another folder). It
 * takes effect at the next ui_library_scan: set it before the classroom's is made. */
void ui_library_set_lang(const char *code);

/* The language set ("en" when none). */
const char *ui_library_lang(void);

/* The language of the lesson file at path, by where it lies: the code of its folder when
 * it lies as a translation does, in a folder named by 2 or 3 lowercase ASCII letters
 * (not "en") beside its English lesson (".../lessons/de/04-cross-entropy.lesson" is "de"
 * when ".../lessons/04-cross-entropy.lesson" is there); else "en" (a lesson in "ml/" is
 * English). Into out[n]. */
void ui_library_lang_of(const char *path, char *out, size_t n);

/* Find the lessons folder and read every *.lesson in it (titles, page counts). fonts_dir
 * is where the fonts were found (the lessons lie near them). Returns the count. */
int ui_library_scan(ui_library *lib, const char *fonts_dir);

/* 1 when `arg` names a file rather than a lesson of the library: it has a '/', ends in
 * ".lesson", or is there. */
int ui_library_names_file(const char *arg);

/* The file `arg` names: an existing file, else a lesson of lib by number or name.
 * Returns 0 with the path, or -1 with the reason in err (naming the lessons there are). */
int ui_library_resolve(const ui_library *lib, const char *arg, char *path, size_t n, char *err, size_t errlen);

/* Read a lesson file whole, up to one byte past the format's limit (so an oversized file
 * is the parser's error, and nothing is read without bound). Returns a new buffer (free
 * it) with *len bytes, or NULL with errno set. */
char *ui_library_read(const char *path, size_t *len);

/* fopen(path, "rb") that never waits: a FIFO without a writer opens at once (and reads
 * as empty) instead of blocking forever. NULL with errno on failure. */
FILE *ui_library_fopen(const char *path);

/* Read and parse path into l (the caller's, it is large). Returns 0 when valid; the
 * number of errors (in l->errors); or -1 when the file cannot be read, with the reason
 * as "PATH: error: cannot read it: ..." in l->errors[0] (l->nerrors 1). */
int ui_library_load(const char *path, xl_lesson *l);

#endif
