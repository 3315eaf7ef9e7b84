/* ui_readouts: the exact numbers, H(P), H(P,Q) and D_KL(P‖Q) to four decimals (fewer,
 * but the same for all three, where they do not fit: the identity must visibly add up),
 * and the identity H(P,Q) = H(P) + D_KL(P‖Q) drawn as one stacked bar: the green part is
 * the floor the loss can never go below, the vermillion part is what learning can
 * still remove. The bar's axis ends at the largest loss of the run, so the
 * vermillion part visibly shrinks as the model learns. A floor below 0 (a Gaussian's
 * differential entropy) is drawn below 0, in a row of its own above the gap's. */
#include "ui_panels.h"
#include "ui_lang.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_wrap.h"

/* One big number (already formatted) with its name above and a caption below. The
 * caption may use `w` pixels, the number and its unit `number_room`; the unit is left
 * out when it does not fit, the caption when it is too wide. */
static void readout(const ui_ctx *ctx, ui_font big, int x, int y, int w, int number_room, SDL_Color color,
                    const char *name, const char *short_name, const char *num, const char *caption)
{
    /* A name too wide for its column (large type: the zoom) goes by its short name
     * ("KL" for D_KL(P‖Q)) before it would be cut with "…". */
    if (short_name && ui_text_width(ctx->text, UI_FONT_LABEL, name) > w &&
        ui_text_width(ctx->text, UI_FONT_LABEL, short_name) <= w)
        name = short_name;
    const char *unit = xl_unit_name(ctx->unit);
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int rh = ui_text_line_height(ctx->text, big);
    int unit_w = ctx->pad / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, unit);
    char fit[96];
    ui_text_fit(ctx->text, UI_FONT_LABEL, name, w, fit, sizeof fit);
    ui_text_draw(ctx->text, UI_FONT_LABEL, x, y, UI_ALIGN_LEFT, color, fit);
    int nw = ui_text_draw(ctx->text, big, x, y + lh, UI_ALIGN_LEFT, ctx->theme->text, num);
    /* The unit after the number, sharing its baseline. */
    int base = y + lh + ui_text_ascent(ctx->text, big);
    if (nw + unit_w <= number_room)
        ui_text_draw(ctx->text, UI_FONT_LABEL, x + nw + ctx->pad / 3, base - ui_text_ascent(ctx->text, UI_FONT_LABEL),
                     UI_ALIGN_LEFT, ctx->theme->text_dim, unit);
    if (caption && ui_text_width(ctx->text, UI_FONT_TICK, caption) <= w) /* may run under the operator */
        ui_text_draw(ctx->text, UI_FONT_TICK, x, y + lh + rh, UI_ALIGN_LEFT, ctx->theme->text_dim, caption);
}

/* The identity's three numbers for columns `rooms` pixels wide (issue 19.11): one number
 * of decimals for all three, so its sides visibly add up. Four decimals with the units
 * when they fit, fewer, then the same without the units (the panel's title names the
 * unit), and scientific only when even whole numbers do not fit. Mono digits are all one
 * width. */
static int format_numbers(const ui_ctx *ctx, ui_font big, const double v[3], const int rooms[3], char num[3][48])
{
    const char *unit = xl_unit_name(ctx->unit);
    int unit_w = ctx->pad / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, unit);
    int digit_w = ui_text_width(ctx->text, big, "0");
    if (digit_w < 1) digit_w = 1;
    char *const out[3] = {num[0], num[1], num[2]};
    for (int with_unit = 1; with_unit >= 0; with_unit--) {
        int max_chars[3];
        for (int i = 0; i < 3; i++) {
            max_chars[i] = (rooms[i] - (with_unit ? unit_w : 0)) / digit_w;
            if (max_chars[i] < 5) max_chars[i] = 5;
        }
        const int decimals = ui_format_identity(out, sizeof num[0], v, 4, max_chars);
        if (decimals >= 0 || !with_unit) return decimals;
    }
    return -1;
}
/* A readout's short caption: the words after the colon of its meaning ("the loss"),
 * or all of it when there is no colon. */
static const char *short_caption(const char *meaning)
{
    const char *colon = strstr(meaning, ": ");
    return colon ? colon + 2 : meaning;
}

/* Captions all or none, so the three columns read alike; the long ones, else the
 * short ones. Fills captions[3] and returns whether they are shown at all. The last
 * column has no operator after it to run under, so it has `last_room`. */
