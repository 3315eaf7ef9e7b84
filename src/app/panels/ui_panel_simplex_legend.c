/* ui_panel_simplex_legend: the simplex panel's marks, legend, caption and layout (see
 * ui_panel_simplex.c for the panel and the layout's rules, ui_panel_simplex_internal.h
 * for how the files divide).
 */
#include "ui_panel_simplex_internal.h"
#include "ui_lang.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_layout.h"

/* ---- layout ---- */

marks_size ui_simplex_marks_size(const ui_ctx *ctx)
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

int ui_simplex_sentence_flow(const ui_ctx *ctx, const sentence *S, int x, int y, int width, int draw,
                             ui_claims *cl, SDL_Rect inside)
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
        int sh = ui_simplex_sentence_flow(ctx, &S[i], 0, 0, width, 0, NULL, (SDL_Rect){0, 0, 0, 0});
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
        int lh = legend_on ? ui_simplex_legend_flow(ctx, L, 0, 0, col_w, 0, NULL, in) : 0;
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
        int leg_h = legend_on ? ui_simplex_legend_flow(ctx, L, 0, 0, in.w, 0, NULL, in) + gap : 0;
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
plan ui_simplex_plan(const ui_ctx *ctx, SDL_Rect in, const measure *m, const legend *L, const sentence *S)
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

void ui_simplex_draw_p(const ui_ctx *ctx, const marks_size *m, float x, float y)
{
    const ui_theme *th = ctx->theme;
    ui_draw_ring(ctx->r, x, y, m->pr + 1.5f, m->ring_w + 3.0f, th->panel);
    ui_draw_ring(ctx->r, x, y, m->pr, m->ring_w, th->truth);
    ui_draw_disc(ctx->r, x, y, m->dot_r + 1.5f, th->panel);
    ui_draw_disc(ctx->r, x, y, m->dot_r, th->truth);
}

void ui_simplex_draw_q(const ui_ctx *ctx, const marks_size *m, float x, float y)
{
    /* A dark edge: orange alone is faint on white and on the grey shading. */
    ui_draw_disc(ctx->r, x, y, m->qr + ui_lw(ctx, 0.5f) + 1.0f, (SDL_Color){0, 0, 0, 255});
    ui_draw_disc(ctx->r, x, y, m->qr, ctx->theme->model);
}

void ui_simplex_draw_start(const ui_ctx *ctx, const marks_size *m, float x, float y, SDL_Color c)
{
    ui_draw_disc(ctx->r, x, y, m->sr + 1.5f, ctx->theme->panel);
    ui_draw_ring(ctx->r, x, y, m->sr, ui_lw(ctx, 1.0f) + 1.0f, c);
}

void ui_simplex_draw_uniform(const ui_ctx *ctx, const marks_size *m, float x, float y)
{
    SDL_Color c = ctx->theme->text_dim;
    float w = ui_lw(ctx, 1.0f);
    ui_draw_line(ctx->r, x - m->ur, y, x + m->ur, y, w, c);
    ui_draw_line(ctx->r, x, y - m->ur, x, y + m->ur, w, c);
}

void ui_simplex_draw_run_marker(const ui_ctx *ctx, const marks_size *m, const xl_session *s, int r, float x, float y)
{
    ui_marker shape = ui_run_marker(s, r);
    ui_draw_marker(ctx->r, shape, x, y, m->qr + ui_lw(ctx, 0.5f) + 1.0f, (SDL_Color){0, 0, 0, 255});
    ui_draw_marker(ctx->r, shape, x, y, m->qr, ui_run_colour(ctx->theme, s, r));
}

SDL_Color ui_simplex_path_colour(const ui_ctx *ctx, const xl_session *s, int r)
{
    return xl_session_racing(s) ? ui_run_colour(ctx->theme, s, r) : ctx->theme->model;
}

void ui_simplex_legend_init(const ui_ctx *ctx, legend *L, const xl_session *s)
{
    L->n = 0;
    L->s = s;
    L->kind[L->n] = IT_P, L->label[L->n++] = _("P (truth)");
    L->kind[L->n] = IT_Q, L->label[L->n++] = "Q = softmax(z)";
    L->kind[L->n] = IT_START, L->label[L->n++] = _("start");
    if (xl_session_racing(s)) {
        for (int r = 0; r < xl_session_run_count(s) && r < 4; r++) {
            L->kind[L->n] = IT_RUN;
            L->run[L->n] = r;
            L->label[L->n++] = xl_optim_kind_name(xl_sim_optimizer(xl_session_run_sim(s, r))->kind);
        }
    } else {
        L->kind[L->n] = IT_PATH, L->label[L->n++] = _("path of Q");
    }
    L->kind[L->n] = IT_UNIFORM, L->label[L->n++] = _("uniform");
    L->kind[L->n] = IT_RING, L->label[L->n++] = ctx->unit == XL_BITS ? _("equal H(P,·), bits") : _("equal H(P,·), nats");
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
    marks_size m = ui_simplex_marks_size(ctx);
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
    case IT_P: ui_simplex_draw_p(ctx, &m, mx, my); break;
    case IT_Q: ui_simplex_draw_q(ctx, &m, mx, my); break;
    case IT_START: ui_simplex_draw_start(ctx, &m, mx, my, ui_simplex_path_colour(ctx, s, 0)); break;
    case IT_PATH:
        ui_draw_line(ctx->r, cx + 1.0f, my, cx + tile - 1.0f, my, ui_lw(ctx, 1.5f), ui_simplex_path_colour(ctx, s, 0));
        break;
    case IT_RUN:
        ui_draw_line(ctx->r, cx + 1.0f, my, cx + tile - 1.0f, my, ui_lw(ctx, 1.5f), ui_simplex_path_colour(ctx, s, L->run[i]));
        if (L->run[i] > 0) {
            m.qr = tile * 0.28f;
            ui_simplex_draw_run_marker(ctx, &m, s, L->run[i], mx, my);
        }
        break;
    case IT_UNIFORM: ui_simplex_draw_uniform(ctx, &m, mx, my); break;
    case IT_RING:
        ui_draw_line(ctx->r, cx + 1.0f, my, cx + tile - 1.0f, my, ui_lw(ctx, 1.0f), ui_simplex_ring_colour(ctx->theme));
        break;
    }
}

int ui_simplex_legend_flow(const ui_ctx *ctx, const legend *L, int x, int y, int width, int draw, ui_claims *cl,
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
void ui_simplex_caption(const ui_ctx *ctx, const xl_sample *now, sentence S[2])
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
    add_piece(&S[0], th->text, now->gap * k < 5e-4 ? _("Q has reached P:") : _("Q moves toward P:"), "", "");
    add_piece(&S[0], th->text, "H(P,Q) = %s", hs, "");
    add_piece(&S[0], th->inherent, "= H(P) %s", hps, "");
    add_piece(&S[0], th->surprise, "+ KL %s %s", kls, xl_unit_name(ctx->unit));
    S[1].font = UI_FONT_TICK;
    add_piece(&S[1], th->text_dim, "KL(P‖·) = H(P,·) − H(P):", "", "");
    add_piece(&S[1], th->text_dim, _("the same rings,"), "", "");
    add_piece(&S[1], th->text_dim, _("lower by H(P) = %s"), hps, "");
}

