/* ui_panel_regression_digits: the digits picture, the selected image large and the ten
 * templates (see ui_panel_regression.h and ui_panel_regression_internal.h).
 *
 * Layout: the attribution at the bottom, first (it must be shown wherever the digits
 * are, so everything else gives way to it); above it, at the left the selected image
 * as a square of 8 x 8 cells with its label and prediction over it, at the right the
 * templates in two rows of five, each under its digit, and under them the diverging
 * scale's key. The label's template is framed in the truth's colour, the prediction's
 * in the model's (P blue, Q orange, as on the bars).
 *
 * The templates share one symmetric scale, its ends at the 95th percentile of all the
 * |weights| (the few beyond at full colour, the key says so), so a strong template
 * looks strong beside a weak one, and 0 is the neutral middle.
 */
#include "ui_panel_regression_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_wrap.h"
#include "ui_lang.h"

enum { SIDE = UI_REGRESSION_DIGIT_SIDE, PIXELS = SIDE * SIDE };

#define NBSP "\xC2\xA0"

/* Subscript digits, for z₀ .. z₉. */
static const char *const SUB[10] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};

/* The attribution wrapped across the width at the bottom of in; returns its top (in.y +
 * in.h if nothing was drawn). The licence's name "CC BY 4.0" is kept on one line (its
 * spaces made non-breaking), so no reader sees a bare "CC BY" and a "4.0" apart. */
static int draw_attribution(const ui_ctx *ctx, SDL_Rect in, const char *text, ui_claims *pl, ui_regression_geom *g)
{
    if (!text || !*text) return in.y + in.h;
    char buf[512];
    size_t o = 0;
    for (const char *p = text; *p && o + 4 < sizeof buf;) {
        if (strncmp(p, "CC BY ", 6) == 0 && o + 16 < sizeof buf) {
            memcpy(buf + o, "CC" NBSP "BY" NBSP, 8);
            o += 8;
            p += 6;
            continue;
        }
        buf[o++] = *p++;
    }
    buf[o] = '\0';
    const ui_wrap_style st = {UI_FONT_TICK, UI_FONT_TICK, ctx->theme->text_dim, ctx->theme->text_dim, 0, 0, 0};
    int h = ui_wrap_draw(ctx->text, &st, buf, in.x, in.y, in.w, in.y + in.h, 0, NULL);
    if (h <= 0 || h > in.h) return in.y + in.h;
    int y = in.y + in.h - h;
    ui_wrap_draw(ctx->text, &st, buf, in.x, y, in.w, in.y + in.h, 1, NULL);
    SDL_Rect box = {in.x, y, in.w, h};
    ui_claim(pl, box, in, 0);
    g->attribution = box;
    g->attribution_lines = h / ui_text_line_height(ctx->text, UI_FONT_TICK);
    if (g->attribution_lines < 1) g->attribution_lines = 1;
    return y;
}

/* The k-th smallest of a[0..n-1] (0-based), reordering a: Hoare's selection, in place,
 * so a frame allocates nothing (a library sort may). */
static double kth_smallest(double *a, int n, int k)
{
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        double pivot = a[lo + (hi - lo) / 2];
        int i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) {
                double t = a[i];
                a[i] = a[j];
                a[j] = t;
                i++;
                j--;
            }
        }
        if (k <= j) hi = j;
        else if (k >= i) lo = i;
        else break;
    }
    return a[k];
}

/* The scale's end: the 95th percentile of |weight| over all templates, so the few
 * largest weights (which grow without bound on separable pixels) do not leave the rest
 * pale; the ones beyond take the end colours, and the key says "≥". 0 if all are 0.
 * *beyond: 1 if any |weight| exceeds the scale. */