static int choose_captions(const ui_ctx *ctx, const xl_readout_def *rd, int room, int last_room,
                           const char *captions[3])
{
    int show = 1;
    for (int set = 0; set < 2; set++) {
        for (int i = 0; i < 3; i++) captions[i] = set == 0 ? _(rd[i].meaning) : short_caption(_(rd[i].meaning));
        show = 1;
        for (int i = 0; i < 3; i++)
            if (ui_text_width(ctx->text, UI_FONT_TICK, captions[i]) > (i < 2 ? room : last_room)) show = 0;
        if (show) break;
    }
    return show;
}

/* The three numbers in columns, with = and + between them: loss = floor + gap. In a
 * race (leader not NULL) the loss's name says whose numbers they are, in its colour. */
/* Each part named by its symbol, or its short name ("KL") when the symbol is too wide
 * for the part's `width`. */
static void part_name(const ui_ctx *ctx, const xl_readout_def *r, int width, char *buf, size_t n)
{
    snprintf(buf, n, "%s", r->symbol);
    if (ui_text_width(ctx->text, UI_FONT_LABEL, buf) >= width - 8) {
        snprintf(buf, n, "%s", r->name);
        for (char *ch = buf; *ch; ch++)
            if (*ch >= 'a' && *ch <= 'z' && strlen(buf) <= 3) *ch = (char)(*ch - 'a' + 'A');
    }
}

/* The readouts' number role: the large one (1/24 of the height on the projector) where
 * three numbers of five digits fit across the panel, else the small numbers' (never
 * below the type's floor), so a narrow panel's numbers do not run into each other. */
static ui_font numbers_font(const ui_ctx *ctx, SDL_Rect in)
{
    const int op_w = ui_text_width(ctx->text, UI_FONT_READOUT, "=") + ctx->pad * 2;
    const int col = (in.w - 2 * op_w) / 3;
    return col >= 5 * ui_text_width(ctx->text, UI_FONT_READOUT, "0") ? UI_FONT_READOUT : UI_FONT_VALUE;
}

/* Whether the row's three names fit their columns (each its symbol or short name) in a
 * panel `in` wide with numbers in `big`: where they do not (large type, the zoom's
 * reflow), the identity is stacked a part a line instead (draw_numbers_stacked). */
static int names_fit_row(const ui_ctx *ctx, ui_font big, SDL_Rect in, const xl_readout_def *rd)
{
    const int op_w = ui_text_width(ctx->text, big, "=") + ctx->pad * 2;
    const int col = (in.w - 2 * op_w) / 3, room = col + op_w - ctx->pad / 2;
    const int rooms[3] = {room, room, in.w - 2 * (col + op_w)};
    for (int i = 0; i < 3; i++) {
        char name[64];
        part_name(ctx, &rd[i], rooms[i] + 8, name, sizeof name);
        if (ui_text_width(ctx->text, UI_FONT_LABEL, rd[i].symbol) > rooms[i] &&
            (i == 0 || ui_text_width(ctx->text, UI_FONT_LABEL, name) > rooms[i]))
            return 0;
    }
    return 1;
}

/* The identity a part a line, "H(P,Q)  1.604 nats", "= H(P)  1.454", "+ D_KL(P‖Q)  0.150":
 * each name whole at the left in its colour, its number at the right. Returns the
 * height used. */
static int draw_numbers_stacked(const ui_ctx *ctx, SDL_Rect in, const xl_readout_def *rd, xl_sample cur,
                                const char *leader, SDL_Color leader_colour)
{
    const ui_theme *th = ctx->theme;
    const double k = xl_unit_scale(ctx->unit);
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL), vh = ui_text_line_height(ctx->text, UI_FONT_VALUE);
    const int line = vh > lh ? vh : lh;
    const double values[3] = {cur.loss * k, cur.floor * k, fmax(cur.gap, 0.0) * k};
    const SDL_Color colours[3] = {leader ? leader_colour : th->text, th->inherent, th->surprise};
    static const char *const ops[3] = {"", "= ", "+ "};
    const int op_w = ui_text_width(ctx->text, UI_FONT_LABEL, "+ ");
    for (int i = 0; i < 3; i++) {
        const int y = in.y + i * line;
        char num[48], name[96];
        ui_format_fit(num, sizeof num, values[i], 3, 9);
        const int num_w = ui_text_width(ctx->text, UI_FONT_VALUE, num);
        const int name_room = in.w - op_w - num_w - ctx->pad;
        snprintf(name, sizeof name, "%s", i == 0 && leader ? leader : rd[i].symbol);
        if (ui_text_width(ctx->text, UI_FONT_LABEL, name) > name_room) part_name(ctx, &rd[i], 0, name, sizeof name);
        if (ui_text_width(ctx->text, UI_FONT_LABEL, name) > name_room) name[0] = '\0'; /* never cut: the title names it */
        const int ty = y + (line - lh) / 2;
        ui_text_draw(ctx->text, UI_FONT_LABEL, in.x, ty, UI_ALIGN_LEFT, th->text_dim, ops[i]);
        ui_text_draw(ctx->text, UI_FONT_LABEL, in.x + op_w, ty, UI_ALIGN_LEFT, colours[i], name);
        ui_text_draw(ctx->text, UI_FONT_VALUE, in.x + in.w, y + (line - vh) / 2, UI_ALIGN_RIGHT, th->text, num);
    }
    return 3 * line;
}

