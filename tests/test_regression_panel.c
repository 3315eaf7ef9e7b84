/* test_regression_panel: the softmax regression's data panel drawn alone, headless, with
 * the software renderer, pixels read back.
 *
 * The pictures from plain inputs (a model given by its W and b, samples given by their
 * values): every cell of the decision regions has the colour of argmax softmax(W x + b)
 * at its centre, computed here by a plain loop; the samples sit at their values; the
 * digit's cells are the greys of its pixel values; each template's cells have the sign
 * of its weights; the attribution is drawn whenever the digits are. No label overlaps
 * another or leaves the panel at the data places of 1280x720 and 1920x1080 and smaller,
 * in both themes. XL_SHOT_DIR=dir saves each frame as a PNG. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_panel.h"
#include "ui_panel_regression.h"
#include "ui_panel_regression_internal.h"
#include "ui_text.h"
#include "ui_theme.h"

#include "panel_fixture.h"
#include "scenario_fixture.h"
#include "xl_scn_logistic.h"
#include "xl_scn_regression.h"

static const size_case extra_sizes[] = {
    {564, 326, 1280, 720},   /* the data place at 1280x720 */
    {850, 500, 1920, 1080},  /* the data place at 1920x1080 */
    {1262, 540, 1280, 720},  /* focused at 1280x720 */
    {420, 600, 1280, 720},   /* tall and narrow */
    {300, 200, 1920, 1080},  /* small, with the big fonts of a big window */
};
enum { EXTRA_COUNT = (int)(sizeof extra_sizes / sizeof extra_sizes[0]), ALL_SIZES = SIZE_COUNT + EXTRA_COUNT };

static size_case size_at(int i)
{
    return i < SIZE_COUNT ? sizes[i] : extra_sizes[i - SIZE_COUNT];
}

/* ---- a small model over plain arrays ---- */

enum { K3 = 3, D4 = 4, N_PTS = 90 };

typedef struct toy {
    int d;                 /* features the model takes: 2 or 4 */
    double w[K3 * D4], b[K3];
    double mean[D4], scale[D4];
    double slice[D4];      /* raw value of each feature off the plane */
    int fx, fy;
    double x[N_PTS][D4];
    int y[N_PTS], test[N_PTS];
} toy;

static const char *const IRIS_NAMES[K3] = {"setosa", "versicolor", "virginica"};

/* logits of raw x under the toy; argmax and max q. */
static int toy_argmax(const toy *t, const double *raw, double *conf)
{
    double z[K3], top = -INFINITY;
    int best = 0;
    for (int k = 0; k < K3; k++) {
        z[k] = t->b[k];
        /* Two features: the petals' (2 and 3), the ones on the axes. */
        for (int j = t->d == 2 ? 2 : 0; j < D4; j++) z[k] += t->w[k * D4 + j] * (raw[j] - t->mean[j]) / t->scale[j];
        if (z[k] > top) top = z[k], best = k;
    }
    double sum = 0.0;
    for (int k = 0; k < K3; k++) sum += exp(z[k] - top);
    *conf = 1.0 / sum;
    return best;
}

static int toy_predict(const void *user, double x, double y, double *conf)
{
    const toy *t = user;
    double raw[D4];
    memcpy(raw, t->slice, sizeof raw);
    raw[t->fx] = x;
    raw[t->fy] = y;
    return toy_argmax(t, raw, conf);
}

static void toy_sample(const void *user, int i, ui_regression_point *out)
{
    const toy *t = user;
    double conf;
    out->x = t->x[i][t->fx];
    out->y = t->x[i][t->fy];
    out->label = t->y[i];
    out->predicted = toy_argmax(t, t->x[i], &conf);
    out->test = t->test[i];
    out->file_row = i + 1;
}

