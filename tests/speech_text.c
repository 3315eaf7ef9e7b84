/* speech_text: what a voice says for every page of lessons, one segment a line (issue 25).
 *
 *     build/tests/speech_text lessons/04-cross-entropy.lesson ...
 *     build/tests/speech_text --lang de lessons/de/04-cross-entropy.lesson ...
 *
 * prints "FILE<TAB>PAGE<TAB>KIND<TAB>WORDS" for each page's title, each narration
 * paragraph, each question (its text, then its answers), and each question's reveal (the
 * right answer, then the why), the words from xl_speech with the page's @say rules, as
 * the recording's segments are said. scripts/voice_wer.py synthesizes these lines and
 * compares transcripts with them. A line "FILE<TAB>PAGE<TAB>unread<TAB>N" follows a
 * segment with N characters the table cannot read. With --lang CODE the words are the
 * language's (xl_speech_words_in: what the German or Spanish voice says). Exit 2 for a
 * file that does not parse.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_lesson.h"
#include "xl_speech.h"

static const char *lang; /* NULL: English, folded as flite hears it */

static void say(const char *file, int page, const char *kind, const char *text, const xl_speech_rule *rules,
                int nrules)
{
    static char out[4 * XL_LESSON_TEXT * 8];
    int unread = 0;
    if (lang) xl_speech_words_in(lang, text, rules, nrules, out, sizeof out, &unread);
    else xl_speech_text(text, rules, nrules, out, sizeof out, &unread);
    printf("%s\t%d\t%s\t%s\n", file, page + 1, kind, out);
    if (unread) printf("%s\t%d\tunread\t%d\n", file, page + 1, unread);
}

int main(int argc, char **argv)
{
    xl_lesson *l = malloc(sizeof *l);
    static char text[XL_LESSON_MAX_BYTES + 1];
    int status = 0;
    if (!l) return 1;
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "--lang") == 0) {
        lang = argv[2];
        first = 3;
    }
    for (int a = first; a < argc; a++) {
        FILE *f = fopen(argv[a], "rb");
        if (!f) {
            fprintf(stderr, "speech_text: cannot open %s\n", argv[a]);
            status = 2;
            continue;
        }
        const size_t len = fread(text, 1, sizeof text, f);
        fclose(f);
        if (xl_lesson_parse(argv[a], text, len, l) != 0) {
            fprintf(stderr, "%s\n", l->errors[0]);
            status = 2;
            continue;
        }
        const char *name = strrchr(argv[a], '/') ? strrchr(argv[a], '/') + 1 : argv[a];
        for (int p = 0; p < l->npages; p++) {
            const xl_page *pg = &l->pages[p];
            xl_speech_rule rules[XL_SPEECH_MAX_RULES];
            const int nr = xl_speech_page_rules(l, p, rules, XL_SPEECH_MAX_RULES);
            say(name, p, "title", pg->title, rules, nr);
            const char *s = pg->text;
            while (*s) { /* paragraphs are separated by "\n\n" */
                const char *e = strstr(s, "\n\n");
                size_t k = e ? (size_t)(e - s) : strlen(s);
                char para[XL_LESSON_TEXT];
                memcpy(para, s, k);
                para[k] = '\0';
                say(name, p, "para", para, rules, nr);
                s += k;
                while (*s == '\n') s++;
            }
            for (int q = 0; q < pg->nquestions; q++) {
                const xl_question *qq = &pg->questions[q];
                char buf[XL_LESSON_LINE * (XL_LESSON_ANSWERS + 2)];
                snprintf(buf, sizeof buf, "%s", qq->text);
                for (int k = 0; k < qq->nanswers; k++) {
                    size_t used = strlen(buf);
                    snprintf(buf + used, sizeof buf - used, " %s.", qq->answers[k]);
                }
                say(name, p, "question", buf, rules, nr);
                snprintf(buf, sizeof buf, "%s. %s", qq->answers[qq->right], qq->why);
                say(name, p, "answer", buf, rules, nr);
            }
        }
    }
    free(l);
    return status;
}
