/* test_lesson: the lesson format's parser (issue 9). A complete lesson parses into its
 * title, pages, narration paragraphs, directives in order, a question and notes; a table
 * of bad inputs gives each its exact message with file, line and column; every error of
 * a file is reported, not only the first; the input is read only within its length
 * (buffers without a terminator, under ASan), and the limits are errors, not crashes. */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_lesson.h"
#include "xl_lint.h"

static xl_lesson *parse(const char *text, int *errors)
{
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_ptr_nonnull(l);
    /* The text without its terminator: the parser must stop at len. */
    size_t len = strlen(text);
    char *copy = malloc(len ? len : 1);
    memcpy(copy, text, len);
    *errors = xl_lesson_parse("t.lesson", copy, len, l);
    free(copy);
    return l;
}

static const char good[] =
    "# Surprise\n"
    "\n"
    "## The desert weather model\n"
    "\n"
    "A model of the desert says rain with probability 0.001.\n"
    "If it rains, its surprise is *−ln 0.001 = 6.9078 nats*.\n"
    "\n"
    "A second paragraph: H(P,Q) ≥ H(P), q₁ and Σ.\n"
    "@scenario softmax\n"
    "@set-p 1,0,0,0,0\n"
    "@expect loss = 6.9078 ± 0.0001\n"
    "@play 30\n"
    "? Which forecast is less surprised by rain?\n"
    "- the one that said 0.95 *\n"
    "- the one that said 0.001\n"
    "= −ln 0.95 = 0.0513 nats\n"
    "  against 6.9078.\n"
    "% Ask the class first.\n"
    "% Then press on.\n"
    "\r\n"
    "## Heat death\n"
    "@scenario diffusion\n"
    "@hold 2.5\n"
    "@emphasise history\n"
    "@expect entropy_max = 2.7726 +- 0.0001\n"
    "@pause\n"
    "@wait\n"
    "The distribution spreads.\n";

START_TEST(a_complete_lesson)
{
    int errors;
    xl_lesson *l = parse(good, &errors);
    ck_assert_msg(errors == 0, "%d errors, first: %s", errors, l->errors[0]);
    ck_assert_str_eq(l->title, "Surprise");
    ck_assert_int_eq(l->npages, 2);
    const xl_page *p = &l->pages[0];
    ck_assert_str_eq(p->title, "The desert weather model");
    ck_assert_int_eq(p->line, 3);
    ck_assert_str_eq(p->text, "A model of the desert says rain with probability 0.001. If it rains, its surprise is "
                              "*−ln 0.001 = 6.9078 nats*.\n\nA second paragraph: H(P,Q) ≥ H(P), q₁ and Σ.");
    ck_assert_int_eq(p->nsteps, 5);
    ck_assert_int_eq(p->steps[0].kind, XL_STEP_COMMAND);
    ck_assert_int_eq(p->steps[0].cmd.kind, XL_CMD_SCENARIO);
    ck_assert_int_eq(p->steps[1].cmd.kind, XL_CMD_SET_P);
    ck_assert_int_eq(p->steps[1].cmd.count, 5);
    ck_assert_int_eq(p->steps[2].kind, XL_STEP_EXPECT);
    ck_assert_str_eq(p->steps[2].name, "loss");
    ck_assert(p->steps[2].value == 6.9078 && p->steps[2].tol == 0.0001);
    ck_assert_int_eq(p->steps[2].line, 11);
    ck_assert_str_eq(p->text + strlen(p->text) - 3, "Σ."); /* the continuation is not narration */
    ck_assert_int_eq(p->steps[3].kind, XL_STEP_PLAY);
    ck_assert_int_eq(p->steps[3].n, 30);
    ck_assert_int_eq(p->steps[4].kind, XL_STEP_QUESTION);
    const xl_question *q = &p->questions[p->steps[4].question];
    ck_assert_str_eq(q->text, "Which forecast is less surprised by rain?");
    ck_assert_int_eq(q->nanswers, 2);
    ck_assert_str_eq(q->answers[0], "the one that said 0.95");
    ck_assert_int_eq(q->right, 0);
    ck_assert_str_eq(q->why, "−ln 0.95 = 0.0513 nats against 6.9078.");
    ck_assert_str_eq(p->notes, "Ask the class first.\nThen press on.");
    p = &l->pages[1];
    ck_assert_int_eq(p->nsteps, 6);
    ck_assert(p->steps[1].kind == XL_STEP_HOLD && p->steps[1].value == 2.5);
    ck_assert(p->steps[2].kind == XL_STEP_EMPHASISE && strcmp(p->steps[2].name, "history") == 0);
    ck_assert(p->steps[3].kind == XL_STEP_EXPECT && p->steps[3].tol == 0.0001);
    ck_assert_int_eq(p->steps[4].kind, XL_STEP_PAUSE);
    ck_assert_int_eq(p->steps[5].kind, XL_STEP_WAIT);
    ck_assert_str_eq(p->text, "The distribution spreads.");
    free(l);
}
END_TEST