static double weight_scale(const ui_regression_digits_in *v, int *beyond)
{
    double a[UI_REGRESSION_CLASSES_MAX * PIXELS];
    int n = 0;
    for (int k = 0; k < v->classes && k < UI_REGRESSION_CLASSES_MAX; k++)
        for (int p = 0; p < PIXELS; p++) {
            double w = fabs(v->weights[k * v->stride + p]);
            if (isfinite(w)) a[n++] = w;
        }
    *beyond = 0;
    if (n == 0) return 0.0;
    double top = 0.0;
    for (int i = 0; i < n; i++)
        if (a[i] > top) top = a[i];
    double m = kth_smallest(a, n, (n - 1) * 95 / 100);
    if (!(m > 0.0)) m = top;
    if (!(m > 0.0)) return 0.0;
    *beyond = top > m;
    return m;
}

static void draw_image(const ui_ctx *ctx, const ui_regression_digits_in *v, SDL_Rect box, int pitch)
{
    ui_draw_fill(ctx->r, box, ctx->theme->border);
    for (int r = 0; r < SIDE; r++)
        for (int c = 0; c < SIDE; c++) {
            SDL_Rect cell = {box.x + c * pitch + 1, box.y + r * pitch + 1, pitch - 1, pitch - 1};
            ui_draw_fill(ctx->r, cell, ui_regression_digit_grey(ctx->theme, v->image[r * SIDE + c]));
        }
}

static void draw_template(const ui_ctx *ctx, const ui_regression_digits_in *v, int k, SDL_Rect box, int pitch,
                          double scale)
{
    /* No gaps: a template is one picture (a stroke reads as a stroke), framed. */
    const double *w = v->weights + k * v->stride;
    for (int r = 0; r < SIDE; r++)
        for (int c = 0; c < SIDE; c++) {
            SDL_Rect cell = {box.x + c * pitch, box.y + r * pitch, pitch, pitch};
            ui_draw_fill(ctx->r, cell, ui_regression_diverging(ctx->theme, w[r * SIDE + c] / scale));
        }
}

/* The pitch of a template's cells in an area w x h holding cols x rows templates, each
 * under its digit's name (tick_h) with gap around it, the key (key_h) under all. */
static int template_pitch(int w, int h, int cols, int rows, int gap, int tick_h, int key_h)
{
    if (cols < 1 || rows < 1) return 0;
    int tp = w / cols - gap;
    int by_h = (h - key_h) / rows - tick_h - gap;
    if (by_h < tp) tp = by_h;
    return tp > 0 ? tp / SIDE : 0;
}

/* A frame `width` wide just outside box, in colour c. */
static void frame_around(const ui_ctx *ctx, SDL_Rect box, int gap, int width, SDL_Color c)
{
    SDL_Rect f = {box.x - gap - width, box.y - gap - width, box.w + 2 * (gap + width), box.h + 2 * (gap + width)};
    ui_draw_frame(ctx->r, f, width, c);
}

/* The diverging key: a bar from −scale to +scale with its ends and 0 labelled. */
static void draw_key(const ui_ctx *ctx, SDL_Rect area, double scale, int beyond, ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    const int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    char lo[48], hi[48], buf[32];
    ui_format_fit(buf, sizeof buf, scale, 2, 6);
    /* With weights beyond the ends, the end colours mean "this far or further". */
    snprintf(hi, sizeof hi, "%s+%s", beyond ? "≥" : "", buf);
    snprintf(lo, sizeof lo, "%s−%s", beyond ? "≤" : "", buf);
    const char *title = _("weight:");
    int tw = ui_text_width(ctx->text, UI_FONT_TICK, title);
    int wl = ui_text_width(ctx->text, UI_FONT_TICK, lo), wh = ui_text_width(ctx->text, UI_FONT_TICK, hi);
    int bar_w = area.w - tw - wl - wh - 4 * (ctx->pad / 2);
    if (bar_w > 12 * tick_h) bar_w = 12 * tick_h;
    if (bar_w < 3 * tick_h) return;
    int x = area.x, y = area.y;
    SDL_Rect all = {x, y, tw + wl + wh + bar_w + 3 * (ctx->pad / 2), tick_h};
    if (!ui_claim(pl, all, area, 0)) return;
    ui_text_draw(ctx->text, UI_FONT_TICK, x, y, UI_ALIGN_LEFT, th->text_dim, title);
    x += tw + ctx->pad / 2;
    ui_text_draw(ctx->text, UI_FONT_TICK, x, y, UI_ALIGN_LEFT, th->text_dim, lo);
    x += wl + ctx->pad / 2;
    int bh = tick_h * 2 / 3;
    for (int i = 0; i < bar_w; i++) {
        double t = -1.0 + 2.0 * (i + 0.5) / bar_w;
        ui_draw_fill(ctx->r, (SDL_Rect){x + i, y + (tick_h - bh) / 2, 1, bh}, ui_regression_diverging(th, t));
    }
    ui_draw_line(ctx->r, x + bar_w / 2.0f, y, x + bar_w / 2.0f, y + tick_h, 1.0f, th->axis);
    x += bar_w + ctx->pad / 2;
    ui_text_draw(ctx->text, UI_FONT_TICK, x, y, UI_ALIGN_LEFT, th->text_dim, hi);
}

