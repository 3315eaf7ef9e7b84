/* xl_scn_softmax: the softmax classifier scenario (see xl_scn_softmax.h).
 *
 * The model is the classifier's: parameters z, Q = softmax(z), loss H(P,Q), floor H(P),
 * gradient q - p. The landscape has an exact fast path (one log per cell) and, for
 * the slice of logits a and b, a closed-form minimum q_a = p_a, q_b = p_b, or a valley
 * when p_a + p_b = 1 (xl_landscape.h derives both).
 */
#include "xl_scn_softmax.h"
#include "xl_i18n.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xl_format.h"
#include "xl_info.h"
#include "xl_rng.h"

/* The default classes' names: data kept in English in the state (so a state link means
 * the same in every language), drawn in the interface's language (xl_bars.names_words). */
static const char *const bird_names[] = {
    /* TRANSLATORS: the softmax scene's default classes: birds whose song is heard. */
    N_("robin"), N_("sparrow"), N_("finch"), N_("wren"), N_("blackbird"), N_("thrush"),
    N_("starling"), N_("swallow"), N_("warbler"), N_("lark"), N_("magpie"), N_("nightingale"),
};
enum { BIRD_COUNT = (int)(sizeof bird_names / sizeof bird_names[0]), DEFAULT_CLASSES = 5 };

static void random_logits(xl_softmax_state *st, uint64_t seed)
{
    xl_rng rng = xl_rng_make(seed);
    for (int i = 0; i < XL_MAX_CLASSES; i++)
        st->z0[i] = i < st->c.n ? xl_rng_range(&rng, -3.0, 3.0) : 0.0;
}

/* n classes: bird names then "class k", uniform P, logits uniform in [-3, 3) from seed.
 * Returns 0, or -1 if n is out of 2..XL_MAX_CLASSES. */
static int set_classes(xl_softmax_state *st, int n, uint64_t seed)
{
    assert(st != NULL);
    if (n < 2 || n > XL_MAX_CLASSES)
        return -1;
    memset(st, 0, sizeof *st);
    xl_classifier_init(&st->c, n);
    for (int i = 0; i < n && i < BIRD_COUNT; i++)
        xl_classifier_set_name(&st->c, i, bird_names[i]);
    random_logits(st, seed);
    memcpy(st->p0, st->c.p, sizeof st->p0);
    return 0;
}

/* The built-in five-class scene (seed 0: the story logits; else drawn from seed). */
static void default_scene(xl_softmax_state *st, uint64_t seed)
{
    assert(st != NULL);
    static const double p[DEFAULT_CLASSES] = { 0.40, 0.25, 0.15, 0.12, 0.08 };
    /* The untrained model of the built-in scene is sure the song is a blackbird
     * (q = 0.78), the rarest bird in P: a wrong, confident start that learning visibly
     * corrects. */
    static const double story[DEFAULT_CLASSES] = { -0.5, -2.5, -3.0, 1.0, 2.5 };
    set_classes(st, DEFAULT_CLASSES, seed);
    memcpy(st->c.p, p, sizeof p);
    memcpy(st->p0, p, sizeof p);
    if (seed == 0)
        memcpy(st->z0, story, sizeof story);
}

static const xl_param_def params[] = {
    { "classes", DEFAULT_CLASSES, 2, XL_MAX_CLASSES, 1, N_("number of classes (5: the built-in bird-song scene)") },
};

static const xl_readout_def readouts[] = {
    { "loss", "H(P,Q)", XL_READOUT_INFO, N_("cross-entropy: the loss") },
    { "entropy", "H(P)", XL_READOUT_INFO, N_("entropy: inherent") },
    { "kl", "D_KL(P‖Q)", XL_READOUT_INFO, N_("KL: the imperfection") },
};

static int init(void *state, const double *values, uint64_t seed, char *err, size_t errlen)
{
    xl_softmax_state *st = state;
    int n = (int)values[0];
    if (n == DEFAULT_CLASSES) {
        default_scene(st, seed);
        return 0;
    }
    if (set_classes(st, n, seed) != 0) {
        snprintf(err, errlen, "classes must be 2 to %d", XL_MAX_CLASSES);
        return -1;
    }
    return 0;
}

static xl_model model(const void *state)
{
    const xl_softmax_state *st = state;
    return xl_classifier_model(&st->c);
}