/* The page's claim (a reading's inequality) wrapped at spaces to w: its line count, and
 * drawn at (x, y) when draw is 1. Never cut: as many lines as it takes (large type). */
static int claim_lines(const ui_ctx *ctx, const char *claim, int x, int y, int w, int draw)
{
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    if (strchr(claim, '*') || strchr(claim, '\\')) /* not prose: ui_wrap would read them as marks */
        return draw ? ui_draw_two_lines(ctx, UI_FONT_LABEL, x, y, w, ctx->theme->text, claim)
                    : ui_text_width(ctx->text, UI_FONT_LABEL, claim) > w ? 2 : 1;
    const ui_wrap_style st = {UI_FONT_LABEL, UI_FONT_LABEL, ctx->theme->text, ctx->theme->text, 0, 0, 0};
    const int height = ui_wrap_draw(ctx->text, &st, claim, x, y, w, 1 << 20, draw, NULL);
    return lh > 0 ? (height + lh - 1) / lh : 1;
}

static int draw_numbers_row(const ui_ctx *ctx, ui_font big, SDL_Rect in, const xl_readout_def *rd, xl_sample cur,
                             const char *leader, SDL_Color leader_colour)
{
    const ui_theme *th = ctx->theme;
    const double k = xl_unit_scale(ctx->unit);
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int op_w = ui_text_width(ctx->text, big, "=") + ctx->pad * 2;
    int col = (in.w - 2 * op_w) / 3;
    int op_y = in.y + lh;
    int x = in.x;
    int room = col + op_w - ctx->pad / 2;
    const char *captions[3];
    int last_room = in.x + in.w - (in.x + 2 * (col + op_w));
    int show = choose_captions(ctx, rd, room, last_room, captions);
    const double values[3] = {cur.loss * k, cur.floor * k, fmax(cur.gap, 0.0) * k};
    const int rooms[3] = {col, col, in.x + in.w - (in.x + 2 * (col + op_w))};
    char num[3][48];
    const int decimals = format_numbers(ctx, big, values, rooms, num);
    char name[96];
    snprintf(name, sizeof name, "%s", rd[0].symbol);
    if (leader) {
        snprintf(name, sizeof name, _("%s of %s, the leader"), rd[0].symbol, leader);
        if (ui_text_width(ctx->text, UI_FONT_LABEL, name) > room) snprintf(name, sizeof name, "%s · %s", rd[0].symbol, leader);
        if (ui_text_width(ctx->text, UI_FONT_LABEL, name) > room) snprintf(name, sizeof name, "%s", leader);
    }
    readout(ctx, big, x, in.y, room, col, leader ? leader_colour : th->text, name, NULL, num[0],
            show ? captions[0] : NULL);
    x += col;
    ui_text_draw(ctx->text, big, x + op_w / 2, op_y, UI_ALIGN_CENTER, th->text_dim, "=");
    x += op_w;
    char short_name[2][64];
    part_name(ctx, &rd[1], room + 8, short_name[0], sizeof short_name[0]);
    part_name(ctx, &rd[2], in.x + in.w - (x + col + op_w) + 8, short_name[1], sizeof short_name[1]);
    readout(ctx, big, x, in.y, room, col, th->inherent, rd[1].symbol, short_name[0], num[1], show ? captions[1] : NULL);
    x += col;
    ui_text_draw(ctx->text, big, x + op_w / 2, op_y, UI_ALIGN_CENTER, th->text_dim, "+");
    x += op_w;
    readout(ctx, big, x, in.y, in.x + in.w - x, in.x + in.w - x, th->surprise, rd[2].symbol, short_name[1], num[2],
            show ? captions[2] : NULL);
    return decimals;
}

