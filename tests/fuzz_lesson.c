/* fuzz_lesson: libFuzzer target for the lesson parser (issue 9). Any bytes, any
 * length: the parser must not crash, read past its input or leave a lesson that breaks
 * its own invariants (counts within their limits, strings terminated). Built and run
 * by scripts/fuzz.sh with clang's -fsanitize=fuzzer,address,undefined; the seed corpus
 * is the shipped lessons. Each page's text is also read by xl_speech with the page's
 * @say rules (issue 25), into a buffer it must not overrun. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xl_lesson.h"
#include "xl_lint.h"
#include "xl_speech.h"

static xl_lesson lesson; /* large: once, not per input */

static void must(int ok)
{
    if (!ok) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A copy of exactly `size` bytes, so a read past the end is caught by ASan. */
    char *copy = malloc(size ? size : 1);
    if (!copy) return 0;
    memcpy(copy, data, size);
    int errors = xl_lesson_parse("fuzz", copy, size, &lesson);
    if (errors == 0) { /* the linter reads a valid lesson's text again, within size too */
        char report[1024] = "";
        must(xl_lesson_lint("fuzz", copy, size, &lesson, report, sizeof report) >= 0);
        must(memchr(report, '\0', sizeof report) != NULL);
    }
    free(copy);
    must(errors == lesson.nerrors && errors >= 0);
    must(lesson.npages >= 0 && lesson.npages <= XL_LESSON_MAX_PAGES);
    must(memchr(lesson.title, '\0', sizeof lesson.title) != NULL);
    for (int i = 0; i < lesson.npages; i++) {
        const xl_page *p = &lesson.pages[i];
        must(p->nsteps >= 0 && p->nsteps <= XL_LESSON_MAX_STEPS);
        must(p->nquestions >= 0 && p->nquestions <= 4);
        must(memchr(p->text, '\0', sizeof p->text) != NULL && memchr(p->notes, '\0', sizeof p->notes) != NULL);
        must(p->nparas >= 0 && p->nparas <= XL_LESSON_PARAS);
        for (int k = 0; k < p->nparas; k++) must(p->para_after[k] <= p->nsteps);
        for (int k = 0; k < p->nsteps; k++)
            if (p->steps[k].kind == XL_STEP_QUESTION)
                must(p->steps[k].question >= 0 && p->steps[k].question < p->nquestions);
        must(p->nsays >= 0 && p->nsays <= XL_LESSON_SAYS);
        for (int k = 0; k < p->nsays; k++)
            must(memchr(p->says[k].formula, '\0', sizeof p->says[k].formula) != NULL && p->says[k].formula[0] &&
                 memchr(p->says[k].words, '\0', sizeof p->says[k].words) != NULL && p->says[k].words[0]);
        xl_speech_rule rules[XL_SPEECH_MAX_RULES];
        const int nr = xl_speech_page_rules(&lesson, i, rules, XL_SPEECH_MAX_RULES);
        static char spoken[1024 + 8];
        memset(spoken + 1024, 'G', 8);
        const size_t need = xl_speech_text(p->text, rules, nr, spoken, 1024, NULL);
        must(memchr(spoken, '\0', 1024) != NULL && (need >= 1024 || strlen(spoken) == need));
        for (int g = 0; g < 8; g++) must(spoken[1024 + g] == 'G');
        for (int k = 0; k < p->nquestions && errors == 0; k++)
            must(p->questions[k].nanswers >= 2 && p->questions[k].nanswers <= 4 && p->questions[k].right >= 0 &&
                 p->questions[k].right < p->questions[k].nanswers);
    }
    return 0;
}