/* The caption over the image: the label and the prediction, each after a swatch of the
 * frame it puts around its template (blue the truth, orange the model); with
 * `lines` = 3 and the prediction's q not on its line, a third line gives the q's
 * ("q₄ = 0.34, q₀ = 0.18": the answer's and, when wrong, the label's). Returns the
 * width used. */
static int draw_caption(const ui_ctx *ctx, const ui_regression_digits_in *v, int x, int y, int w, int frame_w,
                        int lines, ui_claims *pl, SDL_Rect in)
{
    const ui_theme *th = ctx->theme;
    int used = 0;
    if (v->label < 0) return 0;
    char line[3][2][96];
    memset(line, 0, sizeof line);
    snprintf(line[0][0], sizeof line[0][0], _("label %d"), v->label);
    if (v->predicted >= 0 && v->predicted < 10 && v->label < 10) {
        const int right = v->predicted == v->label;
        const char *mark = right ? "" : " \xE2\x9C\x97"; /* ✗ */
        snprintf(line[1][0], sizeof line[1][0], _("model: %d, q = %.2f%s"), v->predicted, v->q_predicted, mark);
        snprintf(line[1][1], sizeof line[1][1], _("model: %d%s"), v->predicted, mark);
        if (right) {
            snprintf(line[2][0], sizeof line[2][0], "q%s = %.2f", SUB[v->predicted], v->q_predicted);
        } else {
            snprintf(line[2][0], sizeof line[2][0], "q%s = %.2f, q%s = %.2f", SUB[v->predicted], v->q_predicted,
                     SUB[v->label], v->q_label);
            snprintf(line[2][1], sizeof line[2][1], "q%s = %.2f", SUB[v->predicted], v->q_predicted);
        }
    }
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    const int sw = lh * 7 / 10, gap = lh / 3;
    int long_model = 0;
    for (int i = 0; i < lines && i < 3; i++) {
        if (i == 2 && long_model) break;
        for (int wording = 0; wording < 2; wording++) {
            const char *text = line[i][wording];
            if (!text[0]) break;
            int tw = ui_text_width(ctx->text, UI_FONT_LABEL, text);
            if (sw + gap + tw > w) continue;
            SDL_Rect b = {x, y + i * lh, sw + gap + tw, lh};
            if (!ui_claim(pl, b, in, 0)) continue;
            if (i < 2) {
                SDL_Rect swatch = {x, b.y + (lh - sw) / 2, sw, sw};
                ui_draw_frame(ctx->r, swatch, frame_w < sw / 3 ? frame_w : sw / 3, i == 0 ? th->truth : th->model);
            }
            ui_text_draw(ctx->text, UI_FONT_LABEL, x + sw + gap, b.y, UI_ALIGN_LEFT, i < 2 ? th->text : th->text_dim,
                         text);
            if (i == 1 && wording == 0) long_model = 1;
            if (b.w > used) used = b.w;
            break;
        }
    }
    return used;
}