/* Three clusters like the iris's petals (cm), a fixed pseudo-random scatter. */
static void toy_init(toy *t, int d)
{
    memset(t, 0, sizeof *t);
    t->d = d;
    t->fx = 2;
    t->fy = 3;
    static const double centre[K3][D4] = {{5.0, 3.4, 1.5, 0.25}, {5.9, 2.8, 4.3, 1.3}, {6.6, 3.0, 5.5, 2.0}};
    static const double spread[D4] = {0.4, 0.3, 0.45, 0.25};
    uint32_t s = 12345u;
    for (int i = 0; i < N_PTS; i++) {
        t->y[i] = i % K3;
        t->test[i] = i % 10 >= 7;
        for (int j = 0; j < D4; j++) {
            double u = 0.0;
            for (int r = 0; r < 4; r++) {
                s = s * 1664525u + 1013904223u;
                u += (s >> 8) / 16777216.0;
            }
            t->x[i][j] = centre[t->y[i]][j] + spread[j] * (u - 2.0) * 1.7;
        }
    }
    for (int j = 0; j < D4; j++) {
        double m = 0.0, v = 0.0;
        for (int i = 0; i < N_PTS; i++) m += t->x[i][j];
        m /= N_PTS;
        for (int i = 0; i < N_PTS; i++) v += (t->x[i][j] - m) * (t->x[i][j] - m);
        t->mean[j] = m;
        t->scale[j] = sqrt(v / N_PTS);
        t->slice[j] = m;
    }
    /* A model that puts setosa left and low, virginica right and high. */
    static const double w[K3][D4] = {{-0.5, 0.6, -2.6, -2.4}, {0.2, -0.5, 0.4, -0.3}, {0.3, -0.1, 2.2, 2.7}};
    for (int k = 0; k < K3; k++) {
        for (int j = 0; j < D4; j++) t->w[k * D4 + j] = w[k][j];
        t->b[k] = k == 1 ? 1.2 : 0.0;
    }
}

static ui_regression_regions_in toy_view(const toy *t, int selected)
{
    ui_regression_regions_in v = {
        .classes = K3, .class_names = IRIS_NAMES, .x_title = "petal length (cm)", .y_title = "petal width (cm)",
        .feature_x = t->fx, .feature_y = t->fy, .predict = toy_predict, .sample = toy_sample, .user = t,
        .n = N_PTS, .selected = selected,
    };
    if (t->d == 4) {
        v.slice_note = "a slice: sepal length 5.84 cm, sepal width 3.05 cm (their training means)";
        v.slice_note_short = "slice at the training means of the other two";
    }
    return v;
}

/* ---- frames ---- */

typedef struct frame {
    panel_frame p;
    ui_regression_geom g;
} frame;

static void draw_regions(frame *f, const ui_regression_regions_in *v, size_case sz, ui_theme_kind kind, const char *shot)
{
    ui_ctx ctx = panel_frame_open(&f->p, sz, kind);
    memset(&f->g, 0, sizeof f->g);
    SDL_Rect in = ui_panel_begin(&ctx, f->p.area, "DATA AND MODEL", "decision regions");
    ui_claims pl = {.n = 0};
    ui_regression_regions_draw(&ctx, in, v, &pl, &f->g);
    panel_frame_done(&f->p, "regression_regions", shot, sz);
}

static void draw_digits(frame *f, const ui_regression_digits_in *v, size_case sz, ui_theme_kind kind, const char *shot)
{
    ui_ctx ctx = panel_frame_open(&f->p, sz, kind);
    memset(&f->g, 0, sizeof f->g);
    SDL_Rect in = ui_panel_begin(&ctx, f->p.area, "DATA AND MODEL", "digit and templates");
    ui_claims pl = {.n = 0};
    ui_regression_digits_draw(&ctx, in, v, &pl, &f->g);
    panel_frame_done(&f->p, "regression_digits", shot, sz);
}

static char *what_of(char *buf, size_t n, size_case sz, const ui_theme *th, const char *tag)
{
    snprintf(buf, n, "%s %dx%d %s", tag, sz.w, sz.h, th->name);
    return buf;
}

/* Every cell's middle pixel is the region colour of the class the plain loop predicts
 * at the cell's centre; returns the cells checked. */
