/* xl_lesson: the lesson format, parsed (issue 9).
 *
 * A lesson is a plain-text file a teacher writes in an editor, prose first:
 *
 *     # Surprise                                the lesson's title (the first line)
 *
 *     ## The desert weather model               a page, with its title
 *
 *     A model of the desert says rain with      narration: paragraphs, *emphasis*,
 *     probability 0.001. If it rains, its       any Unicode (H(P,Q), Σ, ≥, q₁)
 *     surprise is −ln 0.001 = 6.9078 nats.
 *
 *     @scenario softmax                         a directive: any command of the
 *     @set-p 1,0,0,0,0                          vocabulary (xl_command), or one of the
 *     @expect loss = 6.9078 ± 0.0001            lesson's own: expect NAME = V ± TOL,
 *     @play 30                                  play N, pause, wait, hold SECONDS,
 *                                               emphasise PANEL, focus PANEL, controls (the page
 *                                               shows the control strip)
 *     ? Which forecast is less surprised?       a question, 2 to 4 answers (the right
 *     - the one that said 0.95 *                one marked with a final *), and the
 *     - the one that said 0.001                 explanation shown after the answer
 *     = −ln 0.95 = 0.0513 nats against 6.9078.   (an indented line continues an
 *                                               answer or the explanation)
 *
 *     % Ask the class before pressing on.       speaker notes (the presenter view)
 *
 *     @say H(P,Q) => H of P comma Q             how a voice reads a formula of this page
 *                                               and every later one (xl_speech.h); the
 *                                               formula must occur in the page's text,
 *                                               a question, an answer or a why (--check)
 *
 * A page's directives and question run in the order written. Everything here is
 * checked: the parser reports every error of a file as "FILE:LINE:COLUMN: error: what
 * is wrong, and what was expected", never reads past its input, and allocates one
 * lesson of fixed size whatever the input (what exceeds the limits below is an error).
 */
#ifndef XL_LESSON_H
#define XL_LESSON_H

#include <stddef.h>

#include "xl_command.h"

enum {
    XL_LESSON_MAX_BYTES = 256 * 1024,  /* a file larger than this is refused */
    XL_LESSON_MAX_PAGES = 48,
    XL_LESSON_MAX_STEPS = 48,          /* directives and questions on one page */
    XL_LESSON_TITLE = 96,
    XL_LESSON_TEXT = 4096,             /* a page's narration */
    XL_LESSON_NOTES = 2048,            /* a page's speaker notes */
    XL_LESSON_ANSWERS = 4,
    XL_LESSON_LINE = 256,              /* an answer, a question, an explanation */
    XL_LESSON_NAME = 32,
    XL_LESSON_PARAS = 64,              /* narration paragraphs a page tracks the place of */
    XL_LESSON_SAYS = 12,               /* @say readings on one page */
    XL_LESSON_SAY_FORMULA = 64,        /* a @say's formula, bytes with the NUL */
    XL_LESSON_SAY_WORDS = 160,         /* a @say's words */
    XL_LESSON_MAX_ERRORS = 32,
    XL_LESSON_ERROR = 768             /* one error line: FILE:LINE:COLUMN: error: WHAT */
};

typedef enum xl_step_kind {
    XL_STEP_COMMAND = 0,  /* a command of the vocabulary */
    XL_STEP_EXPECT,       /* a readout must read value ± tol here */
    XL_STEP_PLAY,         /* n steps, shown as they happen */
    XL_STEP_PAUSE,        /* the learner explores until the next page */
    XL_STEP_WAIT,         /* until a key */
    XL_STEP_HOLD,         /* seconds, when the lesson is recorded */
    XL_STEP_EMPHASISE,    /* a panel stands out, the others dimmed */
    XL_STEP_QUESTION      /* predict, then see */
} xl_step_kind;

typedef struct xl_question {
    char text[XL_LESSON_LINE];
    int nanswers;
    char answers[XL_LESSON_ANSWERS][XL_LESSON_LINE];
    int right;                          /* 0-based */
    char why[XL_LESSON_LINE];
} xl_question;

typedef struct xl_step {
    xl_step_kind kind;
    int line;                           /* where it was written, for messages */
    xl_command cmd;                     /* XL_STEP_COMMAND */
    char name[XL_LESSON_NAME];          /* XL_STEP_EXPECT: the readout; XL_STEP_EMPHASISE: the panel */
    double value, tol;                  /* XL_STEP_EXPECT: value ± tol; XL_STEP_HOLD: seconds */
    long n;                             /* XL_STEP_PLAY */
    int question;                       /* XL_STEP_QUESTION: index into the page's questions */
} xl_step;

/* "@say FORMULA => WORDS": where the page's text (or a later page's) has FORMULA, a
 * voice says WORDS (xl_speech). Not a step: the voice alone uses it. */
typedef struct xl_say {
    char formula[XL_LESSON_SAY_FORMULA];
    char words[XL_LESSON_SAY_WORDS];
    int line;                           /* where it was written */
} xl_say;