/* One class name of 23 bytes, the longest, and its comma. */
#define N23 "abcdefghijklmnopqrstuvw,"

/* Each bad input and the one message it must give. */
static const struct bad {
    const char *text, *message;
} bads[] = {
    {"", "t.lesson:1:1: error: an empty lesson: it starts with '# Title', then pages '## Title'"},
    {"Surprise\n## A\n", "t.lesson:1:1: error: a lesson starts with its title: '# Title' (at most 95 bytes)"},
    {"# T\n", "t.lesson:1:1: error: a lesson needs at least one page: a line '## Title' and what the page says"},
    {"# T\nHello\n## A\n", "t.lesson:2:1: error: text before the first page: start a page with '## Title'"},
    {"# T\n## \n", "t.lesson:2:4: error: a page needs a title after '## ', at most 95 bytes"},
    {"# T\n## A\n@\n", "t.lesson:3:1: error: '@' starts a directive: a word must follow, e.g. '@play 30'"},
    {"# T\n## A\n@play 0\n", "t.lesson:3:2: error: play needs a number of steps from 1 to 1000000, e.g. '@play 30'"},
    {"# T\n## A\n@play 1e3\n", "t.lesson:3:2: error: play needs a number of steps from 1 to 1000000, e.g. '@play 30'"},
    {"# T\n## A\n@hold 0\n", "t.lesson:3:2: error: hold needs seconds above 0 and at most 600, e.g. '@hold 4'"},
    {"# T\n## A\n@pause now\n", "t.lesson:3:7: error: pause takes nothing after it"},
    {"# T\n## A\n@emphasise sky\n",
     "t.lesson:3:12: error: emphasise needs a panel: bars, readouts, landscape, history, data, side or renyi"},
    {"# T\n## A\n@expect loss 6.9\n",
     "t.lesson:3:2: error: expect needs NAME = VALUE ± TOL, e.g. '@expect loss = 6.9078 ± 0.0001'"},
    {"# T\n## A\n@expect losss = 1 ± 0\n",
     "t.lesson:3:2: error: no scenario has a readout 'losss' (e.g. loss, entropy, kl; --trace lists them)"},
    {"# T\n## A\n@expect loss = nan ± 0\n", "t.lesson:3:2: error: expect needs a plain number after '=', e.g. 6.9078"},
    {"# T\n## A\n@expect loss = 1 ± -1\n",
     "t.lesson:3:2: error: expect needs a tolerance of 0 or more after '±', e.g. 0.0001"},
    {"# T\n## A\n@stpe\n", "t.lesson:3:2: error: unknown command 'stpe' (a directive is a lesson word: expect, play, "
                           "pause, wait, hold, emphasise, focus, say; or a command: xentlab --list-commands)"},
    {"# T\n## A\n@say H(P,Q) H of P and Q\n",
     "t.lesson:3:2: error: say needs FORMULA => WORDS, e.g. '@say H(P,Q) => H of P and Q'"},
    {"# T\n## A\n@say  => H of P and Q\n",
     "t.lesson:3:2: error: say needs a formula before '=>' and the words after it, e.g. '@say H(P,Q) => H of P and Q'"},
    {"# T\n## A\n@say H(P,Q) =>  \n",
     "t.lesson:3:2: error: say needs a formula before '=>' and the words after it, e.g. '@say H(P,Q) => H of P and Q'"},
    {"# T\n## A\n@say\n", "t.lesson:3:2: error: say needs FORMULA => WORDS, e.g. '@say H(P,Q) => H of P and Q'"},
    {"# T\n## A\n@say H(P,Q) => one\n@say H(P,Q) => two\n",
     "t.lesson:4:2: error: 'H(P,Q)' already has a reading on this page (line 3)"},
    {"# T\n## A\n@say 0123456789012345678901234567890123456789012345678901234567890123 => x\n",
     "t.lesson:3:2: error: say's formula is 64 bytes; at most 63"},
    {"# T\n## A\n@focus sky\n", "t.lesson:3:8: error: focus needs a panel: bars, readouts, landscape, history, data, "
                                 "side or renyi (or off for the dashboard), e.g. '@focus landscape'"},
    {"# T\n## A\n@focus\n", "t.lesson:3:8: error: focus needs a panel: bars, readouts, landscape, history, data, "
                             "side or renyi (or off for the dashboard), e.g. '@focus landscape'"},
    {"# T\n## A\n@focus bars\n@focus landscape\n",
     "t.lesson:4:2: error: this page already has '@focus' (line 3): a page puts one panel in focus"},
    {"# T\n## A\n- an answer\n",
     "t.lesson:3:1: error: '- ' belongs to a question: write the question first, on a line starting '? '"},
    {"# T\n## A\n? Which?\n- a *\n= because\n",
     "t.lesson:3:1: error: a question needs 2 to 4 answers, each on a line starting '- '"},
    {"# T\n## A\n? Which?\n- a\n- b\n= because\n",
     "t.lesson:3:1: error: mark the right answer with a final ' *', e.g. '- 0.95 *'"},
    {"# T\n## A\n? Which?\n- a *\n- b\n", "t.lesson:3:1: error: say why after the answers, on a line starting '= '"},
    {"# T\n## A\n? Which?\n- a *\n- b *\n= x\n", "t.lesson:5:5: error: only one answer can be the right one (marked ' *')"},
    {"# T\n## A\n?\n", "t.lesson:3:1: error: '?' needs the question after it, at most 255 bytes"},
    {"# T\n## A\nbad \x01 byte\n", "t.lesson:3:5: error: a control byte (0x01): lessons are plain text"},
    {"# T\n## A\nbad \xff byte\n", "t.lesson:3:5: error: not UTF-8 text (byte 0xff at byte 5); save the file as UTF-8"},
    {"# T\n## A\ncut \xe2\x88\n", "t.lesson:3:5: error: not UTF-8 text (byte 0xe2 at byte 5); save the file as UTF-8"},
    /* Issue 19: what is not UTF-8 although every byte has the right shape. */
    {"# T\n## A\nab \xed\xa0\x80\n",
     "t.lesson:3:4: error: not UTF-8 text: a UTF-16 surrogate (U+D800 to U+DFFF) at byte 4; save the file as UTF-8"},
    {"# T\n## A\n\xf4\x90\x80\x80\n",
     "t.lesson:3:1: error: not UTF-8 text: a code point above U+10FFFF at byte 1; save the file as UTF-8"},
    {"# T\n## A\nx\xf5\x80\x80\x80\n", "t.lesson:3:2: error: not UTF-8 text (byte 0xf5 at byte 2); save the file as UTF-8"},
    {"# T\n## A\n\xe0\x80\xaf\n", "t.lesson:3:1: error: not UTF-8 text: an overlong form at byte 1; save the file as UTF-8"},
    {"# T\n## A\n\xf0\x80\x80\xaf\n",
     "t.lesson:3:1: error: not UTF-8 text: an overlong form at byte 1; save the file as UTF-8"},
    {"# T\n## A\n\xc0\xaf\n", "t.lesson:3:1: error: not UTF-8 text: an overlong form at byte 1; save the file as UTF-8"},
    /* A title line that is not text is one error, not also "an empty lesson". */
    {"# T\xff\n", "t.lesson:1:4: error: not UTF-8 text (byte 0xff at byte 4); save the file as UTF-8"},
    /* The real limits and ranges, not "needs a name" or "needs a whole number". */
    /* 33 names of 23 bytes and their commas: 791 bytes, where a directive line holds 255. */
    {"# T\n## A\n@names " N23 N23 N23 N23 N23 N23 N23 N23 N23 N23 N23 N23 N23 N23 N23 N23 N23 N23 N23 N23 N23 N23
     N23 N23 N23 N23 N23 N23 N23 N23 N23 N23 "abcdefghijklmnopqrstuvw\n",
     "t.lesson:3:2: error: directive too long: a directive takes at most 255 bytes (this has 798)"},
    {"# T\n## A\n@rewind 1000000000\n",
     "t.lesson:3:2: error: rewind needs a whole number from 0 to 100000000, as in 'rewind N' (a directive is a lesson "
     "word: expect, play, pause, wait, hold, emphasise, focus, say; or a command: xentlab --list-commands)"},
    {"# T\n## A\n@measure 0\n",
     "t.lesson:3:2: error: measure needs a whole number from 1 to 1024, as in 'measure K' (a directive is a lesson "
     "word: expect, play, pause, wait, hold, emphasise, focus, say; or a command: xentlab --list-commands)"},
    {"# T\n## A\n### deeper\n",
     "t.lesson:3:1: error: '#' is the lesson's title and '## ' starts a page; a line cannot start with it otherwise"},
};

