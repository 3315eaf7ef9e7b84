/* ui_bars: grouped bars of the true P and the predicted Q = softmax(z) per class,
 * with the surprise -log q_i printed above each pair.
 *
 * Surprise comes from log-softmax, never from q: a class 800 nats below the others has
 * q = 0 in double precision but a surprise of exactly 800, and only q_i = 0 in exact
 * arithmetic (never, for finite logits) would be ∞.
 *
 * Labels are placed so they cannot collide: a surprise label sits above every bar it
 * spans horizontally and is dropped if it would touch a label already placed (the
 * selected class's goes first); class names go horizontal when they all fit, turned
 * upright when the bars are narrow, and as class numbers only when not even an
 * upright line fits a group. */
#include "ui_panels.h"
#include "ui_lang.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "ui_draw.h"
#include "ui_layout.h"

/* How class names are written under the bars. */
typedef enum name_style { NAMES_FLAT, NAMES_FLAT_SMALL, NAMES_STAGGERED, NAMES_UPRIGHT, NAMES_NUMBERS } name_style;

/* Tallest bar top (smallest y) among the bars that overlap [x0, x1). */
static int top_under(const SDL_Rect *pb, const SDL_Rect *qb, int n, int x0, int x1, int floor_y)
{
    int top = floor_y;
    for (int i = 0; i < n; i++) {
        const SDL_Rect *r[2] = {&pb[i], &qb[i]};
        for (int k = 0; k < 2; k++)
            if (r[k]->x < x1 && r[k]->x + r[k]->w > x0 && r[k]->h > 0 && r[k]->y < top) top = r[k]->y;
    }
    return top;
}

/* Left edge of class i's name centred under its group, leaning inwards at the plot's
 * edges (left of the axis sits the 0.0 tick label). */
static int name_left(int w, float centre, SDL_Rect in, int plot_x)
{
    int x = (int)centre - w / 2;
    if (x + w > in.x + in.w) x = in.x + in.w - w;
    if (x < plot_x) x = plot_x;
    return x;
}

/* Do the names fit in two alternating rows without touching their row neighbours? */
static int staggered_fit(const ui_ctx *ctx, const xl_bars *c, SDL_Rect in, int plot_x, float group)
{
    int right[2] = {in.x - 1000, in.x - 1000};
    int gap = ctx->pad / 2;
    for (int i = 0; i < c->n; i++) {
        int w = ui_text_width(ctx->text, UI_FONT_LABEL, c->names[i]);
        int x = name_left(w, plot_x + group * i + group / 2, in, plot_x);
        if (x + w > in.x + in.w || x < right[i % 2] + gap) return 0;
        right[i % 2] = x + w;
    }
    return 1;
}

/* The width ui_legend_item takes for a bar swatch and label (its trailing space too). */
static int legend_width(const ui_ctx *ctx, const char *label)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    return lh * 6 / 10 + lh / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, label) + lh;
}

/* Widest upright name, in pixels, limited to `cap`. */
static int upright_room(const ui_ctx *ctx, const xl_bars *c, int cap)
{
    int widest = 0;
    for (int i = 0; i < c->n; i++) {
        int w = ui_text_width(ctx->text, UI_FONT_TICK, c->names[i]);
        if (w > widest) widest = w;
    }
    return widest < cap ? widest : cap;
}

/* The legend of the gradient arrows on the Q bars, long and short. */
#define ARROWS_LABEL _("arrows: each logit's step, ∝ p − q (not q's own move)")
#define ARROWS_LABEL_SHORT _("arrows: each logit's step, ∝ p − q")

/* The legend row: the swatches, then the surprise numbers' key: "−ln q" itself in their
 * colour and font (a sample number such as "1.23" read like a value: issue 19.19) and
 * what they are; the scenario's name for Q ("Q = softmax(z)") when the row holds it,
 * shorter wording, then less, when it does not. */
