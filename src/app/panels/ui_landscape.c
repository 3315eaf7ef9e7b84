/* ui_landscape: the loss over the slice of two logits as a viridis heatmap (low loss
 * dark), contour lines, a colour bar, the trajectory of gradient descent, its start,
 * the current point and the minimum of the slice.
 *
 * The grid comes from the core; this panel paints it once per grid (and size) into a
 * texture of the map's on-screen size, contours included, and copies that 1:1 every
 * frame (ui_landscape_heat.c). Contour levels crowd toward the minimum (quadratic
 * spacing) because that is where the bowl's shape matters.
 *
 * The square map is the picture, so the panel's layout gives it every pixel it can:
 * the axis titles are turned along their axes, and the symbol legend and the note go
 * beside the map where the panel is wider than tall, else in rows above and below it
 * (ui_landscape_frame.c). This file draws the symbols, the legend and the marks on the
 * map, and puts the frame together.
 *
 * Any number can arrive here (logits of 1e308, a range that overflows): values are
 * turned into pixels as fractions of the view computed on halves (hi/2 - lo/2 never
 * overflows) and bounded to a few map widths, so no NaN, infinity or huge float
 * reaches a drawing call or an int conversion. */
#include "ui_rec.h"
#include "ui_landscape_internal.h"
#include "ui_lang.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_colormap.h"
#include "ui_draw.h"
#include "ui_layout.h"

/* ---- the symbols, drawn alike on the map and in the legend ---- */

static void draw_now(const ui_ctx *ctx, float x, float y, float r)
{
    ui_draw_disc(ctx->r, x, y, r + ui_lw(ctx, 1.0f) + 1, (SDL_Color){0, 0, 0, 255});
    ui_draw_disc(ctx->r, x, y, r, ctx->theme->select);
}

/* A ring in the path's colour on a dark disc: it reads as a ring over the path's own
 * dots and line (which it hides at its centre) as on the legend's tile. */
static void draw_start(const ui_ctx *ctx, float x, float y, float r)
{
    float w = ui_lw(ctx, 1.5f) + 1;
    ui_draw_disc(ctx->r, x, y, r + 1.5f, (SDL_Color){0, 0, 0, 255});
    ui_draw_ring(ctx->r, x, y, r, w, ctx->theme->trajectory);
}

static void draw_cross(const ui_ctx *ctx, float x, float y, float r)
{
    ui_draw_cross(ctx->r, x, y, r + 1, ui_lw(ctx, 1.5f) + 2, (SDL_Color){0, 0, 0, 255});
    ui_draw_cross(ctx->r, x, y, r, ui_lw(ctx, 1.5f), (SDL_Color){255, 255, 255, 255});
}

static void draw_arrow(const ui_ctx *ctx, float x0, float y0, float x1, float y1, float head)
{
    float w = ui_lw(ctx, 1.5f);
    ui_draw_arrow(ctx->r, x0, y0, x1, y1, head, w + 2, (SDL_Color){0, 0, 0, 255});
    ui_draw_arrow(ctx->r, x0, y0, x1, y1, head, w, (SDL_Color){255, 255, 255, 255});
}

/* ---- the legend ---- */

/* The map's symbols; in a race, each run's path by its optimizer's name, so every
 * series on the map is named. */
void ui_landscape_legend_init(const ui_ctx *ctx, legend *L, min_kind kind, const xl_session *s)
{
    static const char *const mins[] = {N_("minimum"), N_("toward the minimum"), N_("valley of minima"),
                                       N_("lowest in view")};
    L->n = 0;
    L->what[L->n] = ENTRY_NOW, L->label[L->n++] = _("now");
    L->what[L->n] = ENTRY_START, L->label[L->n++] = _("start");
    if (xl_session_racing(s)) {
        for (int r = 0; r < xl_session_run_count(s) && r < 4; r++) {
            L->what[L->n] = ENTRY_RUN;
            L->run[L->n] = r;
            L->run_colour[L->n] = ui_run_colour(ctx->theme, s, r);
            L->run_marker[L->n] = ui_run_marker(s, r);
            L->label[L->n++] = xl_optim_kind_name(xl_sim_optimizer(xl_session_run_sim(s, r))->kind);
        }
    } else {
        L->what[L->n] = ENTRY_PATH, L->label[L->n++] = _("descent path");
    }
    L->what[L->n] = ENTRY_MIN, L->label[L->n++] = _(mins[kind]);
    L->what[L->n] = ENTRY_CONTOUR, L->label[L->n++] = _("equal loss");
    L->kind = kind;
    L->tile = ui_text_line_height(ctx->text, UI_FONT_TICK) + 2;
    L->widest = 0;
    for (int i = 0; i < L->n; i++) {
        L->item_w[i] = L->tile + ctx->pad / 2 + ui_text_width(ctx->text, UI_FONT_TICK, L->label[i]);
        if (L->item_w[i] > L->widest) L->widest = L->item_w[i];
    }
}

