/* xl_sim: fixed-step gradient descent on an xl_model, with its history.
 *
 * One step is theta <- theta - lr * dL/dtheta. The simulation knows nothing of time:
 * the caller decides how many steps to take, so the same inputs give the same numbers
 * on every run, whatever the frame rate. The learning rate and the model (e.g. P) may
 * change between steps; the history records what each step saw.
 *
 * The history keeps at most XL_HISTORY_CAP samples. When it fills, every other sample
 * is dropped and the sampling stride doubles, so a long run stays whole on screen in
 * bounded memory and no step ever allocates.
 */
#ifndef XL_SIM_H
#define XL_SIM_H

#include "xl_model.h"

/* Parameters: 1024 lets the benchmark and later models (a softmax over many classes,
 * regression weights) run on the same simulation. */
enum { XL_MAX_PARAMS = 1024, XL_HISTORY_CAP = 2048 };

typedef struct xl_sim xl_sim;

/* One recorded step. Values in nats. */
typedef struct xl_sample {
    long   step;   /* step index; sample 0 is the state before any step */
    double loss;   /* L(theta) */
    double floor;  /* the model's floor, H(P) */
    double gap;    /* loss - floor, D_KL(P||Q); 0, never negative, when the two differ
                    * only by rounding (a few ulps) */
    double lr;     /* learning rate in force for the step that led here */
} xl_sample;

typedef enum xl_sim_status {
    XL_SIM_OK = 0,
    XL_SIM_DIVERGED  /* the loss or a parameter stopped being finite; steps refused */
} xl_sim_status;

/* Create a simulation of `model` starting at theta0 (param_count values, copied).
 * Borrows model.self, which must outlive the sim. Returns NULL if out of memory or
 * param_count is not in 1..XL_MAX_PARAMS. Free with xl_sim_destroy. */
xl_sim *xl_sim_create(xl_model model, const double *theta0, double lr);
void    xl_sim_destroy(xl_sim *sim);

/* Take `count` gradient steps. Returns the status after them. */
xl_sim_status xl_sim_step(xl_sim *sim, int count);
/* Back to theta0 and step 0, history cleared (the model itself is untouched). */
void xl_sim_reset(xl_sim *sim);
/* Tell the sim its model changed (e.g. P was edited): re-records the current sample
 * so readouts and history reflect the new truth at once. */
void xl_sim_model_changed(xl_sim *sim);

void   xl_sim_set_lr(xl_sim *sim, double lr);
double xl_sim_lr(const xl_sim *sim);
long   xl_sim_steps(const xl_sim *sim);
xl_sim_status xl_sim_status_get(const xl_sim *sim);
int    xl_sim_param_count(const xl_sim *sim);
/* Current parameters; valid until the next step or reset. */
const double *xl_sim_theta(const xl_sim *sim);
/* Starting parameters. */
const double *xl_sim_theta0(const xl_sim *sim);
/* The latest sample (the current state). */
xl_sample xl_sim_current(const xl_sim *sim);

/* History: samples in step order, at most XL_HISTORY_CAP. Index 0 is the oldest (always
 * step 0); the last is always the current state (xl_sim_current), even when its step is
 * not on the sampling stride: that trailing "live" sample is replaced by the next step. */
int xl_sim_history_count(const xl_sim *sim);
const xl_sample *xl_sim_history(const xl_sim *sim);
/* Parameters at history sample i: valid until the next step or reset. */
const double *xl_sim_history_theta(const xl_sim *sim, int i);

#endif
