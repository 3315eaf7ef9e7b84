/* Tests for xl_poll: every vote counted exactly once, against a plain reference model
 * driven by long random sequences of joins, votes, changed votes, opens and closes; the
 * refusals that change nothing; a question opened again keeping its votes; the split
 * hidden when another question opens; the full table; the serial. */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_poll.h"
#include "xl_rng.h"

static int rnd(xl_rng *rng, int n)
{
    return (int)(xl_rng_next(rng) % (uint64_t)n);
}

/* The reference: a few questions, each with its options and every device's choice. */
enum { REF_PAGES = 3, REF_QS = 2, REF_DEVICES = 40 };
typedef struct ref_model {
    int joined[XL_POLL_DEVICES_MAX];
    int njoined;
    int noptions[REF_PAGES][REF_QS];
    int choice[REF_PAGES][REF_QS][XL_POLL_DEVICES_MAX];
    int opened[REF_PAGES][REF_QS];   /* ever opened */
    int closes[REF_PAGES][REF_QS];   /* times closed */
    int open_page, open_q;           /* -1: none */
} ref_model;

/* Whether the poll agrees with the reference: counts are the histogram of the choices,
 * voted their number, for every question ever opened; the open one is the same. NULL
 * if it does, else what differs. Plain comparisons, one assertion per call: Check
 * reports every passing assertion to its runner, which would make this test crawl. */
#define DIFFER(...) do { snprintf(why, sizeof why, __VA_ARGS__); return why; } while (0)
static const char *disagreement(const xl_poll *p, const ref_model *m)
{
    static char why[256];
    if (xl_poll_joined(p) != m->njoined) DIFFER("joined %d, want %d", xl_poll_joined(p), m->njoined);
    const xl_poll_tally *open = xl_poll_open_tally(p);
    if (m->open_page < 0 && open) DIFFER("%d.%d open, want none", open->page, open->question);
    if (m->open_page >= 0 && (!open || open->page != m->open_page || open->question != m->open_q || open->closed))
        DIFFER("the open question is not %d.%d", m->open_page, m->open_q);
    int tallies = 0;
    for (int pg = 0; pg < REF_PAGES; pg++)
        for (int q = 0; q < REF_QS; q++) {
            const xl_poll_tally *t = xl_poll_find(p, pg, q);
            if (!m->opened[pg][q]) {
                if (t) DIFFER("%d.%d has a tally, never opened", pg, q);
                continue;
            }
            tallies++;
            if (!t) DIFFER("%d.%d has no tally", pg, q);
            if (t->noptions != m->noptions[pg][q]) DIFFER("%d.%d has %d options", pg, q, t->noptions);
            int hist[XL_POLL_OPTIONS_MAX] = {0}, voted = 0, sum = 0;
            for (int d = 0; d < XL_POLL_DEVICES_MAX; d++) {
                const int k = m->choice[pg][q][d];
                if (t->choice[d] != k) DIFFER("device %d's choice on %d.%d: %d, want %d", d, pg, q, t->choice[d], k);
                if (k >= 0) {
                    hist[k]++;
                    voted++;
                }
            }
            for (int k = 0; k < XL_POLL_OPTIONS_MAX; k++) {
                if (t->counts[k] != hist[k]) DIFFER("%d.%d counts[%d] = %d, want %d", pg, q, k, t->counts[k], hist[k]);
                sum += t->counts[k];
            }
            if (t->voted != voted || sum != voted) DIFFER("%d.%d voted %d (sum %d), want %d", pg, q, t->voted, sum, voted);
            if (t->times_closed != m->closes[pg][q])
                DIFFER("%d.%d closed %d times, want %d", pg, q, t->times_closed, m->closes[pg][q]);
            if (t->closed != !(pg == m->open_page && q == m->open_q)) DIFFER("%d.%d closed = %d", pg, q, t->closed);
        }
    if (xl_poll_count(p) != tallies) DIFFER("%d tallies, want %d", xl_poll_count(p), tallies);
    return NULL;
}

