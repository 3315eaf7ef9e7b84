/* xl_describe: the scene in words (issue 26), for a screen reader, the desktop's speech
 * (F9) and --describe.
 *
 * A description is a short paragraph a teacher would say: what changed since the last
 * description ("The loss fell 0.1200 nats since step 10, to 1.4154."); while a lesson plays, the
 * page ("Lesson “Surprise”, page 3 of 7: TITLE.") with the narration the page shows by
 * now (emphasis marks dropped, as xl_rec_segment_text gives it), the question asked and
 * its answer once revealed; then the scene: the scenario and what it shows (its
 * record's describe hook), the identity loss = floor + gap ("The loss H(P,Q) is 1.7400
 * nats: 0.2800 above its floor H(P) 1.4541, the gap D_KL(P‖Q) that learning can
 * remove."), the selected item's line or the scenario's own claim (the line the
 * readouts panel draws under its bar), the optimizer and the step ("Gradient descent at
 * learning rate 0.50; playing at step 15.").
 *
 * Every number is the one a panel draws, formatted by the same code (xl_format.h): the
 * identity as the readouts panel shows it (the decimals of the frame shown, four where it
 * has room), p and q to three,
 * the learning rate as the status bar shows it. In a race the numbers are the leader's,
 * as the readouts panel's are. The describer remembers the last description's numbers
 * (as shown) to say what changed; a changed number is the difference of the two shown
 * values, so "fell 0.1200" is what a reader who compared the screens would find.
 *
 * Pure C, no I/O, no allocation; the caller owns the describer and every buffer.
 */
#ifndef XL_DESCRIBE_H
#define XL_DESCRIBE_H

#include <stddef.h>

#include "xl_i18n.h"
#include "xl_player.h"
#include "xl_scenario.h"
#include "xl_session.h"

enum {
    XL_DESCRIBE_MAX = 8192,      /* a description with a page's whole narration fits */
    XL_DESCRIBE_PROB_DECIMALS = 3
};

/* What the last description said, to tell what changed. Zero it (or xl_describer_reset)
 * before the first; plain data. */
typedef struct xl_describer {
    int have;                        /* 1 after a description */
    const xl_scenario_def *def;      /* its scenario */
    long step;
    double loss, floor, gap;         /* the values shown (nats; compared as rounded for the panel) */
    int unit;                        /* xl_unit */
    int selected;
    const xl_lesson *lesson;         /* the lesson playing, or NULL */
    /* Set by the caller, kept by xl_describer_reset's -1: the decimals the readouts panel
     * draws the identity with in the frame shown (ui_readouts_geom), so the words match
     * the screen; -1 for a panel with room (XL_FORMAT_IDENTITY_DECIMALS). */
    int decimals;
    int page;                        /* 0-based */
    /* Set by the caller for each description: 1 when the user asked for the whole of it
     * (F9, "Describe the scene"): a loss that has not changed at the same step is then
     * not said (the scene is the answer, not "nothing changed"); 0 for an update after
     * a command, where "has not changed" is the news. */
    int whole;
    /* Set by the caller, kept by xl_describer_reset's NULL: the translator the words go
     * through (xl_i18n.h; NULL: English). Numbers and symbols are never translated. */
    xl_tr_fn tr;
} xl_describer;

void xl_describer_reset(xl_describer *d);

/* The description of s (and, when p is not NULL, of the lesson page p shows) into
 * out[n], NUL-ended, cut at a character boundary when it does not fit; remembers its
 * numbers in d (may be NULL: no "what changed"). Returns the length written. */
size_t xl_describe(xl_describer *d, const xl_session *s, const xl_player *p, char *out, size_t n);

/* The parts, for a front end that shows them apart (each as in xl_describe, into
 * out[n]; each returns its length):
 * the scene alone (scenario, identity with `decimals` as xl_describer.decimals, selected
 * item, optimizer and step; words through tr as xl_describer.tr), */
size_t xl_describe_scene(const xl_session *s, int decimals, xl_tr_fn tr, char *out, size_t n);
/* what changed since d's last description ("" for nothing, or no last one); d is not
 * updated (xl_describe_remember does), */
size_t xl_describe_changes(const xl_describer *d, const xl_session *s, const xl_player *p, char *out, size_t n);
/* the lesson page: its number, title, the narration shown by now, the question asked
 * and the answer revealed ("" when p is NULL). */
size_t xl_describe_page(const xl_player *p, xl_tr_fn tr, char *out, size_t n);
/* Remember s's (and p's) numbers in d as the last description's. */
void xl_describe_remember(xl_describer *d, const xl_session *s, const xl_player *p);

/* The learning rate as the status bar shows it ("0.50", "0.005"). */
char *xl_describe_lr(char *buf, size_t n, double rate);

/* The run whose numbers the readouts show: in a race the leader (lowest finite loss),
 * else the steered run. */
const xl_sim *xl_describe_sim(const xl_session *s, int *run);

#endif
