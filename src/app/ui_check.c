/* ui_check: checking lesson files (see ui_check.h). The file is read whole, up to one
 * byte past the format's limit, so an oversized file is refused by the parser and
 * nothing is read without bound. */
#include "ui_check.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ui_assets.h"
#include "ui_library.h"
#include "ui_shape.h"
#include "xl_lesson.h"
#include "xl_lint.h"
#include "xl_session.h"
#include "ui_lang.h"

/* The built-in scene a lesson starts from; NULL (said on err) if out of memory. */
static xl_session *fresh_session(const char *file, FILE *err)
{
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    xl_session *s = xl_session_create(&d);
    if (!s) fprintf(err, _("%s: error: out of memory\n"), file);
    return s;
}

/* The page line `line` is on (1-based; 0: the title, before the first page). */
static int page_of_line(const xl_lesson *l, int line)
{
    int page = 0;
    for (int p = 0; p < l->npages; p++)
        if (l->pages[p].line <= line) page = p + 1;
    return page;
}

/* Characters no available font draws (the bundled DejaVu faces, the fallbacks, and on
 * the desktop the fonts fontconfig knows): each said with its line, column and page, as
 * a box would be drawn in its place. Comments ('%' lines) are not shown, so not read.
 * Returns how many there are. */
static int glyph_pass(ui_fonts *fonts, const xl_lesson *l, const char *file, const char *text, size_t len,
                      FILE *err)
{
    int missing = 0, line = 1;
    int comment = len > 0 && text[0] == '%';
    const char *p = text, *end = text + len, *line_start = text;
    while (p < end) {
        if (*p == '\n') {
            line++;
            line_start = ++p;
            comment = p < end && *p == '%';
            continue;
        }
        const char *at = p;
        /* The buffer is not NUL-terminated: a sequence cut by the end is not decoded (the
         * parser has refused text that is not UTF-8 before this pass). */
        const unsigned char lead = (unsigned char)*p;
        const ptrdiff_t need = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (end - p < need) break;
        uint32_t cp = ui_shape_next_codepoint(&p);
        if (!comment && !ui_fonts_is_invisible(cp) && ui_fonts_file_for(fonts, UI_SHAPE_REGULAR, cp) < 0) {
            char shown[8] = "";
            if (cp != 0xFFFD) snprintf(shown, sizeof shown, "%.*s", (int)(p - at), at);
            char where[48] = "";
            snprintf(where, sizeof where, "%s", _("in the title"));
            if (page_of_line(l, line) > 0) snprintf(where, sizeof where, _("on page %d"), page_of_line(l, line));
            /* The column counts bytes, as the parser's and the linter's messages do. */
            fprintf(err, _("%s:%d:%d: warning: '%s' (U+%04X) %s has no glyph in any available font: "
                           "it would be drawn as a box\n"), file, line, (int)(at - line_start) + 1, shown, (unsigned)cp,
                    where);
            missing++;
        }
    }
    return missing;
}

/* Every page in order on one session, as the player plays them. */
static int play_all(const xl_lesson *l, const char *file, FILE *err, int *expects)
{
    xl_session *s = fresh_session(file, err);
    if (!s) return 1;
    char report[8192];
    int problems = 0;
    xl_lesson_work work = {0.0, 0.0}; /* a play past the limits is refused, not run */
    *expects = 0;
    for (int p = 0; p < l->npages; p++) {
        int held = 0;
        report[0] = '\0';
        problems += xl_lesson_play_page(l, p, file, s, report, sizeof report, &held, &work);
        *expects += held;
        fputs(report, err);
    }
    xl_session_destroy(s);
    return problems;
}

/* xl_lesson_check_work on a fresh session: the problems, reported on err; *verbs of
 * them were a scenario's verb on a page whose scenario lacks it, *focus a page's @focus
 * on a panel its scenario does not draw, the rest plays over the limits. */
static int work_pass(const xl_lesson *l, const char *file, FILE *err, int *verbs, int *focus)
{
    *verbs = *focus = 0;
    xl_session *s = fresh_session(file, err);
    if (!s) return 1;
    char report[8192] = "";
    int over = xl_lesson_check_work(l, file, s, report, sizeof report);
    for (const char *at = report; (at = strstr(at, "' is a verb of ")) != NULL; at++) (*verbs)++;
    for (const char *at = report; (at = strstr(at, ": error: '@focus ")) != NULL; at++) (*focus)++;
    fputs(report, err);
    xl_session_destroy(s);
    return over;
}