static long check_regions(const frame *f, const toy *t, const char *what)
{
    const ui_regression_geom *g = &f->g;
    long checked = 0;
    for (int j = 0; j < g->rows; j++)
        for (int i = 0; i < g->cols; i++) {
            int cw = g->plot.w - i * g->cell, ch = g->plot.h - j * g->cell;
            if (cw > g->cell) cw = g->cell;
            if (ch > g->cell) ch = g->cell;
            int px = g->plot.x + i * g->cell + cw / 2, py = g->plot.y + j * g->cell + ch / 2;
            double raw[D4];
            memcpy(raw, t->slice, sizeof raw);
            raw[t->fx] = ui_regression_cell_x(g, i);
            raw[t->fy] = ui_regression_cell_y(g, j);
            double conf = 0.0;
            int k = toy_argmax(t, raw, &conf);
            /* Samples and their marks cover some cells: only bare ones are compared,
             * and only where the pixel is a region colour at all. */
            SDL_Color got = pixel(&f->p, px, py);
            int some = 0;
            for (int c = 0; c < K3 && !some; c++)
                for (int band = 0; band < 5; band++) {
                    double q = 1.0 / K3 + (1.0 - 1.0 / K3) * (band + 0.5) / 5.0;
                    if (same(got, ui_regression_region_colour(f->p.theme, c, q, K3), 0)) some = 1;
                }
            if (!some) continue;
            SDL_Color want = ui_regression_region_colour(f->p.theme, k, conf, K3);
            ck_assert_msg(same(got, want, 0), "%s: cell (%d,%d) at (%.3f, %.3f) is (%d,%d,%d), class %d's is (%d,%d,%d)",
                          what, i, j, raw[t->fx], raw[t->fy], got.r, got.g, got.b, k, want.r, want.g, want.b);
            checked++;
        }
    return checked;
}

START_TEST(regions_are_the_models_argmax)
{
    for (int d = 2; d <= 4; d += 2) {
        toy t;
        toy_init(&t, d);
        ui_regression_regions_in v = toy_view(&t, 4);
        for (int k = 0; k < ALL_SIZES; k++)
            for (int th = 0; th < UI_THEME_COUNT; th++) {
                frame f;
                draw_regions(&f, &v, size_at(k), (ui_theme_kind)th, d == 4 ? "four" : "two");
                char what[96];
                what_of(what, sizeof what, size_at(k), f.p.theme, d == 4 ? "regions/4" : "regions/2");
                panel_labels_readable(&f.p, what);
                panel_drawn_inside(&f.p, what);
                if (f.g.view == UI_REGRESSION_NONE) {
                    ck_assert_msg(size_at(k).w <= 300, "%s: nothing drawn", what);
                    panel_frame_close(&f.p);
                    continue;
                }
                long cells = (long)f.g.cols * f.g.rows;
                long checked = check_regions(&f, &t, what);
                ck_assert_msg(checked > cells / 2, "%s: %ld of %ld cells bare", what, checked, cells);
                /* With four features the slice is said, with two it is not. */
                ck_assert_int_eq(f.g.slice_note, d == 4);
                ck_assert_int_eq(f.g.samples, N_PTS);
                ck_assert_int_eq(f.g.selected, 4);
                panel_frame_close(&f.p);
            }
    }
}
END_TEST

/* ---- digits ---- */

static const char ATTRIBUTION[] = "Digits: E. Alpaydin and C. Kaynak (1998), Optical Recognition of Handwritten Digits, "
                                  "UCI Machine Learning Repository, doi:10.24432/C50P49, CC BY 4.0.";

/* The words drawn inside box, in order, with non-breaking spaces read as spaces and
 * the line breaks as spaces, equal the sentence: nothing of it was cut or left out. */