/* Items flow left to right in rows no wider than `width` (one per row when width is
 * the widest item). Returns the height; draws only when `draw`. */
int ui_landscape_legend_flow(const ui_ctx *ctx, const legend *L, int x, int y, int width, int draw)
{
    const ui_theme *th = ctx->theme;
    int row_h = L->tile + L->tile / 3, cx = x, cy = y, gap = ctx->pad * 3 / 2;
    Uint32 dark = ui_viridis(0.15);
    SDL_Color bg = {(Uint8)(dark >> 16), (Uint8)(dark >> 8), (Uint8)dark, 255};
    for (int i = 0; i < L->n; i++) {
        if (cx > x && cx + L->item_w[i] > x + width) {
            cx = x;
            cy += row_h;
        }
        if (draw) {
            int tile = L->tile;
            float mx = cx + tile / 2.0f, my = cy + tile / 2.0f, r = tile * 0.3f;
            ui_draw_fill(ctx->r, (SDL_Rect){cx, cy, tile, tile}, bg);
            switch (L->what[i]) {
            case ENTRY_NOW: draw_now(ctx, mx, my, r); break;
            case ENTRY_START: draw_start(ctx, mx, my, r); break;
            case ENTRY_PATH:
                ui_draw_line(ctx->r, cx + 2.0f, my, cx + tile - 2.0f, my, ui_lw(ctx, 1.5f), th->trajectory);
                break;
            case ENTRY_RUN: {
                /* Run 0 is drawn with the "now" disc; the others with their own marker. */
                SDL_Color col = L->run_colour[i];
                ui_draw_line(ctx->r, cx + 2.0f, my, cx + tile - 2.0f, my, ui_lw(ctx, 1.5f), col);
                if (L->run[i] > 0) ui_draw_marker(ctx->r, L->run_marker[i], mx, my, r, col);
                break;
            }
            case ENTRY_MIN:
                if (L->kind == MIN_OUTSIDE)
                    draw_arrow(ctx, cx + 3.0f, my, cx + tile - 3.0f, my, tile * 0.35f);
                else if (L->kind == MIN_VALLEY)
                    ui_draw_dashed(ctx->r, cx + 1.0f, cy + tile - 2.0f, cx + tile - 1.0f, cy + 2.0f,
                                   ui_lw(ctx, 1.5f), tile / 4.0f, tile / 6.0f,
                                   (SDL_Color){255, 255, 255, 255});
                else draw_cross(ctx, mx, my, r);
                break;
            case ENTRY_CONTOUR:
                ui_draw_line(ctx->r, cx + 1.0f, my + r, cx + tile - 1.0f, my - r, 1.0f, ui_rgba(th->contour, 200));
                break;
            }
            ui_text_draw(ctx->text, UI_FONT_TICK, cx + tile + ctx->pad / 2, cy + 1, UI_ALIGN_LEFT,
                         th->text_dim, L->label[i]);
        }
        cx += L->item_w[i] + gap;
    }
    return cy + L->tile - y;
}

/* ---- on the map ---- */

static SDL_Rect box_around(float x, float y, float r)
{
    int ir = (int)ceilf(r);
    return (SDL_Rect){(int)floorf(x) - ir, (int)floorf(y) - ir, 2 * ir + 1, 2 * ir + 1};
}

/* The direction from the map's centre toward (x, y) in pixels (y down), with either
 * coordinate possibly infinite; unit length along the larger axis. */
