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
 */
#include "ui_panel_simplex.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_layout.h"
#include "ui_panels.h"

enum {
    LEVELS_MAX = 12,
    LATTICE_MAX = 80,     /* lattice subdivisions per side */
    SEGS_MAX = 6144,      /* ring segments in all: LEVELS_MAX rings of ~3 per subdivision */
    LEGEND_MAX = 10,      /* P, Q, start, path or 4 runs, uniform, rings */
    PIECES_MAX = 6,
    OBSTACLE_PATH = 160,  /* path points kept for label placement */
    LABEL_TRIES = 80,     /* candidate places per ring label */
    MIN_SIDE = 60,        /* below this the triangle says nothing */
};

#define SQRT3_2 0.86602540378443864676

/* ---- geometry ---- */

/* p_i = a[i] x + b[i] y + c[i]: the barycentric coordinates as affine functions of the
 * pixel. 0 if the triangle has no area. */
typedef struct bary {
    double a[3], b[3], c[3];
} bary;

static int bary_of(const ui_simplex_geom *g, bary *B)
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
    if (!isfinite(x) || !isfinite(y) || !bary_of(g, &B)) {
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

typedef struct levels {
    int n;
    double nats[LEVELS_MAX];  /* H(P,·) on each ring, rising */
    double shown[LEVELS_MAX]; /* the same in the display unit */
    double step;              /* between rings, in the display unit */
} levels;

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

typedef struct seg {
    float x0, y0, x1, y1;
} seg;

typedef struct rings {
    int first[LEVELS_MAX], count[LEVELS_MAX];
    int total;
    seg s[SEGS_MAX];
} rings;

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

/* ---- layout ---- */

typedef enum item_kind { IT_P, IT_Q, IT_START, IT_PATH, IT_RUN, IT_UNIFORM, IT_RING } item_kind;

typedef struct legend {
    int n;
    item_kind kind[LEGEND_MAX];
    int run[LEGEND_MAX];
    const char *label[LEGEND_MAX];
    int w[LEGEND_MAX];
    int tile, widest, gap;
    const xl_session *s;  /* for the paths' colours */
} legend;

typedef struct piece {
    char s[96];
    SDL_Color c;
} piece;

typedef struct sentence {
    int n;
    ui_font font;
    piece pc[PIECES_MAX];
} sentence;

/* Sizes of the marks, which the layout keeps room for. */
typedef struct marks_size {
    float pr, ring_w, dot_r; /* P: target's outer radius, ring width, centre dot */
    float qr;                /* Q's disc */
    float sr;                /* start ring */
    float ur;                /* uniform's plus */
} marks_size;

static marks_size marks_size_of(const ui_ctx *ctx)
{
    marks_size m;
    m.ring_w = ui_lw(ctx, 1.5f) + 1.0f;
    m.pr = 6.5f * ctx->scale + m.ring_w + 1.0f;
    m.dot_r = fmaxf(2.0f, 2.2f * ctx->scale);
    m.qr = 5.0f * ctx->scale + 1.0f;
    m.sr = 4.5f * ctx->scale + 1.0f;
    m.ur = 4.0f * ctx->scale + 1.0f;
    return m;
}

typedef struct plan {
    int ok;
    int side;
    int legend;       /* 0 none, 1 in the column, 2 in rows on top */
    int sentences;    /* caption sentences shown */
    int beside;       /* corner names beside the corners (else above / below) */
    int column;       /* legend and caption in a column right of the triangle */
    SDL_Rect col;     /* that column, or the rows' box */
    SDL_Rect cap;     /* where the caption flows */
    SDL_Rect plot;    /* the triangle's part of the panel: its names and marks' labels stay in it */
    float tx, ty;     /* the triangle's box: top-left */
} plan;

/* What the layout measures once. */
typedef struct measure {
    int lh, gap;
    int name_w[3];
    char names[3][96];  /* a class name fitted to the space, "…" included */
    marks_size mk;
    float margin;   /* clear around the triangle for P's target */
} measure;

static int imax(int a, int b) { return a > b ? a : b; }
static int imin(int a, int b) { return a < b ? a : b; }

/* Legend items flow left to right in rows no wider than width. Returns the height;
 * draws when `draw` is set, each item only where its label can claim its place. */
static int legend_flow(const ui_ctx *ctx, const legend *L, int x, int y, int width, int draw, ui_claims *cl,
                       SDL_Rect inside);

static int sentence_flow(const ui_ctx *ctx, const sentence *S, int x, int y, int width, int draw, ui_claims *cl,
                         SDL_Rect inside)
{
    int lh = ui_text_line_height(ctx->text, S->font), space = ui_text_width(ctx->text, S->font, " ");
    int cx = x, cy = y;
    for (int i = 0; i < S->n; i++) {
        int w = ui_text_width(ctx->text, S->font, S->pc[i].s);
        if (w > width) return -1;
        if (cx > x && cx + w > x + width) {
            cx = x;
            cy += lh;
        }
        if (draw) {
            SDL_Rect box = {cx, cy, w, lh};
            if (!cl || ui_claim(cl, box, inside, 0))
                ui_text_draw(ctx->text, S->font, cx, cy, UI_ALIGN_LEFT, S->pc[i].c, S->pc[i].s);
        }
        cx += w + space;
    }
    return cy + lh - y;
}

/* Height of the first n sentences at width, a line's gap between them; -1 if a piece
 * is wider than the width. */
static int caption_height(const ui_ctx *ctx, const sentence *S, int n, int width, int gap)
{
    int h = 0;
    for (int i = 0; i < n; i++) {
        int sh = sentence_flow(ctx, &S[i], 0, 0, width, 0, NULL, (SDL_Rect){0, 0, 0, 0});
        if (sh < 0) return -1;
        h += sh + (i ? gap : 0);
    }
    return h;
}

/* Room each arrangement leaves around the triangle: left, right, top, bottom. */
typedef struct margins {
    float l, r, t, b;
    float apex_w;  /* beside: the apex's name reaches this far right of the apex */
} margins;

static margins margins_of(const measure *m, int beside)
{
    margins g;
    float pr = m->margin;
    if (beside) {
        g.l = fmaxf(pr, m->name_w[1] + m->mk.pr + m->gap);
        g.r = fmaxf(pr, m->name_w[2] + m->mk.pr + m->gap);
        g.t = fmaxf(pr, m->lh / 2.0f + 1);
        g.b = g.t;
        g.apex_w = m->mk.pr + m->gap + m->name_w[0];
    } else {
        g.l = g.r = pr;
        g.t = g.b = m->lh + m->mk.pr + m->gap;
        g.apex_w = 0;
    }
    return g;
}

/* The largest side in a box W x H with these margins. */
static int side_in(const margins *g, float W, float H)
{
    float s = fminf(W - g->l - g->r, (H - g->t - g->b) / (float)SQRT3_2);
    if (g->apex_w > 0) s = fminf(s, 2.0f * (W - g->l - g->apex_w));
    return s > 0 ? (int)s : 0;
}

/* The triangle's width with its margins, apex name included. */
static float width_of(const margins *g, int s)
{
    return g->l + fmaxf(s + g->r, s / 2.0f + g->apex_w);
}

static plan plan_one(const ui_ctx *ctx, SDL_Rect in, const measure *m, const legend *L, const sentence *S,
                     int legend_on, int sentences, int beside, int column)
{
    plan P = {0};
    P.beside = beside;
    P.sentences = sentences;
    P.column = column;
    margins g = margins_of(m, beside);
    int gap = m->gap;
    if (column) {
        if (!legend_on && !sentences) return P;
        int col_min = legend_on ? L->widest : 0;
        for (int i = 0; i < sentences; i++)
            for (int k = 0; k < S[i].n; k++)
                col_min = imax(col_min, ui_text_width(ctx->text, S[i].font, S[i].pc[k].s));
        int s = side_in(&g, (float)(in.w - col_min - 2 * gap), (float)in.h);
        if (s < MIN_SIDE) return P;
        int tri_w = (int)ceilf(width_of(&g, s));
        int col_w = imin(in.w - tri_w - 2 * gap, imax(col_min, 22 * m->lh));
        int lh = legend_on ? legend_flow(ctx, L, 0, 0, col_w, 0, NULL, in) : 0;
        int ch = caption_height(ctx, S, sentences, col_w, m->lh / 2);
        if (ch < 0) return P;
        int col_h = lh + (legend_on && sentences ? gap + m->lh / 2 : 0) + ch;
        if (col_h > in.h) return P;
        /* The group centred when the column's cap leaves room. */
        int spare = in.w - tri_w - 2 * gap - col_w;
        int x0 = in.x + spare / 2;
        float h = s * (float)SQRT3_2;
        P.side = s;
        P.tx = x0 + g.l;
        P.ty = in.y + g.t + (in.h - g.t - g.b - h) / 2.0f;
        P.col = (SDL_Rect){x0 + tri_w + 2 * gap, in.y + (in.h - col_h) / 2, col_w, col_h};
        P.legend = legend_on ? 1 : 0;
        P.cap = (SDL_Rect){P.col.x, P.col.y + col_h - ch, col_w, ch};
        P.plot = (SDL_Rect){in.x, in.y, x0 + tri_w + gap - in.x, in.h};
    } else {
        int leg_h = legend_on ? legend_flow(ctx, L, 0, 0, in.w, 0, NULL, in) + gap : 0;
        int ch = caption_height(ctx, S, sentences, in.w, m->lh / 2);
        if (ch < 0) return P;
        int cap_h = sentences ? ch + gap : 0;
        int s = side_in(&g, (float)in.w, (float)(in.h - leg_h - cap_h));
        if (s < MIN_SIDE) return P;
        float h = s * (float)SQRT3_2, tw = width_of(&g, s);
        P.side = s;
        P.tx = in.x + (in.w - tw) / 2.0f + g.l;
        float room = (float)(in.h - leg_h - cap_h);
        P.ty = in.y + leg_h + g.t + (room - g.t - g.b - h) / 2.0f;
        P.legend = legend_on ? 2 : 0;
        P.col = (SDL_Rect){in.x, in.y, in.w, leg_h - gap};
        P.cap = (SDL_Rect){in.x, in.y + in.h - ch, in.w, ch};
        P.plot = (SDL_Rect){in.x, in.y + leg_h, in.w, in.h - leg_h - cap_h};
    }
    P.ok = 1;
    return P;
}

/* Every arrangement of every choice of content; content first unless it costs the
 * triangle more than a fifth of its side. */
static plan make_plan(const ui_ctx *ctx, SDL_Rect in, const measure *m, const legend *L, const sentence *S)
{
    static const int options[][2] = {{1, 2}, {1, 1}, {0, 2}, {0, 1}, {1, 0}, {0, 0}};
    enum { NOPT = sizeof options / sizeof options[0] };
    plan best[NOPT];
    int biggest = 0;
    for (int o = 0; o < NOPT; o++) {
        best[o] = (plan){0};
        for (int k = 0; k < 4; k++) {
            plan P = plan_one(ctx, in, m, L, S, options[o][0], options[o][1], k & 1, k >> 1);
            if (P.ok && P.side > best[o].side) best[o] = P;
        }
        biggest = imax(biggest, best[o].side);
    }
    for (int o = 0; o < NOPT; o++)
        if (best[o].ok && best[o].side * 5 >= biggest * 4) return best[o];
    return best[NOPT - 1];
}

/* ---- the marks ---- */

static SDL_Rect box_around(float x, float y, float r)
{
    int ir = (int)ceilf(r);
    return (SDL_Rect){(int)floorf(x) - ir, (int)floorf(y) - ir, 2 * ir + 1, 2 * ir + 1};
}

static void draw_p(const ui_ctx *ctx, const marks_size *m, float x, float y)
{
    const ui_theme *th = ctx->theme;
    ui_draw_ring(ctx->r, x, y, m->pr + 1.5f, m->ring_w + 3.0f, th->panel);
    ui_draw_ring(ctx->r, x, y, m->pr, m->ring_w, th->truth);
    ui_draw_disc(ctx->r, x, y, m->dot_r + 1.5f, th->panel);
    ui_draw_disc(ctx->r, x, y, m->dot_r, th->truth);
}

static void draw_q(const ui_ctx *ctx, const marks_size *m, float x, float y)
{
    /* A dark edge: orange alone is faint on white and on the grey shading. */
    ui_draw_disc(ctx->r, x, y, m->qr + ui_lw(ctx, 0.5f) + 1.0f, (SDL_Color){0, 0, 0, 255});
    ui_draw_disc(ctx->r, x, y, m->qr, ctx->theme->model);
}

static void draw_start(const ui_ctx *ctx, const marks_size *m, float x, float y, SDL_Color c)
{
    ui_draw_disc(ctx->r, x, y, m->sr + 1.5f, ctx->theme->panel);
    ui_draw_ring(ctx->r, x, y, m->sr, ui_lw(ctx, 1.0f) + 1.0f, c);
}

static void draw_uniform(const ui_ctx *ctx, const marks_size *m, float x, float y)
{
    SDL_Color c = ctx->theme->text_dim;
    float w = ui_lw(ctx, 1.0f);
    ui_draw_line(ctx->r, x - m->ur, y, x + m->ur, y, w, c);
    ui_draw_line(ctx->r, x, y - m->ur, x, y + m->ur, w, c);
}

static void draw_run_marker(const ui_ctx *ctx, const marks_size *m, const xl_session *s, int r, float x, float y)
{
    ui_marker shape = ui_run_marker(s, r);
    ui_draw_marker(ctx->r, shape, x, y, m->qr + ui_lw(ctx, 0.5f) + 1.0f, (SDL_Color){0, 0, 0, 255});
    ui_draw_marker(ctx->r, shape, x, y, m->qr, ui_run_colour(ctx->theme, s, r));
}

static SDL_Color ring_colour(const ui_theme *th)
{
    return ui_mix(th->panel, th->text_dim, th->kind == UI_THEME_DARK ? 0.55f : 0.5f);
}

static SDL_Color path_colour(const ui_ctx *ctx, const xl_session *s, int r)
{
    return xl_session_racing(s) ? ui_run_colour(ctx->theme, s, r) : ctx->theme->model;
}

static void legend_init(const ui_ctx *ctx, legend *L, const xl_session *s)
{
    L->n = 0;
    L->s = s;
    L->kind[L->n] = IT_P, L->label[L->n++] = "P (truth)";
    L->kind[L->n] = IT_Q, L->label[L->n++] = "Q = softmax(z)";
    L->kind[L->n] = IT_START, L->label[L->n++] = "start";
    if (xl_session_racing(s)) {
        for (int r = 0; r < xl_session_run_count(s) && r < 4; r++) {
            L->kind[L->n] = IT_RUN;
            L->run[L->n] = r;
            L->label[L->n++] = xl_optim_kind_name(xl_sim_optimizer(xl_session_run_sim(s, r))->kind);
        }
    } else {
        L->kind[L->n] = IT_PATH, L->label[L->n++] = "path of Q";
    }
    L->kind[L->n] = IT_UNIFORM, L->label[L->n++] = "uniform";
    L->kind[L->n] = IT_RING, L->label[L->n++] = ctx->unit == XL_BITS ? "equal H(P,·), bits" : "equal H(P,·), nats";
    L->tile = ui_text_line_height(ctx->text, UI_FONT_TICK) + 2;
    L->gap = ctx->pad * 3 / 2;
    L->widest = 0;
    for (int i = 0; i < L->n; i++) {
        L->w[i] = L->tile + ctx->pad / 2 + ui_text_width(ctx->text, UI_FONT_TICK, L->label[i]);
        L->widest = imax(L->widest, L->w[i]);
    }
}

static void legend_swatch(const ui_ctx *ctx, const legend *L, int i, int cx, int cy, const xl_session *s)
{
    const int tile = L->tile;
    float mx = cx + tile / 2.0f, my = cy + tile / 2.0f;
    marks_size m = marks_size_of(ctx);
    /* The marks at the tile's size, so they read as the ones on the triangle. */
    float k = (tile * 0.5f) / m.pr;
    if (k < 1.0f) {
        m.pr *= k;
        m.ring_w = fmaxf(1.0f, m.ring_w * k);
        m.dot_r = fmaxf(1.0f, m.dot_r * k);
    }
    m.qr = fminf(m.qr, tile * 0.3f);
    m.sr = fminf(m.sr, tile * 0.35f);
    m.ur = fminf(m.ur, tile * 0.35f);
    switch (L->kind[i]) {
    case IT_P: draw_p(ctx, &m, mx, my); break;
    case IT_Q: draw_q(ctx, &m, mx, my); break;
    case IT_START: draw_start(ctx, &m, mx, my, path_colour(ctx, s, 0)); break;
    case IT_PATH:
        ui_draw_line(ctx->r, cx + 1.0f, my, cx + tile - 1.0f, my, ui_lw(ctx, 1.5f), path_colour(ctx, s, 0));
        break;
    case IT_RUN:
        ui_draw_line(ctx->r, cx + 1.0f, my, cx + tile - 1.0f, my, ui_lw(ctx, 1.5f), path_colour(ctx, s, L->run[i]));
        if (L->run[i] > 0) {
            m.qr = tile * 0.28f;
            draw_run_marker(ctx, &m, s, L->run[i], mx, my);
        }
        break;
    case IT_UNIFORM: draw_uniform(ctx, &m, mx, my); break;
    case IT_RING:
        ui_draw_line(ctx->r, cx + 1.0f, my, cx + tile - 1.0f, my, ui_lw(ctx, 1.0f), ring_colour(ctx->theme));
        break;
    }
}

static int legend_flow(const ui_ctx *ctx, const legend *L, int x, int y, int width, int draw, ui_claims *cl,
                       SDL_Rect inside)
{
    int row_h = L->tile + L->tile / 3, cx = x, cy = y;
    for (int i = 0; i < L->n; i++) {
        if (cx > x && cx + L->w[i] > x + width) {
            cx = x;
            cy += row_h;
        }
        if (draw) {
            int tx = cx + L->tile + ctx->pad / 2;
            SDL_Rect box = {tx, cy + 1, L->w[i] - (tx - cx), ui_text_line_height(ctx->text, UI_FONT_TICK)};
            if (!cl || ui_claim(cl, box, inside, 0)) {
                legend_swatch(ctx, L, i, cx, cy, L->s);
                ui_text_draw(ctx->text, UI_FONT_TICK, tx, cy + 1, UI_ALIGN_LEFT, ctx->theme->text_dim, L->label[i]);
            }
        }
        cx += L->w[i] + L->gap;
    }
    return cy + L->tile - y;
}

/* ---- the caption ---- */

static void add_piece(sentence *S, SDL_Color c, const char *fmt, const char *a, const char *b)
{
    if (S->n >= PIECES_MAX) return;
    snprintf(S->pc[S->n].s, sizeof S->pc[S->n].s, fmt, a, b);
    S->pc[S->n++].c = c;
}

/* The numbers are the steered run's own sample, the ones the readouts panel shows. */
static void make_caption(const ui_ctx *ctx, const xl_sample *now, sentence S[2])
{
    const ui_theme *th = ctx->theme;
    const double k = xl_unit_scale(ctx->unit);
    char hs[32], hps[32], kls[32];
    /* One number of decimals for the three, and a KL within rounding of 0 as 0: the
     * identity once read "+ KL 2×10⁻¹⁶" at Q = P (issue 19.19). */
    char *const out[3] = {hs, hps, kls};
    const double v[3] = {now->loss * k, now->floor * k, now->gap * k};
    const int max_chars[3] = {8, 8, 8};
    ui_format_identity(out, sizeof hs, v, 3, max_chars);
    memset(S, 0, 2 * sizeof *S);
    S[0].font = UI_FONT_LABEL;
    add_piece(&S[0], th->text, now->gap * k < 5e-4 ? "Q has reached P:" : "Q moves toward P:", "", "");
    add_piece(&S[0], th->text, "H(P,Q) = %s", hs, "");
    add_piece(&S[0], th->inherent, "= H(P) %s", hps, "");
    add_piece(&S[0], th->surprise, "+ KL %s %s", kls, xl_unit_name(ctx->unit));
    S[1].font = UI_FONT_TICK;
    add_piece(&S[1], th->text_dim, "KL(P‖·) = H(P,·) − H(P):", "", "");
    add_piece(&S[1], th->text_dim, "the same rings,", "", "");
    add_piece(&S[1], th->text_dim, "lower by H(P) = %s", hps, "");
}

/* ---- labels on the triangle ---- */

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
    if (!bary_of(&sc->g, &B)) return 0;
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

/* ---- what depends on P alone ---- */

/* A run of pixels of one shading band in one row. */
typedef struct band_run {
    Sint16 x, y, w;
    Uint8 band;
} band_run;

enum { RUNS_MAX = 65536 };

/* The rings and the shading depend on P, the triangle and the unit, not on Q: they are
 * kept from frame to frame in the panel object (P changes only when a learner edits
 * it), so a frame costs drawing, not thousands of logarithms. */
struct backdrop {
    int valid;
    double p[3];
    SDL_FPoint corner[3];
    xl_unit unit;
    levels lv;
    rings R;
    int nruns;
    int live;   /* too many runs to keep (a huge panel): the shading is scanned each frame */
    band_run runs[RUNS_MAX];
};

struct ui_simplex_panel {
    struct backdrop backdrop;
};

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
    if (L->n == 0 || !bary_of(g, &B)) return;
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

static const struct backdrop *backdrop_for(struct backdrop *bd, const ui_simplex_geom *g, const double *p,
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
static void shade(const ui_ctx *ctx, const ui_simplex_geom *g, const double *p, const struct backdrop *bd)
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
static void draw_rings(const ui_ctx *ctx, const rings *R, const SDL_Rect *label_boxes, int nlabels)
{
    SDL_Color c = ring_colour(ctx->theme);
    float w = ui_lw(ctx, 1.0f);
    for (int i = 0; i < R->total; i++) {
        const seg *s = &R->s[i];
        if (hits_any(s, label_boxes, nlabels)) continue;
        ui_draw_line(ctx->r, s->x0, s->y0, s->x1, s->y1, w, c);
    }
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
    float w = ui_lw(ctx, 1.5f);
    SDL_FPoint prev = {0, 0};
    for (int i = 0; i < count; i++) {
        double q[3];
        xl_softmax(xl_sim_history_theta(sim, i), 3, q);
        SDL_FPoint pt = ui_simplex_to_point(g, q);
        if (i > 0) ui_draw_line(ctx->r, prev.x, prev.y, pt.x, pt.y, w, c);
        prev = pt;
    }
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
    SDL_Rect in = ui_panel_begin(ctx, area, "PROBABILITY SIMPLEX", "every point is a distribution over 3 classes");
    xl_bars bars;
    xl_session_bars(s, &bars);
    if (!xl_session_simplex_possible(s)) {
        char why[128];
        if (bars.logits == NULL)
            snprintf(why, sizeof why, "The simplex view is for Q = softmax(z) over 3 classes (the softmax scenario).");
        else
            snprintf(why, sizeof why, "The simplex view needs 3 classes, not %d (param classes=3).", bars.n);
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
    m.mk = marks_size_of(ctx);
    m.margin = m.mk.pr + 2.0f;
    for (int i = 0; i < 3; i++) {
        ui_text_fit(ctx->text, UI_FONT_LABEL, bars.names[i], in.w / 4, m.names[i], sizeof m.names[i]);
        m.name_w[i] = ui_text_width(ctx->text, UI_FONT_LABEL, m.names[i]);
    }
    legend L;
    legend_init(ctx, &L, s);
    sentence S[2];
    const xl_sample now = xl_sim_current(xl_session_sim(s));
    make_caption(ctx, &now, S);
    const plan P = make_plan(ctx, in, &m, &L, S);
    if (!P.ok) {
        frame_only(ctx, in, "too small for the simplex");
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

    const struct backdrop *bd = backdrop_for(&panel->backdrop, g, p, ctx->unit, P.side);

    SDL_RenderSetClipRect(ctx->r, &area);
    ui_claims cl = {.n = 0};
    /* Claims in order of importance: what explains the picture, then the corners, the
     * marks' names, the ring values. */
    if (P.legend) legend_flow(ctx, &L, P.col.x, P.col.y, P.col.w, 1, &cl, in);
    int cy = P.cap.y;
    for (int i = 0; i < P.sentences; i++) {
        int sh = sentence_flow(ctx, &S[i], P.cap.x, cy, P.cap.w, 1, &cl, in);
        cy += sh + m.lh / 2;
    }

    shade(ctx, g, p, bd);
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
    if (p_uniform) pl[npl++] = (lpiece){" = uniform", th->text_dim};
    label_mark(ctx, &sc, sc.P, m.mk.pr, mf, pl, npl, P.plot, &cl);
    if (!q_at_p) label_mark(ctx, &sc, sc.Q, m.mk.qr + 1, mf, &(lpiece){"Q", th->model}, 1, P.plot, &cl);
    if (!p_uniform)
        label_mark(ctx, &sc, sc.uni, m.mk.ur, UI_FONT_TICK, &(lpiece){"uniform", th->text_dim}, 1, P.plot, &cl);
    label_rings(ctx, &sc, &bd->lv, &bd->R, P.plot, &cl);
    SDL_Rect breaks[UI_CLAIMS_MAX];
    int nbreaks = 0;
    for (int i = 0; i < cl.n && i < UI_CLAIMS_MAX; i++)
        if (SDL_HasIntersection(&cl.box[i], &g->area)) breaks[nbreaks++] = cl.box[i];
    draw_rings(ctx, &bd->R, breaks, nbreaks);

    /* Bottom to top: the uniform point, the race's other runs, the steered run's path,
     * its start, Q, and P over everything. */
    if (!p_uniform) draw_uniform(ctx, &m.mk, sc.uni.x, sc.uni.y);
    for (int r = sc.runs - 1; r >= 1; r--) {
        const xl_sim *rs = xl_session_run_sim(s, r);
        draw_path(ctx, g, rs, path_colour(ctx, s, r));
    }
    draw_path(ctx, g, xl_session_sim(s), path_colour(ctx, s, 0));
    draw_start(ctx, &m.mk, sc.start.x, sc.start.y, path_colour(ctx, s, 0));
    for (int r = sc.runs - 1; r >= 1; r--) {
        double rq[3];
        xl_softmax(xl_sim_theta(xl_session_run_sim(s, r)), 3, rq);
        SDL_FPoint pt = ui_simplex_to_point(g, rq);
        draw_run_marker(ctx, &m.mk, s, r, pt.x, pt.y);
    }
    draw_q(ctx, &m.mk, sc.Q.x, sc.Q.y);
    draw_p(ctx, &m.mk, sc.P.x, sc.P.y);
    SDL_RenderSetClipRect(ctx->r, NULL);
    *out = sc.g;
}