/* @focus is a property of its page: the panel, "" for off or none; not a step. */
START_TEST(focus_is_the_pages)
{
    int errors;
    xl_lesson *l = parse("# T\n## A\n@focus landscape\n@step\n## B\n@focus off\n## C\ntext\n## D\n@emphasise bars\n"
                         "@focus bars\n", &errors);
    ck_assert_msg(errors == 0, "%d errors, first: %s", errors, l->errors[0]);
    ck_assert_int_eq(l->npages, 4);
    ck_assert_str_eq(l->pages[0].focus, "landscape");
    ck_assert_int_eq(l->pages[0].focus_line, 3);
    ck_assert_int_eq(l->pages[0].nsteps, 1); /* the step, not the focus */
    ck_assert_str_eq(l->pages[1].focus, "");
    ck_assert_int_eq(l->pages[1].focus_line, 6);
    ck_assert_str_eq(l->pages[2].focus, "");
    ck_assert_int_eq(l->pages[2].focus_line, 0);
    ck_assert_str_eq(l->pages[3].focus, "bars");
    ck_assert_int_eq(l->pages[3].steps[0].kind, XL_STEP_EMPHASISE); /* emphasis still works beside it */
    free(l);
}
END_TEST

START_TEST(bad_inputs_and_their_messages)
{
    for (size_t i = 0; i < sizeof bads / sizeof bads[0]; i++) {
        int errors;
        xl_lesson *l = parse(bads[i].text, &errors);
        ck_assert_msg(errors == 1, "case %zu: %d errors, first: %s", i, errors, errors ? l->errors[0] : "");
        ck_assert_msg(strcmp(l->errors[0], bads[i].message) == 0, "case %zu:\n got  %s\n want %s", i, l->errors[0],
                      bads[i].message);
        free(l);
    }
}
END_TEST