static void toward(const mapping *mp, double x, double y, double *ux, double *uy)
{
    double fx = fraction(x, mp->lo, mp->hi) - 0.5, fy = fraction(y, mp->ylo, mp->yhi) - 0.5;
    if (isinf(fx) || isinf(fy)) {
        fx = isinf(fx) ? copysign(1.0, fx) : 0.0;
        fy = isinf(fy) ? copysign(1.0, fy) : 0.0;
    }
    double big = fmax(fabs(fx), fabs(fy));
    if (!(big > 0.0) || !isfinite(big)) big = 1.0, fx = 1.0, fy = 0.0;
    *ux = fx / big;
    *uy = -fy / big;
}

/* The valley: y = x - d over the view, dashed white on a dark edge, under the path. */
static void draw_valley(const ui_ctx *ctx, const mapping *mp, double d)
{
    SDL_Color white = {255, 255, 255, 255}, black = {0, 0, 0, 255};
    float tw = ui_lw(ctx, 1.5f);
    double x0 = fmax(mp->lo, mp->ylo + d), x1 = fmin(mp->hi, mp->yhi + d); /* y = x - d in view too */
    if (!(x1 > x0)) return;
    for (int pass = 0; pass < 2; pass++)
        ui_draw_dashed(ctx->r, map_x(mp, x0), map_y(mp, x0 - d), map_x(mp, x1), map_y(mp, x1 - d),
                       tw + (pass ? 0 : 2), 9.0f * ctx->scale, 6.0f * ctx->scale, pass ? white : black);
}

/* A path of n points in colour col, tw wide, over a halo that reads on every part of
 * the map: a light outer ring (against the dark end of viridis, where a blue or purple
 * runner vanished) under a dark inner one (against the bright end). Each ring is drawn
 * along the whole path (thinned to a point a pixel) before the next, so no segment's
 * halo covers another's colour, and in one pass (ui_draw_polyline): the translucent
 * ring is as light where the samples crowd as where they are sparse. */
static void draw_halo_path(const ui_ctx *ctx, const SDL_FPoint *pt, int n, float tw, SDL_Color col)
{
    const float ring = ui_lw(ctx, 1.0f);
    const SDL_Color light = {255, 255, 255, 230}, dark = {0, 0, 0, 255};
    const float widths[3] = {tw + 4.0f * ring, tw + 2.0f * ring, tw};
    const SDL_Color colours[3] = {light, dark, col};
    for (int pass = 0; pass < 3; pass++) ui_draw_polyline(ctx->r, pt, n, widths[pass], colours[pass]);
}

/* A race: each run's path in its colour on a halo (draw_halo_path), its current point
 * a marker of its own shape; they share the start. Drawn under the steered run's path.
 * p->path is scratch here: the steered run's is projected into it afterwards. */
static void draw_race_runs(ui_landscape_panel *p, const ui_ctx *ctx, const mapping *mp, const xl_session *s)
{
    float tw = ui_lw(ctx, 1.5f);
    for (int r = xl_session_run_count(s) - 1; r >= 1; r--) {
        const xl_sim *rs = xl_session_run_sim(s, r);
        int rc = xl_sim_history_count(rs);
        if (rc > XL_HISTORY_CAP) rc = XL_HISTORY_CAP;
        SDL_Color col = ui_run_colour(ctx->theme, s, r);
        for (int i = 0; i < rc; i++) {
            double x, y;
            xl_session_view_point(s, xl_sim_history_theta(rs, i), &x, &y);
            p->path[i] = (SDL_FPoint){map_x(mp, x), map_y(mp, y)};
        }
        draw_halo_path(ctx, p->path, ui_draw_thin_pixels(p->path, rc), tw, col);
        double vx, vy;
        xl_session_view_point(s, xl_sim_theta(rs), &vx, &vy);
        float mx = map_x(mp, vx), my = map_y(mp, vy), mr = 6.0f * ctx->scale;
        ui_draw_marker(ctx->r, ui_run_marker(s, r), mx, my, mr + 2.0f * ui_lw(ctx, 1.0f) + 1, (SDL_Color){255, 255, 255, 230});
        ui_draw_marker(ctx->r, ui_run_marker(s, r), mx, my, mr + ui_lw(ctx, 1.0f) + 1, (SDL_Color){0, 0, 0, 255});
        ui_draw_marker(ctx->r, ui_run_marker(s, r), mx, my, mr, col);
    }
}

