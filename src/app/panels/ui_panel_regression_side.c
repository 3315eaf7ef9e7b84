/* ui_panel_regression_side: the side place of the scenario "regression" from the
 * session (see ui_panel_regression_side.h): the state read through xl_scn_regression's
 * accessors at the steered run's theta, into the plain arrays the views draw
 * (ui_panel_regression_views.c, ui_panel_regression_plots.c).
 *
 * Only what the view shown needs is computed: the confusion matrix and the reliability
 * bins are a pass over the test rows each (540 x 64 x 10 for the digits, well under a
 * millisecond), the update one row, the curves none (the record is read in place). */
#include "ui_panel_regression_side.h"
#include "ui_lang.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_panel_regression.h"
#include "xl_scn_regression.h"

static const xl_regression_state *state_of(const xl_session *s)
{
    if (!s || xl_session_scenario(s) != &xl_scenario_regression) return NULL;
    return xl_session_state(s);
}

ui_reg_view ui_regression_side_view(const xl_session *s)
{
    const xl_regression_state *st = state_of(s);
    if (!st) return UI_REG_UPDATE;
    const int v = st->side_view;
    return v >= 0 && v < UI_REG_VIEW_COUNT ? (ui_reg_view)v : UI_REG_UPDATE;
}

int ui_regression_side_instead(const xl_session *s)
{
    return ui_regression_side_view(s) != UI_REG_LANDSCAPE;
}

/* "O next view" from the record's verb `view` and its key, so the subtitle says the key
 * the table gives it. */
static void key_hint(const xl_scenario_def *def, char *buf, size_t n)
{
    buf[0] = '\0';
    const int v = xl_scenario_verb_index(def, "view");
    if (v < 0) return;
    const int code = def->verbs[v].keys[0].code;
    if (code > 0 && code < 128 && isalpha(code)) snprintf(buf, n, _("%c next view"), toupper(code));
    else snprintf(buf, n, "view NAME");
}

void ui_regression_side_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_reg_side_geom *geom)
{
    const xl_regression_state *st = state_of(s);
    if (!st) {
        if (geom) memset(geom, 0, sizeof *geom);
        ui_panel_begin(ctx, area, _("ANALYSIS"), NULL);
        return;
    }
    const double *theta = xl_sim_theta(xl_session_sim(s));
    ui_reg_side_data d;
    memset(&d, 0, sizeof d);
    d.view = ui_regression_side_view(s);
    d.view_count = xl_regression_view_count(xl_session_scenario(s)->panels);
    d.k = st->k < UI_REG_K_MAX ? st->k : UI_REG_K_MAX;
    d.d = st->d < UI_REG_D_MAX ? st->d : UI_REG_D_MAX;
    const char *classes[UI_REG_K_MAX], *features[UI_REG_D_MAX];
    for (int c = 0; c < d.k; c++) classes[c] = xl_regression_class_name(st, c);
    for (int j = 0; j < d.d; j++) features[j] = xl_regression_feature_name(st, j);
    d.class_names = classes;
    d.feature_names = features;
    d.image_side = xl_regression_kind(st) == XL_REGRESSION_DIGITS ? 8 : 0;
    char hint[32];
    key_hint(xl_session_scenario(s), hint, sizeof hint);
    d.key_hint = hint[0] && !ctx->no_keys ? hint : NULL;
    /* The views' arrays, filled for the one shown. */
    double q[UI_REG_K_MAX], y[UI_REG_K_MAX];
    int counts[UI_REG_K_MAX * UI_REG_K_MAX];
    long confusion[UI_REG_K_MAX * UI_REG_K_MAX];
    xl_softreg_bin bins[XL_REGRESSION_BINS];
    double conf[XL_REGRESSION_BINS], acc[XL_REGRESSION_BINS];
    long count[XL_REGRESSION_BINS];
    switch (d.view) {
    case UI_REG_UPDATE: {
        const int r = xl_session_selected(s);
        if (r < 0 || r >= xl_regression_rows(st)) break;
        d.sample = xl_regression_row_original(st, r) + 1;
        d.label = xl_regression_row_label(st, r);
        d.test = xl_regression_row_is_test(st, r);
        d.x = xl_regression_row_x(st, r);
        double logq[XL_SOFTREG_MAX_K], p[XL_SOFTREG_MAX_K];
        xl_regression_row_q(st, theta, r, logq);
        xl_regression_row_target(st, r, p);
        for (int c = 0; c < d.k; c++) {
            q[c] = exp(logq[c]);
            y[c] = p[c];
        }
        d.q = q;
        d.y = y;
        xl_regression_row_identity(st, theta, r, &d.row_ce, &d.row_h, &d.row_kl);
        d.has_identity = 1;
        break;
    }
    case UI_REG_CONFUSION:
        xl_regression_confusion(st, theta, counts);
        for (int i = 0; i < d.k * d.k; i++) confusion[i] = counts[i];
        d.confusion = confusion;
        break;
    case UI_REG_CALIBRATION: {
        d.ece = xl_regression_reliability(st, theta, bins);
        d.bins = (int)XL_REGRESSION_BINS < (int)UI_REG_BINS_MAX ? (int)XL_REGRESSION_BINS : (int)UI_REG_BINS_MAX;
        for (int b = 0; b < d.bins; b++) {
            conf[b] = bins[b].confidence;
            acc[b] = bins[b].accuracy;
            count[b] = bins[b].count;
        }
        d.bin_conf = conf;
        d.bin_acc = acc;
        d.bin_count = count;
        const xl_softreg_eval te = xl_regression_evaluate(st, theta, 1), tr = xl_regression_evaluate(st, theta, 0);
        d.test_acc = te.accuracy;
        d.test_ce = te.ce;
        d.train_acc = tr.accuracy;
        d.train_ce = tr.ce;
        break;
    }
    default:
        break;
    }
    /* The record, read in place (the calibration's too-sure sentence reads it too). */
    const int n = xl_regression_record_count(st);
    const xl_regression_point *pts = xl_regression_record(st);
    if (n > 0 && pts) {
        d.n = n;
        d.stride = sizeof pts[0];
        d.steps = &pts[0].step;
        d.train_ce_at = &pts[0].train_nll;
        d.test_ce_at = &pts[0].test_nll;
        d.train_acc_at = &pts[0].train_acc;
        d.test_acc_at = &pts[0].test_acc;
    }
    ui_reg_side_draw(ctx, area, &d, geom);
}

void ui_regression_draw_side(const ui_ctx *ctx, SDL_Rect area, const xl_session *s)
{
    ui_regression_side_draw(ctx, area, s, NULL);
}