static void draw_legend(const ui_ctx *ctx, SDL_Rect in, const xl_bars *c)
{
    const ui_theme *th = ctx->theme;
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    char key[16];
    snprintf(key, sizeof key, "−%s q", ctx->unit == XL_BITS ? "log₂" : "ln");
    const char *const meaning[3] = {_("surprise, over each Q bar"), _("surprise"), ""};
    int key_w = ui_text_width(ctx->text, UI_FONT_VALUE, key);
    const char *p_names[3] = {c->p_label ? _(c->p_label) : _("P (truth)"), _("P (truth)"), "P"};
    const char *q_names[3] = {c->q_label ? _(c->q_label) : _("Q (model)"), _("Q (model)"), "Q"};
    int choice = 2;
    for (int k = 0; k < 3; k++) {
        int need = legend_width(ctx, p_names[k]) + legend_width(ctx, q_names[k]);
        if (need <= in.w) {
            choice = k;
            break;
        }
    }
    int x = in.x;
    x += ui_legend_item(ctx, x, in.y, th->truth, -1, p_names[choice]);
    if (x + legend_width(ctx, q_names[choice]) - lh <= in.x + in.w)
        x += ui_legend_item(ctx, x, in.y, th->model, -1, q_names[choice]);
    for (int m = 0; m < 3; m++) {
        int mw = meaning[m][0] ? lh / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, meaning[m]) : 0;
        if (x + key_w + mw > in.x + in.w) continue;
        ui_text_draw(ctx->text, UI_FONT_VALUE, x, in.y + (lh - ui_text_line_height(ctx->text, UI_FONT_VALUE)) / 2,
                     UI_ALIGN_LEFT, th->surprise, key);
        if (meaning[m][0])
            ui_text_draw(ctx->text, UI_FONT_LABEL, x + key_w + lh / 3, in.y, UI_ALIGN_LEFT, th->text, meaning[m]);
        break;
    }
    /* The arrows on the Q bars, on a row of their own (make_layout keeps it): what they
     * show is the step of each logit, not of its q (see draw_gradient_arrows). */
    if (!c->logits) return;
    const char *al = ARROWS_LABEL;
    const int aw = lh / 2, ay = in.y + lh;
    if (aw + lh / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, al) > in.w) al = ARROWS_LABEL_SHORT;
    if (aw + lh / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, al) > in.w) return;
    ui_draw_arrow(ctx->r, in.x + aw / 2.0f, ay + lh * 0.15f, in.x + aw / 2.0f, ay + lh * 0.9f, lh * 0.3f,
                  ui_lw(ctx, 1.5f), th->text);
    ui_text_draw(ctx->text, UI_FONT_LABEL, in.x + aw + lh / 3, ay, UI_ALIGN_LEFT, th->text, al);
}

/* The plot and the room under it for the class names. */
typedef struct layout {
    SDL_Rect plot;
    double top;         /* the probability at the plot's top edge (1, or less: fit_top) */
    float group;        /* each class's slot, in pixels */
    name_style style;
    int names_h;        /* the names' strip under the plot, its gap included */
} layout;

/* The flat styles first (label type, then tick type), then two staggered rows, then
 * upright names, then numbers; the first whose names fit their groups. Upright names
 * may take up to a third of the panel (longer ones end in "…"). Sets L->style and
 * L->names_h. */
static void choose_name_style(const ui_ctx *ctx, const xl_bars *c, SDL_Rect in, int plot_x, int plot_top,
                              layout *L)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    const float group = L->group;
    name_style style = NAMES_FLAT;
    for (int i = 0; i < c->n; i++)
        if (ui_text_width(ctx->text, UI_FONT_LABEL, c->names[i]) > group - 4) style = NAMES_FLAT_SMALL;
    if (style == NAMES_FLAT_SMALL)
        for (int i = 0; i < c->n; i++)
            if (ui_text_width(ctx->text, UI_FONT_TICK, c->names[i]) > group - 4) style = NAMES_STAGGERED;
    /* Staggered: alternate names drop to a second row, so each may use two groups;
     * checked where they will really be drawn (the outer ones lean inwards). */
    if (style == NAMES_STAGGERED && !staggered_fit(ctx, c, in, plot_x, group))
        style = NAMES_UPRIGHT;
    int names_h = (style == NAMES_FLAT ? lh : style == NAMES_STAGGERED ? 2 * lh : tick_h) + ctx->pad / 2;
    if (style == NAMES_UPRIGHT) {
        int cap = (in.y + in.h - plot_top) / 3;
        if (group < tick_h + 2 || cap < 3 * tick_h) style = NAMES_NUMBERS;
        else names_h = upright_room(ctx, c, cap) + ctx->pad / 2;
    }
    if (style == NAMES_NUMBERS) names_h = tick_h + ctx->pad / 2;
    L->style = style;
    L->names_h = names_h;
}

