/* test_regression_side: the regression's views in the side place, drawn headless with
 * the software renderer from constructed cases, pixels and labels read back.
 *
 *   - update: each heatmap cell's colour has the sign of (q_k − y_k) x_j (purple below
 *     0, green above, by the shared diverging map), the label's row negative where x is
 *     positive; the bars end at y_k and q_k;
 *   - confusion: each cell's text is its count;
 *   - calibration: each bin's bar rises to its accuracy;
 *   - curves: both lines drawn, the axis's top above the largest CE;
 *   - every view: labels inside the panel, none over another, none below the type's
 *     floor, nothing drawn outside, at the side place of 1280x720 and 1920x1080 (and a
 *     focused one) in both themes.
 * XL_SHOT_DIR=dir saves each frame as a PNG. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_focus.h"
#include "ui_input.h"
#include "ui_panel_regression_side.h"
#include "xl_scn_regression.h"

#include "panel_fixture.h"
#include "scenario_fixture.h"

static const size_case places[] = {
    {690, 370, 1280, 720},   /* the side place at 1280x720 */
    {1040, 550, 1920, 1080}, /* the side place at 1920x1080 */
    {1262, 540, 1280, 720},  /* focused at 1280x720 */
    {420, 680, 1280, 720},   /* tall and narrow: the calibration's numbers go under the diagram */
    {560, 300, 1280, 720},   /* a smaller place */
};
enum { PLACES = (int)(sizeof places / sizeof places[0]) };

/* ---- constructed cases ---- */