/* The bar's axis ends at the largest finite loss of the run (in the display unit),
 * rounded up to a nice number where that does not overflow; 1 when there is none. */
static double identity_axis_max(const xl_sim *sim, double k)
{
    const xl_sample cur = xl_sim_current(sim);
    double max_loss = 0.0;
    const xl_sample *h = xl_sim_history(sim);
    for (int i = 0; i < xl_sim_history_count(sim); i++)
        if (isfinite(h[i].loss) && h[i].loss > max_loss) max_loss = h[i].loss;
    if (isfinite(cur.loss) && cur.loss > max_loss) max_loss = cur.loss;
    double axis_max = ui_nice_ceil(max_loss * k);
    if (!isfinite(axis_max)) axis_max = max_loss * k; /* rounding up would overflow */
    if (!(axis_max > 0.0) || !isfinite(axis_max)) axis_max = 1.0;
    return axis_max;
}

/* A value's pixel column on the bar's axis [lo, lo + axis.w / px_per], held to the
 * axis (a value off it, infinite or NaN never reaches an int cast unclamped). */
static int bar_x(SDL_Rect axis, double lo, double px_per, double v)
{
    double x = (v - lo) * px_per + 0.5;
    if (!(x >= 0.0)) x = v > lo ? axis.w : 0.0; /* NaN, or below the axis */
    if (x > axis.w) x = axis.w;
    return axis.x + (int)x;
}

/* A part's name inside its span [x0, x1) when it fits. */
static void part_label(const ui_ctx *ctx, const xl_readout_def *r, int x0, int x1, int y, int h)
{
    char part[48];
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    part_name(ctx, r, x1 - x0, part, sizeof part);
    if (ui_text_width(ctx->text, UI_FONT_LABEL, part) + 8 < x1 - x0 && lh <= h + 4)
        ui_text_draw(ctx->text, UI_FONT_LABEL, (x0 + x1) / 2, y + (h - lh) / 2, UI_ALIGN_CENTER,
                     (SDL_Color){255, 255, 255, 255}, part);
}

/* The stacked bar from 0 at x_zero: the floor's part to the floor, the gap's on from it
 * to the loss, each named inside it when the name fits. A floor below 0 (a differential
 * entropy) is drawn as what it is: its part runs left from 0, the gap's part from there
 * to the loss in a second row under it, so neither hides the other (issue 19.10). */
static void draw_identity_bar(const ui_ctx *ctx, SDL_Rect axis, const xl_readout_def *rd, int x_zero, int x_floor,
                              int x_total)
{
    const ui_theme *th = ctx->theme;
    ui_draw_fill(ctx->r, axis, ui_mix(th->panel, th->grid, 0.6f));
    if (x_floor >= x_zero) {
        ui_draw_fill(ctx->r, (SDL_Rect){x_zero, axis.y, x_floor - x_zero, axis.h}, th->inherent);
        if (x_total > x_floor)
            ui_draw_fill(ctx->r, (SDL_Rect){x_floor, axis.y, x_total - x_floor, axis.h}, th->surprise);
        part_label(ctx, &rd[1], x_zero, x_floor, axis.y, axis.h);
        part_label(ctx, &rd[2], x_floor, x_total, axis.y, axis.h);
        return;
    }
    int top_h = axis.h / 2, bottom_h = axis.h - top_h;
    ui_draw_fill(ctx->r, (SDL_Rect){x_floor, axis.y, x_zero - x_floor, top_h}, th->inherent);
    if (x_total > x_floor)
        ui_draw_fill(ctx->r, (SDL_Rect){x_floor, axis.y + top_h, x_total - x_floor, bottom_h}, th->surprise);
    /* 0, where the sum starts, through both rows. */
    ui_draw_line(ctx->r, (float)x_zero, (float)axis.y - 2, (float)x_zero, (float)(axis.y + axis.h + 2),
                 ui_lw(ctx, 1.0f), th->text);
    part_label(ctx, &rd[1], x_floor, x_zero, axis.y, top_h);
    /* The gap's name on one side of the line at 0, not across it. */
    if (x_total - x_zero >= x_zero - x_floor) part_label(ctx, &rd[2], x_zero + 1, x_total, axis.y + top_h, bottom_h);
    else part_label(ctx, &rd[2], x_floor, x_zero - 1, axis.y + top_h, bottom_h);
}

/* Floor marker: a heavy line through the bar and a note over it that reads from the
 * marker rightwards, or leftwards when it would run out, shortened or left out when
 * neither fits. */
