/* xl_sim: fixed steps of an optimizer on an xl_model, with its history.
 *
 * One step is one xl_optim_step: by default gradient descent, theta <- theta - lr *
 * dL/dtheta; momentum, Nesterov or Adam on request (xl_sim_set_optimizer). The
 * simulation knows nothing of time:
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
#include "xl_optim.h"

/* XL_MAX_PARAMS (xl_model.h) bounds the parameter count. */
enum { XL_HISTORY_CAP = 2048 };

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

/* Create a simulation of `model` starting at theta0 (param_count values, copied), with
 * gradient descent at learning rate lr. Borrows model.self, which must outlive the
 * sim. Returns NULL if out of memory or param_count is not in 1..XL_MAX_PARAMS. Free
 * with xl_sim_destroy. */
xl_sim *xl_sim_create(xl_model model, const double *theta0, double lr);
void    xl_sim_destroy(xl_sim *sim);

/* Take `count` optimizer steps (first syncing with an edited model, see xl_sim_sync).
 * A step whose gradient, parameters or loss would not be finite is not taken: the
 * status becomes XL_SIM_DIVERGED and later steps are refused until reset. Returns the
 * status after the steps. */
xl_sim_status xl_sim_step(xl_sim *sim, int count);
/* One step in which the parameters stay where they are: the step count advances and the
 * sample is recorded from the model as it is now. For a scenario whose truth moves
 * while nothing learns (learning switched off, or nothing to learn), so the history
 * still shows the loss and floor the truth's motion makes. Optimizer state untouched. A
 * non-finite loss diverges the sim as xl_sim_step would. Returns the status. */
xl_sim_status xl_sim_hold(xl_sim *sim);
/* Put the run at theta (np values, copied) at its current step, as if it had been
 * there: the current sample is rewritten from the model at theta, and the optimizer's
 * state (velocity, moments) is cleared, for momentum gathered elsewhere means nothing
 * here. A run that had diverged runs again from a finite theta. Returns 0, or -1 (nothing
 * changed) if theta is not all finite. */
int xl_sim_set_theta(xl_sim *sim, const double *theta);
/* A new start theta0 (copied) and back to it, as xl_sim_reset. -1 if not all finite. */
int xl_sim_set_theta0(xl_sim *sim, const double *theta0);
/* Back to theta0 and step 0, history cleared, optimizer state (velocity, moments,
 * step count) zeroed; kind and hyperparameters kept. The model itself is untouched. */
void xl_sim_reset(xl_sim *sim);
/* Tell the sim its model changed (e.g. P was edited): re-records the current sample
 * so readouts and history reflect the new truth at once. Always safe; needed only for
 * models without a version counter (xl_model_ops.version), which xl_sim_sync and
 * xl_sim_step otherwise notice by themselves. */
void xl_sim_model_changed(xl_sim *sim);
/* If the model's version moved on since the current sample was recorded, re-record it
 * as xl_sim_model_changed does. Returns 1 if it did, 0 if nothing had changed. */
int  xl_sim_sync(xl_sim *sim);

/* Learning rate of the optimizer (every kind has one); recorded with each sample. */
void   xl_sim_set_lr(xl_sim *sim, double lr);
double xl_sim_lr(const xl_sim *sim);
/* Switch to optimizer `kind` with `hyper` (zero fields take xl_optim_defaults, except
 * lr: 0 keeps the sim's current rate). The optimizer state starts from zero; theta,
 * step count and history are kept. Returns 0, or -1 (nothing changed) if a
 * hyperparameter is out of range (xl_optim_init). */
int    xl_sim_set_optimizer(xl_sim *sim, xl_optim_kind kind, xl_optim_hyper hyper);
/* The optimizer record: kind, resolved hyperparameters and state. Valid until the sim
 * is destroyed; its contents change with every step, reset and set_. */
const xl_optim *xl_sim_optimizer(const xl_sim *sim);
/* The step that was refused because it would have left the finite numbers (so the
 * last good state is step K - 1: "diverged at step K"); 0 if the start itself was not
 * finite, the current step if a model edit made the loss non-finite; -1 while the
 * status is XL_SIM_OK. */
long   xl_sim_diverged_at(const xl_sim *sim);
/* Make dst an exact copy of src: theta, theta0, optimizer record and state, step,
 * status, history and its parameters, bit for bit, so stepping both gives identical
 * runs. dst keeps its own model borrow, which must be the same model as src's or one
 * with equal state; both sims must have the same parameter count. A snapshot is a
 * spare sim created on the same model and copied into; restoring copies back. */
void   xl_sim_copy(xl_sim *dst, const xl_sim *src);

long   xl_sim_steps(const xl_sim *sim);
xl_sim_status xl_sim_status_get(const xl_sim *sim);
int    xl_sim_param_count(const xl_sim *sim);
/* Current parameters; valid until the next step or reset. */
const double *xl_sim_theta(const xl_sim *sim);
/* Starting parameters. */
const double *xl_sim_theta0(const xl_sim *sim);
/* The latest sample (the current state). If the model was edited since it was
 * recorded (its version moved on), loss, floor and gap are those of the model now,
 * even before xl_sim_sync writes them into the history. */
xl_sample xl_sim_current(const xl_sim *sim);

/* History: samples in step order, at most XL_HISTORY_CAP. Index 0 is the oldest (always
 * step 0); the last is always the current state (xl_sim_current), even when its step is
 * not on the sampling stride: that trailing "live" sample is replaced by the next step. */
int xl_sim_history_count(const xl_sim *sim);
const xl_sample *xl_sim_history(const xl_sim *sim);
/* Parameters at history sample i: valid until the next step or reset. */
const double *xl_sim_history_theta(const xl_sim *sim, int i);

#endif
