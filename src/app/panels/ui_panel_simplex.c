/* ui_panel_simplex: P, Q and the rings of H(P,·) over the triangle of all
 * distributions on three classes (see ui_panel_simplex.h).
 *
 * Layout. The triangle is the picture, so it gets every pixel it can: class 1's corner
 * at the top, classes 2 and 3 at the bottom left and right (reading order), each corner
 * named by its class. The triangle is wider than tall and panels in the landscape's
 * place are wider still, so the legend and the caption usually go in a column beside
 * it and the corner names beside the corners, which costs width, not height; a narrow
 * panel gets the legend in rows on top, the caption under the triangle and the names
 * above and below the corners instead. Every combination is sized and the largest
 * triangle wins, content first: the second caption sentence, then the legend, then the
 * first sentence are dropped only while keeping them would shrink the triangle by more
 * than a fifth. The triangle keeps P's ring radius clear around it, so P on a corner is
 * whole and inside the panel.
 *
 * Rings. H(P,·) is convex, so along any segment a level is crossed at most once: the
 * rings come from marching triangles over a barycentric lattice, each crossing found by
 * bisection on the exact function rather than interpolated, which keeps them right where
 * H(P,·) runs to infinity (the sides where Q gives 0 to a class P does not). Levels are
 * nice numbers in the display unit between H(P) and H(P,·) at 0.9 of the way to the
 * farthest corner, so a one-hot P still gets rings across the whole triangle (straight
 * lines parallel to the opposite side). The shading is the same levels filled, one grey
 * step per ring, row by row in runs of equal band: rectangles only, no allocation.
 * Rings and shading depend on P and the triangle, not on Q, so they are kept between
 * frames and recomputed only when P, the size or the unit changes.
 *
 * Marks. P is a hollow blue target drawn last with a blue centre, so a Q that reaches P
 * shows inside it without hiding it. Labels (corner names, P, Q, "uniform", the ring
 * values) are claimed in order of importance and never overlap; a ring value that fits
 * nowhere clear of the marks and the path is left out. Every pixel coordinate comes from
 * a probability in [0, 1] and a finite layout, and drawing is clipped to the panel.
 *
 * The rings and shading are in ui_panel_simplex_rings.c, the marks, legend, caption and
 * layout in ui_panel_simplex_legend.c; this file places the labels, draws the paths and
 * puts the panel together.
 */
#include "ui_rec.h"
#include "ui_panel_simplex_internal.h"
#include "ui_lang.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_layout.h"

/* ---- labels on the triangle ---- */

static SDL_Rect box_around(float x, float y, float r)
{
    int ir = (int)ceilf(r);
    return (SDL_Rect){(int)floorf(x) - ir, (int)floorf(y) - ir, 2 * ir + 1, 2 * ir + 1};
}

typedef struct scene {
    ui_simplex_geom g;
    marks_size mk;
    SDL_FPoint P, Q, start, uni;
    SDL_Rect obstacles[16];    /* the marks */
    int nobs;
    SDL_FPoint path[OBSTACLE_PATH * XL_RACE_MAX]; /* every run's path, thinned, for labels */
    int path_start[XL_RACE_MAX], path_n[XL_RACE_MAX], runs;
} scene;

/* A box is clear when it touches no mark and no run's path. */
static int clear_of_marks(const scene *sc, SDL_Rect r)
{
    for (int i = 0; i < sc->nobs; i++)
        if (SDL_HasIntersection(&r, &sc->obstacles[i])) return 0;
    for (int k = 0; k < sc->runs; k++) {
        const SDL_FPoint *pt = sc->path + sc->path_start[k];
        for (int i = 1; i < sc->path_n[k]; i++)
            if (ui_segment_hits_rect(pt[i - 1].x, pt[i - 1].y, pt[i].x, pt[i].y, r)) return 0;
    }
    return 1;
}

static int box_inside(SDL_Rect r, SDL_Rect b)
{
    return r.x >= b.x && r.y >= b.y && r.x + r.w <= b.x + b.w && r.y + r.h <= b.y + b.h;
}

