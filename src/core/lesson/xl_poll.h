/* xl_poll: a class's votes on a lesson's questions, as data (part 12).
 *
 * Phones vote on the question a lesson is asking; the projector shows how many have
 * voted, and at the teacher's key how the votes split. This module only counts: who
 * admits a phone (the class server, src/net/) numbers it 0..XL_POLL_DEVICES_MAX-1 and the
 * poll never sees a token, a name or an address. Every change arrives as a lesson action
 * through the one dispatch path ("class-join D", "class-vote D PAGE.Q K", see
 * ui_classroom_do), so a replay of the recorded input gives the same counts, bit for bit.
 *
 * A question is named by its page and its index on the page (0-based here, written
 * 1-based in actions: "3.1" is page 3's first question) in the lesson open (a class
 * that opens another lesson forgets the tallies: xl_poll_forget). At most one is open
 * at a time: the one the lesson's player is asking (ui_classroom keeps the two in step).
 * A device has at most one vote per question and may change it while the question is
 * open. A question whose page is left before its answer is shown closes with its votes
 * and opens again with them (xl_poll_close); once answered or revealed, its round is
 * over and its counts final (xl_poll_reveal): asked again (the page shown again), it is
 * a new round from zero, since the class has seen the answer. Tallies are kept per
 * question for the whole lesson, so the log and the presenter have every question's
 * counts.
 *
 * Pure C11, no I/O, no clock. The caller owns the poll (xl_poll_create/_destroy).
 */
#ifndef XL_POLL_H
#define XL_POLL_H

enum {
    XL_POLL_DEVICES_MAX = 500,   /* phones one class admits */
    XL_POLL_OPTIONS_MAX = 4,     /* = XL_LESSON_ANSWERS */
    XL_POLL_QUESTIONS_MAX = 192  /* questions one class keeps tallies of (48 pages x 4) */
};

typedef struct xl_poll_tally {
    int page, question;                       /* 0-based */
    int noptions;                             /* 2..XL_POLL_OPTIONS_MAX */
    int counts[XL_POLL_OPTIONS_MAX];          /* votes per option now */
    int voted;                                /* devices with a vote (the sum of counts) */
    int closed;                               /* not open now (revealed, or its page left) */
    int times_closed;                         /* how often it closed, for either reason */
    int revealed;                             /* this round ended at the reveal: its counts are final */
    int rounds;                               /* rounds ended at a reveal (a row of the log each) */
    signed char choice[XL_POLL_DEVICES_MAX];  /* each device's option, -1 none */
} xl_poll_tally;

typedef struct xl_poll xl_poll;

/* An empty poll: no device joined, no question open. NULL if out of memory. */
xl_poll *xl_poll_create(void);
void xl_poll_destroy(xl_poll *p);
/* Back to empty (a new class). */
void xl_poll_clear(xl_poll *p);

/* Device d (0-based) joined. Returns 1 if new, 0 if it had joined, -1 if d is out of range. */
int xl_poll_join(xl_poll *p, int d);
/* Devices that have joined. */
int xl_poll_joined(const xl_poll *p);

/* Open question (page, q) with noptions options for votes, closing any other open one.
 * Reopening a question closed by xl_poll_close keeps its votes; one revealed starts a
 * new round (no votes, the split hidden). Returns 0, or -1 if the arguments are out
 * of range (noptions not 2..XL_POLL_OPTIONS_MAX) or the table of tallies is full. */
int xl_poll_open(xl_poll *p, int page, int q, int noptions);
/* Close the open question, its page left before the answer: its votes are kept and
 * it opens again with them. Nothing if none is open. */
void xl_poll_close(xl_poll *p);
/* Close the open question at its reveal (answered or revealed): the round is over, its
 * counts final (revealed, rounds + 1); opened again, it starts a new round from zero.
 * Nothing if none is open. */
void xl_poll_reveal(xl_poll *p);
/* Drop every tally (another lesson's questions come); the devices stay joined. */
void xl_poll_forget(xl_poll *p);

/* Device d votes option k (0-based) on question (page, q). Returns 1 if counted (a new
 * vote or a changed one), 0 if it repeats the device's vote, -1 if refused: d has not
 * joined, (page, q) is not the open question, or k is not one of its options. A refused
 * vote changes nothing. */
int xl_poll_vote(xl_poll *p, int d, int page, int q, int k);

/* The open question's tally, or NULL when none is open. */
const xl_poll_tally *xl_poll_open_tally(const xl_poll *p);
/* The tally of (page, q), or NULL if it was never opened. */
const xl_poll_tally *xl_poll_find(const xl_poll *p, int page, int q);
/* Every tally, in the order first opened: index 0..xl_poll_count(p)-1. */
int xl_poll_count(const xl_poll *p);
const xl_poll_tally *xl_poll_at(const xl_poll *p, int i);

/* The split of the open (or the last closed) question on the projector: shown or not
 * (the teacher's key, "class-split"). Opening another question hides it again, so the
 * class is not herded by the last one's bars. */
void xl_poll_set_split(xl_poll *p, int shown);
int xl_poll_split_shown(const xl_poll *p);

/* A number that changes whenever anything a phone shows may have changed (a vote, a
 * question opened or closed): the app republishes to the server when it moves. */
unsigned long xl_poll_serial(const xl_poll *p);

#endif
