/* ui_panel_simplex_internal: what the simplex panel's three files share (not an API:
 * only they include it).
 *
 *   ui_panel_simplex_rings.c   what depends on P alone: the triangle's barycentric
 *                              geometry, the levels of H(P,·), the rings by marching
 *                              triangles, the shading, kept between frames (backdrop);
 *   ui_panel_simplex_legend.c  the marks (P, Q, start, uniform, a race's runs), the
 *                              legend, the caption and the layout that places them;
 *   ui_panel_simplex.c         the labels on the triangle, the paths and the draw.
 *
 * See ui_panel_simplex.c for the panel's design and ui_panel_simplex.h for its API.
 */
#ifndef UI_PANEL_SIMPLEX_INTERNAL_H
#define UI_PANEL_SIMPLEX_INTERNAL_H

#include <SDL.h>

#include "ui_layout.h"
#include "ui_panel_simplex.h"
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

/* p_i = a[i] x + b[i] y + c[i]: the barycentric coordinates as affine functions of the
 * pixel. 0 if the triangle has no area. */
typedef struct bary {
    double a[3], b[3], c[3];
} bary;

typedef struct levels {
    int n;
    double nats[LEVELS_MAX];  /* H(P,·) on each ring, rising */
    double shown[LEVELS_MAX]; /* the same in the display unit */
    double step;              /* between rings, in the display unit */
} levels;

typedef struct seg {
    float x0, y0, x1, y1;
} seg;

typedef struct rings {
    int first[LEVELS_MAX], count[LEVELS_MAX];
    int total;
    seg s[SEGS_MAX];
} rings;

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

static inline int imax(int a, int b) { return a > b ? a : b; }
static inline int imin(int a, int b) { return a < b ? a : b; }

/* ---- ui_panel_simplex_rings.c ---- */

/* The barycentric coordinates of g's triangle into B: 1, or 0 if it has no area. */
int ui_simplex_bary(const ui_simplex_geom *g, bary *B);
/* The levels, rings and shading for P, the triangle and the unit: bd's, brought up to
 * date if any of them changed (side: the triangle's side in pixels). Returns bd. */
const struct backdrop *ui_simplex_backdrop(struct backdrop *bd, const ui_simplex_geom *g, const double *p,
                                           xl_unit unit, int side);
/* The shading: one faint step of ink per ring outward. */
void ui_simplex_shade(const ui_ctx *ctx, const ui_simplex_geom *g, const double *p, const struct backdrop *bd);
/* The rings, broken wherever one of label_boxes[0..nlabels-1] sits. */
void ui_simplex_draw_rings(const ui_ctx *ctx, const rings *R, const SDL_Rect *label_boxes, int nlabels);
/* The rings' colour (the legend draws it too). */
SDL_Color ui_simplex_ring_colour(const ui_theme *th);

/* ---- ui_panel_simplex_legend.c ---- */

marks_size ui_simplex_marks_size(const ui_ctx *ctx);
void ui_simplex_draw_p(const ui_ctx *ctx, const marks_size *m, float x, float y);
void ui_simplex_draw_q(const ui_ctx *ctx, const marks_size *m, float x, float y);
void ui_simplex_draw_start(const ui_ctx *ctx, const marks_size *m, float x, float y, SDL_Color c);
void ui_simplex_draw_uniform(const ui_ctx *ctx, const marks_size *m, float x, float y);
void ui_simplex_draw_run_marker(const ui_ctx *ctx, const marks_size *m, const xl_session *s, int r, float x,
                                float y);
/* Run r's path colour: its optimizer's in a race, else the model's. */
SDL_Color ui_simplex_path_colour(const ui_ctx *ctx, const xl_session *s, int r);
void ui_simplex_legend_init(const ui_ctx *ctx, legend *L, const xl_session *s);
/* Legend items flow left to right in rows no wider than width. Returns the height;
 * draws when `draw` is set, each item only where its label can claim its place. */
int ui_simplex_legend_flow(const ui_ctx *ctx, const legend *L, int x, int y, int width, int draw, ui_claims *cl,
                           SDL_Rect inside);
/* A sentence's pieces flowed in rows no wider than width; the height, or -1 if a piece
 * is wider. Draws when `draw` is set, each piece only where it can claim its place. */
int ui_simplex_sentence_flow(const ui_ctx *ctx, const sentence *S, int x, int y, int width, int draw,
                             ui_claims *cl, SDL_Rect inside);
/* The caption's two sentences from the steered run's sample now. */
void ui_simplex_caption(const ui_ctx *ctx, const xl_sample *now, sentence S[2]);
/* Every arrangement of every choice of content; the plan with the largest triangle,
 * content first unless it costs the triangle more than a fifth of its side. */
plan ui_simplex_plan(const ui_ctx *ctx, SDL_Rect in, const measure *m, const legend *L, const sentence *S);

#endif