static int attribution_drawn(const panel_frame *f, SDL_Rect box, const char *sentence)
{
    char all[1024] = "";
    size_t o = 0;
    for (int i = 0; i < f->rec.count && i < MAX_BOXES; i++) {
        SDL_Rect ink = f->boxes[i].ink;
        if (!SDL_HasIntersection(&ink, &box)) continue;
        for (const char *p = f->boxes[i].text; *p && o + 2 < sizeof all;) {
            if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
                all[o++] = ' ';
                p += 2;
            } else {
                all[o++] = *p++;
            }
        }
        all[o++] = ' ';
    }
    while (o > 0 && all[o - 1] == ' ') o--;
    all[o] = '\0';
    return strcmp(all, sentence) == 0;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* |w|'s value at rank (n - 1) * 95 / 100 from the smallest. */
static double percentile95(const double *w, int n)
{
    double a[640];
    for (int i = 0; i < n; i++) a[i] = fabs(w[i]);
    qsort(a, (size_t)n, sizeof a[0], by_value);
    return a[(n - 1) * 95 / 100];
}

/* The sign of the t whose colour on the diverging map is nearest c (0 for the middle):
 * the sign a reader takes from the colour. */
static int colour_sign(const ui_theme *th, SDL_Color c)
{
    long best = -1;
    int sign = 0;
    for (int i = -1000; i <= 1000; i++) {
        SDL_Color m = ui_regression_diverging(th, i / 1000.0);
        long d = (long)(c.r - m.r) * (c.r - m.r) + (long)(c.g - m.g) * (c.g - m.g) + (long)(c.b - m.b) * (c.b - m.b);
        if (best < 0 || d < best) best = d, sign = i > 0 ? 1 : i < 0 ? -1 : 0;
    }
    return sign;
}

typedef struct digits_toy {
    double image[64];
    double w[10 * 64];
} digits_toy;

static void digits_init(digits_toy *d)
{
    /* A 3 drawn in 0..16, and templates with a known sign pattern: class k positive on
     * the pixels p with (p + k) % 3 == 0, negative on % 3 == 1, zero otherwise. */
    static const char *const rows[8] = {"..####..", ".#....#.", "......#.", "...###..",
                                        "......#.", "......#.", ".#....#.", "..####.."};
    for (int r = 0; r < 8; r++)
        for (int c = 0; c < 8; c++) d->image[r * 8 + c] = rows[r][c] == '#' ? 16.0 - (r + c) % 5 : (r + c) % 3;
    for (int k = 0; k < 10; k++)
        for (int p = 0; p < 64; p++) {
            int m = (p + k) % 3;
            d->w[k * 64 + p] = m == 0 ? 0.05 + 0.01 * (p % 7) * (k + 1) : m == 1 ? -0.04 - 0.003 * p : 0.0;
        }
}

static ui_regression_digits_in digits_view(const digits_toy *d, int label, int predicted)
{
    return (ui_regression_digits_in){.classes = 10, .image = d->image, .label = label, .predicted = predicted,
                                     .q_label = 0.31, .q_predicted = 0.52, .weights = d->w, .stride = 64,
                                     .attribution = ATTRIBUTION};
}