/* Axis box: tick labels and the axis title at the left, surprise labels above, names
 * below. The names' style decides how much room they need. */
static layout make_layout(const ui_ctx *ctx, const xl_bars *c, SDL_Rect in)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    int value_h = ui_text_line_height(ctx->text, UI_FONT_READOUT); /* ∞ is drawn at readout size */
    int tick_w = ui_text_width(ctx->text, UI_FONT_TICK, c->edit == XL_BARS_FIXED ? "0.25" : "0.8") + ctx->pad;
    int plot_x = in.x + tick_h + tick_w + ctx->pad / 2;
    int plot_w = in.x + in.w - plot_x;
    int plot_top = in.y + lh + value_h + ctx->pad / 4 + (c->logits ? lh : 0); /* the arrows' legend row */
    layout L;
    L.group = (float)plot_w / c->n;
    choose_name_style(ctx, c, in, plot_x, plot_top, &L);
    L.plot = (SDL_Rect){plot_x, plot_top, plot_w, in.y + in.h - L.names_h - plot_top};
    L.group = (float)L.plot.w / c->n;
    L.top = 1.0;
    return L;
}

/* The axis's top for bars no one drags (bins of a density, labels): the first of 0.1,
 * 0.2, 0.25, 0.5, 1 that holds every P and Q bar, so twelve bins of about 0.1 each are
 * not drawn in the bottom tenth of the room. Bars a pointer edits keep 0..1: a drag maps
 * the pointer's height to p. */
static double fit_top(const xl_bars *c)
{
    if (c->edit != XL_BARS_FIXED) return 1.0;
    double most = 0.0;
    for (int i = 0; i < c->n; i++) {
        const double q = exp(c->logq[i]);
        if (c->p[i] > most) most = c->p[i];
        if (q > most) most = q;
    }
    static const double ladder[] = {0.1, 0.2, 0.25, 0.5};
    for (size_t i = 0; i < sizeof ladder / sizeof ladder[0]; i++)
        if (most <= ladder[i]) return ladder[i];
    return 1.0;
}

static SDL_Color band_wash(const ui_theme *th);

/* Gridlines, ticks and labels of the 0..top axis, and its title turned up the left;
 * across the selected class's band (NULL: none) tinted as under its wash. */
