/* ui_panel_regression: the regression scenario's data panel and its own-panel record
 * (see ui_panel_regression.h). This file reads the scenario's state and hands the
 * pictures plain inputs (ui_panel_regression_internal.h): the iris plane through
 * xl_regression_plane_row and xl_regression_q_at, the model's own arithmetic, so a
 * region's colour is the class the model predicts there; the digits' image, its label
 * and prediction, the weights and the attribution.
 *
 * The theta drawn is the steered run's (xl_session_sim), as the bars and readouts show.
 */
#include "ui_panel_regression.h"
#include "ui_lang.h"

#include "ui_own_panels.h"
#include "ui_panel_regression_internal.h"
#include "ui_panel_regression_side.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xl_scn_regression.h"

/* What the callbacks read: the state and the parameters. */
typedef struct model_view {
    const xl_regression_state *st;
    const double *theta;
} model_view;

static int plane_predict(const void *user, double a, double b, double *confidence)
{
    const model_view *m = user;
    double x[XL_DATASET_FEATURES_MAX], logq[XL_SOFTREG_MAX_K];
    xl_regression_plane_row(m->st, a, b, x);
    int k = xl_regression_q_at(m->st, m->theta, x, logq);
    *confidence = exp(logq[k]);
    return k;
}

static void plane_sample(const void *user, int r, ui_regression_point *out)
{
    const model_view *m = user;
    const double *raw = xl_regression_row_raw(m->st, r);
    double logq[XL_SOFTREG_MAX_K];
    out->x = raw[m->st->plot_a];
    out->y = raw[m->st->plot_b];
    out->label = xl_regression_row_label(m->st, r);
    out->predicted = xl_regression_row_q(m->st, m->theta, r, logq);
    out->test = xl_regression_row_is_test(m->st, r);
    out->file_row = xl_regression_row_original(m->st, r) + 1;
}

/* A feature's name without its unit: "sepal length (cm)" -> "sepal length". */
static void bare_name(const char *name, char *out, size_t n)
{
    snprintf(out, n, "%s", name);
    char *unit = strstr(out, " (");
    if (unit) *unit = '\0';
}

/* With all four features: the two raw columns off the plane and their training means,
 * in two wordings (long, short). */
static void slice_notes(const xl_regression_state *st, char *longer, size_t nl, char *shorter, size_t ns)
{
    char part[2][48];
    int m = 0;
    for (int col = 0; col < st->raw.d && m < 2; col++) {
        if (col == st->plot_a || col == st->plot_b) continue;
        char name[XL_DATASET_NAME_MAX + 8];
        bare_name(st->raw.feature_names[col], name, sizeof name);
        snprintf(part[m++], sizeof part[0], "%s %.2f cm", name, st->scaler.mean[col]);
    }
    if (m < 2) {
        snprintf(longer, nl, _("a slice through the other features at their training means"));
        snprintf(shorter, ns, _("a slice at the other features' training means"));
        return;
    }
    snprintf(longer, nl, _("All four features: the plane is a slice at %s, %s (their training means)"), part[0],
             part[1]);
    snprintf(shorter, ns, _("a slice at the training means: %s, %s"), part[0], part[1]);
}

static void draw_iris(const ui_ctx *ctx, SDL_Rect in, const xl_regression_state *st, const double *theta,
                      int selected, ui_claims *pl, ui_regression_geom *g)
{
    const model_view m = {st, theta};
    const char *names[UI_REGRESSION_CLASSES_MAX];
    for (int c = 0; c < st->k && c < UI_REGRESSION_CLASSES_MAX; c++) names[c] = xl_regression_class_name(st, c);
    char longer[256], shorter[192];
    const int four = xl_regression_all_four(st);
    if (four) slice_notes(st, longer, sizeof longer, shorter, sizeof shorter);
    const ui_regression_regions_in v = {
        .classes = st->k, .class_names = names,
        .x_title = st->raw.feature_names[st->plot_a], .y_title = st->raw.feature_names[st->plot_b],
        .feature_x = st->plot_ja, .feature_y = st->plot_jb,
        .predict = plane_predict, .sample = plane_sample, .user = &m,
        .n = xl_regression_rows(st), .selected = selected,
        .slice_note = four ? longer : NULL, .slice_note_short = four ? shorter : NULL,
    };
    ui_regression_regions_draw(ctx, in, &v, pl, g);
}

static void draw_digits(const ui_ctx *ctx, SDL_Rect in, const xl_regression_state *st, const double *theta,
                        int selected, ui_claims *pl, ui_regression_geom *g)
{
    ui_regression_digits_in v = {
        .classes = st->k, .image = NULL, .label = -1, .predicted = -1,
        /* A template is 64 weights, one a pixel: only a model over the 64 pixels has them. */
        .weights = st->d == UI_REGRESSION_DIGIT_SIDE * UI_REGRESSION_DIGIT_SIDE ? theta : NULL, .stride = st->d,
        .attribution = xl_regression_attribution(st),
    };
    const int pixels = UI_REGRESSION_DIGIT_SIDE * UI_REGRESSION_DIGIT_SIDE;
    if (selected >= 0 && selected < xl_regression_rows(st) && st->raw.d == pixels) {
        double logq[XL_SOFTREG_MAX_K];
        v.image = xl_regression_row_raw(st, selected);
        v.label = xl_regression_row_label(st, selected);
        v.predicted = xl_regression_row_q(st, theta, selected, logq);
        v.q_label = exp(logq[v.label]);
        v.q_predicted = exp(logq[v.predicted]);
        v.file_row = xl_regression_row_original(st, selected) + 1;
    }
    ui_regression_digits_draw(ctx, in, &v, pl, g);
}

void ui_regression_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_regression_geom *geom)
{
    ui_regression_geom local;
    ui_regression_geom *g = geom ? geom : &local;
    memset(g, 0, sizeof *g);
    g->selected = g->label = g->predicted = -1;
    const xl_regression_state *st =
        s && xl_session_scenario(s) == &xl_scenario_regression ? xl_session_state(s) : NULL;
    const int digits = st && xl_regression_kind(st) == XL_REGRESSION_DIGITS;
    /* The shorter name where the long one would be cut. */
    const char *digits_title = ui_text_width(ctx->text, UI_FONT_TITLE, _("DIGIT AND TEMPLATES")) <= area.w - 2 * ctx->pad
                                   ? _("DIGIT AND TEMPLATES")
                                   : _("TEMPLATES");
    SDL_Rect in = ui_panel_begin(ctx, area, digits ? digits_title : _("DECISION REGIONS"),
                                 digits ? _("each row of W as an 8×8 image") : _("iris, argmax of Q = softmax(W x + b)"));
    if (!st || in.w < 60 || in.h < 40) return;
    const double *theta = xl_sim_theta(xl_session_sim(s));
    const int selected = xl_session_selected(s);
    ui_claims pl = {.n = 0};
    if (digits) draw_digits(ctx, in, st, theta, selected, &pl, g);
    else draw_iris(ctx, in, st, theta, selected, &pl, g);
}

static void own_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s)
{
    ui_regression_panel_draw(ctx, area, s, NULL);
}

const ui_own_panel ui_regression_own_panel = {
    .scenario = &xl_scenario_regression, .draw = own_draw, .draw_side = ui_regression_draw_side,
    .side_instead = ui_regression_side_instead};
