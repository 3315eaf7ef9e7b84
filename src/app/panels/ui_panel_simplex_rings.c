/* ui_panel_simplex_rings: what the simplex panel draws from P alone (see
 * ui_panel_simplex.c for the panel, ui_panel_simplex_internal.h for how the files
 * divide): the triangle's barycentric geometry and the pixel <-> distribution maps, the
 * levels of H(P,·), its rings by marching triangles and the shading between them, kept
 * in the panel object from frame to frame.
 */
#include "ui_panel_simplex_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"

/* ---- geometry ---- */

int ui_simplex_bary(const ui_simplex_geom *g, bary *B)
{
    const double x0 = g->corner[0].x, y0 = g->corner[0].y, x1 = g->corner[1].x, y1 = g->corner[1].y,
                 x2 = g->corner[2].x, y2 = g->corner[2].y;
    double det = (y1 - y2) * (x0 - x2) + (x2 - x1) * (y0 - y2);
    if (!(fabs(det) > 1e-9) || !isfinite(det)) return 0;
    B->a[0] = (y1 - y2) / det;
    B->b[0] = (x2 - x1) / det;
    B->c[0] = -(B->a[0] * x2 + B->b[0] * y2);
    B->a[1] = (y2 - y0) / det;
    B->b[1] = (x0 - x2) / det;
    B->c[1] = -(B->a[1] * x2 + B->b[1] * y2);
    B->a[2] = -B->a[0] - B->a[1];
    B->b[2] = -B->b[0] - B->b[1];
    B->c[2] = 1.0 - B->c[0] - B->c[1];
    return 1;
}

SDL_FPoint ui_simplex_to_point(const ui_simplex_geom *g, const double p[3])
{
    double w[3], sum = 0.0;
    for (int i = 0; i < 3; i++) {
        w[i] = isfinite(p[i]) && p[i] > 0.0 ? p[i] : 0.0;
        sum += w[i];
    }
    /* Not a distribution: the nearest sensible point rather than a NaN. */
    if (!(sum > 0.0) || !isfinite(sum)) w[0] = w[1] = w[2] = sum = 1.0;
    double x = 0.0, y = 0.0;
    for (int i = 0; i < 3; i++) {
        x += w[i] / sum * g->corner[i].x;
        y += w[i] / sum * g->corner[i].y;
    }
    return (SDL_FPoint){ui_draw_clamp(x), ui_draw_clamp(y)};
}

/* The point of segment a-b nearest (x, y): its parameter t in [0, 1] and distance². */
static double nearest_on_segment(SDL_FPoint a, SDL_FPoint b, double x, double y, double *t)
{
    double dx = (double)b.x - a.x, dy = (double)b.y - a.y, len2 = dx * dx + dy * dy;
    double u = len2 > 0.0 ? ((x - a.x) * dx + (y - a.y) * dy) / len2 : 0.0;
    u = u < 0.0 ? 0.0 : u > 1.0 ? 1.0 : u;
    double ex = a.x + u * dx - x, ey = a.y + u * dy - y;
    *t = u;
    return ex * ex + ey * ey;
}

void ui_simplex_from_point(const ui_simplex_geom *g, float x, float y, double p[3])
{
    bary B;
    if (!isfinite(x) || !isfinite(y) || !ui_simplex_bary(g, &B)) {
        p[0] = p[1] = p[2] = 1.0 / 3.0;
        return;
    }
    double l[3];
    for (int i = 0; i < 3; i++) l[i] = B.a[i] * x + B.b[i] * y + B.c[i];
    if (l[0] >= 0.0 && l[1] >= 0.0 && l[2] >= 0.0) {
        double sum = l[0] + l[1] + l[2];
        for (int i = 0; i < 3; i++) p[i] = l[i] / sum;
        return;
    }
    /* Outside: the nearest point of the triangle lies on a side, measured in pixels
     * (what the pointer means), whatever the triangle's shape. */
    double best = INFINITY;
    for (int i = 0; i < 3; i++) {
        int j = (i + 1) % 3, k = (i + 2) % 3;
        double t, d = nearest_on_segment(g->corner[i], g->corner[j], x, y, &t);
        if (d < best) {
            best = d;
            p[i] = 1.0 - t;
            p[j] = t;
            p[k] = 0.0;
        }
    }
}