static void draw_axis(const ui_ctx *ctx, SDL_Rect in, SDL_Rect plot, double top, const SDL_Rect *band)
{
    const ui_theme *th = ctx->theme;
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    float lw = ui_lw(ctx, 1.0f);
    char buf[16];
    /* Labels every 0.2 where they stand a line and a half apart, else every 0.5 or
     * only the ends: a short plot (the room's type is large) shows fewer, not smaller. */
    const int every = plot.h / 5 >= tick_h * 3 / 2 ? 1 : plot.h / 2 >= tick_h * 3 / 2 ? 0 : -1;
    /* Five steps of the top: 0.2 for 1, 0.1 for 0.5, 0.05 for 0.25, 0.04 and 0.02. */
    for (int k = 0; k <= 5; k++) {
        double v = top * k / 5.0;
        float y = plot.y + plot.h - (float)(k / 5.0 * plot.h);
        if (k > 0) ui_draw_line(ctx->r, plot.x, y, plot.x + plot.w, y, 1.0f, th->grid);
        if (k > 0 && band) /* the selected band's wash over the gridline */
            ui_draw_line(ctx->r, band->x, y, band->x + band->w, y, 1.0f, ui_over(th->grid, band_wash(th)));
        ui_draw_line(ctx->r, plot.x - ctx->pad / 3.0f, y, plot.x, y, lw, th->axis);
        if (every < 1 && k != 0 && k != 5) continue;
        snprintf(buf, sizeof buf, top >= 0.5 ? "%.1f" : "%.2f", v);
        ui_text_draw(ctx->text, UI_FONT_TICK, plot.x - ctx->pad / 2, (int)(y - tick_h / 2.0f),
                     UI_ALIGN_RIGHT, th->text_dim, buf);
        if (every == 0 && k == 0) { /* 0.5 between the ends */
            const float ym = plot.y + plot.h * 0.5f;
            ui_draw_line(ctx->r, plot.x - ctx->pad / 3.0f, ym, plot.x, ym, lw, th->axis);
            snprintf(buf, sizeof buf, top >= 0.5 ? "%.2g" : "%.3g", top / 2.0);
            ui_text_draw(ctx->text, UI_FONT_TICK, plot.x - ctx->pad / 2, (int)(ym - tick_h / 2.0f), UI_ALIGN_RIGHT,
                         th->text_dim, buf);
        }
    }
    ui_text_draw_up(ctx->text, UI_FONT_TICK, in.x, plot.y + plot.h / 2, th->text_dim, _("probability"));
}

/* Each class's P bar left of its slot's centre and Q bar right of it. */
static void place_bars(const xl_bars *c, const layout *L, SDL_Rect *pb, SDL_Rect *qb)
{
    const SDL_Rect plot = L->plot;
    float bar_w = L->group * 0.36f;
    for (int i = 0; i < c->n; i++) {
        float cx = plot.x + L->group * i + L->group / 2;
        int hp = (int)(c->p[i] / L->top * plot.h + 0.5);
        int hq = (int)(exp(c->logq[i]) / L->top * plot.h + 0.5);
        pb[i] = (SDL_Rect){(int)(cx - bar_w - 1), plot.y + plot.h - hp, (int)bar_w, hp};
        qb[i] = (SDL_Rect){(int)(cx + 1), plot.y + plot.h - hq, (int)bar_w, hq};
    }
}

/* The selected class's band, from its surprise label down through its name. Light
 * theme: pale yellow with a black edge; dark: a faint wash, yellow edge. The wash lies
 * on the panel's flat ground, so it is that ground mixed with the highlight, opaque: no
 * blending of the band's every pixel in every frame. */
static SDL_Rect band_rect(const ui_ctx *ctx, const layout *L, int sel)
{
    int value_h = ui_text_line_height(ctx->text, UI_FONT_READOUT);
    float gx = L->plot.x + L->group * sel;
    return (SDL_Rect){(int)(gx + 1), L->plot.y - value_h, (int)L->group - 2, L->plot.h + value_h + L->names_h};
}

static SDL_Color band_wash(const ui_theme *th)
{
    return ui_rgba(th->select, th->kind == UI_THEME_DARK ? 34 : 90);
}

static SDL_Color band_colour(const ui_theme *th)
{
    return ui_over(th->panel, band_wash(th));
}

/* The band's wash, under the gridlines (drawn first, as the ground; draw_axis tints
 * the gridlines where they cross it, as the wash over them did). */
static void draw_band(const ui_ctx *ctx, const layout *L, int sel)
{
    ui_draw_fill(ctx->r, band_rect(ctx, L, sel), band_colour(ctx->theme));
}

/* The band's edge, over the gridlines. */
static void draw_band_edge(const ui_ctx *ctx, const layout *L, int sel)
{
    const ui_theme *th = ctx->theme;
    ui_draw_frame(ctx->r, band_rect(ctx, L, sel), 1, th->kind == UI_THEME_DARK ? th->select : th->select_edge);
}