/* The steered run's trajectory in pixels, into p->path (up to XL_HISTORY_CAP points).
 * Returns how many. */
static int project_path(ui_landscape_panel *p, const mapping *mp, const xl_session *s)
{
    const xl_sim *sim = xl_session_sim(s);
    int count = xl_sim_history_count(sim);
    if (count > XL_HISTORY_CAP) count = XL_HISTORY_CAP;
    for (int i = 0; i < count; i++) {
        double vx, vy;
        xl_session_view_point(s, xl_sim_history_theta(sim, i), &vx, &vy);
        p->path[i] = (SDL_FPoint){map_x(mp, vx), map_y(mp, vy)};
    }
    return count;
}

/* Trajectory: white, or in a race the steered run's colour, on a halo so it reads on
 * every colour (draw_halo_path), dotted about 24 times along its length. A white path
 * needs no light ring: its dark edge alone is the halo, translucent and drawn once, so
 * its darkness does not depend on how densely the steps lie. */
static int draw_path(const ui_ctx *ctx, SDL_FPoint *path, int count, const xl_session *s)
{
    float tw = ui_lw(ctx, 1.5f);
    const int racing = xl_session_racing(s);
    SDL_Color path_colour = racing ? ui_run_colour(ctx->theme, s, 0) : ctx->theme->trajectory;
    /* The dots mark steps (they bunch where the descent slows): placed before the path
     * is thinned to a point a pixel, drawn over it. */
    enum { DOTS = 25 };
    SDL_FPoint dots[DOTS];
    int ndots = 0, every = count / 24 + 1;
    for (int i = 0; i < count - 1 && ndots < DOTS; i += every) dots[ndots++] = path[i];
    count = ui_draw_thin_pixels(path, count);
    if (racing) {
        draw_halo_path(ctx, path, count, tw, path_colour);
    } else {
        const SDL_Color edge = {0, 0, 0, 160};
        ui_draw_polyline(ctx->r, path, count, tw + 2.0f, edge);
        ui_draw_polyline(ctx->r, path, count, tw, path_colour);
    }
    for (int i = 0; i < ndots; i++) ui_draw_disc(ctx->r, dots[i].x, dots[i].y, tw * 1.3f, path_colour);
    return count;
}

/* Where the marks landed on the map this frame: the minimum's label keeps clear of
 * them, and the geometry reports them. */
typedef struct marks {
    float now_x, now_y, now_r;
    float start_x, start_y, start_r;
    float min_x, min_y, min_r;   /* NaN for a valley (no one point to mark) */
} marks;

/* The minimum's mark: a cross on it (on the grid's lowest point when the infimum is
 * at infinity), or an arrow just inside the edge on the line from the centre toward
 * it when it lies outside. Sets the mark's position in mk. */
static void draw_minimum(const ui_ctx *ctx, const mapping *mp, const xl_landscape *ls, const minimum *mn,
                         marks *mk)
{
    const float msize = mk->min_r;
    if (mn->kind == MIN_IN_VIEW || mn->kind == MIN_NONE) {
        double x = mn->x, y = mn->y;
        if (mn->kind == MIN_NONE) {
            int gi, gj, g = xl_landscape_size(ls);
            xl_landscape_argmin(ls, &gi, &gj);
            x = mp->lo + (mp->hi - mp->lo) * gi / (g - 1);
            y = mp->ylo + (mp->yhi - mp->ylo) * gj / (g - 1);
        }
        mk->min_x = map_x(mp, x);
        mk->min_y = map_y(mp, y);
        draw_cross(ctx, mk->min_x, mk->min_y, msize);
    } else if (mn->kind == MIN_OUTSIDE) {
        double ux, uy;
        toward(mp, mn->x, mn->y, &ux, &uy);
        float half = mp->map.w / 2.0f, inset = msize * 1.5f;
        float tipx = mp->map.x + half + (float)ux * (half - inset);
        float tipy = mp->map.y + half + (float)uy * (half - inset);
        double len = hypot(ux, uy);
        float alen = 5.0f * msize;
        float tailx = tipx - (float)(ux / len) * alen, taily = tipy - (float)(uy / len) * alen;
        draw_arrow(ctx, tailx, taily, tipx, tipy, msize * 1.4f);
        mk->min_x = tipx;
        mk->min_y = tipy;
    }
}

