/* xl_poll: a class's votes, counted (see xl_poll.h).
 *
 * Choices made where the header leaves room:
 * - A refused call changes nothing, the serial included: a flood of bad votes from a
 *   phone never makes the app republish.
 * - Opening the question already open does nothing (not even the serial): the classroom
 *   asks for it on every turn.
 * - A question opened again with another number of options (its lesson was reloaded and
 *   the question rewritten) starts its counts again: a kept vote could name an option
 *   that is no longer there.
 * - The split belongs to the last question opened: it stays shown when that question
 *   closes (the reveal) and when it opens again with its votes, and is hidden when
 *   another one opens or a new round of it starts.
 * - Clearing moves the serial on rather than back to 0, so whoever watches it sees the
 *   change.
 */
#include "xl_poll.h"

#include <stdlib.h>
#include <string.h>

struct xl_poll {
    unsigned char joined[XL_POLL_DEVICES_MAX];  /* 1 once device d joined */
    int njoined;
    xl_poll_tally tallies[XL_POLL_QUESTIONS_MAX];
    int count;       /* tallies in use, in the order first opened */
    int open;        /* the open tally's index, -1 when none is open */
    int last;        /* the last tally opened (open or closed since), -1 before any */
    int split;       /* the split of `last` is shown */
    unsigned long serial;
};

xl_poll *xl_poll_create(void)
{
    xl_poll *p = malloc(sizeof *p);
    if (!p) return NULL;
    p->serial = 0;
    xl_poll_clear(p);
    p->serial = 0;
    return p;
}

void xl_poll_destroy(xl_poll *p)
{
    free(p);
}

void xl_poll_clear(xl_poll *p)
{
    const unsigned long serial = p->serial;
    memset(p, 0, sizeof *p);
    p->open = p->last = -1;
    p->serial = serial + 1;
}

int xl_poll_join(xl_poll *p, int d)
{
    if (d < 0 || d >= XL_POLL_DEVICES_MAX) return -1;
    if (p->joined[d]) return 0;
    p->joined[d] = 1;
    p->njoined++;
    p->serial++;
    return 1;
}

int xl_poll_joined(const xl_poll *p)
{
    return p->njoined;
}

static int find_index(const xl_poll *p, int page, int q)
{
    for (int i = 0; i < p->count; i++)
        if (p->tallies[i].page == page && p->tallies[i].question == q) return i;
    return -1;
}

/* Counts back to none: no device has a vote. */
static void reset_votes(xl_poll_tally *t)
{
    memset(t->counts, 0, sizeof t->counts);
    t->voted = 0;
    memset(t->choice, -1, sizeof t->choice);
}

int xl_poll_open(xl_poll *p, int page, int q, int noptions)
{
    if (page < 0 || q < 0 || noptions < 2 || noptions > XL_POLL_OPTIONS_MAX) return -1;
    int i = find_index(p, page, q);
    if (i >= 0 && i == p->open && p->tallies[i].noptions == noptions) return 0; /* open already */
    if (i < 0 && p->count >= XL_POLL_QUESTIONS_MAX) return -1;
    xl_poll_close(p);
    if (i < 0) {
        i = p->count++;
        xl_poll_tally *t = &p->tallies[i];
        memset(t, 0, sizeof *t);
        t->page = page;
        t->question = q;
        t->noptions = noptions;
        reset_votes(t);
    } else if (p->tallies[i].noptions != noptions) {
        p->tallies[i].noptions = noptions;
        reset_votes(&p->tallies[i]);
    }
    const int new_round = p->tallies[i].revealed;
    if (new_round) reset_votes(&p->tallies[i]); /* the class saw the answer: asked again, it votes again */
    p->tallies[i].closed = 0;
    p->tallies[i].revealed = 0;
    if (i != p->last || new_round) p->split = 0; /* the class is not herded by the last round's bars */
    p->open = p->last = i;
    p->serial++;
    return 0;
}

void xl_poll_close(xl_poll *p)
{
    if (p->open < 0) return;
    xl_poll_tally *t = &p->tallies[p->open];
    t->closed = 1;
    t->times_closed++;
    p->open = -1;
    p->serial++;
}

void xl_poll_reveal(xl_poll *p)
{
    if (p->open < 0) return;
    xl_poll_tally *t = &p->tallies[p->open];
    xl_poll_close(p);
    t->revealed = 1;
    t->rounds++;
}

void xl_poll_forget(xl_poll *p)
{
    if (p->count == 0) return;
    p->count = 0;
    p->open = p->last = -1;
    p->split = 0;
    p->serial++;
}

int xl_poll_vote(xl_poll *p, int d, int page, int q, int k)
{
    if (d < 0 || d >= XL_POLL_DEVICES_MAX || !p->joined[d] || p->open < 0) return -1;
    xl_poll_tally *t = &p->tallies[p->open];
    if (t->page != page || t->question != q || k < 0 || k >= t->noptions) return -1;
    const int was = t->choice[d];
    if (was == k) return 0;
    if (was >= 0) t->counts[was]--;
    else t->voted++;
    t->counts[k]++;
    t->choice[d] = (signed char)k;
    p->serial++;
    return 1;
}

const xl_poll_tally *xl_poll_open_tally(const xl_poll *p)
{
    return p->open >= 0 ? &p->tallies[p->open] : NULL;
}

const xl_poll_tally *xl_poll_find(const xl_poll *p, int page, int q)
{
    const int i = find_index(p, page, q);
    return i >= 0 ? &p->tallies[i] : NULL;
}

int xl_poll_count(const xl_poll *p)
{
    return p->count;
}

const xl_poll_tally *xl_poll_at(const xl_poll *p, int i)
{
    return i >= 0 && i < p->count ? &p->tallies[i] : NULL;
}

void xl_poll_set_split(xl_poll *p, int shown)
{
    shown = shown != 0;
    if (shown == p->split) return;
    p->split = shown;
    p->serial++;
}

int xl_poll_split_shown(const xl_poll *p)
{
    return p->split;
}

unsigned long xl_poll_serial(const xl_poll *p)
{
    return p->serial;
}