static void draw_floor_marker(const ui_ctx *ctx, SDL_Rect in, SDL_Rect axis, int x_floor, const char *symbol,
                              const char *note, int negative)
{
    const ui_theme *th = ctx->theme;
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    float fx = (float)x_floor;
    ui_draw_line(ctx->r, fx, axis.y - tick_h * 0.6f, fx, axis.y + axis.h + 2, ui_lw(ctx, 2.0f), th->text);
    char floor_notes[2][96];
    if (negative) {
        /* Only a density's entropy can be below 0, and its value moves with the unit of
         * the variable: "inherent" would be false. */
        snprintf(floor_notes[0], sizeof floor_notes[0], _("floor %s < 0: it depends on the unit"), symbol);
        snprintf(floor_notes[1], sizeof floor_notes[1], "%s < 0", symbol);
    } else if (note) {
        snprintf(floor_notes[0], sizeof floor_notes[0], "%s: %s", symbol, note);
        snprintf(floor_notes[1], sizeof floor_notes[1], "%s", symbol);
    } else {
        snprintf(floor_notes[0], sizeof floor_notes[0], _("floor %s: the loss cannot go lower"), symbol);
        snprintf(floor_notes[1], sizeof floor_notes[1], _("floor %s"), symbol);
    }
    for (int i = 0; i < 2; i++) {
        int note_w = ui_text_width(ctx->text, UI_FONT_TICK, floor_notes[i]);
        int nx;
        if ((int)fx + 3 + note_w <= in.x + in.w) nx = (int)fx + 3;
        else if ((int)fx - 3 - note_w >= in.x) nx = (int)fx - 3 - note_w;
        else continue;
        ui_text_draw(ctx->text, UI_FONT_TICK, nx, axis.y - tick_h - 1, UI_ALIGN_LEFT, th->text, floor_notes[i]);
        break;
    }
}

/* Axis ticks under the bar, as many as their widest label allows, and the unit at the
 * right end (no label runs onto it or onto the previous label). */
static void draw_bar_ticks(const ui_ctx *ctx, SDL_Rect in, SDL_Rect axis, double axis_min, double axis_max,
                           double px_per)
{
    const ui_theme *th = ctx->theme;
    const char *unit = xl_unit_name(ctx->unit);
    double ticks[32];
    char label[48];
    int label_w = ui_text_width(ctx->text, UI_FONT_TICK, ui_format_fit(label, sizeof label, axis_max, 1, 7));
    int low_w = ui_text_width(ctx->text, UI_FONT_TICK, ui_format_fit(label, sizeof label, axis_min, 1, 7));
    if (low_w > label_w) label_w = low_w;
    double step = ui_nice_step(axis_min, axis_max, axis.w / (label_w * 2 + ctx->pad) + 1);
    int nt = ui_ticks(axis_min, axis_max, step, ticks, 32);
    float lw = ui_lw(ctx, 1.0f);
    int ty = axis.y + axis.h;
    int unit_x = in.x + in.w - ui_text_width(ctx->text, UI_FONT_TICK, unit);
    int last_right = in.x - ctx->pad;
    for (int i = 0; i < nt; i++) {
        float x = (float)bar_x(axis, axis_min, px_per, ticks[i]);
        ui_draw_line(ctx->r, x, ty, x, ty + ctx->pad / 3.0f, lw, th->axis);
        ui_format_tick(label, sizeof label, ticks[i], step);
        if (ui_text_width(ctx->text, UI_FONT_TICK, label) > 7 * ui_text_width(ctx->text, UI_FONT_TICK, "0"))
            ui_format_fit(label, sizeof label, ticks[i], 0, 7);
        int w = ui_text_width(ctx->text, UI_FONT_TICK, label);
        int tx = (int)x - w / 2;
        if (tx < in.x) tx = in.x;
        if (tx + w > unit_x - ctx->pad / 2) continue; /* the unit keeps its place */
        if (tx < last_right + ctx->pad / 2) continue;  /* never onto the previous label */
        last_right = tx + w;
        ui_text_draw(ctx->text, UI_FONT_TICK, tx, ty + ctx->pad / 3, UI_ALIGN_LEFT, th->text_dim, label);
    }
    ui_text_draw(ctx->text, UI_FONT_TICK, unit_x, ty + ctx->pad / 3, UI_ALIGN_LEFT, th->text_dim, unit);
}

/* The selected class, in words: p, q and its surprise, q and surprise taken from
 * log q so a q below 10⁻³⁰⁸ still reads as the number it is. Shorter wording while
 * the line is wider than the panel, then cut. */
