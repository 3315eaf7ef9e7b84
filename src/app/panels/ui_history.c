/* ui_history: the scenario's loss and gap (H(P,Q) and D_KL(P‖Q) for the softmax)
 * against the step number, with the floor (H(P)) dashed: what the loss approaches. In
 * a race, one loss curve per optimizer in its colour. Both axes scale to the run so
 * far. */
#include "ui_rec.h"
#include "ui_panels.h"
#include "ui_lang.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_draw.h"

/* The width ui_legend_item takes for label. */
static int legend_width(const ui_ctx *ctx, const char *label)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    return lh + lh / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, label) + lh;
}

/* Where the plot is and what its axes span: steps 0..x_max across, 0..y_max (in the
 * display unit, k per nat) up. */
typedef struct axes {
    SDL_Rect plot;
    double x_max, y_max, k;
} axes;

static float step_x(const axes *a, double step)
{
    return a->plot.x + (float)(step / a->x_max * a->plot.w);
}

/* A value in nats to its row; values above the axis are held at its top. */
static float value_y(const axes *a, double nats)
{
    return a->plot.y + a->plot.h - (float)(fmin(nats * a->k, a->y_max) / a->y_max * a->plot.h);
}

/* A race's key in tick type, a short line for a swatch: set close so every optimizer is
 * named. Returns the width taken, or 0 when it does not fit before `right`. */
static int compact_item(const ui_ctx *ctx, int x, int y, int right, SDL_Color colour, int dashed, const char *name)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    int sw = lh * 2 / 3, w = ui_text_width(ctx->text, UI_FONT_TICK, name);
    if (x + sw + 3 + w > right) return 0;
    float ly = y + lh / 2.0f;
    if (dashed) { /* two dashes, as the floor's line */
        float d = sw / 2.5f;
        ui_draw_line(ctx->r, x, ly, x + d, ly, ui_lw(ctx, 1.5f), colour);
        ui_draw_line(ctx->r, x + sw - d, ly, x + sw, ly, ui_lw(ctx, 1.5f), colour);
    } else {
        ui_draw_line(ctx->r, x, ly, x + sw, ly, ui_lw(ctx, 1.5f), colour);
    }
    ui_text_draw(ctx->text, UI_FONT_TICK, x + sw + 3, y + (lh - tick_h) / 2, UI_ALIGN_LEFT, ctx->theme->text, name);
    return sw + 3 + w + lh / 2;
}

/* One key per optimizer and the floor's: titles ("gradient descent") when the row
 * holds them, else short names ("gd"), else short names set close in tick type, the
 * floor's key set close too (and floor_label cleared, as drawn). Every optimizer and the
 * floor keep a key: a dashed line without one reads as a runner. Returns where the row ends. */
static int race_legend(const ui_ctx *ctx, SDL_Rect in, const xl_session *s, char *floor_label, int floor_dashed)
{
    const int nruns = xl_session_run_count(s);
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int x = in.x, total = 0, short_total = 0;
    for (int r = 0; r < nruns; r++) {
        xl_optim_kind kind = xl_sim_optimizer(xl_session_run_sim(s, r))->kind;
        total += legend_width(ctx, _(xl_optim_kind_title(kind)));
        short_total += legend_width(ctx, xl_optim_kind_name(kind));
    }
    const int floor_w = floor_label[0] ? legend_width(ctx, floor_label) : 0;
    total += floor_w;
    int compact = short_total + floor_w > in.w;
    for (int r = 0; r < nruns; r++) {
        xl_optim_kind kind = xl_sim_optimizer(xl_session_run_sim(s, r))->kind;
        const char *name = total <= in.w ? _(xl_optim_kind_title(kind)) : xl_optim_kind_name(kind);
        SDL_Color colour = ui_run_colour(ctx->theme, s, r);
        if (compact) {
            int w = compact_item(ctx, x, in.y, in.x + in.w, colour, 0, name);
            if (w == 0) break;
            x += w;
            continue;
        }
        if (x + legend_width(ctx, name) - lh > in.x + in.w) break;
        x += ui_legend_item(ctx, x, in.y, colour, 0, name);
    }
    if (compact && floor_label[0]) {
        x += compact_item(ctx, x, in.y, in.x + in.w, ctx->theme->inherent, floor_dashed, floor_label);
        floor_label[0] = '\0';
    }
    return x;
}