void ui_regression_digits_draw(const ui_ctx *ctx, SDL_Rect in, const ui_regression_digits_in *v, ui_claims *pl,
                               ui_regression_geom *g)
{
    const ui_theme *th = ctx->theme;
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    const int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    g->label = v->label;
    g->predicted = v->predicted;
    g->selected = -1;

    /* No digits without their attribution: where it cannot be drawn whole, neither are they. */
    int bottom = draw_attribution(ctx, in, v->attribution, pl, g) - ctx->pad / 2;
    if (g->attribution_lines == 0) return;
    const int frame_w = (int)ui_lw(ctx, 1.5f) < 2 ? 2 : (int)ui_lw(ctx, 1.5f);

    /* Two layouts: the image at the left with its caption over it and the templates
     * beside (a wide panel), or stacked, the image at the top left with its caption
     * beside it and the templates across the width below (a panel about as tall as
     * wide: a lesson's column beside it). The one whose templates come out larger. */
    const int avail = bottom - in.y;
    const int cols = v->classes > 5 ? (v->classes + 1) / 2 : v->classes;
    const int rows = cols > 0 ? (v->classes + cols - 1) / cols : 1;
    const int key_h = tick_h + ctx->pad / 2, tgap = 2 * frame_w + ctx->pad / 2;
    int wide_lines = (avail - (3 * lh + ctx->pad / 3) - 2 * frame_w) * 10 >= in.w * 3 * 8 / 10 ? 3 : 2;
    int wide_side = avail - (wide_lines * lh + ctx->pad / 3) - 2 * frame_w;
    if (wide_side > in.w * 3 / 10) wide_side = in.w * 3 / 10;
    const int wide_tp =
        template_pitch(in.w - (wide_side + 2 * frame_w + ctx->pad), avail, cols, rows, tgap, tick_h, key_h);
    /* Each layout scored by three times its templates' pitch plus the image's (ten
     * templates against one image); stacked, the image takes 2/5 or 1/3 of the
     * height. A tie keeps the first. */
    int best_score = 3 * wide_tp + wide_side / SIDE, stack_side = 0;
    for (int share = 2; share <= 3; share++) {
        int try_side = share == 2 ? avail * 2 / 5 : avail / share;
        if (try_side > in.w * 9 / 20) try_side = in.w * 9 / 20;
        int tp = template_pitch(in.w, avail - (try_side + 2 * frame_w + ctx->pad / 2), cols, rows, tgap, tick_h,
                                key_h);
        int score = 3 * tp + try_side / SIDE;
        if (score > best_score && try_side / SIDE >= 3) {
            best_score = score;
            stack_side = try_side;
        }
    }
    const int stacked = stack_side > 0;
    int cap_lines = stacked ? 3 : wide_lines;
    int cap_h = stacked ? 0 : cap_lines * lh + ctx->pad / 3;
    int side = stacked ? stack_side : wide_side;
    int pitch = (side - 1) / SIDE;
    if (pitch < 3 || !v->image) pitch = 0;
    SDL_Rect area = {in.x, in.y, in.w, bottom - in.y}; /* the templates' */
    if (pitch > 0) {
        int sz = pitch * SIDE + 1;
        SDL_Rect box = {in.x + frame_w, in.y + cap_h + frame_w, sz, sz};
        if (stacked) {
            int cx = box.x + sz + frame_w + ctx->pad;
            draw_caption(ctx, v, cx, in.y, in.x + in.w - cx, frame_w, cap_lines, pl, in);
            int top = box.y + sz + frame_w + ctx->pad / 2;
            area = (SDL_Rect){in.x, top, in.w, bottom - top};
        } else {
            /* The caption as wide as the image (its shorter wording if need be): the
             * width beside it is the templates'. */
            int used = draw_caption(ctx, v, in.x, in.y, sz + 2 * frame_w, frame_w, cap_lines, pl, in);
            int left_w = (used > sz + 2 * frame_w ? used : sz + 2 * frame_w) + ctx->pad;
            area = (SDL_Rect){in.x + left_w, in.y, in.w - left_w, bottom - in.y};
        }
        draw_image(ctx, v, box, pitch);
        frame_around(ctx, box, 0, frame_w, th->truth);
        g->image = box;
        g->image_pitch = pitch;
        char l0[UI_HIT_TEXT], l1[UI_HIT_TEXT];
        snprintf(l0, sizeof l0, _("the selected training image: file row %d, label %d"), v->file_row, v->label);
        snprintf(l1, sizeof l1, _("the model says %d with q = %.3f; q of its label %.3f"), v->predicted, v->q_predicted,
                 v->q_label);
        ui_hit_add(ctx, box, l0, l1, _("each cell: a pixel's ink, 0 (none) to 16"));
    }

    /* The templates: five columns, two rows, each a digit over its 8 x 8 weights. */
    if (!v->weights || v->classes < 1) return;
    const int gap = tgap;
    int tp = template_pitch(area.w, area.h, cols, rows, gap, tick_h, key_h);
    if (tp < 2) return;
    int beyond = 0;
    const double found = weight_scale(v, &beyond);
    const double scale = found > 0.0 ? found : 1.0; /* all 0 (the start): every cell the middle */
    g->w_scale = scale;
    g->tmpl_pitch = tp;
    int sz = tp * SIDE;
    int grid_w = cols * (sz + gap);
    int x0 = area.x + (area.w - grid_w) / 2 + gap / 2, y0 = area.y;
    for (int k = 0; k < v->classes; k++) {
        int c = k % cols, r = k / cols;
        int x = x0 + c * (sz + gap), y = y0 + r * (sz + gap + tick_h);
        char name[8];
        snprintf(name, sizeof name, "%d", k);
        int nw = ui_text_width(ctx->text, UI_FONT_TICK, name);
        SDL_Rect nb = {x + (sz - nw) / 2, y, nw, tick_h};
        if (ui_claim(pl, nb, in, 0))
            ui_text_draw(ctx->text, UI_FONT_TICK, nb.x, nb.y, UI_ALIGN_LEFT, th->text, name);
        SDL_Rect box = {x, y + tick_h + frame_w, sz, sz};
        draw_template(ctx, v, k, box, tp, scale);
        frame_around(ctx, box, 0, 1, th->border); /* its edge, where its cells are near the middle */
        g->tmpl[k] = box;
        char l0[UI_HIT_TEXT], l1[UI_HIT_TEXT];
        snprintf(l0, sizeof l0, _("template of %d: row %d of W, one weight a pixel"), k, k);
        snprintf(l1, sizeof l1, _("green: more ink there than average raises z%s"), SUB[k]);
        ui_hit_add(ctx, box, l0, l1, _("purple: lowers it; pale: the pixel counts little"));
        if (k == v->predicted) frame_around(ctx, box, k == v->label ? frame_w : 0, frame_w, th->model);
        if (k == v->label) frame_around(ctx, box, 0, frame_w, th->truth);
    }
    g->templates = v->classes;
    int key_y = y0 + rows * (sz + gap + tick_h);
    if (key_y + tick_h <= bottom) {
        if (found > 0.0) {
            draw_key(ctx, (SDL_Rect){area.x, key_y, area.w, tick_h}, scale, beyond, pl);
        } else {
            const char *text = _("every weight is 0: no pixel counts");
            int w = ui_text_width(ctx->text, UI_FONT_TICK, text);
            if (w > area.w) w = ui_text_width(ctx->text, UI_FONT_TICK, text = _("all of W is 0"));
            SDL_Rect box = {area.x, key_y, w, tick_h};
            if (w <= area.w && ui_claim(pl, box, in, 0))
                ui_text_draw(ctx->text, UI_FONT_TICK, box.x, box.y, UI_ALIGN_LEFT, th->text_dim, text);
        }
    }
    g->view = UI_REGRESSION_DIGITS;
}