/* Issue 19: a byte order mark, and lines ending in CR LF or CR alone, read as the same
 * lesson as plain LF. */
START_TEST(bom_and_line_ends)
{
    static const char *const texts[] = {
        "# T\n## A\nSome text.\n@play 3\n## B\nMore.\n",
        "\xEF\xBB\xBF# T\n## A\nSome text.\n@play 3\n## B\nMore.\n",
        "# T\r\n## A\r\nSome text.\r\n@play 3\r\n## B\r\nMore.\r\n",
        "# T\r## A\rSome text.\r@play 3\r## B\rMore.\r",
        "\xEF\xBB\xBF# T\r## A\r\nSome text.\n@play 3\r## B\rMore.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        int errors;
        xl_lesson *l = parse(texts[i], &errors);
        ck_assert_msg(errors == 0, "case %zu: %d errors, first: %s", i, errors, l->errors[0]);
        ck_assert_str_eq(l->title, "T");
        ck_assert_int_eq(l->npages, 2);
        ck_assert_str_eq(l->pages[0].text, "Some text.");
        ck_assert_int_eq(l->pages[0].steps[0].n, 3);
        ck_assert_int_eq(l->pages[0].steps[0].line, 4);
        ck_assert_int_eq(l->pages[1].line, 5);
        ck_assert_str_eq(l->pages[1].text, "More.");
        free(l);
    }
    /* A CR in a line's middle ends that line: the error is on the line after it. */
    int errors;
    xl_lesson *l = parse("# T\n## A\nok\r@play 0\n", &errors);
    ck_assert_int_eq(errors, 1);
    ck_assert(strncmp(l->errors[0], "t.lesson:4:2: error: play needs", 31) == 0);
    free(l);
}
END_TEST