/* The start and the current point, over the path. Sets their positions in mk. */
static void draw_start_and_now(const ui_ctx *ctx, const mapping *mp, const xl_sim *sim, const xl_session *s,
                               marks *mk)
{
    double vx0, vy0, vx, vy;
    xl_session_view_point(s, xl_sim_theta0(sim), &vx0, &vy0);
    xl_session_view_point(s, xl_sim_theta(sim), &vx, &vy);
    mk->start_x = map_x(mp, vx0);
    mk->start_y = map_y(mp, vy0);
    mk->start_r = 5.0f * ctx->scale + 1;
    draw_start(ctx, mk->start_x, mk->start_y, mk->start_r);
    mk->now_x = map_x(mp, vx);
    mk->now_y = map_y(mp, vy);
    mk->now_r = 6.0f * ctx->scale;
    draw_now(ctx, mk->now_x, mk->now_y, mk->now_r);
}

/* Label the cross where it hides nothing: clear of the markers and the path; a leader
 * line from the label's nearest edge to the mark when it had to go further out. */
static void label_minimum(const ui_ctx *ctx, const mapping *mp, const marks *mk, const SDL_FPoint *path,
                          int count, const char *label)
{
    SDL_Color white = {255, 255, 255, 255}, black = {0, 0, 0, 255};
    const SDL_Rect map = mp->map;
    float minx = mk->min_x, miny = mk->min_y;
    int lw = ui_text_width(ctx->text, UI_FONT_TICK, label);
    SDL_Rect boxes[2] = {box_around(mk->now_x, mk->now_y, mk->now_r + ui_lw(ctx, 1.0f) + 2),
                         box_around(mk->start_x, mk->start_y, mk->start_r + 2.5f)};
    ui_obstacles obs = {boxes, 2, path, count};
    SDL_Rect anchor = box_around(minx, miny, mk->min_r + 1);
    SDL_Rect bounds = {map.x + 2, map.y + 2, map.w - 4, map.h - 4};
    SDL_Rect lb;
    int where = ui_label_place(anchor, lw + 4, ui_text_line_height(ctx->text, UI_FONT_TICK), 3, bounds, &obs, &lb);
    if (where < 0 || where >= 4) {
        float ex = fminf(fmaxf(minx, (float)lb.x), (float)(lb.x + lb.w));
        float ey = fminf(fmaxf(miny, (float)lb.y), (float)(lb.y + lb.h));
        ui_draw_line(ctx->r, ex, ey, minx, miny, ui_lw(ctx, 1.0f) + 2, black);
        ui_draw_line(ctx->r, ex, ey, minx, miny, ui_lw(ctx, 1.0f), white);
    }
    ui_draw_fill(ctx->r, lb, (SDL_Color){0, 0, 0, 110});
    ui_text_draw(ctx->text, UI_FONT_TICK, lb.x + 2, lb.y, UI_ALIGN_LEFT, white, label);
}

/* "valley" beside the dashed line, 30% of the way along its part in view. */
static void label_valley(const ui_ctx *ctx, const mapping *mp, double d)
{
    double x0 = fmax(mp->lo, mp->ylo + d), x1 = fmin(mp->hi, mp->yhi + d); /* y = x - d in view too */
    if (!(x1 > x0)) return;
    double lx = x0 + (x1 - x0) * 0.3;
    ui_text_draw(ctx->text, UI_FONT_TICK, (int)map_x(mp, lx) + ctx->pad, (int)map_y(mp, lx - d), UI_ALIGN_LEFT,
                 (SDL_Color){255, 255, 255, 255}, _("valley"));
}

/* Everything on the map, clipped to it, bottom to top: the valley, the race's runs,
 * the path, the minimum's mark, the start and the current point, the minimum's label. */
