/* ui_page: what the window tells the browser page around it for people who do not see
 * the canvas (issue 26), and when. The page (src/web/index.html) keeps a visually
 * hidden description of the scene beside the canvas, an aria-live="polite" region that
 * says changes, and real HTML buttons for the controls; this module decides what goes
 * there and how often, without SDL or the page (ui_window sends it through ui_platform,
 * which does nothing on the desktop).
 *
 * Pacing of the spoken region (a screen reader queues every change of a polite region,
 * so a region rewritten each frame would talk for ever, minutes behind the scene):
 *   - after the learner's own input (a key, a click, a button of the page), once the
 *     frame that shows it is drawn and the page it turned to is computed: at once;
 *   - while the scene moves by itself (playing, a lesson's play): at most every
 *     UI_PAGE_MOVING_MS, and only when the words changed;
 *   - nothing else speaks: the description region is rewritten with each announcement
 *     (and once at the start, silently), so a reader who reads it finds the latest.
 * What is said: after a step, a command or while playing, the description's first
 * sentences (UI_PAGE_BRIEF: what changed leads it); a lesson page turned to, F9 and the
 * page's "Describe the scene" button, all of it. */
#ifndef UI_PAGE_H
#define UI_PAGE_H

#include <stddef.h>

#include "ui_classroom.h"
#include "xl_session.h"

/* While the scene moves by itself, one announcement at most this often (ms). */
enum { UI_PAGE_MOVING_MS = 5000 };

/* The longest description sent (bytes, with its NUL) and the longest command a page's
 * button may send (longer ones are refused unread). */
enum { UI_PAGE_TEXT = 4096, UI_PAGE_COMMAND = 96 };
/* An announcement after a step, a command or while playing says the description's first
 * sentences that fit this many bytes (what changed leads it); a page turned to, and F9,
 * say it all. */
enum { UI_PAGE_BRIEF = 200 };

typedef struct ui_page_pace {
    int started;            /* the first description was given */
    int input;              /* the learner did something: say the scene once it is shown */
    long long said_ms;      /* when the last announcement was made */
} ui_page_pace;

/* What to do with the description now: 0 nothing, 1 rewrite the description region
 * quietly (the first frame), 2 announce it (and rewrite the region). now_ms: a clock in
 * ms; moving: the scene changes by itself now (playing); settled: the frame shows the
 * input (no page start is being computed). Clears the input it answers. */
int ui_page_due(ui_page_pace *p, long long now_ms, int moving, int settled);

/* The learner's input was taken: the next due call announces. */
void ui_page_input(ui_page_pace *p);

/* The state the page's buttons show, as one JSON object into out[n] (always NUL-ended;
 * truncated text is never valid JSON, so n must hold it: 4096 is ample):
 *   {"playing":0|1,"scenario":"softmax","verbs":[["name","help"],...],
 *    "lesson":0|1,"page":K,"pages":N,"phase":"asking"|"waiting"|...|"",
 *    "answers":["text",...]}
 * verbs: the scenario's own verbs that take no argument and have a key (the ones its
 * keys and hint bar offer); answers: those of the question being asked, else [].
 * Returns the length written. */
size_t ui_page_controls_json(const xl_session *s, const ui_classroom *cr, char *out, size_t n);

/* 1 when text is a command a page's button may send: "lesson " and one of the lesson's
 * learner actions (next, back, first, last, again, menu, close, resume, answer K), or
 * any other word, which ui_action_parse then judges. 0 for a lesson action the page
 * must not send (open FILE, reload, the class's). */
int ui_page_command_allowed(const char *text);

/* What to say after a step or a command when the lesson page's own words grew on the
 * same page (an answer revealed, more narration shown): the brief first sentences
 * would cut them off, and they are what a sighted learner reads next. text is the whole
 * description (what changed, then the page's words, then the scene: xl_describe); page
 * the page's words now and page_before at the last announcement (xl_describe_page).
 * Writes into out[n] what changed, then the page's new words (from the first sentence
 * that differs from page_before's: the title and what both say are not said again), and
 * returns 1; returns
 * 0 and writes nothing when the page's words did not change or there are none. */
int ui_page_brief_grown(const char *text, const char *page_before, const char *page, char *out, size_t n);

#endif