/* Issue 19: an error line too long for its room is cut after a whole word, marked " …",
 * never inside a word or a UTF-8 sequence; a short one is whole. */
START_TEST(long_error_lines_are_cut_at_words)
{
    /* A file name of words "ééé" longer than the room: the cut falls in it. */
    char file[XL_LESSON_ERROR + 200];
    for (size_t i = 0; i + 7 < sizeof file; i += 7) {
        memcpy(file + i, "\xc3\xa9\xc3\xa9\xc3\xa9", 6);
        file[i + 6] = ' ';
        file[i + 7] = '\0';
    }
    xl_lesson *l = malloc(sizeof *l);
    const char *text = "# T\n## A\n@play 0\n";
    ck_assert_int_eq(xl_lesson_parse(file, text, strlen(text), l), 1);
    const char *e = l->errors[0];
    size_t n = strlen(e);
    ck_assert_uint_lt(n, XL_LESSON_ERROR);
    ck_assert_uint_gt(n, XL_LESSON_ERROR - 16); /* the room is used */
    ck_assert_str_eq(e + n - 4, " \xe2\x80\xa6");
    ck_assert(e[n - 5] == '\xa9'); /* a whole é, then the mark */
    /* The message itself, with a long line quoted, is whole and not cut at 160 bytes. */
    char directive[300];
    snprintf(directive, sizeof directive, "# T\n## A\n@set-p %0180d,x\n", 1);
    ck_assert_int_eq(xl_lesson_parse("t.lesson", directive, strlen(directive), l), 1);
    ck_assert_msg(strstr(l->errors[0], "xentlab --list-commands)") != NULL, "%s", l->errors[0]);
    free(l);
}
END_TEST

START_TEST(every_error_of_a_file_is_reported)
{
    int errors;
    xl_lesson *l = parse("# T\n## A\n@play 0\nfine text\n@hold -1\n@nope\n## \n@emphasise\n", &errors);
    ck_assert_int_eq(errors, 5);
    ck_assert(strncmp(l->errors[0], "t.lesson:3:", 11) == 0);
    ck_assert(strncmp(l->errors[1], "t.lesson:5:", 11) == 0);
    ck_assert(strncmp(l->errors[2], "t.lesson:6:", 11) == 0);
    ck_assert(strncmp(l->errors[3], "t.lesson:7:", 11) == 0);
    ck_assert(strncmp(l->errors[4], "t.lesson:8:", 11) == 0);
    free(l);
}
END_TEST