int ui_check_lessons(char **files, int count, int play, FILE *out, FILE *err)
{
    int status = 0;
    xl_lesson *l = malloc(sizeof *l);
    if (!l) {
        fprintf(err, _("xentlab: --check: out of memory\n"));
        return 1;
    }
    /* The fonts the program would draw with; without the bundled ones (not found), the
     * glyphs are not checked. */
    char font_dir[1024], tried[4096], why[256];
    ui_fonts *fonts = ui_assets_find_fonts(font_dir, sizeof font_dir, tried, sizeof tried) == 0
        ? ui_fonts_open(font_dir, 1, why, sizeof why) : NULL;
    for (int i = 0; i < count; i++) {
        size_t len = 0;
        char *text = ui_library_read(files[i], &len);
        if (!text) {
            fprintf(err, _("%s: error: cannot read it: %s\n"), files[i], strerror(errno));
            status = 1;
            continue;
        }
        int errors = xl_lesson_parse(files[i], text, len, l);
        if (errors == 0) {
            /* A valid lesson that would still mislead a class: the linter's findings are
             * errors too, so a shipped lesson cannot carry one. */
            char report[8192] = "";
            errors = xl_lesson_lint(files[i], text, len, l, report, sizeof report);
            fputs(report, err);
            /* A character drawn as a box is a finding of the same kind. */
            int boxes = fonts ? glyph_pass(fonts, l, files[i], text, len, err) : 0;
            free(text);
            if (boxes) {
                fprintf(out, boxes == 1 ? _("%s: %d character no available font has\n")
                                        : _("%s: %d characters no available font has\n"), files[i], boxes);
                status = 1;
            }
            if (errors) {
                fprintf(out, errors == 1 ? _("%s: %d error\n") : _("%s: %d errors\n"), files[i], errors);
                status = 1;
                continue;
            }
            if (boxes) continue;
        } else {
            free(text);
        }
        for (int e = 0; e < errors && e < XL_LESSON_MAX_ERRORS; e++) fprintf(err, "%s\n", l->errors[e]);
        if (errors > XL_LESSON_MAX_ERRORS)
            fprintf(err, _("%s: and %d more errors\n"), files[i], errors - XL_LESSON_MAX_ERRORS);
        if (errors) {
            fprintf(out, errors == 1 ? _("%s: %d error\n") : _("%s: %d errors\n"), files[i], errors);
            status = 1;
            continue;
        }
        if (!play) {
            /* The work its plays ask for, counted without taking a step. */
            int verbs = 0, focus = 0, over = work_pass(l, files[i], err, &verbs, &focus);
            if (over) {
                if (over > verbs + focus)
                    fprintf(out, over - verbs - focus == 1 ? _("%s: %d play over the limits\n") : _("%s: %d plays over the limits\n"),
                            files[i], over - verbs - focus);
                if (focus)
                    fprintf(out, _("%s: %d @focus on a panel its page's scenario does not draw\n"), files[i], focus);
                if (verbs)
                    fprintf(out, verbs == 1 ? _("%s: %d command its page's scenario does not have\n")
                                           : _("%s: %d commands its page's scenario does not have\n"),
                            files[i], verbs);
                status = 1;
                continue;
            }
            fprintf(out, l->npages == 1 ? _("%s: ok, \"%s\", %d page\n") : _("%s: ok, \"%s\", %d pages\n"), files[i], l->title, l->npages);
            continue;
        }
        int expects = 0, problems = play_all(l, files[i], err, &expects);
        if (problems) {
            fprintf(out, problems == 1 ? _("%s: %d problem when played\n") : _("%s: %d problems when played\n"), files[i], problems);
            status = 1;
        } else {
            /* "page(s)" and "line(s)" in one sentence: the four forms whole, for the translations. */
            const char *held = l->npages == 1 ? (expects == 1 ? _("%s: ok, \"%s\", %d page played, %d expect line held\n")
                                                             : _("%s: ok, \"%s\", %d page played, %d expect lines held\n"))
                                              : (expects == 1 ? _("%s: ok, \"%s\", %d pages played, %d expect line held\n")
                                                              : _("%s: ok, \"%s\", %d pages played, %d expect lines held\n"));
            fprintf(out, held, files[i], l->title, l->npages, expects);
        }
    }
    free(l);
    ui_fonts_close(fonts);
    return status;
}