/* One random sequence of operations (seed), checked after each. */
static void run_sequence(uint64_t seed, int ops)
{
    xl_rng rng = xl_rng_make(seed);
    xl_poll *p = xl_poll_create();
    ck_assert_ptr_nonnull(p);
    ref_model *m = calloc(1, sizeof *m);
    ck_assert_ptr_nonnull(m);
    m->open_page = m->open_q = -1;
    memset(m->choice, -1, sizeof m->choice);
    /* Each question keeps its options for the whole class, as a lesson's do. */
    for (int pg = 0; pg < REF_PAGES; pg++)
        for (int q = 0; q < REF_QS; q++) m->noptions[pg][q] = 2 + rnd(&rng, 3);
    long counted = 0, repeats = 0, refused = 0;
    for (int i = 0; i < ops; i++) {
        const unsigned long serial = xl_poll_serial(p);
        const int what = rnd(&rng, 100);
        int changed = 0;
        if (what < 10) { /* a join, sometimes again, sometimes out of range */
            const int d = rnd(&rng, REF_DEVICES + 2) - 1;
            const int rc = xl_poll_join(p, d);
            if (d < 0) ck_assert_int_eq(rc, -1);
            else {
                ck_assert_int_eq(rc, m->joined[d] ? 0 : 1);
                if (!m->joined[d]) {
                    m->joined[d] = 1;
                    m->njoined++;
                    changed = 1;
                }
            }
        } else if (what < 16) { /* the player asks another question, or the same */
            const int pg = rnd(&rng, REF_PAGES), q = rnd(&rng, REF_QS);
            ck_assert_int_eq(xl_poll_open(p, pg, q, m->noptions[pg][q]), 0);
            if (pg != m->open_page || q != m->open_q) {
                if (m->open_page >= 0) m->closes[m->open_page][m->open_q]++;
                m->open_page = pg;
                m->open_q = q;
                m->opened[pg][q] = 1;
                changed = 1;
            }
        } else if (what < 20) { /* answered, revealed, page left */
            xl_poll_close(p);
            if (m->open_page >= 0) {
                m->closes[m->open_page][m->open_q]++;
                m->open_page = m->open_q = -1;
                changed = 1;
            }
        } else { /* a vote: mostly on the open question, some on others, some bad */
            const int d = rnd(&rng, REF_DEVICES + 2) - 1;
            int pg = m->open_page >= 0 && rnd(&rng, 10) < 8 ? m->open_page : rnd(&rng, REF_PAGES);
            int q = m->open_page >= 0 && pg == m->open_page && rnd(&rng, 10) < 9 ? m->open_q : rnd(&rng, REF_QS);
            const int k = rnd(&rng, XL_POLL_OPTIONS_MAX + 2) - 1;
            const int rc = xl_poll_vote(p, d, pg, q, k);
            const int ok = d >= 0 && m->joined[d] && pg == m->open_page && q == m->open_q && k >= 0 &&
                           k < m->noptions[pg][q];
            if (!ok) {
                ck_assert_int_eq(rc, -1);
                refused++;
            } else if (m->choice[pg][q][d] == k) {
                ck_assert_int_eq(rc, 0);
                repeats++;
            } else {
                ck_assert_int_eq(rc, 1);
                m->choice[pg][q][d] = k;
                changed = 1;
                counted++;
            }
        }
        if (changed ? xl_poll_serial(p) <= serial : xl_poll_serial(p) != serial)
            ck_abort_msg("seed %llu, operation %d: the serial %s", (unsigned long long)seed, i,
                         changed ? "did not move on a change" : "moved without a change");
        const char *why = disagreement(p, m);
        if (why) ck_abort_msg("seed %llu, operation %d: %s", (unsigned long long)seed, i, why);
    }
    /* The sequence did exercise every path. */
    ck_assert_int_gt(counted, 50);
    ck_assert_int_gt(repeats, 5);
    ck_assert_int_gt(refused, 50);
    free(m);
    xl_poll_destroy(p);
}

START_TEST(test_random_sequences)
{
    for (uint64_t seed = 1; seed <= 30; seed++) run_sequence(seed, 1500);
}
END_TEST