/* ---- the function ---- */

/* H(P, Q) in nats; +inf where Q gives 0 to a class P does not. */
static double cross_entropy(const double *p, const double *q)
{
    double h = 0.0;
    for (int i = 0; i < 3; i++) {
        if (!(p[i] > 0.0)) continue;
        if (!(q[i] > 0.0)) return INFINITY;
        h -= p[i] * log(q[i]);
    }
    return h;
}

/* Nice values in the display unit from just above H(P) to H(P,·) at 0.9 of the way to
 * the farthest corner. KL grows with the square of the distance from P, so rings at
 * equal steps would leave P's neighbourhood, where Q ends up, empty: the first coarse
 * step is split into fine ones (a fifth or a quarter of it), which spaces the rings
 * about evenly across the triangle. */
static void make_levels(const double *p, double k, levels *L)
{
    double hp = cross_entropy(p, p), top = hp;
    for (int i = 0; i < 3; i++) {
        double v[3] = {0.05, 0.05, 0.05};
        v[i] = 0.9;
        double h = cross_entropy(p, v);
        if (h > top) top = h;
    }
    L->n = 0;
    L->step = 1.0;
    double lo = hp * k, hi = top * k;
    if (!(hi > lo) || !isfinite(hi)) return;
    double step = ui_nice_step(lo, hi, 5);
    double mant = step / pow(10.0, floor(log10(step) + 1e-9));
    double fine = mant > 1.5 && mant < 3.0 ? step / 4.0 : step / 5.0;
    L->step = fine;
    double t[LEVELS_MAX + 8];
    int nt = ui_ticks(lo, lo + step, fine, t, LEVELS_MAX + 8);
    /* A ring right at P would be a dot: start a quarter step out. */
    for (int i = 0; i < nt && L->n < LEVELS_MAX; i++)
        if (t[i] > lo + 0.25 * fine) L->shown[L->n++] = t[i];
    nt = ui_ticks(lo + step, hi, step, t, LEVELS_MAX + 8);
    for (int i = 0; i < nt && L->n < LEVELS_MAX; i++)
        if (L->n == 0 || t[i] > L->shown[L->n - 1] + 0.5 * fine) L->shown[L->n++] = t[i];
    for (int i = 0; i < L->n; i++) L->nats[i] = L->shown[i] / k;
}

/* ---- rings by marching triangles ---- */

typedef struct node {
    double q[3];
    double h;
} node;

/* Where the convex function crosses `level` between a (below or on) and b (above), as
 * a fraction of the way from a; bisection keeps it exact near an infinite end. */
static double crossing(const double *p, const double *qa, const double *qb, double level)
{
    double lo = 0.0, hi = 1.0;
    for (int it = 0; it < 14; it++) { /* a lattice edge is a few pixels: 2^-14 of it is plenty */
        double t = 0.5 * (lo + hi), q[3];
        for (int i = 0; i < 3; i++) q[i] = qa[i] + (qb[i] - qa[i]) * t;
        if (cross_entropy(p, q) <= level) lo = t;
        else hi = t;
    }
    return 0.5 * (lo + hi);
}

static SDL_FPoint point_of(const ui_simplex_geom *g, const double *q)
{
    return ui_simplex_to_point(g, q);
}