START_TEST(digit_and_templates_are_their_numbers)
{
    digits_toy d;
    digits_init(&d);
    for (int right = 0; right < 2; right++) {
        ui_regression_digits_in v = digits_view(&d, 3, right ? 3 : 8);
        for (int k = 0; k < ALL_SIZES; k++)
            for (int th = 0; th < UI_THEME_COUNT; th++) {
                frame f;
                draw_digits(&f, &v, size_at(k), (ui_theme_kind)th, right ? "right" : "wrong");
                char what[96];
                what_of(what, sizeof what, size_at(k), f.p.theme, "digits");
                panel_labels_readable(&f.p, what);
                panel_drawn_inside(&f.p, what);
                if (f.g.view == UI_REGRESSION_NONE) {
                    ck_assert_msg(size_at(k).w <= 300, "%s: nothing drawn", what);
                    panel_frame_close(&f.p);
                    continue;
                }
                /* Wherever the digits are drawn, their attribution is, whole. */
                ck_assert_msg(f.g.attribution_lines >= 1, "%s: no attribution", what);
                ck_assert_msg(attribution_drawn(&f.p, f.g.attribution, ATTRIBUTION), "%s: the attribution is not drawn whole",
                              what);
                /* The image's cells are its pixels' greys. */
                if (f.g.image_pitch > 0) {
                    for (int p = 0; p < 64; p++) {
                        int x = f.g.image.x + (p % 8) * f.g.image_pitch + f.g.image_pitch / 2;
                        int y = f.g.image.y + (p / 8) * f.g.image_pitch + f.g.image_pitch / 2;
                        SDL_Color want = ui_regression_digit_grey(f.p.theme, d.image[p]);
                        ck_assert_msg(same(pixel(&f.p, x, y), want, 0), "%s: image pixel %d not grey %d", what, p,
                                      want.r);
                    }
                }
                /* Each template's cells have its weights' signs, on a scale that ends at the
                 * 95th percentile of |W| (sorted here). */
                ck_assert_int_eq(f.g.templates, 10);
                ck_assert_msg(f.g.w_scale == percentile95(d.w, 640), "%s: scale %g, the 95th percentile %g", what,
                              f.g.w_scale, percentile95(d.w, 640));
                SDL_Color mid = ui_regression_diverging(f.p.theme, 0.0);
                for (int c = 0; c < 10; c++)
                    for (int p = 0; p < 64; p++) {
                        int x = f.g.tmpl[c].x + (p % 8) * f.g.tmpl_pitch + f.g.tmpl_pitch / 2;
                        int y = f.g.tmpl[c].y + (p / 8) * f.g.tmpl_pitch + f.g.tmpl_pitch / 2;
                        SDL_Color got = pixel(&f.p, x, y);
                        double w = d.w[c * 64 + p];
                        SDL_Color want = ui_regression_diverging(f.p.theme, w / f.g.w_scale);
                        ck_assert_msg(same(got, want, 0), "%s: template %d pixel %d", what, c, p);
                        /* The sign, read from the colour alone: towards the positive end or the negative. */
                        if (w == 0.0) ck_assert_msg(same(got, mid, 0), "%s: template %d zero pixel %d", what, c, p);
                        else ck_assert_msg((w > 0) == (colour_sign(f.p.theme, got) > 0), "%s: template %d pixel %d: "
                                           "weight %g, colour of the other sign", what, c, p, w);
                    }
                panel_frame_close(&f.p);
            }
    }
}
END_TEST

/* ---- through the session: the scenario's own state and theta ---- */

static xl_session *regression_session(const char *const *names, const double *values, int n, int steps)
{
    xl_session *s = scenario_session(&xl_scenario_regression, 7, names, values, n);
    xl_session_run(s, steps);
    return s;
}

static void draw_session(frame *f, const xl_session *s, size_case sz, ui_theme_kind kind, const char *shot)
{
    ui_ctx ctx = panel_frame_open(&f->p, sz, kind);
    ui_regression_panel_draw(&ctx, f->p.area, s, &f->g);
    panel_frame_done(&f->p, "regression_session", shot, sz);
}

/* The class a plain double loop predicts at raw (a, b) of the plane, from theta, the
 * scaler's mean and scale of the plotted columns, the other features at 0 (their
 * training means), and its max q. Independent of the scenario's and the panel's code. */
static int plain_argmax(const xl_regression_state *st, const double *theta, double a, double b, double *conf)
{
    const int d = st->d, k = st->k;
    double x[XL_DATASET_FEATURES_MAX] = {0};
    x[st->plot_ja] = (a - st->scaler.mean[st->plot_a]) / st->scaler.scale[st->plot_a];
    x[st->plot_jb] = (b - st->scaler.mean[st->plot_b]) / st->scaler.scale[st->plot_b];
    double z[XL_SOFTREG_MAX_K], top = -INFINITY;
    int best = 0;
    for (int c = 0; c < k; c++) {
        z[c] = theta[k * d + c];
        for (int j = 0; j < d; j++) z[c] += theta[c * d + j] * x[j];
        if (z[c] > top) top = z[c], best = c;
    }
    double sum = 0.0;
    for (int c = 0; c < k; c++) sum += exp(z[c] - top);
    *conf = 1.0 / sum;
    return best;
}