START_TEST(test_refused_change_nothing)
{
    xl_poll *p = xl_poll_create();
    ck_assert_ptr_nonnull(p);
    ck_assert_ptr_null(xl_poll_open_tally(p));
    ck_assert_int_eq(xl_poll_join(p, 3), 1);
    ck_assert_int_eq(xl_poll_join(p, 3), 0);
    ck_assert_int_eq(xl_poll_join(p, -1), -1);
    ck_assert_int_eq(xl_poll_join(p, XL_POLL_DEVICES_MAX), -1);
    ck_assert_int_eq(xl_poll_join(p, XL_POLL_DEVICES_MAX - 1), 1);
    ck_assert_int_eq(xl_poll_joined(p), 2);
    ck_assert_int_eq(xl_poll_vote(p, 3, 0, 0, 0), -1); /* nothing open */
    ck_assert_int_eq(xl_poll_open(p, 2, 1, 3), 0);
    const unsigned long serial = xl_poll_serial(p);
    ck_assert_int_eq(xl_poll_vote(p, 4, 2, 1, 0), -1);                   /* not joined */
    ck_assert_int_eq(xl_poll_vote(p, -1, 2, 1, 0), -1);                  /* out of range */
    ck_assert_int_eq(xl_poll_vote(p, XL_POLL_DEVICES_MAX, 2, 1, 0), -1); /* out of range */
    ck_assert_int_eq(xl_poll_vote(p, 3, 2, 0, 0), -1);                   /* another question */
    ck_assert_int_eq(xl_poll_vote(p, 3, 1, 1, 0), -1);                   /* another page */
    ck_assert_int_eq(xl_poll_vote(p, 3, 2, 1, 3), -1);                   /* no 4th option */
    ck_assert_int_eq(xl_poll_vote(p, 3, 2, 1, -1), -1);
    ck_assert_uint_eq(xl_poll_serial(p), serial);
    const xl_poll_tally *t = xl_poll_open_tally(p);
    ck_assert_int_eq(t->voted, 0);
    for (int k = 0; k < XL_POLL_OPTIONS_MAX; k++) ck_assert_int_eq(t->counts[k], 0);
    for (int d = 0; d < XL_POLL_DEVICES_MAX; d++) ck_assert_int_eq(t->choice[d], -1);
    /* The last device counts like the first. */
    ck_assert_int_eq(xl_poll_vote(p, XL_POLL_DEVICES_MAX - 1, 2, 1, 2), 1);
    ck_assert_int_eq(t->counts[2], 1);
    /* Closed: final. */
    xl_poll_close(p);
    ck_assert_int_eq(xl_poll_vote(p, 3, 2, 1, 0), -1);
    ck_assert_int_eq(t->counts[0], 0);
    ck_assert_int_eq(t->voted, 1);
    /* Bad opens change nothing. */
    const unsigned long s2 = xl_poll_serial(p);
    ck_assert_int_eq(xl_poll_open(p, 0, 0, 1), -1);
    ck_assert_int_eq(xl_poll_open(p, 0, 0, XL_POLL_OPTIONS_MAX + 1), -1);
    ck_assert_int_eq(xl_poll_open(p, -1, 0, 2), -1);
    ck_assert_int_eq(xl_poll_open(p, 0, -1, 2), -1);
    ck_assert_uint_eq(xl_poll_serial(p), s2);
    ck_assert_int_eq(xl_poll_count(p), 1);
    ck_assert_ptr_null(xl_poll_at(p, 1));
    ck_assert_ptr_null(xl_poll_at(p, -1));
    ck_assert_ptr_eq(xl_poll_at(p, 0), t);
    /* Clearing: a new class, and the serial moves on. */
    xl_poll_clear(p);
    ck_assert_uint_gt(xl_poll_serial(p), s2);
    ck_assert_int_eq(xl_poll_joined(p), 0);
    ck_assert_int_eq(xl_poll_count(p), 0);
    ck_assert_ptr_null(xl_poll_find(p, 2, 1));
    xl_poll_destroy(p);
}
END_TEST

