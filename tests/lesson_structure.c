/* lesson_structure: what a lesson does, without what it says (issue 26), one item a line,
 * for comparing a translation with its English lesson (tests/test_lesson_translations.py).
 *
 *     build/tests/lesson_structure lessons/04-cross-entropy.lesson
 *
 * prints, as xl_lesson_parse reads the file:
 *
 *     pages N
 *     page K focus PANEL controls 0|1       (focus "-" for the dashboard)
 *     step @scenario softmax                every directive and question, in order: the
 *     step @expect loss = 2.1592 ± 0.0001   directive's own line, spaces collapsed
 *     names 5                               a @names line: only how many names (the names are text)
 *     question answers 3 right 1            a question: its answers' count, the right one (1-based)
 *
 * Not printed: titles, narration, notes, the questions' and answers' words, and @say
 * (a reading of the page's own text, so per language). Exit 2 for a file that does not
 * parse (its errors on stderr), 1 for one that cannot be read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_lesson.h"

/* Line `line` (1-based) of text[0..len), trimmed, runs of spaces and tabs as one space. */
static void source_line(const char *text, size_t len, int line, char *out, size_t n)
{
    size_t i = 0;
    for (int l = 1; l < line && i < len; i++)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n'))) l++;
    size_t o = 0;
    int space = 0;
    for (; i < len && text[i] != '\n' && text[i] != '\r' && o + 2 < n; i++) {
        if (text[i] == ' ' || text[i] == '\t') {
            space = o > 0;
            continue;
        }
        if (space) out[o++] = ' ';
        space = 0;
        out[o++] = text[i];
    }
    out[o] = '\0';
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: lesson_structure FILE.lesson\n");
        return 1;
    }
    xl_lesson *l = malloc(sizeof *l);
    static char text[XL_LESSON_MAX_BYTES + 1];
    if (!l) return 1;
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        fprintf(stderr, "lesson_structure: cannot open %s\n", argv[1]);
        free(l);
        return 1;
    }
    const size_t len = fread(text, 1, sizeof text, f);
    fclose(f);
    const int errors = xl_lesson_parse(argv[1], text, len, l);
    if (errors != 0) {
        for (int e = 0; e < l->nerrors && e < XL_LESSON_MAX_ERRORS; e++) fprintf(stderr, "%s\n", l->errors[e]);
        free(l);
        return 2;
    }
    printf("pages %d\n", l->npages);
    for (int p = 0; p < l->npages; p++) {
        const xl_page *pg = &l->pages[p];
        printf("page %d focus %s controls %d\n", p + 1, pg->focus[0] ? pg->focus : "-", pg->controls);
        for (int s = 0; s < pg->nsteps; s++) {
            const xl_step *st = &pg->steps[s];
            if (st->kind == XL_STEP_QUESTION) {
                const xl_question *q = &pg->questions[st->question];
                printf("question answers %d right %d\n", q->nanswers, q->right + 1);
                continue;
            }
            char raw[XL_LESSON_LINE * 2];
            source_line(text, len, st->line, raw, sizeof raw);
            if (strncmp(raw, "@names ", 7) == 0) {
                int names = 1;
                for (const char *c = raw + 7; *c; c++) names += *c == ',';
                printf("names %d\n", names);
            } else {
                printf("step %s\n", raw);
            }
        }
    }
    free(l);
    return 0;
}