/* Cells whose middle pixel is a region colour at all (no sample covers it) and a
 * margin of confidence from a band's edge: each is the colour of plain_argmax's class
 * at the cell's centre. Returns those checked. */
static long check_session_regions(const frame *f, const xl_regression_state *st, const double *theta, const char *what)
{
    const ui_regression_geom *g = &f->g;
    long checked = 0;
    for (int j = 0; j < g->rows; j++)
        for (int i = 0; i < g->cols; i++) {
            int cw = g->plot.w - i * g->cell, ch = g->plot.h - j * g->cell;
            if (cw > g->cell) cw = g->cell;
            if (ch > g->cell) ch = g->cell;
            SDL_Color got = pixel(&f->p, g->plot.x + i * g->cell + cw / 2, g->plot.y + j * g->cell + ch / 2);
            double a = ui_regression_cell_x(g, i), b = ui_regression_cell_y(g, j), conf = 0.0;
            int k = plain_argmax(st, theta, a, b, &conf);
            int some = 0;
            for (int c = 0; c < st->k && !some; c++)
                for (int band = 0; band < 5; band++)
                    if (same(got, ui_regression_region_colour(f->p.theme, c, 1.0 / st->k + (1.0 - 1.0 / st->k) *
                                                              (band + 0.5) / 5.0, st->k), 0))
                        some = 1;
            if (!some) continue;
            SDL_Color want = ui_regression_region_colour(f->p.theme, k, conf, st->k);
            ck_assert_msg(same(got, want, 0), "%s: cell (%d,%d) at (%.3f cm, %.3f cm) is (%d,%d,%d), not class %d's "
                          "(%d,%d,%d) at max q %.4f", what, i, j, a, b, got.r, got.g, got.b, k, want.r, want.g, want.b,
                          conf);
            checked++;
        }
    return checked;
}

START_TEST(iris_regions_are_the_scenarios_model)
{
    static const char *const names[] = {"features"};
    for (int four = 0; four < 2; four++) {
        const double values[] = {four ? XL_REGRESSION_ALL_FOUR : 0};
        xl_session *s = regression_session(names, values, 1, 60);
        const xl_regression_state *st = xl_session_state(s);
        const double *theta = xl_sim_theta(xl_session_sim(s));
        ck_assert_int_eq(xl_regression_kind(st), XL_REGRESSION_IRIS);
        /* The model has learnt something: more than one class has a region. */
        for (int k = SIZE_COUNT; k < SIZE_COUNT + 3; k++)
            for (int th = 0; th < UI_THEME_COUNT; th++) {
                frame f;
                draw_session(&f, s, size_at(k), (ui_theme_kind)th, four ? "iris4" : "iris2");
                char what[96];
                what_of(what, sizeof what, size_at(k), f.p.theme, four ? "iris/4" : "iris/2");
                ck_assert_int_eq(f.g.view, UI_REGRESSION_REGIONS);
                panel_labels_readable(&f.p, what);
                panel_drawn_inside(&f.p, what);
                long checked = check_session_regions(&f, st, theta, what);
                ck_assert_msg(checked > (long)f.g.cols * f.g.rows / 2, "%s: %ld cells checked", what, checked);
                /* Each class's region is somewhere on the plane. */
                int seen[XL_SOFTREG_MAX_K] = {0};
                for (int j = 0; j < f.g.rows; j++)
                    for (int i = 0; i < f.g.cols; i++) {
                        double conf;
                        seen[plain_argmax(st, theta, ui_regression_cell_x(&f.g, i), ui_regression_cell_y(&f.g, j),
                                          &conf)] = 1;
                    }
                ck_assert_msg(seen[0] && seen[1] && seen[2], "%s: a class has no region", what);
                ck_assert_int_eq(f.g.slice_note, four);
                ck_assert_int_eq(f.g.samples, xl_regression_rows(st));
                /* The selected training row is ringed, at its raw values. */
                int sel = xl_session_selected(s);
                ck_assert_int_eq(f.g.selected, sel);
                const double *raw = xl_regression_row_raw(st, sel);
                float want_x = f.g.plot.x + (float)((raw[st->plot_a] - f.g.x_lo) / (f.g.x_hi - f.g.x_lo) * f.g.plot.w);
                float want_y = f.g.plot.y + (float)((f.g.y_hi - raw[st->plot_b]) / (f.g.y_hi - f.g.y_lo) * f.g.plot.h);
                ck_assert_msg(fabsf(f.g.selected_x - want_x) < 0.5f && fabsf(f.g.selected_y - want_y) < 0.5f,
                              "%s: selection at (%.1f,%.1f), its row at (%.1f,%.1f)", what, f.g.selected_x,
                              f.g.selected_y, want_x, want_y);
                ck_assert_msg(near_color(&f.p, f.g.selected_x + f.g.radius + 3.0f + 0.5f * f.g.radius, f.g.selected_y,
                                         2, f.p.theme->select), "%s: no selection ring", what);
                panel_frame_close(&f.p);
            }
        xl_session_destroy(s);
    }
}
END_TEST

