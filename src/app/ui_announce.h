/* ui_announce: the browser page's announcing, fed from the window loop (issue 26).
 *
 * Each turn the window hands its state here; this module sends the page (through
 * ui_platform, which does nothing on the desktop) the buttons' state when it changed,
 * and the scene in words when ui_page's pacing says it is due: the whole description
 * when a lesson page was turned to or F9 asked, else its first sentences (or the lesson
 * page's words that grew). What to say and how often is ui_page's; this module keeps
 * what was last said, so it owns the page's describer (a ui_describe_state of its own:
 * its "what changed" is since the page's last words, not F9's).
 *
 * One per window loop, zeroed and then ui_announce_init'ed; no resources to free. */
#ifndef UI_ANNOUNCE_H
#define UI_ANNOUNCE_H

#include "ui_describe.h"
#include "ui_dispatch.h"
#include "ui_page.h"

typedef struct ui_announce {
    ui_page_pace pace;          /* when the scene is said */
    ui_describe_state words;    /* the page's own describer */
    int full;                   /* F9: the next announcement says the whole description */
    int shown;                  /* the lesson page (0-based; -1 none) the last words were of */
    const void *lesson;         /* and its lesson */
    char said[UI_PAGE_TEXT];    /* that page's own words then (xl_describe_page) */
    char controls[UI_PAGE_TEXT]; /* the buttons' state last sent (ui_page_controls_json) */
} ui_announce;

void ui_announce_init(ui_announce *a);

/* The learner's input was taken (a key, a click, a drag let go, a page's button): the
 * scene is said once the frame shows what it did. */
void ui_announce_input(ui_announce *a);

/* F9 or the page's "Describe the scene": the next announcement says all of it. */
void ui_announce_whole(ui_announce *a);

/* After a turn's frame: the buttons' state if it changed, and the scene in words when
 * it is due (d's session, classroom and their lesson player). Nothing on the desktop. */
void ui_announce_turn(ui_announce *a, ui_dispatch *d);

#endif
