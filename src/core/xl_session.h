/* xl_session: the sandbox: a softmax classifier learning under gradient descent,
 * plus the state a user steers (play/pause, selected class, logarithm unit, which
 * two logits the landscape shows, steps per second).
 *
 * Time enters only through xl_session_advance, which turns elapsed seconds into a
 * whole number of fixed simulation steps; everything else is a pure function of the
 * commands applied, so a recorded command list replays to the same numbers.
 */
#ifndef XL_SESSION_H
#define XL_SESSION_H

#include <stdint.h>
#include "xl_classifier.h"
#include "xl_command.h"
#include "xl_info.h"
#include "xl_landscape.h"
#include "xl_sim.h"

enum { XL_DEFAULT_STEPS_PER_SECOND = 30, XL_DEFAULT_GRID = 256 };
#define XL_DEFAULT_LR 0.5
#define XL_DEFAULT_RANGE 6.0
/* Largest |z| a session starts from. Logits up to 1e300 keep every difference z_i - z_j,
 * every loss term p_i (max z - z_i), the landscape range and its coordinates finite, with
 * room for any number of steps (a step moves a logit by at most lr <= 100, so 1e8
 * steps add 1e10); beyond ~9e307 the difference of two logits overflows to infinity. */
#define XL_MAX_LOGIT 1e300

/* Everything a session starts from. Fill with xl_session_desc_default, then edit. */
typedef struct xl_session_desc {
    xl_classifier classifier;   /* class names and the true distribution P */
    double z0[XL_MAX_CLASSES];  /* initial logits */
    double lr;                  /* learning rate, > 0 */
    int steps_per_second;       /* while playing */
    int grid;                   /* landscape resolution G */
} xl_session_desc;

/* Seed of the built-in scene's hand-picked logits (the command line's default). */
#define XL_BUILTIN_SEED 0u

/* The default scene: the bird-song classifier over five species with a soft P,
 * lr 0.5, 30 steps/s, G = 256. Logits: for XL_BUILTIN_SEED the built-in scene's
 * (the model starts out sure of "blackbird"), for any other seed drawn from it. */
void xl_session_desc_default(xl_session_desc *d, uint64_t seed);
/* Set n classes, keeping the default bird names for the first ones ("class k" after
 * them), a uniform P and logits from seed. Returns -1 if n is out of 2..XL_MAX_CLASSES. */
int  xl_session_desc_set_classes(xl_session_desc *d, int n, uint64_t seed);
/* Initial logits drawn uniformly from [-3, 3) with the given seed. */
void xl_session_desc_random_logits(xl_session_desc *d, uint64_t seed);

typedef struct xl_session xl_session;

/* Called after every simulation step with the new sample (values in nats). */
typedef void (*xl_step_observer)(const xl_sample *sample, void *user);

/* NULL if out of memory or the desc is invalid. Free with xl_session_destroy. */
xl_session *xl_session_create(const xl_session_desc *d);
void xl_session_destroy(xl_session *s);

/* Apply a command. Returns 1 if it was a session command, 0 for view commands and
 * XL_CMD_NONE (which the caller handles). */
int  xl_session_apply(xl_session *s, xl_command cmd);
/* Let `seconds` of wall time pass: while playing, takes the whole number of steps
 * due at steps_per_second (the remainder carries over, at most one second's worth
 * per call). Returns the number of steps taken. */
int  xl_session_advance(xl_session *s, double seconds);
/* Take n steps now, playing or not (the --steps flag). */
void xl_session_run(xl_session *s, int n);
void xl_session_set_observer(xl_session *s, xl_step_observer fn, void *user);

int  xl_session_playing(const xl_session *s);
int  xl_session_selected(const xl_session *s);
xl_unit xl_session_unit(const xl_session *s);
int  xl_session_steps_per_second(const xl_session *s);
void xl_session_slice(const xl_session *s, int *a, int *b);
/* Seconds until the next step is due while playing (for the event loop's wait). */
double xl_session_time_to_next_step(const xl_session *s);

const xl_classifier *xl_session_classifier(const xl_session *s);
const xl_sim *xl_session_sim(const xl_session *s);
/* Current Q = softmax(z) into q[0..n-1]. */
void xl_session_q(const xl_session *s, double *q);
/* Current log Q = log_softmax(z) into logq[0..n-1], in nats: finite for every finite z
 * even where q underflows to 0, so surprise -log q_i is shown from this, never from q. */
void xl_session_log_q(const xl_session *s, double *logq);
/* The landscape of the current slice, recomputed if its inputs changed. The range
 * [-R, R] starts at XL_DEFAULT_RANGE and widens (never narrows until reset) so the
 * trajectory stays in view. Valid until the next call that changes the session. */
const xl_landscape *xl_session_landscape(xl_session *s);

#endif