static void start(const void *state, double *theta0)
{
    const xl_softmax_state *st = state;
    memcpy(theta0, st->z0, (size_t)st->c.n * sizeof(double));
}

static int item_count(const void *state)
{
    const xl_softmax_state *st = state;
    return st->c.n;
}

/* "names a,b,c": comma-separated, one per class, none empty: all checked before any is set. */
static xl_apply_result set_names(xl_classifier *c, const char *text, char *err, size_t errlen)
{
    const char *names[XL_MAX_CLASSES] = {0};
    size_t lens[XL_MAX_CLASSES] = {0};
    const int n = c->n;
    int count = 0;
    for (const char *at = text;; count++) {
        const char *comma = strchr(at, ',');
        size_t len = comma ? (size_t)(comma - at) : strlen(at);
        if (count >= n || len == 0 || len >= XL_NAME_MAX) {
            count = -1;
            break;
        }
        names[count] = at;
        lens[count] = len;
        if (!comma) {
            count++;
            break;
        }
        at = comma + 1;
    }
    if (count != n) {
        snprintf(err, errlen,
                 "names needs %d names, one per class, separated by commas, none empty and none over %d bytes", n,
                 XL_NAME_MAX - 1);
        return XL_APPLY_REFUSED;
    }
    for (int i = 0; i < count; i++) { /* count == n: every name was found above */
        char name[XL_NAME_MAX];
        memcpy(name, names[i], lens[i]);
        name[lens[i]] = '\0';
        xl_classifier_set_name(c, i, name);
    }
    return XL_APPLY_DONE;
}

/* The softmax's verbs: edits of the true P on the selected class, and the starting
 * logits and the classes' names for scripts and lessons. */
enum { V_P_UP, V_P_DOWN, V_ONEHOT, V_UNIFORM, V_P_RESTORE, V_SET_LOGITS, V_NAMES, V_COUNT };
static const xl_verb_def verbs[V_COUNT] = {
    [V_P_UP] = {"p-up", XL_ARG_NONE, 0, 0, "p-up", N_("raise the selected class's p by 0.05 (the rest renormalized)"),
                {{XL_KEY_UP, 0}}, N_("↑/↓ p"), NULL, 0},
    [V_P_DOWN] = {"p-down", XL_ARG_NONE, 0, 0, "p-down", N_("lower the selected class's p by 0.05"),
                  {{XL_KEY_DOWN, 0}}, NULL, NULL, 0},
    [V_ONEHOT] = {"onehot", XL_ARG_NONE, 0, 0, "onehot", N_("P one-hot on the selected class"), {{'o', 0}}, N_("O one-hot"),
                  NULL, 0},
    [V_UNIFORM] = {"uniform", XL_ARG_NONE, 0, 0, "uniform", N_("P uniform"), {{'u', 0}}, N_("U uniform"), NULL, 0},
    [V_P_RESTORE] = {"p-restore", XL_ARG_NONE, 0, 0, "p-restore", N_("P back to the scenario's start (reset keeps P)"),
                     {{'p', 0}}, N_("P restore P"), NULL, 0},
    [V_SET_LOGITS] = {"set-logits", XL_ARG_LIST, 0, 0, "set-logits Z1,Z2,...",
                      "the starting logits (the runs restart from them)", {{0}}, NULL,
                      "a count other than one per class, or a logit beyond ±1e300", 0},
    [V_NAMES] = {"names", XL_ARG_NAMES, 0, 0, "names A,B,...", "the classes' names, one per class", {{0}}, NULL,
                 "a count other than one per class, or a name empty or of 24 bytes or more", 0},
};