/* The recorded strings of the frame, in the order drawn, joined by spaces (a wrapped
 * line's break reads as the space it was), contain text. */
static int frame_says(const panel_frame *f, const char *text)
{
    char all[4096];
    size_t o = 0;
    for (int i = 0; i < f->rec.count && i < MAX_BOXES; i++) {
        size_t n = strlen(f->boxes[i].text);
        if (o + n + 2 >= sizeof all) break;
        memcpy(all + o, f->boxes[i].text, n);
        o += n;
        all[o++] = ' ';
    }
    all[o] = '\0';
    return strstr(all, text) != NULL;
}

START_TEST(the_slice_is_said_with_its_means)
{
    static const char *const names[] = {"features"};
    const double values[] = {XL_REGRESSION_ALL_FOUR};
    xl_session *s = regression_session(names, values, 1, 5);
    const xl_regression_state *st = xl_session_state(s);
    frame f;
    draw_session(&f, s, extra_sizes[0], UI_THEME_LIGHT, NULL);
    ck_assert_int_eq(f.g.slice_note, 1);
    /* The sepals are off the plane: their training means, in cm, are named. */
    char want[64];
    snprintf(want, sizeof want, "sepal length %.2f cm", st->scaler.mean[0]);
    ck_assert_msg(frame_says(&f.p, want), "no '%s' on the panel", want);
    snprintf(want, sizeof want, "sepal width %.2f cm", st->scaler.mean[1]);
    ck_assert_msg(frame_says(&f.p, want), "no '%s' on the panel", want);
    ck_assert_msg(frame_says(&f.p, "training means"), "the slice's means are not called the training means");
    panel_frame_close(&f.p);
    xl_session_destroy(s);
}
END_TEST