/* The loss and the gap: "H(P,Q) cross-entropy" when the row holds it, else the
 * symbols alone (the floor's too). Returns where the row ends. */
static int loss_legend(const ui_ctx *ctx, SDL_Rect in, const xl_readout_def *rd, char *loss_label,
                       size_t loss_size, char *floor_label, size_t floor_size)
{
    const ui_theme *th = ctx->theme;
    int x = in.x;
    if (legend_width(ctx, loss_label) + legend_width(ctx, rd[2].symbol) + legend_width(ctx, floor_label) > in.w)
        snprintf(loss_label, loss_size, "%s", rd[0].symbol);
    if (legend_width(ctx, loss_label) + legend_width(ctx, rd[2].symbol) + legend_width(ctx, floor_label) > in.w)
        snprintf(floor_label, floor_size, "%s", rd[1].symbol);
    /* Symbols still too wide for the row (a narrow panel at the room's type): the
     * keys that fit, in order, not ones running out of the panel. */
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    if (x + legend_width(ctx, loss_label) <= in.x + in.w + lh)
        x += ui_legend_item(ctx, x, in.y, th->text, 0, loss_label);
    else
        return x;
    if (x + legend_width(ctx, rd[2].symbol) <= in.x + in.w + lh)
        x += ui_legend_item(ctx, x, in.y, th->surprise, 0, rd[2].symbol);
    else
        floor_label[0] = '\0'; /* the floor's key only after the gap's */
    return x;
}

/* The legend row: the curves' keys, then the floor's where it fits, then the ceiling's
 * (a moving floor is a solid series of its own; the ceiling is dashed). */
static void draw_legend(const ui_ctx *ctx, SDL_Rect in, const xl_session *s)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    const xl_readout_def *rd = def->readouts;
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    char loss_label[96], floor_label[96];
    const char *meaning = _(rd[0].meaning);
    size_t word = strcspn(meaning, ":");
    snprintf(loss_label, sizeof loss_label, "%s %.*s", rd[0].symbol, (int)word, meaning);
    snprintf(floor_label, sizeof floor_label, def->floor_moves ? "%s" : _("%s floor"), rd[1].symbol);
    int x = xl_session_racing(s) ? race_legend(ctx, in, s, floor_label, !def->floor_moves)
                                 : loss_legend(ctx, in, rd, loss_label, sizeof loss_label, floor_label,
                                               sizeof floor_label);
    if (floor_label[0] && x + legend_width(ctx, floor_label) <= in.x + in.w + lh) /* trailing space may overhang */
        x += ui_legend_item(ctx, x, in.y, ctx->theme->inherent, !def->floor_moves, floor_label);
    double level;
    const char *label = NULL;
    if (def->ceiling && def->ceiling(xl_session_state(s), &level, &label) && label &&
        x + legend_width(ctx, _(label)) <= in.x + in.w + lh)
        ui_legend_item(ctx, x, in.y, ctx->theme->text_dim, 1, _(label));
}

/* The axes' ends: the largest finite loss of any run (in the display unit) and the
 * last step, each rounded up to a nice number; at least ten steps. */
static void run_extent(const xl_session *s, double k, double *x_max, double *y_max)
{
    double top = 0.0;
    long last = 0;
    for (int r = 0; r < xl_session_run_count(s); r++) {
        const xl_sim *rs = xl_session_run_sim(s, r);
        const xl_sample *rh = xl_sim_history(rs);
        int rc = xl_sim_history_count(rs);
        for (int i = 0; i < rc; i++)
            if (isfinite(rh[i].loss) && rh[i].loss > top) top = rh[i].loss;
        if (rc > 0 && rh[rc - 1].step > last) last = rh[rc - 1].step;
    }
    long head;
    xl_session_timeline(s, NULL, &head); /* rewound: the axis keeps the run's whole length */
    if (head > last) last = head;
    double level;
    const char *label;
    const xl_scenario_def *def = xl_session_scenario(s);
    if (def->ceiling && def->ceiling(xl_session_state(s), &level, &label) && isfinite(level) && level > top)
        top = level;
    *y_max = ui_nice_ceil(top * k);
    if (!(*y_max > 0.0)) *y_max = 1.0; /* every value 0 (a loss of 0): still an axis */
    *x_max = ui_nice_ceil(last < 10 ? 10.0 : (double)last);
}