static xl_apply_result apply(void *state, const xl_command *cmd, int verb, int selected, char *err, size_t errlen)
{
    xl_softmax_state *st = state;
    xl_classifier *c = &st->c;
    switch (verb) {
    case V_P_UP:
        xl_classifier_nudge(c, selected, 0.05);
        return XL_APPLY_DONE;
    case V_P_DOWN:
        xl_classifier_nudge(c, selected, -0.05);
        return XL_APPLY_DONE;
    case V_ONEHOT:
        xl_classifier_set_onehot(c, selected);
        return XL_APPLY_DONE;
    case V_UNIFORM:
        xl_classifier_set_uniform(c);
        return XL_APPLY_DONE;
    case V_P_RESTORE:
        memcpy(c->p, st->p0, (size_t)c->n * sizeof(double));
        xl_classifier_touch(c);
        return XL_APPLY_DONE;
    case V_NAMES:
        return set_names(c, cmd->name, err, errlen);
    case V_SET_LOGITS:
        if (cmd->count != c->n) {
            snprintf(err, errlen, "set-logits needs %d logits, one per class, not %d", c->n, cmd->count);
            return XL_APPLY_REFUSED;
        }
        for (int i = 0; i < c->n; i++)
            if (!(fabs(cmd->list[i]) <= XL_MAX_LOGIT)) {
                snprintf(err, errlen, "set-logits: each logit must lie within ±1e300");
                return XL_APPLY_REFUSED;
            }
        memcpy(st->z0, cmd->list, (size_t)c->n * sizeof(double));
        return XL_APPLY_RESTART;
    default:
        break;
    }
    if (cmd->kind != XL_CMD_SET_P)
        return XL_APPLY_NOT_MINE;
    double w[XL_MAX_CLASSES];
    if (cmd->count != c->n) {
        snprintf(err, errlen, "set-p needs %d weights, one per class, not %d", c->n, cmd->count);
        return XL_APPLY_REFUSED;
    }
    memcpy(w, cmd->list, (size_t)c->n * sizeof(double));
    if (xl_normalize(w, c->n) != 0) {
        snprintf(err, errlen, "set-p needs non-negative weights, not all zero");
        return XL_APPLY_REFUSED;
    }
    xl_classifier_set_p(c, w);
    return XL_APPLY_DONE;
}

static void readout_values(const void *state, const double *theta, double *out)
{
    const xl_softmax_state *st = state;
    out[0] = xl_classifier_loss(&st->c, theta);
    out[1] = xl_entropy(st->c.p, st->c.n, XL_NATS);
    double gap = out[0] - out[1];
    /* Gibbs: KL >= 0; a residue of rounding below 0 is 0 (xl_sim decides the same). */
    out[2] = gap < 0.0 && -gap <= 64.0 * 2.220446049250313e-16 * (fabs(out[0]) + fabs(out[1])) ? 0.0 : gap;
}

/* 1 if class i still has its default name (not one a lesson's @names or "names" set). */
static int default_name(const xl_softmax_state *st, int i)
{
    return i < BIRD_COUNT && strcmp(st->c.names[i], bird_names[i]) == 0;
}

static void bars(const void *state, const double *theta, int selected, xl_bars *out)
{
    const xl_softmax_state *st = state;
    out->n = st->c.n;
    for (int i = 0; i < st->c.n; i++) {
        out->names[i] = st->c.names[i];
        out->p[i] = st->c.p[i];
        if (default_name(st, i)) out->names_words |= (uint64_t)1 << i;
    }
    xl_log_softmax(theta, st->c.n, out->logq);
    out->selected = selected;
    out->title = N_("TRUE P vs PREDICTED Q");
    out->caption = N_("Q = softmax(z) learns P");
    out->logits = theta;
    out->q_label = N_("Q = softmax(z)");
    out->edit = XL_BARS_RENORMALIZE;
}

static int slice_minimum(const void *state, const double *theta, int a, int b, double *x, double *y)
{
    const xl_softmax_state *st = state;
    return xl_classifier_slice_minimum(&st->c, theta, a, b, x, y);
}

static int slice_valley(const void *state, int a, int b, double *d)
{
    const xl_softmax_state *st = state;
    return xl_classifier_slice_valley(&st->c, a, b, d);
}

/* With every p > 0 the loss is least where softmax(z) = P: z* = log p + c. A step of
 * gradient descent keeps the sum of the logits (sum (q - p) = 0), so c puts z* at the
 * start's mean: the minimum the run is heading for. One-hot or sparse P: at infinity. */
static int optimum(const void *state, const double *theta0, double *theta)
{
    const xl_softmax_state *st = state;
    int n = st->c.n;
    double mean0 = 0.0, mean = 0.0;
    for (int i = 0; i < n; i++) {
        if (!(st->c.p[i] > 0.0))
            return 0;
        theta[i] = log(st->c.p[i]);
        mean0 += theta0[i] / n;
        mean += theta[i] / n;
    }
    for (int i = 0; i < n; i++)
        theta[i] += mean0 - mean;
    return 1;
}