static void march(const ui_simplex_geom *g, const double *p, const node *v[3], double level, rings *R)
{
    int above[3], na = 0;
    for (int i = 0; i < 3; i++) na += above[i] = v[i]->h > level;
    if (na == 0 || na == 3 || R->total >= SEGS_MAX) return;
    /* The vertex alone on its side of the level; the ring crosses its two edges. */
    int o = 0;
    for (int i = 0; i < 3; i++)
        if ((na == 1) == (above[i] != 0)) o = i;
    SDL_FPoint e[2];
    for (int k = 0; k < 2; k++) {
        const node *a = v[o], *b = v[(o + 1 + k) % 3];
        if (a->h > level) {
            const node *t = a;
            a = b;
            b = t;
        }
        double t = crossing(p, a->q, b->q, level), q[3];
        for (int i = 0; i < 3; i++) q[i] = a->q[i] + (b->q[i] - a->q[i]) * t;
        e[k] = point_of(g, q);
    }
    R->s[R->total++] = (seg){e[0].x, e[0].y, e[1].x, e[1].y};
}

static void trace_rings(const ui_simplex_geom *g, const double *p, const levels *L, int side, rings *R)
{
    int M = side / 6;
    M = M < 18 ? 18 : M > LATTICE_MAX ? LATTICE_MAX : M;
    static node grid[(LATTICE_MAX + 1) * (LATTICE_MAX + 1)]; /* 210 KB: off the stack (one drawing thread) */
    for (int a = 0; a <= M; a++)
        for (int b = 0; a + b <= M; b++) {
            node *n = &grid[a * (M + 1) + b];
            n->q[0] = (double)a / M;
            n->q[1] = (double)b / M;
            n->q[2] = (double)(M - a - b) / M;
            n->h = cross_entropy(p, n->q);
        }
    R->total = 0;
    for (int l = 0; l < L->n; l++) {
        R->first[l] = R->total;
        for (int a = 0; a < M; a++)
            for (int b = 0; a + b < M; b++) {
                const node *up[3] = {&grid[a * (M + 1) + b], &grid[(a + 1) * (M + 1) + b], &grid[a * (M + 1) + b + 1]};
                march(g, p, up, L->nats[l], R);
                if (a + b + 2 <= M) {
                    const node *dn[3] = {&grid[(a + 1) * (M + 1) + b], &grid[(a + 1) * (M + 1) + b + 1],
                                         &grid[a * (M + 1) + b + 1]};
                    march(g, p, dn, L->nats[l], R);
                }
            }
        R->count[l] = R->total - R->first[l];
    }
}

SDL_Color ui_simplex_ring_colour(const ui_theme *th)
{
    return ui_mix(th->panel, th->text_dim, th->kind == UI_THEME_DARK ? 0.55f : 0.5f);
}

/* ---- what depends on P alone, kept in the panel ---- */

ui_simplex_panel *ui_simplex_panel_create(void)
{
    return calloc(1, sizeof(ui_simplex_panel));
}

void ui_simplex_panel_destroy(ui_simplex_panel *panel)
{
    free(panel);
}

typedef void (*run_fn)(int x, int y, int w, int band, void *user);

/* The levels filled: each pixel's band is how many rings lie below its H(P,·), found
 * from its barycentric coordinates, and runs of one band in a row are handed to emit
 * (band 0, inside the first ring, is left bare). */
static void shade_scan(const ui_simplex_geom *g, const double *p, const levels *L, run_fn emit, void *user)
{
    bary B;
    if (L->n == 0 || !ui_simplex_bary(g, &B)) return;
    const SDL_FPoint apex = g->corner[0], bl = g->corner[1], br = g->corner[2];
    const float base = bl.y;
    if (!(base > apex.y)) return;
    for (int y = (int)floorf(apex.y); y < (int)ceilf(base); y++) {
        float yc = y + 0.5f, t = (yc - apex.y) / (base - apex.y);
        if (t < 0.0f || t > 1.0f) continue;
        float xl = apex.x + (bl.x - apex.x) * t, xr = apex.x + (br.x - apex.x) * t;
        int x0 = (int)ceilf(xl - 0.5f), x1 = (int)floorf(xr - 0.5f);
        int run_x = x0, run_b = -1;
        for (int x = x0; x <= x1 + 1; x++) {
            int b = -1;
            if (x <= x1) {
                double q[3], xc = x + 0.5;
                for (int i = 0; i < 3; i++) {
                    q[i] = B.a[i] * xc + B.b[i] * yc + B.c[i];
                    if (q[i] < 0.0) q[i] = 0.0;
                }
                double h = cross_entropy(p, q);
                b = 0;
                while (b < L->n && h > L->nats[b]) b++;
            }
            if (b != run_b) {
                if (run_b > 0) emit(run_x, y, x - run_x, run_b, user);
                run_x = x;
                run_b = b;
            }
        }
    }
}