/* The y labels' column, as wide as the widest label drawn, and a gap. */
static int y_label_width(const ui_ctx *ctx, double y_max)
{
    char label[48];
    int tick_w = ui_text_width(ctx->text, UI_FONT_TICK, ui_format_fit(label, sizeof label, y_max, 1, 7));
    int min_w = ui_text_width(ctx->text, UI_FONT_TICK, "00.0");
    if (tick_w < min_w) tick_w = min_w;
    return tick_w + ctx->pad / 2;
}

/* With H(P) = 0 (a one-hot P) the KL curve lies exactly on the loss curve and the
 * floor on the axis: a line under the legend says why one line shows two series. */
static void draw_coincide_note(const ui_ctx *ctx, SDL_Rect in, const xl_readout_def *rd)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    char n0[160], n1[96];
    snprintf(n0, sizeof n0, _("%s = 0, so %s = %s: the curves coincide"), rd[1].symbol, rd[2].symbol, rd[0].symbol);
    snprintf(n1, sizeof n1, _("%s = 0, so %s = %s"), rd[1].symbol, rd[2].symbol, rd[0].symbol);
    const char *notes[] = {n0, n1};
    for (int i = 0; i < 2; i++)
        if (ui_text_width(ctx->text, UI_FONT_LABEL, notes[i]) <= in.w) {
            ui_text_draw(ctx->text, UI_FONT_LABEL, in.x, in.y + lh + ctx->pad / 4, UI_ALIGN_LEFT,
                         ctx->theme->text_dim, notes[i]);
            break;
        }
}

/* Gridlines, ticks and labels up the left (a tick per two label heights), the unit
 * heading the label column. */
static void draw_y_axis(const ui_ctx *ctx, const axes *a, int tick_w)
{
    const ui_theme *th = ctx->theme;
    const SDL_Rect plot = a->plot;
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    float lw = ui_lw(ctx, 1.0f);
    char label[48];
    double ticks[64];
    double ystep = ui_nice_step(0.0, a->y_max, plot.h / (tick_h * 2) + 1);
    int nt = ui_ticks(0.0, a->y_max, ystep, ticks, 64);
    for (int i = 0; i < nt; i++) {
        float y = plot.y + plot.h - (float)(ticks[i] / a->y_max * plot.h);
        if (ticks[i] > 0) ui_draw_line(ctx->r, plot.x, y, plot.x + plot.w, y, 1.0f, th->grid);
        ui_draw_line(ctx->r, plot.x - ctx->pad / 3.0f, y, plot.x, y, lw, th->axis);
        ui_format_tick(label, sizeof label, ticks[i], ystep);
        if (ui_text_width(ctx->text, UI_FONT_TICK, label) > tick_w - ctx->pad / 2)
            ui_format_fit(label, sizeof label, ticks[i], 0, 7);
        ui_text_draw(ctx->text, UI_FONT_TICK, plot.x - ctx->pad / 2, (int)(y - tick_h / 2.0f),
                     UI_ALIGN_RIGHT, th->text_dim, label);
    }
    /* The unit heads the label column, clear of the top label (which sits at plot.y). */
    ui_text_draw(ctx->text, UI_FONT_TICK, plot.x + ctx->pad / 2, plot.y - tick_h - ctx->pad / 4, UI_ALIGN_LEFT,
                 th->text_dim, xl_unit_name(ctx->unit));
}