/* Whether a surprise may be shown with d decimals: rounding moves it by up to half a
 * unit of the last place, which must stay within a fifth of the value. "1" for 0.545
 * (diffusion's 16 narrow bars, issue 19.19) read twice the truth; 2 decimals always
 * may ("0.00" for a q of 1 is true to its places). */
static int rounding_fair(double sv, int d)
{
    return d >= 2 || !isfinite(sv) || 0.5 * pow(10.0, -d) <= 0.2 * sv;
}

/* The surprise `sv` with the most decimals (2, 1, 0) that fit the group and keep it
 * fair (rounding_fair); a class whose label fits no fair way gets one only when selected.
 * Returns 0 for no label. */
static int surprise_text(const ui_ctx *ctx, double sv, float group, int selected, char *buf, size_t n)
{
    ui_font vf = isinf(sv) ? UI_FONT_READOUT : UI_FONT_VALUE;
    int digit_w = ui_text_width(ctx->text, UI_FONT_VALUE, "0");
    int max_chars = (int)((group - 4) / (digit_w > 0 ? digit_w : 1));
    for (int d = 2; d >= 0 && rounding_fair(sv, d); d--) {
        if (d == 0) ui_format_fit(buf, n, sv, 0, max_chars);
        else ui_format(buf, n, sv, d);
        if (ui_text_width(ctx->text, vf, buf) <= group - 4) return 1;
    }
    if (!selected) return 0;
    ui_format_fit(buf, n, sv, 2, 7);
    return 1;
}

/* Surprise labels: each placed above every bar it spans, kept inside the plot's width,
 * and dropped if it would touch a label already placed (the selected class's goes
 * first). */
/* The gradient's lesson on the bars: dL/dz_i = q_i − p_i, so a step of descent lowers
 * z_i where q_i is above p_i and raises it where below; an arrow on each Q bar from q
 * toward p shows which way, and how hard, its logit is pushed: lr (p_i − q_i). Not which
 * way q_i goes: the q share one normalisation, so a q can rise while its logit falls
 * (when the others fall faster), and the legend says so. Gaps under a few pixels get
 * none. */
static void draw_gradient_arrows(const ui_ctx *ctx, const xl_bars *c, const layout *L, const SDL_Rect *qb)
{
    const SDL_Rect plot = L->plot;
    const float head = 5.0f * (ctx->scale > 1.0f ? ctx->scale : 1.0f);
    for (int i = 0; i < c->n; i++) {
        double q = exp(c->logq[i]), p = c->p[i];
        float yq = plot.y + plot.h - (float)(q / L->top * plot.h), yp = plot.y + plot.h - (float)(p / L->top * plot.h);
        if (fabsf(yq - yp) < 2.0f * head) continue;
        float x = qb[i].x + qb[i].w / 2.0f;
        ui_draw_arrow(ctx->r, x, yq, x, yp, head, ui_lw(ctx, 1.5f), ctx->theme->text);
    }
}

static void draw_surprises(const ui_ctx *ctx, const xl_bars *c, const layout *L, const SDL_Rect *pb,
                           const SDL_Rect *qb)
{
    const SDL_Rect plot = L->plot;
    const int n = c->n, sel = c->selected;
    const double k = xl_unit_scale(ctx->unit);
    char buf[96];
    SDL_Rect placed[XL_ITEMS_MAX];
    int nplaced = 0;
    for (int o = 0; o < n; o++) {
        int first = sel >= 0 ? sel : 0;
        int i = o == 0 ? first : (o <= first ? o - 1 : o);
        double sv = -c->logq[i] * k;
        if (sv < 0.0) sv = 0.0; /* log q_i <= 0; a rounding residue must not read −0.00 */
        if (!surprise_text(ctx, sv, L->group, i == sel, buf, sizeof buf)) continue;
        ui_font vf = isinf(sv) ? UI_FONT_READOUT : UI_FONT_VALUE;
        int w = ui_text_width(ctx->text, vf, buf), h = ui_text_line_height(ctx->text, vf);
        int lx = (int)(plot.x + L->group * i + L->group / 2) - w / 2;
        if (lx + w > plot.x + plot.w) lx = plot.x + plot.w - w;
        if (lx < plot.x + 2) lx = plot.x + 2;
        int top = top_under(pb, qb, n, lx, lx + w, plot.y + plot.h);
        SDL_Rect box = {lx, top - h, w, h};
        int clear = 1;
        for (int j = 0; j < nplaced && clear; j++)
            if (ui_boxes_touch(box, placed[j], 2)) clear = 0;
        if (!clear) continue;
        placed[nplaced++] = box;
        if (i == sel && w > L->group - 4) {
            /* Wider than its band: on a patch of the band's colour, so the band's edges do
             * not cross its digits ("1|62"). */
            const ui_theme *th = ctx->theme;
            SDL_Rect patch = {lx - 2, box.y, w + 4, h};
            ui_draw_fill(ctx->r, patch, band_colour(th));
        }
        ui_text_draw(ctx->text, vf, lx, box.y, UI_ALIGN_LEFT, ctx->theme->surprise, buf);
    }
}