START_TEST(digits_show_the_selected_image_and_the_templates)
{
    static const char *const names[] = {"data"};
    const double values[] = {XL_REGRESSION_DIGITS};
    xl_session *s = regression_session(names, values, 1, 25);
    ck_assert(scenario_apply(s, "select 17"));
    const xl_regression_state *st = xl_session_state(s);
    const double *theta = xl_sim_theta(xl_session_sim(s));
    const int sel = xl_session_selected(s);
    ck_assert_int_eq(sel, 16); /* select counts from 1 */
    const double *raw = xl_regression_row_raw(st, sel);
    for (int k = 0; k < ALL_SIZES; k++)
        for (int th = 0; th < UI_THEME_COUNT; th++) {
            frame f;
            draw_session(&f, s, size_at(k), (ui_theme_kind)th, "digits");
            char what[96];
            what_of(what, sizeof what, size_at(k), f.p.theme, "digits");
            panel_labels_readable(&f.p, what);
            panel_drawn_inside(&f.p, what);
            if (f.g.view == UI_REGRESSION_NONE) {
                ck_assert_msg(size_at(k).w <= 300, "%s: nothing drawn", what);
                panel_frame_close(&f.p);
                continue;
            }
            ck_assert_int_eq(f.g.view, UI_REGRESSION_DIGITS);
            /* The attribution, whole, wherever the digits are. */
            ck_assert_msg(attribution_drawn(&f.p, f.g.attribution, XL_DIGITS_ATTRIBUTION),
                          "%s: the digits' attribution is not drawn whole", what);
            /* Label and prediction are the row's. */
            double logq[XL_SOFTREG_MAX_K];
            ck_assert_int_eq(f.g.label, xl_regression_row_label(st, sel));
            ck_assert_int_eq(f.g.predicted, xl_regression_row_q(st, theta, sel, logq));
            /* The image: each cell the grey of the row's pixel value. */
            ck_assert_int_gt(f.g.image_pitch, 2);
            for (int p = 0; p < 64; p++) {
                int x = f.g.image.x + (p % 8) * f.g.image_pitch + f.g.image_pitch / 2;
                int y = f.g.image.y + (p / 8) * f.g.image_pitch + f.g.image_pitch / 2;
                SDL_Color want = ui_regression_digit_grey(f.p.theme, raw[p]);
                SDL_Color got = pixel(&f.p, x, y);
                ck_assert_msg(same(got, want, 0), "%s: pixel %d (value %g) is grey %d, not %d", what, p, raw[p], got.r,
                              want.r);
            }
            /* The templates: each cell's colour has its weight's sign (the model's W). */
            ck_assert_int_eq(f.g.templates, 10);
            long signed_cells = 0;
            for (int c = 0; c < 10; c++)
                for (int p = 0; p < 64; p++) {
                    double w = theta[c * st->d + p];
                    int x = f.g.tmpl[c].x + (p % 8) * f.g.tmpl_pitch + f.g.tmpl_pitch / 2;
                    int y = f.g.tmpl[c].y + (p / 8) * f.g.tmpl_pitch + f.g.tmpl_pitch / 2;
                    SDL_Color got = pixel(&f.p, x, y);
                    ck_assert_msg(same(got, ui_regression_diverging(f.p.theme, w / f.g.w_scale), 0),
                                  "%s: template %d pixel %d", what, c, p);
                    /* Weights too small to tint a colour channel read as the middle. */
                    if (fabs(w) < 0.02 * f.g.w_scale) continue;
                    ck_assert_msg(colour_sign(f.p.theme, got) == (w > 0 ? 1 : -1),
                                  "%s: template %d pixel %d, weight %g, reads as the other sign", what, c, p, w);
                    signed_cells++;
                }
            ck_assert_int_gt(signed_cells, 100);
            panel_frame_close(&f.p);
        }
    xl_session_destroy(s);
}
END_TEST

START_TEST(another_scenario_gets_the_bare_frame)
{
    xl_session *s = scenario_session(&xl_scenario_logistic, 1, NULL, NULL, 0);
    frame f;
    draw_session(&f, s, extra_sizes[0], UI_THEME_DARK, NULL);
    ck_assert_int_eq(f.g.view, UI_REGRESSION_NONE);
    ck_assert_int_eq(f.g.attribution_lines, 0);
    panel_frame_close(&f.p);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("regression panel");
    TCase *tc = tcase_create("from plain inputs");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, regions_are_the_models_argmax);
    tcase_add_test(tc, digit_and_templates_are_their_numbers);
    suite_add_tcase(s, tc);
    TCase *session = tcase_create("from the scenario");
    tcase_set_timeout(session, 120);
    tcase_add_test(session, iris_regions_are_the_scenarios_model);
    tcase_add_test(session, the_slice_is_said_with_its_means);
    tcase_add_test(session, digits_show_the_selected_image_and_the_templates);
    tcase_add_test(session, another_scenario_gets_the_bare_frame);
    suite_add_tcase(s, session);
    return s;
}