/* Ticks and labels along the bottom, whole steps only, and the axis title under them. */
static void draw_x_axis(const ui_ctx *ctx, SDL_Rect in, const axes *a, const char *xtitle)
{
    const ui_theme *th = ctx->theme;
    const SDL_Rect plot = a->plot;
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    float lw = ui_lw(ctx, 1.0f);
    char label[48];
    double ticks[64];
    int xlabel_w = ui_text_width(ctx->text, UI_FONT_TICK, ui_format_fit(label, sizeof label, a->x_max, 0, 9));
    /* Steps are whole numbers: no tick between two of them. */
    double xstep = fmax(1.0, ui_nice_step(0.0, a->x_max, plot.w / (xlabel_w * 2 + ctx->pad) + 1));
    int nt = ui_ticks(0.0, a->x_max, xstep, ticks, 64);
    int xtitle_w = ui_text_width(ctx->text, UI_FONT_TICK, xtitle);
    int last_right = in.x - ctx->pad;
    for (int i = 0; i < nt; i++) {
        float xx = plot.x + (float)(ticks[i] / a->x_max * plot.w);
        ui_draw_line(ctx->r, xx, plot.y + plot.h, xx, plot.y + plot.h + ctx->pad / 3.0f, lw, th->axis);
        ui_format_tick(label, sizeof label, ticks[i], xstep);
        if (ui_text_width(ctx->text, UI_FONT_TICK, label) > xlabel_w) ui_format_fit(label, sizeof label, ticks[i], 0, 9);
        int w = ui_text_width(ctx->text, UI_FONT_TICK, label);
        int lx = (int)xx - w / 2;
        if (lx + w > in.x + in.w) lx = in.x + in.w - w;
        /* The first clear of the value axis's 0 in the corner (large type, small pad). */
        if (i == 0 && lx <= plot.x - ctx->pad / 2) lx = plot.x - ctx->pad / 2 + 1;
        if (lx < last_right + ctx->pad / 2) continue; /* never onto the previous label */
        last_right = lx + w;
        ui_text_draw(ctx->text, UI_FONT_TICK, lx, plot.y + plot.h + ctx->pad / 3, UI_ALIGN_LEFT, th->text_dim, label);
    }
    /* A title wider than the panel keeps its first words ("step" of "step (diffusion,
     * ...)"), then is cut: never out of the panel. */
    char words[160], title[160];
    snprintf(words, sizeof words, "%s", xtitle);
    if (xtitle_w > in.w) words[strcspn(words, "(")] = '\0';
    ui_text_fit(ctx->text, UI_FONT_TICK, words, in.w, title, sizeof title);
    xtitle_w = ui_text_width(ctx->text, UI_FONT_TICK, title);
    int tx = plot.x + plot.w - xtitle_w;
    if (tx < in.x) tx = in.x;
    ui_text_draw(ctx->text, UI_FONT_TICK, tx, plot.y + plot.h + tick_h + ctx->pad / 3, UI_ALIGN_LEFT, th->text_dim,
                 title);
}

/* Which of a sample's numbers a curve follows. */
typedef enum series { SERIES_LOSS, SERIES_GAP, SERIES_FLOOR } series;

static float series_y(const axes *a, const xl_sample *h, series which)
{
    double v = which == SERIES_LOSS ? h->loss : which == SERIES_GAP ? fmax(h->gap, 0.0) : h->floor;
    return value_y(a, v);
}

/* A series' line, drawn once (ui_draw_polyline) through at most 4 points a pixel column
 * (ui_draw_thin_columns): the same rows covered in every column as through every
 * sample, and the drawing does not grow with the history past the plot's width. */
static void draw_series(const ui_ctx *ctx, const axes *a, const xl_sample *h, int count, series which, float width,
                        SDL_Color colour)
{
    SDL_FPoint pts[XL_HISTORY_CAP];
    if (count > XL_HISTORY_CAP) count = XL_HISTORY_CAP;
    for (int i = 0; i < count; i++) pts[i] = (SDL_FPoint){step_x(a, h[i].step), series_y(a, &h[i], which)};
    /* Then a point a pixel where the curve lies flat (a settled run's 4 samples a column). */
    ui_draw_polyline(ctx->r, pts, ui_draw_thin_pixels(pts, ui_draw_thin_columns(pts, count)), width, colour);
}

/* The other runs of a race, each loss curve in its colour ending in its marker. */
static void draw_race_curves(const ui_ctx *ctx, const axes *a, const xl_session *s)
{
    for (int r = xl_session_run_count(s) - 1; r >= 1; r--) {
        const xl_sim *rs = xl_session_run_sim(s, r);
        const xl_sample *rh = xl_sim_history(rs);
        int rc = xl_sim_history_count(rs);
        SDL_Color colour = ui_run_colour(ctx->theme, s, r);
        draw_series(ctx, a, rh, rc, SERIES_LOSS, ui_lw(ctx, 1.5f), colour);
        if (rc > 0)
            ui_draw_marker(ctx->r, ui_run_marker(s, r), step_x(a, rh[rc - 1].step),
                           value_y(a, rh[rc - 1].loss), ui_lw(ctx, 3.0f), colour);
    }
}