typedef struct xl_page {
    char title[XL_LESSON_TITLE];
    int line;
    char text[XL_LESSON_TEXT];          /* paragraphs separated by a blank line ("\n\n") */
    /* Where each paragraph was written: after how many of the page's directives and
     * questions. A paragraph written after a play, a wait, a pause or a question is shown
     * once the script has gone past it (xl_player_paragraph_shown); paragraphs past the
     * last tracked one share its place. */
    int nparas;
    unsigned char para_after[XL_LESSON_PARAS];
    char notes[XL_LESSON_NOTES];
    /* "@focus PANEL": the panel that takes the scene while the page is shown (a name
     * xl_lesson_panel_known knows); "" for the dashboard (no directive, or "@focus off").
     * A property of the page, not a step: it holds from the page's start. */
    char focus[XL_LESSON_NAME];
    int focus_line;                     /* where it was written (0: nowhere) */
    int nsteps;
    xl_step steps[XL_LESSON_MAX_STEPS];
    int nquestions;
    xl_question questions[4];
    int controls;                       /* @controls: the page shows the control strip */
    int nsays;
    xl_say says[XL_LESSON_SAYS];        /* in the order written */
} xl_page;

typedef struct xl_lesson {
    char title[XL_LESSON_TITLE];
    int npages;
    xl_page pages[XL_LESSON_MAX_PAGES];
    int nerrors;                        /* found; only the first XL_LESSON_MAX_ERRORS are kept */
    char errors[XL_LESSON_MAX_ERRORS][XL_LESSON_ERROR];
} xl_lesson;

/* The panels a page can emphasise ("bars", "readouts", "landscape", "history", "data",
 * "side"): 1 if name is one. */
int xl_lesson_panel_known(const char *name);

/* Parse text[0..len-1] (not necessarily NUL-terminated) from a file called `file` (for
 * the messages) into *out, which the caller provides (it is large: allocate it). Returns
 * 0 when the lesson is valid, or the number of errors; out->errors has the first
 * XL_LESSON_MAX_ERRORS as "FILE:LINE:COLUMN: error: ...". */
int xl_lesson_parse(const char *file, const char *text, size_t len, xl_lesson *out);

/* Play page `page`'s directives on s, in order, as the player does when it shows the
 * page, without the waiting (pause, wait, hold, a question's answer and emphasis are
 * the player's): commands are applied, play takes its steps, and every expect is
 * checked against the scenario in force. Returns the number of problems (a refused
 * command, a readout the scenario lacks, a number out of its tolerance), each written
 * as "FILE:LINE:1: error: ..." into report (a buffer of n bytes, appended to, cut
 * when full). *expects (if not NULL) gets how many expect lines held. */
struct xl_session;

/* The work a lesson's directives asked for so far, in operations (XL_WORK_PAGE in
 * xl_session.h): on the page being played and in the whole lesson. A play or a run
 * that would take either past its limit (XL_WORK_PAGE, XL_WORK_FILE) is refused, a
 * problem reported with the limit, and not run: a downloaded lesson cannot freeze the
 * program. Start at {0, 0}; the page's count is cleared when a page starts. */
typedef struct xl_lesson_work {
    double page, total;
} xl_lesson_work;

/* The operations directive st asks for on s as it is now: play N and the command run N
 * ask N × xl_session_step_cost(s); the others nothing worth counting (0). */
double xl_lesson_step_work(const xl_step *st, const struct xl_session *s);

/* Count ops, asked by st, into w: 0 if within the limits; else 1 with the problem
 * reported into report (as below) and nothing counted. */
int xl_lesson_work_take(xl_lesson_work *w, double ops, const xl_step *st, const char *file, char *report,
                        size_t n);

/* work (may be NULL: no limit) counts the plays and runs; its page count is cleared
 * here first. */
int xl_lesson_play_page(const xl_lesson *l, int page, const char *file, struct xl_session *s, char *report,
                        size_t n, int *expects, xl_lesson_work *work);

/* One directive of a page, step `step`, played the same way (a play takes its steps at
 * once). Returns 1 if it was a problem (reported as above), else 0; *held (if not NULL)
 * is incremented when it was an expect that held. work as for xl_lesson_play_page, but
 * its page count is the caller's to clear. */
int xl_lesson_play_step(const xl_lesson *l, int page, int step, const char *file, struct xl_session *s,
                        char *report, size_t n, int *held, xl_lesson_work *work);

/* The two halves of a directive that read the session, for a caller that applies the
 * commands itself (xl_player, through its host): the report that command step st was
 * refused (the reason from xl_session_message), and an expect step checked against s.
 * Each returns 1 if it was a problem (reported as above), else 0. */
int xl_lesson_refused(const xl_step *st, const char *file, const struct xl_session *s, char *report, size_t n);
int xl_lesson_expect(const xl_step *st, const char *file, const struct xl_session *s, char *report, size_t n);
/* 1 and *alpha when an expect's name is a Rényi entropy's, renyi_A: H_α of the bars' P
 * (xl_renyi.h) at the order A, written with '_' for its point (renyi_0, renyi_0_5,
 * renyi_1, renyi_2, renyi_inf); every scenario with a discrete distribution has them. */
int xl_lesson_renyi_name(const char *name, double *alpha);

/* What --check says without --play: every page's commands applied on s, the plays and
 * runs counted but not taken, expects not read; a play or run past a limit is reported
 * as xl_lesson_play_page would, and so is a scenario's verb where the scenario in force
 * (set by the commands before it) does not have it. Returns the number of problems. */
int xl_lesson_check_work(const xl_lesson *l, const char *file, struct xl_session *s, char *report, size_t n);

#endif