static const char *slice_note(const void *state, int a, int b, int valley)
{
    const xl_softmax_state *st = state;
    (void)a;
    (void)b;
    if (valley)
        return st->c.n == 2 ? N_("N = 2: only z₁ − z₂ matters, so every point on the dashed valley is a minimum")
                            : N_("the other classes have p = 0: only the difference of these logits matters");
    if (st->c.n == 3)
        return N_("N = 3: softmax ignores a common shift of z, so this slice is the whole landscape");
    return N_("the other logits stay at their current values");
}

static void keep_start(void *state)
{
    xl_softmax_state *st = state;
    memcpy(st->p0, st->c.p, sizeof st->p0);
}

static int landscape(const void *state, xl_landscape *ls, const double *theta, int a, int b, double xlo, double xhi,
                     double ylo, double yhi)
{
    const xl_softmax_state *st = state;
    return xl_classifier_landscape_box(ls, &st->c, theta, a, b, xlo, xhi, ylo, yhi);
}


/* The scene in words (xl_describe.h): the bars, the most probable true class. */
static int describe(const void *state, const double *theta, const double *readouts, int selected, double unit_scale,
                    const char *unit_name, xl_tr_fn tr, char *buf, size_t n)
{
    const xl_softmax_state *st = state;
    (void)theta, (void)readouts, (void)selected, (void)unit_scale, (void)unit_name;
    int top = 0;
    for (int i = 1; i < st->c.n; i++)
        if (st->c.p[i] > st->c.p[top]) top = i;
    int ties = 0;
    for (int i = 0; i < st->c.n; i++) ties += st->c.p[i] == st->c.p[top];
    char p[48];
    /* The bars panel's and the readouts' form of a probability. */
    xl_format_prob_log(p, sizeof p, st->c.p[top] > 0.0 ? log(st->c.p[top]) : -INFINITY, 3);
    /* Each case a whole sentence (xl_i18n.h). */
    if (ties == st->c.n)
        snprintf(buf, n,
                 xl_tr(tr, N_("The bars compare the true distribution P over %d classes with the model's prediction "
                              "Q = softmax(z); P is uniform: every class has p = %s.")),
                 st->c.n, p);
    else if (ties > 1)
        snprintf(buf, n,
                 xl_tr(tr, N_("The bars compare the true distribution P over %d classes with the model's prediction "
                              "Q = softmax(z); %d classes share the largest p = %s, %s first.")),
                 st->c.n, ties, p, default_name(st, top) ? xl_tr(tr, st->c.names[top]) : st->c.names[top]);
    else
        snprintf(buf, n,
                 xl_tr(tr, N_("The bars compare the true distribution P over %d classes with the model's prediction "
                              "Q = softmax(z); the most probable class is %s, p = %s.")),
                 st->c.n, default_name(st, top) ? xl_tr(tr, st->c.names[top]) : st->c.names[top], p);
    return 1;
}

const xl_scenario_def xl_scenario_softmax = {
    .id = "softmax",
    .title = N_("softmax classifier"),
    .summary = N_("bird-song classifier: Q = softmax(z) learns the true P by cross-entropy"),
    .item_noun = N_("class"),
    .state_size = sizeof(xl_softmax_state),
    .params = params,
    .param_count = (int)(sizeof params / sizeof params[0]),
    .readouts = readouts,
    .readout_count = (int)(sizeof readouts / sizeof readouts[0]),
    .panels = XL_PANEL_BARS | XL_PANEL_READOUTS | XL_PANEL_LANDSCAPE | XL_PANEL_HISTORY,
    .identity_note = N_("Learning can only remove the KL part: as Q → P, H(P,Q) falls to H(P)."),
    .init = init,
    .model = model,
    .start = start,
    .item_count = item_count,
    .apply = apply,
    .verbs = verbs,
    .verb_count = V_COUNT,
    .readout_values = readout_values,
    .bars = bars,
    .slice_minimum = slice_minimum,
    .slice_valley = slice_valley,
    .slice_note = slice_note,
    .optimum = optimum,
    .landscape = landscape,
    .keep_start = keep_start,
    .describe = describe,
};