START_TEST(test_reopen_keeps_votes)
{
    xl_poll *p = xl_poll_create();
    for (int d = 0; d < 5; d++) xl_poll_join(p, d);
    ck_assert_int_eq(xl_poll_open(p, 3, 0, 4), 0);
    ck_assert_int_eq(xl_poll_vote(p, 0, 3, 0, 1), 1);
    ck_assert_int_eq(xl_poll_vote(p, 1, 3, 0, 1), 1);
    ck_assert_int_eq(xl_poll_vote(p, 2, 3, 0, 3), 1);
    ck_assert_int_eq(xl_poll_vote(p, 2, 3, 0, 3), 0); /* the same again */
    ck_assert_int_eq(xl_poll_vote(p, 1, 3, 0, 0), 1); /* changed */
    const xl_poll_tally *t = xl_poll_find(p, 3, 0);
    ck_assert_int_eq(t->counts[0], 1);
    ck_assert_int_eq(t->counts[1], 1);
    ck_assert_int_eq(t->counts[3], 1);
    ck_assert_int_eq(t->voted, 3);
    xl_poll_close(p);
    ck_assert_int_eq(t->closed, 1);
    ck_assert_int_eq(t->times_closed, 1);
    xl_poll_close(p); /* none open: nothing */
    ck_assert_int_eq(t->times_closed, 1);
    ck_assert_int_eq(xl_poll_open(p, 3, 0, 4), 0); /* the page shown again */
    ck_assert_ptr_eq(xl_poll_open_tally(p), t);
    ck_assert_int_eq(t->closed, 0);
    ck_assert_int_eq(t->voted, 3);
    ck_assert_int_eq(xl_poll_vote(p, 0, 3, 0, 3), 1);
    ck_assert_int_eq(t->counts[1], 0);
    ck_assert_int_eq(t->counts[3], 2);
    /* Opening another closes this one. */
    ck_assert_int_eq(xl_poll_open(p, 4, 1, 2), 0);
    ck_assert_int_eq(t->closed, 1);
    ck_assert_int_eq(t->times_closed, 2);
    ck_assert_int_eq(xl_poll_count(p), 2);
    ck_assert_int_eq(xl_poll_at(p, 0)->page, 3);
    ck_assert_int_eq(xl_poll_at(p, 1)->page, 4);
    /* Rewritten with fewer options (a reload): its counts start again. */
    ck_assert_int_eq(xl_poll_open(p, 3, 0, 3), 0);
    ck_assert_int_eq(t->noptions, 3);
    ck_assert_int_eq(t->voted, 0);
    ck_assert_int_eq(t->counts[3], 0);
    ck_assert_int_eq(t->choice[0], -1);
    xl_poll_destroy(p);
}
END_TEST

START_TEST(test_split)
{
    xl_poll *p = xl_poll_create();
    ck_assert_int_eq(xl_poll_split_shown(p), 0);
    ck_assert_int_eq(xl_poll_open(p, 1, 0, 2), 0);
    unsigned long serial = xl_poll_serial(p);
    xl_poll_set_split(p, 1);
    ck_assert_int_eq(xl_poll_split_shown(p), 1);
    ck_assert_uint_gt(xl_poll_serial(p), serial);
    serial = xl_poll_serial(p);
    xl_poll_set_split(p, 5); /* shown already */
    ck_assert_uint_eq(xl_poll_serial(p), serial);
    ck_assert_int_eq(xl_poll_open(p, 1, 0, 2), 0); /* open already: nothing */
    ck_assert_uint_eq(xl_poll_serial(p), serial);
    ck_assert_int_eq(xl_poll_split_shown(p), 1);
    xl_poll_close(p); /* the reveal: the bars stay */
    ck_assert_int_eq(xl_poll_split_shown(p), 1);
    ck_assert_int_eq(xl_poll_open(p, 1, 0, 2), 0); /* the same again: still shown */
    ck_assert_int_eq(xl_poll_split_shown(p), 1);
    ck_assert_int_eq(xl_poll_open(p, 2, 0, 2), 0); /* another: hidden */
    ck_assert_int_eq(xl_poll_split_shown(p), 0);
    xl_poll_set_split(p, 1);
    xl_poll_close(p);
    ck_assert_int_eq(xl_poll_open(p, 1, 0, 2), 0); /* an older one: hidden too */
    ck_assert_int_eq(xl_poll_split_shown(p), 0);
    xl_poll_destroy(p);
}
END_TEST