static marks draw_on_map(ui_landscape_panel *p, const ui_ctx *ctx, const mapping *mp, const xl_session *s,
                         const minimum *mn)
{
    marks mk = {0, 0, 0, 0, 0, 0, NAN, NAN, 6.0f * ctx->scale};
    ui_rec_set_clip(ctx->r, &mp->map);
    if (mn->kind == MIN_VALLEY) draw_valley(ctx, mp, mn->d);
    if (xl_session_racing(s)) draw_race_runs(p, ctx, mp, s);
    int count = draw_path(ctx, p->path, project_path(p, mp, s), s); /* p->path thinned: its shape */
    draw_minimum(ctx, mp, p->grid, mn, &mk);
    draw_start_and_now(ctx, mp, xl_session_sim(s), s, &mk);
    if (mn->kind == MIN_IN_VIEW || mn->kind == MIN_NONE)
        label_minimum(ctx, mp, &mk, p->path, count, mn->kind == MIN_IN_VIEW ? _("minimum") : _("lowest in view"));
    else if (mn->kind == MIN_VALLEY)
        label_valley(ctx, mp, mn->d);
    ui_rec_set_clip(ctx->r, NULL);
    return mk;
}

static void fill_geom(ui_landscape_geom *geom, const mapping *mp, const marks *mk, const minimum *mn)
{
    geom->map = mp->map;
    geom->lo = mp->lo;
    geom->hi = mp->hi;
    geom->ylo = mp->ylo;
    geom->yhi = mp->yhi;
    geom->current_x = mk->now_x;
    geom->current_y = mk->now_y;
    geom->has_minimum = mn->kind == MIN_IN_VIEW;
    geom->minimum_x = mk->min_x; /* the arrow's tip when the minimum is outside; NaN for a valley */
    geom->minimum_y = mk->min_y;
}

void ui_landscape_draw(ui_landscape_panel *p, const ui_ctx *ctx, SDL_Rect area,
                       const xl_session *s, ui_landscape_geom *geom)
{
    ui_landscape_finish_paint(p); /* the grid and heatmap ui_landscape_prepare started, if it did */
    const ui_theme *th = ctx->theme;
    int a, b;
    xl_session_slice(s, &a, &b);
    char buf[192], note[192];
    ui_landscape_caption(buf, sizeof buf, s, a, b, !ctx->no_keys);
    SDL_Rect in = ui_panel_begin(ctx, area, _("LOSS LANDSCAPE"), buf);
    if (geom) memset(geom, 0, sizeof *geom);

    const xl_landscape *ls = ui_landscape_grid(p, s);
    if (!ls) return; /* no memory for the grid: the panel stays empty */
    const extent e = ui_landscape_extent(p, ls, xl_unit_scale(ctx->unit));
    const minimum mn = ui_landscape_find_minimum(s, a, b, e.lo, e.hi, e.ylo, e.yhi);
    ui_landscape_note(note, sizeof note, &mn, s, a, b);
    legend leg;
    ui_landscape_legend_init(ctx, &leg, mn.kind, s);
    ticks ctk;
    plan P;
    frame_metrics m;
    ui_landscape_lay_out(ctx, in, &e, &leg, note, &P, &m, &ctk);
    for (int i = 0; i < P.note_lines; i++)
        ui_text_draw(ctx->text, UI_FONT_TICK, P.note.x, P.note.y + i * m.tick_h, UI_ALIGN_LEFT,
                     th->text_dim, P.lines[i]);
    if (P.side < 40) return;

    if (ui_landscape_paint(p, ls, P.side, th->contour) != 0) return;
    ui_draw_copy(ctx->r, p->heat, p->heat_version, NULL, P.map);
    const double box[4] = {e.lo, e.hi, e.ylo, e.yhi};
    ui_landscape_axes(ctx, &P, &m, box, s);
    ui_landscape_colour_bar(ctx, p, &P, &m, &ctk, &e, e.k, xl_session_scenario(s)->readouts[0].symbol);
    if (P.legend_mode) ui_landscape_legend_flow(ctx, &leg, P.legend.x, P.legend.y, P.legend.w, 1);

    const mapping mp = {P.map, e.lo, e.hi, e.ylo, e.yhi};
    const marks mk = draw_on_map(p, ctx, &mp, s, &mn);
    if (geom) fill_geom(geom, &mp, &mk, &mn);
}