static void draw_selected_line(const ui_ctx *ctx, SDL_Rect in, const xl_session *s, int line_y)
{
    const double k = xl_unit_scale(ctx->unit);
    const char *unit = xl_unit_name(ctx->unit);
    xl_bars bars;
    xl_session_bars(s, &bars);
    ui_tr_bars(&bars); /* the default names in the interface's language */
    const xl_bars *c = &bars;
    int sel = c->selected >= 0 ? c->selected : 0;
    const double *logq = c->logq;
    char sp[48], qs[48], ps[48], buf[256];
    double surprise = -logq[sel] * k;
    ui_format_fit(sp, sizeof sp, surprise < 0.0 ? 0.0 : surprise, 3, 9);
    ui_format_prob_log(qs, sizeof qs, logq[sel], 3);
    ui_format_prob_log(ps, sizeof ps, c->p[sel] > 0.0 ? log(c->p[sel]) : -INFINITY, 3);
    snprintf(buf, sizeof buf, _("%s:  p = %s   q = %s   surprise if it happens %s %s"), c->names[sel], ps, qs, sp,
             unit);
    if (ui_text_width(ctx->text, UI_FONT_LABEL, buf) > in.w)
        snprintf(buf, sizeof buf, _("%s:  p %s  q %s  surprise %s %s"), c->names[sel], ps, qs, sp, unit);
    if (ui_text_width(ctx->text, UI_FONT_LABEL, buf) > in.w)
        snprintf(buf, sizeof buf, "%s: q %s, −%s q = %s", c->names[sel], qs, ctx->unit == XL_BITS ? "log₂" : "ln",
                 sp);
    /* Larger type still (the zoom): the surprise alone, then nothing rather than a number cut. */
    if (ui_text_width(ctx->text, UI_FONT_LABEL, buf) > in.w)
        snprintf(buf, sizeof buf, "%s: −%s q = %s", c->names[sel], ctx->unit == XL_BITS ? "log₂" : "ln", sp);
    if (ui_text_width(ctx->text, UI_FONT_LABEL, buf) > in.w) return;
    char cut[200];
    ui_text_fit(ctx->text, UI_FONT_LABEL, buf, in.w, cut, sizeof cut);
    ui_text_draw(ctx->text, UI_FONT_LABEL, in.x, line_y, UI_ALIGN_LEFT, ctx->theme->text, cut);
}

/* In a race, each optimizer's loss now, in its colour, wrapping to the next line
 * while there is one. */
static void draw_race_row(const ui_ctx *ctx, SDL_Rect in, const xl_session *s, int y)
{
    const double k = xl_unit_scale(ctx->unit);
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int rx = in.x, ry = y;
    for (int r = 0; r < xl_session_run_count(s); r++) {
        const xl_sim *rs = xl_session_run_sim(s, r);
        char v[48], item[96];
        ui_format_fit(v, sizeof v, xl_sim_current(rs).loss * k, 3, 8);
        snprintf(item, sizeof item, "%s %s", xl_optim_kind_name(xl_sim_optimizer(rs)->kind), v);
        int w = ui_text_width(ctx->text, UI_FONT_LABEL, item);
        if (rx + w > in.x + in.w && rx > in.x) { /* the next line, if there is one */
            rx = in.x;
            ry += lh;
        }
        if (rx + w > in.x + in.w || ry + lh > in.y + in.h + ctx->pad / 2) break;
        ui_text_draw(ctx->text, UI_FONT_LABEL, rx, ry, UI_ALIGN_LEFT, ui_run_colour(ctx->theme, s, r), item);
        rx += w + lh * 2 / 3;
    }
}

/* The lesson of the panel, where there is room for it: the scenario's own words, else
 * the short form ("Learning removes only D: H → H."). */
static void draw_lesson_note(const ui_ctx *ctx, SDL_Rect in, const xl_scenario_def *def, int y)
{
    const xl_readout_def *rd = def->readouts;
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    char short_note[160];
    snprintf(short_note, sizeof short_note, _("Learning removes only %s: %s → %s."),
             short_caption(_(rd[2].meaning))[0] ? rd[2].symbol : "", rd[0].symbol, rd[1].symbol);
    const char *notes[2] = {def->identity_note ? _(def->identity_note) : short_note, short_note};
    /* Where nothing learns, "learning removes" would be false: the scenario's words or none. */
    const int count = def->gradient_free ? 1 : 2;
    for (int i = 0; i < count; i++) {
        if (y + lh > in.y + in.h + ctx->pad / 2 || ui_text_width(ctx->text, UI_FONT_LABEL, notes[i]) > in.w)
            continue;
        ui_text_draw(ctx->text, UI_FONT_LABEL, in.x, y, UI_ALIGN_LEFT, ctx->theme->text_dim, notes[i]);
        break;
    }
}