START_TEST(test_table_full)
{
    xl_poll *p = xl_poll_create();
    ck_assert_int_eq(xl_poll_join(p, 0), 1);
    for (int i = 0; i < XL_POLL_QUESTIONS_MAX; i++) ck_assert_int_eq(xl_poll_open(p, i / 4, i % 4, 2), 0);
    ck_assert_int_eq(xl_poll_count(p), XL_POLL_QUESTIONS_MAX);
    const xl_poll_tally *last = xl_poll_open_tally(p);
    ck_assert_int_eq(xl_poll_vote(p, 0, last->page, last->question, 1), 1);
    const unsigned long serial = xl_poll_serial(p);
    /* One more: refused, and nothing changes (the last stays open with its vote). */
    ck_assert_int_eq(xl_poll_open(p, 999, 0, 2), -1);
    ck_assert_uint_eq(xl_poll_serial(p), serial);
    ck_assert_ptr_eq(xl_poll_open_tally(p), last);
    ck_assert_int_eq(xl_poll_count(p), XL_POLL_QUESTIONS_MAX);
    ck_assert_ptr_null(xl_poll_find(p, 999, 0));
    /* The ones it has still open, with their votes. */
    ck_assert_int_eq(xl_poll_open(p, 0, 0, 2), 0);
    ck_assert_int_eq(xl_poll_vote(p, 0, 0, 0, 0), 1);
    ck_assert_int_eq(xl_poll_find(p, 0, 0)->counts[0], 1);
    ck_assert_int_eq(last->counts[1], 1);
    ck_assert_int_eq(last->times_closed, 1);
    xl_poll_destroy(p);
}
END_TEST

/* A revealed round is final: asked again, the question starts a new round from zero
 * with its split hidden; forgetting drops the tallies and keeps the devices. */
START_TEST(test_reveal_starts_a_new_round)
{
    xl_poll *p = xl_poll_create();
    ck_assert_ptr_nonnull(p);
    for (int d = 0; d < 4; d++) ck_assert_int_eq(xl_poll_join(p, d), 1);
    ck_assert_int_eq(xl_poll_open(p, 2, 1, 3), 0);
    ck_assert_int_eq(xl_poll_vote(p, 0, 2, 1, 0), 1);
    ck_assert_int_eq(xl_poll_vote(p, 1, 2, 1, 2), 1);
    xl_poll_set_split(p, 1);
    const xl_poll_tally *t = xl_poll_open_tally(p);
    unsigned long serial = xl_poll_serial(p);
    xl_poll_reveal(p);
    ck_assert_int_gt(xl_poll_serial(p), serial);
    ck_assert_ptr_null(xl_poll_open_tally(p));
    ck_assert_int_eq(t->revealed, 1);
    ck_assert_int_eq(t->rounds, 1);
    ck_assert_int_eq(t->voted, 2); /* final, kept for the presenter and the log */
    ck_assert_int_eq(xl_poll_split_shown(p), 1);
    ck_assert_int_eq(xl_poll_vote(p, 2, 2, 1, 1), -1);
    xl_poll_reveal(p); /* none open: nothing */
    ck_assert_int_eq(t->rounds, 1);
    ck_assert_int_eq(xl_poll_open(p, 2, 1, 3), 0);
    ck_assert_int_eq(t->revealed, 0);
    ck_assert_int_eq(t->voted, 0);
    ck_assert_int_eq(t->counts[0] + t->counts[1] + t->counts[2], 0);
    for (int d = 0; d < 4; d++) ck_assert_int_eq(t->choice[d], -1);
    ck_assert_int_eq(xl_poll_split_shown(p), 0);
    ck_assert_int_eq(xl_poll_vote(p, 0, 2, 1, 1), 1);
    /* Left, not revealed: reopened with its votes. */
    xl_poll_close(p);
    ck_assert_int_eq(t->revealed, 0);
    ck_assert_int_eq(t->rounds, 1);
    ck_assert_int_eq(xl_poll_open(p, 2, 1, 3), 0);
    ck_assert_int_eq(t->counts[1], 1);
    serial = xl_poll_serial(p);
    xl_poll_forget(p);
    ck_assert_int_gt(xl_poll_serial(p), serial);
    ck_assert_int_eq(xl_poll_count(p), 0);
    ck_assert_ptr_null(xl_poll_open_tally(p));
    ck_assert_ptr_null(xl_poll_find(p, 2, 1));
    ck_assert_int_eq(xl_poll_joined(p), 4);
    ck_assert_int_eq(xl_poll_join(p, 3), 0);
    xl_poll_destroy(p);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("poll");
    const xl_test_case cases[] = {
        {"random sequences against a reference", test_random_sequences},
        {"refused calls change nothing", test_refused_change_nothing},
        {"reopened keeps its votes", test_reopen_keeps_votes},
        {"the split", test_split},
        {"the table full", test_table_full},
        {"a reveal starts a new round", test_reveal_starts_a_new_round},
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}