/* "@say FORMULA => WORDS": kept per page in the order written, not a step. */
START_TEST(say_readings_are_the_pages)
{
    int errors;
    xl_lesson *l = parse("# T\n## A\nH(P,Q) here.\n@say H(P,Q) => H of P comma Q\n@play 3\n"
                         "@say   D_KL(P‖Q)=>the K L divergence of P from Q  \n## B\nx\n", &errors);
    ck_assert_msg(errors == 0, "%s", l->errors[0]);
    ck_assert_int_eq(l->pages[0].nsays, 2);
    ck_assert_int_eq(l->pages[0].nsteps, 1); /* the play alone */
    ck_assert_str_eq(l->pages[0].says[0].formula, "H(P,Q)");
    ck_assert_str_eq(l->pages[0].says[0].words, "H of P comma Q");
    ck_assert_int_eq(l->pages[0].says[0].line, 4);
    ck_assert_str_eq(l->pages[0].says[1].formula, "D_KL(P‖Q)");
    ck_assert_str_eq(l->pages[0].says[1].words, "the K L divergence of P from Q");
    ck_assert_int_eq(l->pages[1].nsays, 0);
    free(l);
    /* Words too long, and more readings than a page keeps: an error each, the rest kept. */
    char t[8192];
    size_t n = (size_t)snprintf(t, sizeof t, "# T\n## A\n@say f => ");
    for (int i = 0; i < XL_LESSON_SAY_WORDS; i++) t[n++] = 'w';
    n += (size_t)snprintf(t + n, sizeof t - n, "\n");
    for (int i = 0; i < XL_LESSON_SAYS + 1; i++) n += (size_t)snprintf(t + n, sizeof t - n, "@say f%d => w\n", i);
    t[n] = '\0';
    l = parse(t, &errors);
    ck_assert_int_eq(errors, 2);
    ck_assert_str_eq(l->errors[0], "t.lesson:3:2: error: say's words are 160 bytes; at most 159");
    ck_assert_str_eq(l->errors[1], "t.lesson:16:2: error: more than 12 '@say' lines on one page");
    ck_assert_int_eq(l->pages[0].nsays, XL_LESSON_SAYS);
    ck_assert_str_eq(l->pages[0].says[11].formula, "f11");
    free(l);
}
END_TEST

START_TEST(limits_are_errors_not_crashes)
{
    /* Too large a file. */
    size_t big = XL_LESSON_MAX_BYTES + 1;
    char *text = malloc(big);
    memset(text, 'a', big);
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_int_eq(xl_lesson_parse("big", text, big, l), 1);
    ck_assert(strstr(l->errors[0], "larger than 256 KiB") != NULL);
    /* Too many pages, too much narration on a page, too many steps: errors, once each kind. */
    size_t n = 0, cap = 200000;
    char *t = malloc(cap);
    n += (size_t)snprintf(t + n, cap - n, "# T\n");
    for (int i = 0; i < XL_LESSON_MAX_PAGES + 2; i++) n += (size_t)snprintf(t + n, cap - n, "## P%d\nx\n", i);
    ck_assert_int_eq(xl_lesson_parse("pages", t, n, l), 2);
    ck_assert(strstr(l->errors[0], "more than 48 pages") != NULL);
    n = (size_t)snprintf(t, cap, "# T\n## A\n");
    for (int i = 0; i < 60; i++) n += (size_t)snprintf(t + n, cap - n, "%0100d\n", i);
    int e = xl_lesson_parse("text", t, n, l);
    ck_assert(e >= 1 && strstr(l->errors[0], "narration is longer than 4095 bytes") != NULL);
    n = (size_t)snprintf(t, cap, "# T\n## A\n");
    for (int i = 0; i < XL_LESSON_MAX_STEPS + 1; i++) n += (size_t)snprintf(t + n, cap - n, "@step\n");
    ck_assert_int_eq(xl_lesson_parse("steps", t, n, l), 1);
    ck_assert(strstr(l->errors[0], "more than 48 directives") != NULL);
    /* More errors than kept: counted, the first kept. */
    n = (size_t)snprintf(t, cap, "# T\n## A\n");
    for (int i = 0; i < 100; i++) n += (size_t)snprintf(t + n, cap - n, "@play 0\n");
    ck_assert_int_eq(xl_lesson_parse("many", t, n, l), 100);
    ck_assert_int_eq(l->nerrors, 100);
    /* A NUL byte inside the text. */
    const char nul[] = "# T\n## A\nab\0cd\n";
    ck_assert_int_eq(xl_lesson_parse("nul", nul, sizeof nul - 1, l), 1);
    ck_assert(strstr(l->errors[0], "nul:3:3: error: a control byte (0x00)") != NULL);
    free(t);
    free(text);
    free(l);
}
END_TEST