/* Names across, in one row or two staggered ones. */
static void draw_flat_names(const ui_ctx *ctx, const xl_bars *c, SDL_Rect in, const layout *L, int name_y)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    ui_font nf = L->style == NAMES_FLAT_SMALL ? UI_FONT_TICK : UI_FONT_LABEL;
    for (int i = 0; i < c->n; i++) {
        int row = L->style == NAMES_STAGGERED ? i % 2 : 0;
        int w = ui_text_width(ctx->text, nf, c->names[i]);
        int nx = name_left(w, L->plot.x + L->group * i + L->group / 2, in, L->plot.x);
        ui_text_draw(ctx->text, nf, nx, name_y + row * lh, UI_ALIGN_LEFT,
                     i == c->selected ? ctx->theme->text : ctx->theme->text_dim, c->names[i]);
    }
}

/* Names turned to read bottom to top, ending at the axis, centred on the group. */
static void draw_upright_names(const ui_ctx *ctx, const xl_bars *c, const layout *L, int name_y)
{
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    int room = L->names_h - ctx->pad / 2;
    for (int i = 0; i < c->n; i++) {
        char cut[64];
        ui_text_fit(ctx->text, UI_FONT_TICK, c->names[i], room, cut, sizeof cut);
        int len = ui_text_width(ctx->text, UI_FONT_TICK, cut);
        ui_text_draw_up(ctx->text, UI_FONT_TICK, (int)(L->plot.x + L->group * i + L->group / 2 - tick_h / 2.0f),
                        name_y + len / 2, i == c->selected ? ctx->theme->text : ctx->theme->text_dim, cut);
    }
}

/* Class numbers: every k-th one that fits, the first, and always the selected. Names
 * no wider than a number (the digits' "0".."9") are shown themselves, so the class
 * named 0 is not labelled 1 and no "10" appears under ten digits. */
static void draw_numbers(const ui_ctx *ctx, const xl_bars *c, const layout *L, int name_y)
{
    static const int strides[] = {1, 2, 5, 10, 20};
    const int sel = c->selected;
    const int number_w = ui_text_width(ctx->text, UI_FONT_TICK, "32");
    int names_short = 1;
    for (int i = 0; i < c->n && names_short; i++)
        if (ui_text_width(ctx->text, UI_FONT_TICK, c->names[i]) > number_w) names_short = 0;
    char buf[16];
    int every = 1;
    for (int s = 0; s < 5; s++) {
        every = strides[s];
        if (number_w + 6 <= L->group * every) break;
    }
    for (int i = 0; i < c->n; i++) {
        if (!(i == sel || ((i == 0 || (i + 1) % every == 0) && abs(i - sel) >= every))) continue;
        snprintf(buf, sizeof buf, "%d", i + 1);
        const char *label = names_short ? c->names[i] : buf;
        const int w = ui_text_width(ctx->text, UI_FONT_TICK, label);
        int x = (int)(L->plot.x + L->group * i + L->group / 2);
        if (x + (w + 1) / 2 > L->plot.x + L->plot.w) x = L->plot.x + L->plot.w - (w + 1) / 2; /* inside the plot */
        ui_text_draw(ctx->text, UI_FONT_TICK, x, name_y, UI_ALIGN_CENTER,
                     i == sel ? ctx->theme->text : ctx->theme->text_dim, label);
    }
}