static void keep_run(int x, int y, int w, int band, void *user)
{
    struct backdrop *bd = user;
    if (bd->live) return;
    if (bd->nruns >= RUNS_MAX || x < -32768 || x + w > 32767 || y < -32768 || y > 32767) {
        bd->live = 1;
        return;
    }
    bd->runs[bd->nruns++] = (band_run){(Sint16)x, (Sint16)y, (Sint16)w, (Uint8)band};
}

typedef struct shade_ink {
    SDL_Renderer *r;
    SDL_Color band[LEVELS_MAX + 1];
} shade_ink;

static void fill_run(int x, int y, int w, int band, void *user)
{
    const shade_ink *ink = user;
    ui_draw_fill(ink->r, (SDL_Rect){x, y, w, 1}, ink->band[band]);
}

const struct backdrop *ui_simplex_backdrop(struct backdrop *bd, const ui_simplex_geom *g, const double *p,
                                           xl_unit unit, int side)
{
    if (bd->valid && bd->unit == unit && memcmp(bd->p, p, sizeof bd->p) == 0 &&
        memcmp(bd->corner, g->corner, sizeof bd->corner) == 0)
        return bd;
    bd->valid = 0;
    memcpy(bd->p, p, sizeof bd->p);
    memcpy(bd->corner, g->corner, sizeof bd->corner);
    bd->unit = unit;
    make_levels(p, xl_unit_scale(unit), &bd->lv);
    trace_rings(g, p, &bd->lv, side, &bd->R);
    bd->nruns = 0;
    bd->live = 0;
    shade_scan(g, p, &bd->lv, keep_run, bd);
    bd->valid = 1;
    return bd;
}

/* ---- drawing ---- */

/* One faint step of ink per ring outward. */
void ui_simplex_shade(const ui_ctx *ctx, const ui_simplex_geom *g, const double *p, const struct backdrop *bd)
{
    const ui_theme *th = ctx->theme;
    const float strength = th->kind == UI_THEME_DARK ? 0.16f : 0.12f;
    const levels *L = &bd->lv;
    if (L->n == 0) return;
    shade_ink ink = {ctx->r, {{0}}};
    for (int b = 0; b <= L->n; b++) ink.band[b] = ui_mix(th->panel, th->text, strength * b / L->n);
    if (bd->live) {
        shade_scan(g, p, L, fill_run, &ink);
        return;
    }
    for (int i = 0; i < bd->nruns; i++) {
        const band_run *r = &bd->runs[i];
        ui_draw_fill(ctx->r, (SDL_Rect){r->x, r->y, r->w, 1}, ink.band[r->band]);
    }
}

static int hits_any(const seg *s, const SDL_Rect *boxes, int n)
{
    for (int i = 0; i < n; i++)
        if (boxes[i].w > 0 && ui_segment_hits_rect(s->x0, s->y0, s->x1, s->y1, boxes[i])) return 1;
    return 0;
}

/* The rings, broken wherever a label sits (the ring values' and every other's). */
void ui_simplex_draw_rings(const ui_ctx *ctx, const rings *R, const SDL_Rect *label_boxes, int nlabels)
{
    SDL_Color c = ui_simplex_ring_colour(ctx->theme);
    float w = ui_lw(ctx, 1.0f);
    for (int i = 0; i < R->total; i++) {
        const seg *s = &R->s[i];
        if (hits_any(s, label_boxes, nlabels)) continue;
        ui_draw_line(ctx->r, s->x0, s->y0, s->x1, s->y1, w, c);
    }
}