/* The linter (issue 19): each rule on a small lesson, with the exact place it reports. */
static const struct lint_case {
    const char *text;
    int findings;
    const char *first; /* the first finding's start, or NULL */
} lints[] = {
    /* Emphasis: a lone star in a paragraph, balanced pairs across lines, escapes. */
    {"# T\n## A\nThe floor L* = 0.4050.\n@scenario logistic\n@expect floor = 0.405 ± 0.0001\n", 1,
     "l.lesson:3:12: error: unbalanced emphasis"},
    {"# T\n## A\nA *pair\nover two lines* and L\\* and \\\\.\n", 0, NULL},
    {"# T\n## A\nOne *open\n\nparagraph.\n", 1, "l.lesson:3:5: error: unbalanced emphasis"},
    /* Numbers: four significant digits, or after '='; held by value within tolerance. */
    {"# T\n## A\nThe loss is 3.7048.\n@scenario softmax\n@expect loss = 3.7048 ± 0.0001\n", 0, NULL},
    {"# T\n## A\nThe loss is 3.7048.\n@scenario softmax\n", 1, "l.lesson:3:13: error: '3.7048' is stated"},
    {"# T\n## A\nThe loss is\n= 3.70.\n", 0, NULL}, /* '= ' starts no answer outside a question: an error */
    {"# T\n## A\nlr = 0.5, 300 steps, 0.25 and 1,000.\n@scenario softmax\n", 1, "l.lesson:3:6: error: '0.5' is stated"},
    {"# T\n## A\nw = −2.\n@scenario logistic\n@expect w = -2 ± 0.0001\n", 0, NULL},
    {"# T\n## A\nw = −2.\n@scenario logistic\n@expect w = 2 ± 0.0001\n", 1, "l.lesson:3:5: error: '-2' is stated"},
    {"# T\n## A\nq1 = x2 and H₂ = 7.\n", 1, "l.lesson:3:20: error: '7' is stated"},
    {"# T\n## A\nThe loss is 3.7048.\n@scenario softmax\n@expect loss = 3.7048 ± 0.0001\n## B\nStill 3.7048.\n", 1,
     "l.lesson:7:7: error: '3.7048' is stated"},
    /* Questions: the right answer alone with a number or formula, or much the longest. */
    {"# T\n## A\n? Q?\n- one\n- two *\n- three\n= why\n", 0, NULL},
    {"# T\n## A\n? Q?\n- at 1 *\n- at the top\n- nowhere\n= why\n", 1,
     "l.lesson:4:3: error: the right answer alone carries a number or formula"},
    {"# T\n## A\n? Q?\n- at H(P) *\n- at the top\n- nowhere\n= why\n", 1,
     "l.lesson:4:3: error: the right answer alone carries a number or formula"},
    {"# T\n## A\n? Q?\n- up\n- a very long right answer *\n= why\n", 1,
     "l.lesson:5:3: error: the right answer is more than half again as long"},
    {"# T\n## A\n? Q?\n- up and away\n- down below *\n- nowhere\n= why\n", 0, NULL},
    /* A number told before the play that makes it true; after it, or in a prediction, fine. */
    {"# T\n## A\nIt ends at 1.4581.\n@scenario softmax\n@play 50\n@expect loss = 1.4581 ± 0.0001\n", 1,
     "l.lesson:3:12: error: '1.4581' is shown before the play, wait or question on line 5"},
    {"# T\n## A\n@scenario softmax\n@play 50\n@expect loss = 1.4581 ± 0.0001\nIt ends at 1.4581.\n", 0, NULL},
    {"# T\n## A\n? Where?\n- at 1.4581 *\n- at 2.0000\n= At 1.4581.\n@scenario softmax\n@play 50\n"
     "@expect loss = 1.4581 ± 0.0001\n@expect entropy = 1.4541 ± 0.0001\n", 1, "l.lesson:5:6: error: '2.0000' is stated"},
    /* An emphasis the page's focus hides; the focused panel's own, or no focus, fine. */
    {"# T\n## A\n@emphasise bars\n@focus landscape\n", 1,
     "l.lesson:3:1: error: '@emphasise bars' on a page whose '@focus landscape' (line 4) hides the bars"},
    {"# T\n## A\n@focus bars\n@emphasise bars\n## B\n@emphasise history\n", 0, NULL},
    /* A reading of a formula the page does not show; one it shows in a why, fine; a @say
     * is not a step (the number after it is still the page's). */
    {"# T\n## A\nH(P) is small.\n@say H(P,Q) => H of P and Q\n", 1,
     "l.lesson:4:2: error: '@say H(P,Q)': this page's text, questions, answers and whys do not have 'H(P,Q)'"},
    {"# T\n## A\n@say ln 5 => log five\n? Which?\n- a *\n- b\n= it is ln 5, not 0.\n", 0, NULL},
};