int ui_race_leader(const xl_session *s)
{
    int lead = 0;
    double best = INFINITY;
    for (int r = 0; r < xl_session_run_count(s); r++) {
        double loss = xl_sim_current(xl_session_run_sim(s, r)).loss;
        if (isfinite(loss) && loss < best) {
            best = loss;
            lead = r;
        }
    }
    return lead;
}

void ui_readouts_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s,
                      ui_readouts_geom *geom)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    const xl_readout_def *rd = def->readouts; /* [0] loss, [1] floor, [2] gap */
    /* In a race the big numbers are the leader's (the lowest loss), and say so. */
    const int racing = xl_session_racing(s), lead = racing ? ui_race_leader(s) : 0;
    const xl_sim *sim = racing ? xl_session_run_sim(s, lead) : xl_session_sim(s);
    const xl_sample cur = xl_sim_current(sim);
    const double k = xl_unit_scale(ctx->unit);
    const char *unit = xl_unit_name(ctx->unit);
    const char *title = def->identity_title ? _(def->identity_title) : _("TOTAL = INHERENT + IMPERFECTION");
    char buf[64];

    snprintf(buf, sizeof buf, _("in %s (%s)"), unit, ctx->unit == XL_BITS ? "log₂" : "ln");
    /* A title too wide for the panel at the room's type gives way to the identity in
     * its symbols, then to the loss's symbol alone, rather than ending in "…". */
    char short_title[160];
    if (ui_text_width(ctx->text, UI_FONT_TITLE, title) > area.w - 2 * ctx->pad) {
        snprintf(short_title, sizeof short_title, "%s = %s + %s", rd[0].symbol, rd[1].symbol, rd[2].symbol);
        if (ui_text_width(ctx->text, UI_FONT_TITLE, short_title) > area.w - 2 * ctx->pad) {
            char gap[48];
            part_name(ctx, &rd[2], 0, gap, sizeof gap); /* its short name: "KL" */
            snprintf(short_title, sizeof short_title, "%s = %s + %s", rd[0].symbol, rd[1].symbol, gap);
        }
        if (ui_text_width(ctx->text, UI_FONT_TITLE, short_title) > area.w - 2 * ctx->pad)
            snprintf(short_title, sizeof short_title, "%s", rd[0].symbol);
        title = short_title;
    }
    SDL_Rect in = ui_panel_begin(ctx, area, title, buf);
    const ui_font big = numbers_font(ctx, in);
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int rh = ui_text_line_height(ctx->text, big);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    const int stacked = !names_fit_row(ctx, big, in, rd);
    /* The numbers' height: a row of names, numbers and captions, or three lines stacked. */
    const int vh = ui_text_line_height(ctx->text, UI_FONT_VALUE);
    const int numbers_h = stacked ? 3 * (vh > lh ? vh : lh) : lh + rh + tick_h;
    /* A floor below 0 stacks the parts in two rows (draw_identity_bar): a line of type
     * each, so the names inside them never meet. */
    const int two_rows = cur.floor * k < 0.0 || cur.loss * k < 0.0;
    int bar_h = two_rows ? 2 * lh + 2 : (int)(lh * 1.5f);
    /* A panel far taller than its content (the readouts in focus, a lesson's one
     * picture) does not leave its lower half empty: the bar thickens, up to three
     * lines more, and the whole stands a third of the rest lower. */
    const int natural = numbers_h + 2 * tick_h + ctx->pad * 2 + bar_h + 2 * lh;
    int spare = in.h - natural;
    if (spare > 2 * lh) {
        const int grow = spare / 2 < 3 * lh ? spare / 2 : 3 * lh;
        bar_h += grow;
        spare -= grow;
        in.y += spare / 3;
        in.h -= spare / 3;
    }
    const char *leader_name = racing ? xl_optim_kind_name(xl_sim_optimizer(sim)->kind) : NULL;
    const SDL_Color leader_colour = racing ? ui_run_colour(ctx->theme, s, lead) : ctx->theme->text;
    /* Stacked (large type), the numbers take what room each line leaves: no one count of
     * decimals to tell the scene in words. */
    const int decimals = stacked ? (draw_numbers_stacked(ctx, in, rd, cur, leader_name, leader_colour), -1)
                                 : draw_numbers_row(ctx, big, in, rd, cur, leader_name, leader_colour);
    if (geom) {
        geom->numbers_drawn = 1;
        geom->decimals_fixed = decimals >= 0;
        geom->decimals = decimals >= 0 ? decimals : 4;
    }

    /* The stacked bar with its own axis, under the numbers and their captions. */
    int top = in.y + numbers_h + ctx->pad;
    int avail = in.y + in.h - top;
    if (avail < bar_h + 2 * tick_h) bar_h = avail - 2 * tick_h;
    /* The page's claim under the bar (a reading's inequality) is kept whole: where it
     * needs two lines and the panel is short (a small window under the control strip),
     * the bar gives up height for it, down to two thirds of a line. */
    char claim[256] = "";
    const int has_claim =
        def->summary_line && def->summary_line(xl_session_state(s), xl_sim_theta(sim), k, unit, ui_tr, claim, sizeof claim);
    if (has_claim) {
        const int lines = claim_lines(ctx, claim, 0, 0, in.w, 0);
        const int room = avail - 2 * tick_h - ctx->pad / 3 - lines * lh;
        if (bar_h > room) bar_h = room > lh * 2 / 3 ? room : lh * 2 / 3;
    }
    /* No room for the bar and its ticks under the numbers (large type: the zoom's
     * reflow gives the readouts a few lines): the numbers alone, nothing drawn past the
     * panel. */
    if (bar_h < 6 || avail < bar_h + 2 * tick_h) return;
    /* Room at the right for the last tick label's overhang and the unit. */
    int unit_w = ui_text_width(ctx->text, UI_FONT_TICK, unit) + ui_text_width(ctx->text, UI_FONT_TICK, "00.0") / 2 + ctx->pad;
    SDL_Rect axis = {in.x, top + tick_h, in.w - unit_w, bar_h};
    double axis_max = identity_axis_max(sim, k);
    /* The axis starts at 0, or below it when a differential entropy (the Gaussians') and
     * the loss with it are negative: then at a nice number under both. */
    double axis_min = 0.0, lowest = fmin(cur.floor * k, cur.loss * k);
    if (lowest < 0.0 && isfinite(lowest)) {
        axis_min = -ui_nice_ceil(-lowest);
        if (!isfinite(axis_min)) axis_min = lowest;
    }
    double px_per = axis.w / (axis_max - axis_min); /* double: axis_max may be 1e300 */
    const int x_zero = bar_x(axis, axis_min, px_per, 0.0);
    const int x_floor = bar_x(axis, axis_min, px_per, cur.floor * k);
    const double total = cur.loss * k;
    int x_total = isfinite(total) ? bar_x(axis, axis_min, px_per, total) : axis.x + axis.w;
    if (x_total < x_floor) x_total = x_floor; /* KL >= 0: rounding never draws it backwards */
    draw_identity_bar(ctx, axis, rd, x_zero, x_floor, x_total);
    draw_floor_marker(ctx, in, axis, x_floor, rd[1].symbol, def->floor_note ? _(def->floor_note) : NULL, cur.floor < 0.0);
    draw_bar_ticks(ctx, in, axis, axis_min, axis_max, px_per);

    /* Under the ticks: the selected item's line, then the race's losses or the lesson. */
    int line_y = axis.y + axis.h + ctx->pad / 3 + tick_h + ctx->pad / 2;
    if (line_y + lh <= in.y + in.h + ctx->pad / 2) {
        int lines = 1;
        if (has_claim) {
            /* The page's claim (a reading's inequality): wrapped, never cut, and not drawn
             * at all where even its lines do not fit. */
            const int need = claim_lines(ctx, claim, 0, 0, in.w, 0);
            if (line_y + need * lh <= in.y + in.h + ctx->pad / 2)
                lines = claim_lines(ctx, claim, in.x, line_y, in.w, 1);
        } else {
            draw_selected_line(ctx, in, s, line_y);
        }
        int note_y = line_y + lines * lh + ctx->pad / 2;
        if (!xl_session_racing(s)) draw_lesson_note(ctx, in, def, note_y);
        else if (note_y + lh <= in.y + in.h + ctx->pad / 2) draw_race_row(ctx, in, s, note_y);
    }

    if (geom) {
        geom->identity = axis;
        geom->axis_min = axis_min;
        geom->axis_max = axis_max;
    }
}