static const char *const iris_names[] = {"setosa", "versicolor", "virginica"};
static const char *const digit_names[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

typedef struct case_data {
    ui_reg_side_data d;
    double x[UI_REG_D_MAX], q[UI_REG_K_MAX], y[UI_REG_K_MAX];
    long confusion[UI_REG_K_MAX * UI_REG_K_MAX];
    double conf[UI_REG_BINS_MAX], acc[UI_REG_BINS_MAX];
    long count[UI_REG_BINS_MAX];
    long steps[300];
    double tr_ce[300], te_ce[300], tr_acc[300], te_acc[300];
} case_data;

static void make_case(case_data *c, int digits)
{
    memset(c, 0, sizeof *c);
    ui_reg_side_data *d = &c->d;
    d->k = digits ? 10 : 3;
    d->d = digits ? 64 : 4;
    d->class_names = digits ? digit_names : iris_names;
    d->image_side = digits ? 8 : 0;
    d->key_hint = "O next view";
    d->sample = 42;
    d->label = digits ? 3 : 1;
    for (int j = 0; j < d->d; j++) c->x[j] = digits ? 2.0 * sin(0.7 * j + 0.3) : (j % 2 ? -1.2 : 0.8) + 0.1 * j;
    double sum = 0.0;
    for (int k = 0; k < d->k; k++) sum += c->q[k] = k == d->label ? 3.0 : 1.0 + 0.1 * k;
    for (int k = 0; k < d->k; k++) {
        c->q[k] /= sum;
        c->y[k] = k == d->label;
    }
    d->x = c->x, d->q = c->q, d->y = c->y;
    for (int t = 0; t < d->k; t++)
        for (int p = 0; p < d->k; p++) c->confusion[t * d->k + p] = t == p ? 40 + t : (t + 2 * p) % 4;
    d->confusion = c->confusion;
    d->bins = 10;
    for (int i = 0; i < d->bins; i++) {
        c->count[i] = i < 3 ? 0 : 5 * i;
        c->conf[i] = (i + 0.5) / d->bins;
        c->acc[i] = i < 3 ? 0.0 : (i + 0.5) / d->bins - 0.04 * (i - 3);
    }
    d->bin_conf = c->conf, d->bin_acc = c->acc, d->bin_count = c->count;
    d->ece = 0.083;
    d->test_acc = 0.912, d->train_acc = 0.99, d->test_ce = 0.31, d->train_ce = 0.05;
    d->n = 300;
    for (int i = 0; i < d->n; i++) {
        c->steps[i] = i + 1;
        c->tr_ce[i] = 1.1 * exp(-i / 40.0) + 0.05;
        c->te_ce[i] = 1.1 * exp(-i / 40.0) + 0.2 + 0.0004 * i;
        c->tr_acc[i] = 1.0 - 0.6 * exp(-i / 30.0);
        c->te_acc[i] = 0.91 - 0.55 * exp(-i / 30.0);
    }
    d->steps = c->steps, d->train_ce_at = c->tr_ce, d->test_ce_at = c->te_ce;
    d->train_acc_at = c->tr_acc, d->test_acc_at = c->te_acc;
}

typedef struct frame {
    panel_frame p;
    ui_reg_side_geom g;
} frame;

static void frame_draw(frame *f, const ui_reg_side_data *d, size_case sz, ui_theme_kind kind, const char *shot)
{
    ui_ctx ctx = panel_frame_open(&f->p, sz, kind);
    ui_reg_side_draw(&ctx, f->p.area, d, &f->g);
    panel_frame_done(&f->p, "regression_side", shot, sz);
}

/* Every label readable: inside, apart, at or above the type's floor for its window. */
static void labels_ok(const frame *f, size_case sz, const char *what)
{
    panel_labels_readable(&f->p, what);
    panel_drawn_inside(&f->p, what);
    const float floor_px = ui_theme_type_min_px(f->p.theme, sz.win_h);
    for (int i = 0; i < f->p.rec.count; i++)
        ck_assert_msg(f->p.boxes[i].px + 0.5f >= floor_px, "%s %s: '%s' at %d px, under the floor %.1f", what,
                      f->p.theme->name, f->p.boxes[i].text, f->p.boxes[i].px, floor_px);
}

/* The sign the diverging map gave a pixel: -1 purple (red and blue above green), +1
 * green (green above both), 0 near-neutral. */
static int colour_sign(SDL_Color c)
{
    const int rb = (c.r + c.b) / 2;
    if (c.g > rb + 12) return 1;
    if (rb > c.g + 12) return -1;
    return 0;
}

/* ---- tests ---- */

START_TEST(update_cells_have_the_sign_of_q_minus_y_times_x)
{
    for (int digits = 0; digits < 2; digits++)
        for (int p = 0; p < 2; p++)
            for (int t = 0; t < UI_THEME_COUNT; t++) {
                case_data c;
                make_case(&c, digits);
                c.d.view = UI_REG_UPDATE;
                frame f;
                char shot[32];
                snprintf(shot, sizeof shot, "update_%s", digits ? "digits" : "iris");
                frame_draw(&f, &c.d, places[p], (ui_theme_kind)t, shot);
                const ui_reg_side_geom *g = &f.g;
                ck_assert_msg(g->drawn, "%s: the update view was not drawn", shot);
                const int k = c.d.k, d = c.d.d;
                double max = 0.0;
                for (int i = 0; i < k; i++)
                    for (int j = 0; j < d; j++) max = fmax(max, fabs((c.q[i] - c.y[i]) * c.x[j]));
                int checked = 0;
                for (int i = 0; i < k; i++)
                    for (int j = 0; j < d; j++) {
                        const double v = (c.q[i] - c.y[i]) * c.x[j];
                        if (fabs(v) < 0.15 * max) continue;
                        /* A pixel near the cell's top-left corner, clear of its number. */
                        const int x0 = g->heat.x + j * g->heat.w / d, y0 = g->heat.y + i * g->heat.h / k;
                        const SDL_Color px = pixel(&f.p, x0 + 2, y0 + 3);
                        const int want = v > 0.0 ? 1 : -1;
                        ck_assert_msg(colour_sign(px) == want,
                                      "%s %s: cell (%d,%d) = %.3f drawn (%d,%d,%d), sign %d not %d", shot,
                                      f.p.theme->name, i, j, v, px.r, px.g, px.b, colour_sign(px), want);
                        checked++;
                    }
                ck_assert_int_ge(checked, d / 2);
                /* The label's row: q − y < 0, so negative where x > 0. */
                const int j = c.x[0] > 0.0 ? 0 : 1;
                const SDL_Color lab = pixel(&f.p, g->heat.x + j * g->heat.w / d + 2, g->heat.y + c.d.label * g->heat.h / k + 3);
                ck_assert_int_eq(colour_sign(lab), -1);
                for (int i = 0; i < k; i++) {
                    ck_assert_msg(abs(g->y_bar[i].w - (int)lround(c.y[i] * g->bar_w)) <= 1, "y bar %d", i);
                    ck_assert_msg(abs(g->q_bar[i].w - (int)lround(c.q[i] * g->bar_w)) <= 1, "q bar %d", i);
                }
                labels_ok(&f, places[p], shot);
                panel_frame_close(&f.p);
            }
}
END_TEST

/* The recorded label whose ink lies inside cell r, or NULL. */
static const ui_text_box *label_in(const frame *f, SDL_Rect r)
{
    for (int i = 0; i < f->p.rec.count; i++) {
        const SDL_Rect a = f->p.boxes[i].ink;
        if (a.x >= r.x && a.y >= r.y && a.x + a.w <= r.x + r.w && a.y + a.h <= r.y + r.h) return &f->p.boxes[i];
    }
    return NULL;
}

START_TEST(confusion_cells_say_their_counts)
{
    for (int digits = 0; digits < 2; digits++)
        for (int p = 0; p < PLACES - 1; p++)
            for (int t = 0; t < UI_THEME_COUNT; t++) {
                case_data c;
                make_case(&c, digits);
                c.d.view = UI_REG_CONFUSION;
                frame f;
                frame_draw(&f, &c.d, places[p], (ui_theme_kind)t, digits ? "confusion_digits" : "confusion_iris");
                const ui_reg_side_geom *g = &f.g;
                ck_assert_msg(g->drawn, "confusion not drawn at %dx%d", places[p].w, places[p].h);
                const int k = c.d.k, cell = g->grid.w / k;
                for (int r = 0; r < k; r++)
                    for (int q = 0; q < k; q++) {
                        const SDL_Rect box = {g->grid.x + q * cell, g->grid.y + r * cell, cell, cell};
                        const ui_text_box *b = label_in(&f, box);
                        char want[32];
                        snprintf(want, sizeof want, "%ld", c.confusion[r * k + q]);
                        ck_assert_msg(b != NULL, "%dx%d: no count in cell (%d,%d)", places[p].w, places[p].h, r, q);
                        ck_assert_msg(strcmp(b->text, want) == 0, "cell (%d,%d) says '%s', count %s", r, q, b->text,
                                      want);
                    }
                labels_ok(&f, places[p], "confusion");
                panel_frame_close(&f.p);
            }
}
END_TEST

START_TEST(reliability_bars_rise_to_their_accuracy)
{
    for (int p = 0; p < PLACES; p++)
        for (int t = 0; t < UI_THEME_COUNT; t++) {
            case_data c;
            make_case(&c, 1);
            c.d.view = UI_REG_CALIBRATION;
            frame f;
            frame_draw(&f, &c.d, places[p], (ui_theme_kind)t, "calibration");
            const ui_reg_side_geom *g = &f.g;
            ck_assert(g->drawn);
            const SDL_Rect plot = g->calib;
            const SDL_Color bg = f.p.theme->panel;
            for (int i = 0; i < c.d.bins; i++) {
                const int x0 = plot.x + i * plot.w / c.d.bins, x1 = plot.x + (i + 1) * plot.w / c.d.bins;
                /* Read up three columns of the bin (clear of the gap's frame at the bar's
                 * sides) from the axis until the bar's fill ends; the highest is its top.
                 * The dashed diagonal of perfect calibration crosses the bars, and where a
                 * dash lies on a bar's top it hides it in one column, not in all three. */
                const int base = plot.y + plot.h - (int)ceilf(f.p.theme->line_scale) - 1;
                const SDL_Color fill = pixel(&f.p, (x0 + x1) / 2, base);
                int top = base;
                for (int q = 1; q <= 3; q++) {
                    const int x = x0 + (x1 - x0) * q / 4;
                    int t = base;
                    while (t > plot.y - 2 && same(pixel(&f.p, x, t - 1), fill, 6)) t--;
                    if (same(pixel(&f.p, x, base), fill, 6) && t < top) top = t;
                }
                if (c.count[i] == 0) {
                    ck_assert_msg(same(fill, bg, 6) || !same(fill, ui_mix(bg, f.p.theme->truth, 0.85f), 6),
                                  "empty bin %d has a bar", i);
                    continue;
                }
                const double want = plot.y + (1.0 - c.acc[i]) * plot.h;
                ck_assert_msg(fabs(top - want) <= 2.5, "%dx%d %s: bin %d's bar tops at %d, accuracy %.3f is row %.1f",
                              places[p].w, places[p].h, f.p.theme->name, i, top, c.acc[i], want);
            }
            labels_ok(&f, places[p], "calibration");
            panel_frame_close(&f.p);
        }
}
END_TEST

START_TEST(curves_draw_train_and_test)
{
    for (int p = 0; p < PLACES; p++)
        for (int t = 0; t < UI_THEME_COUNT; t++) {
            case_data c;
            make_case(&c, 0);
            c.d.view = UI_REG_CURVES;
            frame f;
            frame_draw(&f, &c.d, places[p], (ui_theme_kind)t, "curves");
            const ui_reg_side_geom *g = &f.g;
            ck_assert(g->drawn);
            ck_assert(g->ce_top >= c.te_ce[0]);
            /* The last test CE's pixel is vermillion, the last train CE's blue. */
            const float x = (float)(g->ce_plot.x + g->ce_plot.w) - 1.0f;
            const float yt = ui_reg_ce_y(g, c.te_ce[c.d.n - 1]), yr = ui_reg_ce_y(g, c.tr_ce[c.d.n - 1]);
            ck_assert_msg(near_color(&f.p, x, yt, 3, f.p.theme->surprise), "no test line at its end");
            ck_assert_msg(near_color(&f.p, x, yr, 3, f.p.theme->truth), "no train line at its end");
            labels_ok(&f, places[p], "curves");
            panel_frame_close(&f.p);
        }
}
END_TEST

START_TEST(every_view_readable_everywhere)
{
    for (int v = 0; v < UI_REG_LANDSCAPE; v++) /* the landscape is the landscape panel's */
        for (int digits = 0; digits < 2; digits++)
            for (int p = 0; p < PLACES; p++)
                for (int t = 0; t < UI_THEME_COUNT; t++) {
                    case_data c;
                    make_case(&c, digits);
                    c.d.view = (ui_reg_view)v;
                    frame f;
                    char what[64];
                    snprintf(what, sizeof what, "%s_%s", ui_reg_view_name(v), digits ? "digits" : "iris");
                    frame_draw(&f, &c.d, places[p], (ui_theme_kind)t, what);
                    /* The smallest place may say it has too little room; the others draw. */
                    ck_assert_msg(f.g.drawn || p == PLACES - 1, "%s not drawn at %dx%d", what, places[p].w,
                                  places[p].h);
                    labels_ok(&f, places[p], what);
                    panel_frame_close(&f.p);
                }
}
END_TEST

/* The verb's logic: alone the next view (wrapping, the landscape only where the record
 * shows one), by name, and a wrong name refused with the names. */
START_TEST(the_view_verb_cycles_and_names)
{
    char err[160] = "";
    int v = XL_REGRESSION_VIEW_UPDATE;
    const unsigned with = XL_PANEL_SIDE | XL_PANEL_LANDSCAPE, without = XL_PANEL_SIDE;
    for (int i = 1; i <= XL_REGRESSION_VIEWS; i++) {
        ck_assert_int_eq(xl_regression_view_apply(&v, with, "", err, sizeof err), XL_APPLY_DONE);
        ck_assert_int_eq(v, i % XL_REGRESSION_VIEWS);
    }
    v = XL_REGRESSION_VIEW_CURVES;
    ck_assert_int_eq(xl_regression_view_apply(&v, without, "", err, sizeof err), XL_APPLY_DONE);
    ck_assert_int_eq(v, XL_REGRESSION_VIEW_UPDATE);
    ck_assert_int_eq(xl_regression_view_apply(&v, with, "calibration", err, sizeof err), XL_APPLY_DONE);
    ck_assert_int_eq(v, XL_REGRESSION_VIEW_CALIBRATION);
    ck_assert_int_eq(xl_regression_view_apply(&v, without, "landscape", err, sizeof err), XL_APPLY_REFUSED);
    ck_assert_int_eq(v, XL_REGRESSION_VIEW_CALIBRATION);
    ck_assert_msg(strstr(err, "confusion") != NULL, "refusal without the names: %s", err);
    ck_assert_int_eq(xl_regression_view_apply(&v, with, "landscape", err, sizeof err), XL_APPLY_DONE);
    ck_assert_int_eq(v, XL_REGRESSION_VIEW_LANDSCAPE);
    for (int i = 0; i < XL_REGRESSION_VIEWS; i++) ck_assert_str_eq(ui_reg_view_name(i), xl_regression_view_name(i));
}
END_TEST

/* ---- through the session ---- */

/* The side place from the session at 1280x720 (projector). */
static void draw_session(frame *f, const xl_session *s, const char *shot)
{
    ui_ctx ctx = panel_frame_open(&f->p, places[0], UI_THEME_LIGHT);
    ui_regression_side_draw(&ctx, f->p.area, s, &f->g);
    panel_frame_done(&f->p, "regression_side_session", shot, places[0]);
}

/* `view` alone walks the views in order, the landscape taking the place from the side
 * panel and giving it back; `view NAME` goes to one; a wrong name is refused and changes
 * nothing. Each view drawn from the session is the one the state holds. */
START_TEST(the_verb_switches_the_side_place)
{
    xl_session *s = scenario_session(&xl_scenario_regression, 7, NULL, NULL, 0);
    xl_session_run(s, 40);
    ck_assert_int_eq(ui_regression_side_view(s), UI_REG_UPDATE);
    for (int i = 0; i <= UI_REG_VIEW_COUNT; i++) {
        const int want = i % UI_REG_VIEW_COUNT;
        if (i) ck_assert_msg(scenario_apply(s, "view"), "view (step %d) refused", i);
        ck_assert_int_eq(ui_regression_side_view(s), want);
        const unsigned shown = ui_focus_shown(s);
        const int landscape = want == UI_REG_LANDSCAPE;
        ck_assert_msg(!!(shown & UI_SHOW_LANDSCAPE) == landscape && !!(shown & UI_SHOW_SIDE) == !landscape,
                      "view %s: shown %#x", ui_reg_view_name(want), shown);
        if (landscape) continue;
        frame f;
        draw_session(&f, s, ui_reg_view_name(want));
        ck_assert_int_eq(f.g.view, want);
        ck_assert_msg(f.g.drawn, "%s not drawn from the session", ui_reg_view_name(want));
        labels_ok(&f, places[0], ui_reg_view_name(want));
        panel_frame_close(&f.p);
    }
    ck_assert(scenario_apply(s, "view calibration"));
    ck_assert_int_eq(ui_regression_side_view(s), UI_REG_CALIBRATION);
    /* The key A issues the verb alone: the next view. */
    const ui_action a = ui_input_map_key(SDLK_a, KMOD_NONE, &xl_scenario_regression);
    ck_assert_int_eq(a.cmd.kind, XL_CMD_VERB);
    ck_assert_str_eq(a.cmd.verb, "view");
    ck_assert_str_eq(a.cmd.name, "");
    ck_assert(xl_session_apply(s, a.cmd));
    ck_assert_int_eq(ui_regression_side_view(s), UI_REG_CURVES);
    ck_assert(scenario_apply(s, "view calibration"));
    xl_command c;
    char err[160];
    ck_assert_int_eq(xl_scenario_parse_command("view nonsense", &c, err, sizeof err), 0);
    ck_assert(!xl_session_apply(s, c));
    ck_assert_int_eq(ui_regression_side_view(s), UI_REG_CALIBRATION);
    xl_session_destroy(s);
}
END_TEST

/* The views from the session say the model's numbers: the confusion cells the counts
 * xl_regression_confusion gives, the bars the reliability bins' accuracies, the update's
 * colours the signs of xl_regression_row_update's (q − p) xᵀ for the selected row. */
START_TEST(the_views_show_the_models_numbers)
{
    static const char *const names[] = {"data"};
    for (int digits = 0; digits < 2; digits++) {
        const double values[] = {digits};
        xl_session *s = scenario_session(&xl_scenario_regression, 7, names, values, 1);
        xl_session_run(s, digits ? 15 : 60);
        const xl_regression_state *st = xl_session_state(s);
        const double *theta = xl_sim_theta(xl_session_sim(s));
        const int k = st->k;
        /* confusion */
        ck_assert(scenario_apply(s, "view confusion"));
        frame f;
        draw_session(&f, s, digits ? "confusion_digits" : "confusion_iris");
        int counts[UI_REG_K_MAX * UI_REG_K_MAX];
        xl_regression_confusion(st, theta, counts);
        const int cell = f.g.grid.w / k;
        for (int t = 0; t < k; t++)
            for (int p = 0; p < k; p++) {
                const ui_text_box *b = label_in(&f, (SDL_Rect){f.g.grid.x + p * cell, f.g.grid.y + t * cell, cell, cell});
                char want[32];
                snprintf(want, sizeof want, "%d", counts[t * k + p]);
                ck_assert_msg(b && strcmp(b->text, want) == 0, "cell (%d,%d): '%s', count %s", t, p, b ? b->text : "",
                              want);
            }
        panel_frame_close(&f.p);
        /* calibration */
        ck_assert(scenario_apply(s, "view calibration"));
        draw_session(&f, s, digits ? "calibration_digits" : "calibration_iris");
        xl_softreg_bin bins[XL_REGRESSION_BINS];
        xl_regression_reliability(st, theta, bins);
        for (int i = 0; i < XL_REGRESSION_BINS; i++) {
            if (bins[i].count == 0) continue;
            const double want = f.g.calib.y + (1.0 - bins[i].accuracy) * f.g.calib.h;
            ck_assert_msg(fabs(f.g.bar[i].y - want) <= 1.0, "bin %d: bar at %d, accuracy %.3f at %.1f", i, f.g.bar[i].y,
                          bins[i].accuracy, want);
        }
        panel_frame_close(&f.p);
        /* update */
        ck_assert(scenario_apply(s, "view update"));
        draw_session(&f, s, digits ? "update_digits" : "update_iris");
        const int r = xl_session_selected(s), d = st->d;
        double g[XL_SOFTREG_MAX_K * XL_SOFTREG_MAX_D];
        xl_regression_row_update(st, theta, r, g, NULL);
        double max = 0.0;
        for (int i = 0; i < k * d; i++) max = fmax(max, fabs(g[i]));
        int checked = 0;
        for (int i = 0; i < k; i++)
            for (int j = 0; j < d; j++) {
                if (fabs(g[i * d + j]) < 0.2 * max) continue;
                const SDL_Color px = pixel(&f.p, f.g.heat.x + j * f.g.heat.w / d + 2, f.g.heat.y + i * f.g.heat.h / k + 3);
                ck_assert_msg(colour_sign(px) == (g[i * d + j] > 0.0 ? 1 : -1), "cell (%d,%d) = %g drawn (%d,%d,%d)", i,
                              j, g[i * d + j], px.r, px.g, px.b);
                checked++;
            }
        ck_assert_int_gt(checked, 0);
        panel_frame_close(&f.p);
        /* In focus the update view says the sample's identity with its own numbers. */
        {
            ui_ctx ctx = panel_frame_open(&f.p, places[2], UI_THEME_LIGHT);
            ui_regression_side_draw(&ctx, f.p.area, s, &f.g);
            panel_frame_done(&f.p, "regression_side_session", digits ? "identity_digits" : "identity_iris", places[2]);
            double ce = 0.0, h = 0.0, kl = 0.0;
            xl_regression_row_identity(st, theta, r, &ce, &h, &kl);
            char want[96];
            snprintf(want, sizeof want, "H(P,Q) = H(P) + KL: %.3f = %.3f + %.3f", ce, h, kl);
            int found = 0;
            for (int i = 0; i < f.p.rec.count; i++) found |= strstr(f.p.boxes[i].text, want) != NULL;
            ck_assert_msg(found, "no label says '%s'", want);
            ck_assert_double_eq_tol(ce, h + kl, 1e-12);
            panel_frame_close(&f.p);
        }
        xl_session_destroy(s);
    }
}
END_TEST

/* Every view from the session, iris and digits, at the side places of 1280x720 and
 * 1920x1080 in both themes: drawn, its labels inside, apart and above the floor. */
START_TEST(every_view_from_the_session_is_readable)
{
    static const char *const names[] = {"data"};
    for (int digits = 0; digits < 2; digits++) {
        const double values[] = {digits};
        xl_session *s = scenario_session(&xl_scenario_regression, 7, names, values, 1);
        xl_session_run(s, 30);
        for (int v = 0; v < UI_REG_LANDSCAPE; v++) {
            char cmd[48];
            snprintf(cmd, sizeof cmd, "view %s", ui_reg_view_name(v));
            ck_assert(scenario_apply(s, cmd));
            for (int p = 0; p < 2; p++)
                for (int t = 0; t < UI_THEME_COUNT; t++) {
                    frame f;
                    ui_ctx ctx = panel_frame_open(&f.p, places[p], (ui_theme_kind)t);
                    ui_regression_side_draw(&ctx, f.p.area, s, &f.g);
                    char what[64];
                    snprintf(what, sizeof what, "session_%s_%s", ui_reg_view_name(v), digits ? "digits" : "iris");
                    panel_frame_done(&f.p, "regression_side", what, places[p]);
                    ck_assert_msg(f.g.drawn, "%s not drawn at %dx%d", what, places[p].w, places[p].h);
                    labels_ok(&f, places[p], what);
                    panel_frame_close(&f.p);
                }
        }
        xl_session_destroy(s);
    }
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("regression_side");
    const xl_test_case cases[] = {
        {"update signs", update_cells_have_the_sign_of_q_minus_y_times_x},
        {"confusion counts", confusion_cells_say_their_counts},
        {"reliability bars", reliability_bars_rise_to_their_accuracy},
        {"curves", curves_draw_train_and_test},
        {"readable", every_view_readable_everywhere},
        {"view verb", the_view_verb_cycles_and_names},
        {"verb switches", the_verb_switches_the_side_place},
        {"model's numbers", the_views_show_the_models_numbers},
        {"session readable", every_view_from_the_session_is_readable},
    };
    XL_TEST_ADD_CASES(s, cases, 120);
    return s;
}