START_TEST(the_linter_finds_what_misleads)
{
    for (size_t i = 0; i < sizeof lints / sizeof lints[0]; i++) {
        int errors;
        xl_lesson *l = parse(lints[i].text, &errors);
        if (errors) { /* the case above that the parser refuses: the linter never sees it */
            ck_assert_msg(i == 5, "case %zu: %s", i, l->errors[0]);
            free(l);
            continue;
        }
        char report[2048] = "";
        int n = xl_lesson_lint("l.lesson", lints[i].text, strlen(lints[i].text), l, report, sizeof report);
        ck_assert_msg(n == lints[i].findings, "case %zu: %d findings, want %d:\n%s", i, n, lints[i].findings, report);
        if (lints[i].first)
            ck_assert_msg(strncmp(report, lints[i].first, strlen(lints[i].first)) == 0, "case %zu:\n got  %s\n want %s",
                          i, report, lints[i].first);
        free(l);
    }
    long last = 0;
    ck_assert_int_eq(xl_lesson_emphasis_marks("a *b* \\* \\\\*c", 13, &last), 3);
    ck_assert_int_eq(last, 11);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("lesson");
    TCase *tc = tcase_create("parser");
    tcase_add_test(tc, a_complete_lesson);
    tcase_add_test(tc, focus_is_the_pages);
    tcase_add_test(tc, bad_inputs_and_their_messages);
    tcase_add_test(tc, every_error_of_a_file_is_reported);
    tcase_add_test(tc, bom_and_line_ends);
    tcase_add_test(tc, long_error_lines_are_cut_at_words);
    tcase_add_test(tc, limits_are_errors_not_crashes);
    tcase_add_test(tc, say_readings_are_the_pages);
    tcase_add_test(tc, the_linter_finds_what_misleads);
    suite_add_tcase(s, tc);
    return s;
}