/* The class names under the plot, in the chosen style. */
static void draw_names(const ui_ctx *ctx, const xl_bars *c, SDL_Rect in, const layout *L)
{
    int name_y = L->plot.y + L->plot.h + ctx->pad / 3;
    switch (L->style) {
    case NAMES_FLAT:
    case NAMES_FLAT_SMALL:
    case NAMES_STAGGERED: draw_flat_names(ctx, c, in, L, name_y); break;
    case NAMES_UPRIGHT: draw_upright_names(ctx, c, L, name_y); break;
    default: draw_numbers(ctx, c, L, name_y); break;
    }
}

void ui_bars_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_bars_geom *geom)
{
    const ui_theme *th = ctx->theme;
    xl_bars bars;
    xl_session_bars(s, &bars);
    ui_tr_bars(&bars); /* the default names in the interface's language */
    const xl_bars *c = &bars;
    /* A title too wide for the panel at the room's type gives way to "P vs Q" in the
     * legend's own symbols (each label's first word: "ρ(t)" of "ρ(t), the truth now")
     * rather than ending in "…". */
    char short_title[96];
    char title_tr[128], caption_tr[128]; /* "SAMPLE 3": core's numbered texts translated */
    const char *title = c->title ? ui_tr_numbers(c->title, title_tr, sizeof title_tr) : NULL;
    if (title && ui_text_width(ctx->text, UI_FONT_TITLE, title) > area.w - 2 * ctx->pad) {
        const char *pl = c->p_label ? _(c->p_label) : _("P (truth)"), *ql = c->q_label ? _(c->q_label) : "Q";
        snprintf(short_title, sizeof short_title, "%.*s vs %.*s", (int)strcspn(pl, " ,"), pl,
                 (int)strcspn(ql, " ,"), ql);
        title = short_title;
    }
    SDL_Rect in = ui_panel_begin(ctx, area, title, c->caption ? ui_tr_numbers(c->caption, caption_tr, sizeof caption_tr) : NULL);
    draw_legend(ctx, in, c);

    layout L = make_layout(ctx, c, in);
    L.top = fit_top(c);
    const SDL_Rect plot = L.plot;
    if (plot.w < 20 || plot.h < 20) return;
    const SDL_Rect band = c->selected >= 0 ? band_rect(ctx, &L, c->selected) : (SDL_Rect){0, 0, 0, 0};
    if (c->selected >= 0) draw_band(ctx, &L, c->selected);
    draw_axis(ctx, in, plot, L.top, c->selected >= 0 ? &band : NULL);
    SDL_Rect pb[XL_ITEMS_MAX], qb[XL_ITEMS_MAX];
    place_bars(c, &L, pb, qb);
    if (c->selected >= 0) draw_band_edge(ctx, &L, c->selected);
    for (int i = 0; i < c->n; i++) {
        ui_draw_fill(ctx->r, pb[i], th->truth);
        ui_draw_fill(ctx->r, qb[i], th->model);
    }
    if (c->logits) draw_gradient_arrows(ctx, c, &L, qb);
    draw_surprises(ctx, c, &L, pb, qb);
    draw_names(ctx, c, in, &L);
    float lw = ui_lw(ctx, 1.0f);
    ui_draw_line(ctx->r, plot.x, plot.y + plot.h, plot.x + plot.w, plot.y + plot.h, lw, th->axis);
    ui_draw_line(ctx->r, plot.x, plot.y, plot.x, plot.y + plot.h, lw, th->axis);

    if (geom) {
        geom->plot = plot;
        geom->n = c->n;
        geom->slot = L.group;
        for (int i = 0; i < c->n; i++) {
            geom->p_bar[i] = pb[i];
            geom->q_bar[i] = qb[i];
        }
    }
}