/* The steered run's loss, and its gap unless racing. The loss goes under the gap and
 * wider, so where they coincide (H(P) = 0) the gap's line runs inside a dark edge and
 * both stay visible. */
static void draw_curves(const ui_ctx *ctx, const axes *a, const xl_sample *h, int count, int racing, int coincide,
                        SDL_Color loss_colour)
{
    draw_series(ctx, a, h, count, SERIES_LOSS, ui_lw(ctx, coincide ? 3.0f : 1.5f), loss_colour);
    if (!racing) draw_series(ctx, a, h, count, SERIES_GAP, ui_lw(ctx, 1.5f), ctx->theme->surprise);
}

/* H(P) dashed over both (the loss converges onto it). H(P) may change mid-run (P
 * edited): each run of constant floor is one dashed line so the dash pattern stays
 * even, and runs are joined by a thin step. A floor of 0 lies on the axis: it is
 * drawn `lift` pixels above it so the axis does not hide it. */
static void draw_floor(const ui_ctx *ctx, const axes *a, const xl_sample *h, int count, float lift)
{
    const SDL_Color colour = ctx->theme->inherent;
    int run = 0;
    for (int i = 1; i <= count; i++) {
        if (i < count && h[i].floor == h[run].floor) continue;
        float x0 = step_x(a, h[run].step), x1 = step_x(a, h[i - 1].step);
        if (i == count) x1 = a->plot.x + a->plot.w; /* the floor is the asymptote: run it on */
        float fy = value_y(a, h[run].floor) - (h[run].floor == 0.0 ? lift : 0.0f);
        ui_draw_dashed(ctx->r, x0, fy, x1, fy, ui_lw(ctx, 1.5f), 7.0f * ctx->scale, 5.0f * ctx->scale, colour);
        if (i < count)
            ui_draw_line(ctx->r, x1, value_y(a, h[i - 1].floor), step_x(a, h[i].step), value_y(a, h[i].floor),
                         ui_lw(ctx, 1.0f), colour);
        run = i;
    }
}

/* A floor that moves on its own (an entropy that evolves): a solid series with a dot
 * at its end. */
static void draw_moving_floor(const ui_ctx *ctx, const axes *a, const xl_sample *h, int count)
{
    const SDL_Color colour = ctx->theme->inherent;
    draw_series(ctx, a, h, count, SERIES_FLOOR, ui_lw(ctx, 1.5f), colour);
    if (count > 0)
        ui_draw_disc(ctx->r, step_x(a, h[count - 1].step), value_y(a, h[count - 1].floor), ui_lw(ctx, 2.0f),
                     colour);
}

/* The level the floor tends to, dashed across the plot. */
static void draw_ceiling(const ui_ctx *ctx, const axes *a, const xl_session *s)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    double level;
    const char *label;
    if (!def->ceiling || !def->ceiling(xl_session_state(s), &level, &label) || !isfinite(level)) return;
    float y = value_y(a, level);
    ui_draw_dashed(ctx->r, a->plot.x, y, a->plot.x + a->plot.w, y, ui_lw(ctx, 1.0f), 4.0f * ctx->scale,
                   4.0f * ctx->scale, ctx->theme->text_dim);
}

/* Rewound: the future of this run shaded, and a line at the step shown, labelled. */
static void draw_rewound(const ui_ctx *ctx, const axes *a, const xl_session *s)
{
    long head;
    const long now = xl_session_timeline(s, NULL, &head);
    if (now >= head) return;
    const ui_theme *th = ctx->theme;
    float x = step_x(a, (double)now), x1 = step_x(a, (double)head);
    ui_draw_fill(ctx->r, (SDL_Rect){(int)x, a->plot.y, (int)(x1 - x), a->plot.h}, ui_rgba(th->grid, 110));
    ui_draw_line(ctx->r, x, a->plot.y, x, a->plot.y + a->plot.h, ui_lw(ctx, 2.0f), th->select_edge);
    char label[64];
    snprintf(label, sizeof label, _("step %ld of %ld"), now, head);
    int w = ui_text_width(ctx->text, UI_FONT_TICK, label);
    int lx = (int)x + 4;
    if (lx + w > a->plot.x + a->plot.w) lx = (int)x - 4 - w;
    ui_text_draw(ctx->text, UI_FONT_TICK, lx, a->plot.y + 2, UI_ALIGN_LEFT, th->text, label);
}