/* Where a w x h label of the mark `self` goes: beside it (right, left, above, below,
 * then the four corners, which ui_label_place only tries far out: a mark next to
 * another, like Q arriving at P, has its free side on a diagonal), then the same a line
 * and two lines further out, where a leader must cross no label. Clear of the marks
 * other than itself, the labels claimed and the paths. Returns the ring
 * (0 beside, 1 or 2 further out) or -1. */
static int place_label(const scene *sc, SDL_Rect self, int w, int h, int gap, SDL_Rect bounds, const ui_claims *cl,
                       SDL_Rect *out)
{
    static const int dir[8][2] = {{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {1, -1}, {-1, -1}, {1, 1}, {-1, 1}};
    const int cx = self.x + self.w / 2, cy = self.y + self.h / 2;
    const int ncl = cl->n < UI_CLAIMS_MAX ? cl->n : UI_CLAIMS_MAX;
    for (int ring = 0; ring < 3; ring++)
        for (int k = 0; k < 8; k++) {
            const int off = gap + ring * h;
            SDL_Rect r = {0, 0, w, h};
            r.x = dir[k][0] > 0 ? self.x + self.w + off : dir[k][0] < 0 ? self.x - off - w : cx - w / 2;
            r.y = dir[k][1] > 0 ? self.y + self.h + off : dir[k][1] < 0 ? self.y - off - h : cy - h / 2;
            if (!box_inside(r, bounds)) continue;
            int clear = 1;
            for (int i = 0; i < sc->nobs && clear; i++)
                if (!SDL_RectEquals(&sc->obstacles[i], &self) && SDL_HasIntersection(&r, &sc->obstacles[i])) clear = 0;
            for (int i = 0; i < ncl && clear; i++)
                if (ui_boxes_touch(r, cl->box[i], 1)) clear = 0;
            /* A path that ends at the mark would rule out every place beside it: each
             * run's path counts away from its last few points. */
            for (int run = 0; run < sc->runs && clear; run++) {
                const SDL_FPoint *pt = sc->path + sc->path_start[run];
                for (int i = 1; i < sc->path_n[run] - 3 && clear; i++)
                    if (ui_segment_hits_rect(pt[i - 1].x, pt[i - 1].y, pt[i].x, pt[i].y, r)) clear = 0;
            }
            if (clear && ring > 0) {
                float ex = fminf(fmaxf((float)cx, (float)r.x), (float)(r.x + r.w));
                float ey = fminf(fmaxf((float)cy, (float)r.y), (float)(r.y + r.h));
                for (int i = 0; i < ncl && clear; i++)
                    if (ui_segment_hits_rect(ex, ey, (float)cx, (float)cy, cl->box[i])) clear = 0;
            }
            if (clear) {
                *out = r;
                return ring;
            }
        }
    return -1;
}

/* A mark's label: pieces of one font in their colours ("P", " ≈ ", "Q"). */
typedef struct lpiece {
    const char *s;
    SDL_Color c;
} lpiece;

/* Place and draw a mark's label, with a leader from the mark when it had to go
 * further out. Returns 1 if drawn: a label that fits nowhere is left out. */
static int label_mark(const ui_ctx *ctx, const scene *sc, SDL_FPoint at, float r, ui_font f, const lpiece *pc,
                      int npc, SDL_Rect bounds, ui_claims *cl)
{
    int w = 0, h = ui_text_line_height(ctx->text, f);
    for (int i = 0; i < npc; i++) w += ui_text_width(ctx->text, f, pc[i].s);
    SDL_Rect self = box_around(at.x, at.y, r + 1), out;
    int ring = place_label(sc, self, w, h, imax(2, ctx->pad / 3), bounds, cl, &out);
    if (ring < 0 || !ui_claim(cl, out, bounds, 1)) return 0;
    if (ring > 0) {
        float ex = fminf(fmaxf(at.x, (float)out.x), (float)(out.x + out.w));
        float ey = fminf(fmaxf(at.y, (float)out.y), (float)(out.y + out.h));
        ui_draw_line(ctx->r, ex, ey, at.x, at.y, ui_lw(ctx, 0.5f), ctx->theme->text_dim);
    }
    int x = out.x;
    for (int i = 0; i < npc; i++) x += ui_text_draw(ctx->text, f, x, out.y, UI_ALIGN_LEFT, pc[i].c, pc[i].s);
    return 1;
}

/* Is the box inside the triangle, every corner's p_k at least inset_p (a distance
 * from side k as a fraction of the triangle's height)? */
static int box_in_triangle(const bary *B, SDL_Rect r, double inset_p)
{
    const double xs[2] = {r.x, r.x + r.w}, ys[2] = {r.y, r.y + r.h};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            for (int k = 0; k < 3; k++)
                if (B->a[k] * xs[i] + B->b[k] * ys[j] + B->c[k] < inset_p) return 0;
    return 1;
}

typedef struct cand {
    float score;
    int i;
} cand;

static int by_score(const void *a, const void *b)
{
    float x = ((const cand *)a)->score, y = ((const cand *)b)->score;
    return (x > y) - (x < y);
}

/* One value per ring, where it fits: inside the triangle, clear of the marks, the
 * paths and every label so far, as near as can be to the ray from P away from Q (where
 * the path is not). The rings are broken where the claimed boxes are. */
static int label_rings(const ui_ctx *ctx, const scene *sc, const levels *L, const rings *R, SDL_Rect in,
                       ui_claims *cl)
{
    bary B;
    if (!ui_simplex_bary(&sc->g, &B)) return 0;
    float dx = sc->P.x - sc->Q.x, dy = sc->P.y - sc->Q.y;
    if (hypotf(dx, dy) < 1.0f) dx = sc->P.x - sc->start.x, dy = sc->P.y - sc->start.y;
    if (hypotf(dx, dy) < 1.0f) dx = 1.0f, dy = 0.4f;
    const float dang = atan2f(dy, dx);
    const int th = ui_text_line_height(ctx->text, UI_FONT_TICK);
    const double inset = 2.0 / (sc->g.area.h > 0 ? sc->g.area.h : 1);
    cand c[SEGS_MAX / 4];
    int placed = 0;
    for (int l = 0; l < L->n; l++) {
        char t[24];
        ui_format_tick(t, sizeof t, L->shown[l], L->step);
        int w = ui_text_width(ctx->text, UI_FONT_TICK, t) + 4;
        int nc = 0;
        for (int i = 0; i < R->count[l] && nc < (int)(sizeof c / sizeof c[0]); i++) {
            const seg *sg = &R->s[R->first[l] + i];
            float mx = 0.5f * (sg->x0 + sg->x1) - sc->P.x, my = 0.5f * (sg->y0 + sg->y1) - sc->P.y;
            float d = fabsf(remainderf(atan2f(my, mx) - dang, 6.2831853f));
            c[nc++] = (cand){d, R->first[l] + i};
        }
        qsort(c, (size_t)nc, sizeof c[0], by_score);
        for (int k = 0; k < nc && k < LABEL_TRIES * 4; k += (k < LABEL_TRIES ? 1 : 4)) {
            const seg *sg = &R->s[c[k].i];
            float mx = 0.5f * (sg->x0 + sg->x1), my = 0.5f * (sg->y0 + sg->y1);
            SDL_Rect box = {(int)lroundf(mx - w / 2.0f), (int)lroundf(my - th / 2.0f), w, th};
            if (!box_in_triangle(&B, box, inset) || !clear_of_marks(sc, box)) continue;
            if (!ui_claim(cl, box, in, 2)) continue;
            ui_text_draw(ctx->text, UI_FONT_TICK, box.x + 2, box.y, UI_ALIGN_LEFT, ctx->theme->text_dim, t);
            placed++;
            break;
        }
    }
    return placed;
}


/* Q along a run's history, as pixels, thinned to at most `cap` points (the last kept).
 * Returns how many. */
static int run_path(const ui_simplex_geom *g, const xl_sim *sim, SDL_FPoint *out, int cap)
{
    int count = xl_sim_history_count(sim);
    if (count <= 0) return 0;
    int every = (count + cap - 2) / (cap - 1);
    if (every < 1) every = 1;
    int n = 0;
    for (int i = 0; i < count && n < cap; i += every) {
        double q[3];
        xl_softmax(xl_sim_history_theta(sim, i), 3, q);
        out[n++] = ui_simplex_to_point(g, q);
    }
    if ((count - 1) % every != 0 && n < cap) {
        double q[3];
        xl_softmax(xl_sim_history_theta(sim, count - 1), 3, q);
        out[n++] = ui_simplex_to_point(g, q);
    }
    return n;
}

static void draw_path(const ui_ctx *ctx, const ui_simplex_geom *g, const xl_sim *sim, SDL_Color c)
{
    int count = xl_sim_history_count(sim);
    if (count > XL_HISTORY_CAP) count = XL_HISTORY_CAP;
    float w = ui_lw(ctx, 1.5f);
    SDL_FPoint pts[XL_HISTORY_CAP];
    for (int i = 0; i < count; i++) {
        double q[3];
        xl_softmax(xl_sim_history_theta(sim, i), 3, q);
        pts[i] = ui_simplex_to_point(g, q);
    }
    ui_draw_polyline(ctx->r, pts, ui_draw_thin_pixels(pts, count), w, c);
    /* A dot now and then shows the steps' pace: they bunch where the descent slows. */
    int every = count / 24 + 1;
    for (int i = every; i < count - 1; i += every) {
        double q[3];
        xl_softmax(xl_sim_history_theta(sim, i), 3, q);
        SDL_FPoint pt = ui_simplex_to_point(g, q);
        ui_draw_disc(ctx->r, pt.x, pt.y, w * 1.2f, c);
    }
}

static void frame_only(const ui_ctx *ctx, SDL_Rect in, const char *why)
{
    char cut[192];
    if (in.h < ui_text_line_height(ctx->text, UI_FONT_LABEL) || in.w < 10) return;
    ui_text_fit(ctx->text, UI_FONT_LABEL, why, in.w, cut, sizeof cut);
    ui_text_draw(ctx->text, UI_FONT_LABEL, in.x, in.y, UI_ALIGN_LEFT, ctx->theme->text_dim, cut);
}

static void corner_names(const ui_ctx *ctx, const plan *P, const measure *m, const ui_simplex_geom *g, SDL_Rect in,
                         ui_claims *cl)
{
    const float pr = m->mk.pr;
    for (int i = 0; i < 3; i++) {
        const SDL_FPoint c = g->corner[i];
        const int w = m->name_w[i];
        SDL_Rect box = {0, 0, w, m->lh};
        if (P->beside) {
            box.y = (int)lroundf(c.y - m->lh / 2.0f);
            box.x = i == 1 ? (int)lroundf(c.x - pr - m->gap - w) : (int)lroundf(c.x + pr + m->gap);
        } else {
            box.x = (int)lroundf(c.x - w / 2.0f);
            box.y = i == 0 ? (int)lroundf(c.y - pr - m->gap - m->lh) : (int)lroundf(c.y + pr + m->gap);
        }
        box.x = imax(in.x, imin(box.x, in.x + in.w - w));
        box.y = imax(in.y, imin(box.y, in.y + in.h - m->lh));
        if (ui_claim(cl, box, in, 1))
            ui_text_draw(ctx->text, UI_FONT_LABEL, box.x, box.y, UI_ALIGN_LEFT, ctx->theme->text, m->names[i]);
    }
}

void ui_simplex_draw(ui_simplex_panel *panel, const ui_ctx *ctx, SDL_Rect area, const xl_session *s,
                     ui_simplex_geom *geom)
{
    ui_simplex_geom local;
    ui_simplex_geom *out = geom ? geom : &local;
    memset(out, 0, sizeof *out);
    SDL_Rect in = ui_panel_begin(ctx, area, _("PROBABILITY SIMPLEX"), _("every point is a distribution over 3 classes"));
    xl_bars bars;
    xl_session_bars(s, &bars);
    ui_tr_bars(&bars); /* the default names in the interface's language */
    if (!xl_session_simplex_possible(s)) {
        char why[128];
        if (bars.logits == NULL)
            snprintf(why, sizeof why, _("The simplex view is for Q = softmax(z) over 3 classes (the softmax scenario)."));
        else
            snprintf(why, sizeof why, _("The simplex view needs 3 classes, not %d (param classes=3)."), bars.n);
        frame_only(ctx, in, why);
        return;
    }
    if (in.w < MIN_SIDE || in.h < MIN_SIDE) return;

    const double *p = bars.p;
    double q[3], logq[3];
    xl_session_q(s, q);
    xl_session_log_q(s, logq);
    for (int i = 0; i < 3; i++)
        if (!isfinite(q[i]) || !isfinite(logq[i])) return;

    measure m;
    m.lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    m.gap = imax(3, ctx->pad / 2);
    m.mk = ui_simplex_marks_size(ctx);
    m.margin = m.mk.pr + 2.0f;
    for (int i = 0; i < 3; i++) {
        ui_text_fit(ctx->text, UI_FONT_LABEL, bars.names[i] ? bars.names[i] : "", in.w / 4, m.names[i], sizeof m.names[i]);
        m.name_w[i] = ui_text_width(ctx->text, UI_FONT_LABEL, m.names[i]);
    }
    legend L;
    ui_simplex_legend_init(ctx, &L, s);
    sentence S[2];
    const xl_sample now = xl_sim_current(xl_session_sim(s));
    ui_simplex_caption(ctx, &now, S);
    const plan P = ui_simplex_plan(ctx, in, &m, &L, S);
    if (!P.ok) {
        frame_only(ctx, in, _("too small for the simplex"));
        return;
    }

    scene sc;
    memset(&sc, 0, sizeof sc);
    sc.mk = m.mk;
    const float h = P.side * (float)SQRT3_2;
    sc.g.drawn = 1;
    sc.g.corner[0] = (SDL_FPoint){P.tx + P.side / 2.0f, P.ty};
    sc.g.corner[1] = (SDL_FPoint){P.tx, P.ty + h};
    sc.g.corner[2] = (SDL_FPoint){P.tx + P.side, P.ty + h};
    sc.g.area = (SDL_Rect){(int)floorf(P.tx), (int)floorf(P.ty), P.side + 1, (int)ceilf(h) + 1};
    const ui_simplex_geom *g = &sc.g;
    const double third[3] = {1.0 / 3, 1.0 / 3, 1.0 / 3};
    double q0[3];
    xl_softmax(xl_sim_theta0(xl_session_sim(s)), 3, q0);
    sc.P = ui_simplex_to_point(g, p);
    sc.Q = ui_simplex_to_point(g, q);
    sc.start = ui_simplex_to_point(g, q0);
    sc.uni = ui_simplex_to_point(g, third);
    const int q_at_p = hypotf(sc.Q.x - sc.P.x, sc.Q.y - sc.P.y) < m.mk.pr;
    const int p_uniform = hypotf(sc.uni.x - sc.P.x, sc.uni.y - sc.P.y) < m.mk.pr;
    sc.obstacles[sc.nobs++] = box_around(sc.P.x, sc.P.y, m.mk.pr + 1);
    sc.obstacles[sc.nobs++] = box_around(sc.Q.x, sc.Q.y, m.mk.qr + 2);
    sc.obstacles[sc.nobs++] = box_around(sc.start.x, sc.start.y, m.mk.sr + 2);
    sc.obstacles[sc.nobs++] = box_around(sc.uni.x, sc.uni.y, m.mk.ur + 1);
    sc.runs = xl_session_run_count(s);
    if (sc.runs > XL_RACE_MAX) sc.runs = XL_RACE_MAX;
    for (int r = 0; r < sc.runs; r++) {
        const xl_sim *rs = xl_session_run_sim(s, r);
        sc.path_start[r] = r * OBSTACLE_PATH;
        sc.path_n[r] = run_path(g, rs, sc.path + sc.path_start[r], OBSTACLE_PATH);
        if (r > 0) {
            double rq[3];
            xl_softmax(xl_sim_theta(rs), 3, rq);
            SDL_FPoint pt = ui_simplex_to_point(g, rq);
            sc.obstacles[sc.nobs++] = box_around(pt.x, pt.y, m.mk.qr + 2);
        }
    }

    const struct backdrop *bd = ui_simplex_backdrop(&panel->backdrop, g, p, ctx->unit, P.side);

    ui_rec_set_clip(ctx->r, &area);
    ui_claims cl = {.n = 0};
    /* Claims in order of importance: what explains the picture, then the corners, the
     * marks' names, the ring values. */
    if (P.legend) ui_simplex_legend_flow(ctx, &L, P.col.x, P.col.y, P.col.w, 1, &cl, in);
    int cy = P.cap.y;
    for (int i = 0; i < P.sentences; i++) {
        int sh = ui_simplex_sentence_flow(ctx, &S[i], P.cap.x, cy, P.cap.w, 1, &cl, in);
        cy += sh + m.lh / 2;
    }

    ui_simplex_shade(ctx, g, p, bd);
    /* Ring values are placed before the rings are drawn, so the rings break for them;
     * they go after the corner names and the marks' names in the claims, though, so
     * those are placed first. */
    corner_names(ctx, &P, &m, g, P.plot, &cl);
    const float lw = ui_lw(ctx, 1.0f);
    ui_draw_line(ctx->r, g->corner[0].x, g->corner[0].y, g->corner[1].x, g->corner[1].y, lw, ctx->theme->axis);
    ui_draw_line(ctx->r, g->corner[1].x, g->corner[1].y, g->corner[2].x, g->corner[2].y, lw, ctx->theme->axis);
    ui_draw_line(ctx->r, g->corner[2].x, g->corner[2].y, g->corner[0].x, g->corner[0].y, lw, ctx->theme->axis);

    ui_font mf = UI_FONT_TITLE;
    /* Marks inside P's target share its label ("P ≈ Q", "P = uniform"): two labels for
     * one spot would be pushed apart and read as two places. */
    const ui_theme *th = ctx->theme;
    lpiece pl[4] = {{"P", th->truth}};
    int npl = 1;
    if (q_at_p) {
        pl[npl++] = (lpiece){" ≈ ", th->text};
        pl[npl++] = (lpiece){"Q", th->model};
    }
    if (p_uniform) pl[npl++] = (lpiece){_(" = uniform"), th->text_dim};
    label_mark(ctx, &sc, sc.P, m.mk.pr, mf, pl, npl, P.plot, &cl);
    if (!q_at_p) label_mark(ctx, &sc, sc.Q, m.mk.qr + 1, mf, &(lpiece){"Q", th->model}, 1, P.plot, &cl);
    if (!p_uniform)
        label_mark(ctx, &sc, sc.uni, m.mk.ur, UI_FONT_TICK, &(lpiece){_("uniform"), th->text_dim}, 1, P.plot, &cl);
    label_rings(ctx, &sc, &bd->lv, &bd->R, P.plot, &cl);
    SDL_Rect breaks[UI_CLAIMS_MAX];
    int nbreaks = 0;
    for (int i = 0; i < cl.n && i < UI_CLAIMS_MAX; i++)
        if (SDL_HasIntersection(&cl.box[i], &g->area)) breaks[nbreaks++] = cl.box[i];
    ui_simplex_draw_rings(ctx, &bd->R, breaks, nbreaks);

    /* Bottom to top: the uniform point, the race's other runs, the steered run's path,
     * its start, Q, and P over everything. */
    if (!p_uniform) ui_simplex_draw_uniform(ctx, &m.mk, sc.uni.x, sc.uni.y);
    for (int r = sc.runs - 1; r >= 1; r--) {
        const xl_sim *rs = xl_session_run_sim(s, r);
        draw_path(ctx, g, rs, ui_simplex_path_colour(ctx, s, r));
    }
    draw_path(ctx, g, xl_session_sim(s), ui_simplex_path_colour(ctx, s, 0));
    ui_simplex_draw_start(ctx, &m.mk, sc.start.x, sc.start.y, ui_simplex_path_colour(ctx, s, 0));
    for (int r = sc.runs - 1; r >= 1; r--) {
        double rq[3];
        xl_softmax(xl_sim_theta(xl_session_run_sim(s, r)), 3, rq);
        SDL_FPoint pt = ui_simplex_to_point(g, rq);
        ui_simplex_draw_run_marker(ctx, &m.mk, s, r, pt.x, pt.y);
    }
    ui_simplex_draw_q(ctx, &m.mk, sc.Q.x, sc.Q.y);
    ui_simplex_draw_p(ctx, &m.mk, sc.P.x, sc.P.y);
    ui_rec_set_clip(ctx->r, NULL);
    *out = sc.g;
}