/* Dots on the steered run's latest loss and gap. */
static void draw_now(const ui_ctx *ctx, const axes *a, const xl_sample *last, int racing, int coincide,
                     SDL_Color loss_colour)
{
    const ui_theme *th = ctx->theme;
    ui_draw_disc(ctx->r, step_x(a, last->step), value_y(a, last->loss), ui_lw(ctx, coincide ? 3.0f : 2.0f),
                 loss_colour);
    if (!racing)
        ui_draw_disc(ctx->r, step_x(a, last->step), value_y(a, fmax(last->gap, 0.0)), ui_lw(ctx, 2.0f),
                     th->surprise);
}

void ui_history_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s,
                     ui_history_geom *geom)
{
    const xl_sim *sim = xl_session_sim(s);
    const xl_sample *h = xl_sim_history(sim);
    const int count = xl_sim_history_count(sim);
    const xl_readout_def *rd = xl_session_scenario(s)->readouts;
    const int racing = xl_session_racing(s);

    const xl_scenario_def *def = xl_session_scenario(s);
    SDL_Rect in = ui_panel_begin(ctx, area, _("HISTORY"),
                                 racing            ? _("loss per step, one curve per optimizer")
                                 : def->floor_moves ? _("each part of the identity per step")
                                                    : _("loss and gap per step"));
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    /* With H(P) = 0 the loss and gap curves coincide (not said in a race). */
    const int coincide = !racing && count > 0 && h[count - 1].floor == 0.0;
    draw_legend(ctx, in, s);

    axes a = {{0, 0, 0, 0}, 0.0, 0.0, xl_unit_scale(ctx->unit)};
    run_extent(s, a.k, &a.x_max, &a.y_max);
    int tick_w = y_label_width(ctx, a.y_max);
    int note_h = coincide ? lh : 0;
    SDL_Rect plot = {in.x + tick_w + ctx->pad / 2, in.y + lh + tick_h + note_h + ctx->pad / 2, 0, 0};
    plot.w = in.x + in.w - plot.x - ctx->pad;
    plot.h = in.y + in.h - 2 * tick_h - ctx->pad / 2 - plot.y;
    if (plot.w < 20 || plot.h < 20) return;
    a.plot = plot;
    if (coincide) draw_coincide_note(ctx, in, rd);

    float lw = ui_lw(ctx, 1.0f);
    draw_y_axis(ctx, &a, tick_w);
    draw_x_axis(ctx, in, &a, def->step_title ? _(def->step_title) : _("gradient-descent step"));
    ui_draw_line(ctx->r, plot.x, plot.y + plot.h, plot.x + plot.w, plot.y + plot.h, lw, ctx->theme->axis);
    ui_draw_line(ctx->r, plot.x, plot.y, plot.x, plot.y + plot.h, lw, ctx->theme->axis);

    ui_rec_set_clip(ctx->r, &(SDL_Rect){plot.x, plot.y - 4, plot.w + 4, plot.h + 6});
    if (racing) draw_race_curves(ctx, &a, s);
    draw_ceiling(ctx, &a, s);
    draw_rewound(ctx, &a, s);
    const SDL_Color loss_colour = racing ? ui_run_colour(ctx->theme, s, 0) : ctx->theme->text;
    draw_curves(ctx, &a, h, count, racing, coincide, loss_colour);
    if (def->floor_moves)
        draw_moving_floor(ctx, &a, h, count);
    else
        draw_floor(ctx, &a, h, count, coincide ? ui_lw(ctx, 1.5f) : 0.0f);
    if (count > 0) draw_now(ctx, &a, &h[count - 1], racing, coincide, loss_colour);
    ui_rec_set_clip(ctx->r, NULL);
    if (geom) {
        geom->plot = plot;
        geom->x_max = a.x_max;
        geom->y_max = a.y_max;
    }
}
