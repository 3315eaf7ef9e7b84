/* ui_landscape_internal: what the landscape panel's three files share (not an API:
 * only ui_landscape.c, ui_landscape_heat.c and ui_landscape_frame.c include it).
 *
 *   ui_landscape_heat.c   the panel object, the heatmap painted (on helper threads) and
 *                         the grid brought up to date before the frame (prepare);
 *   ui_landscape_frame.c  everything around the map: the note and the minimum it names,
 *                         tick labels, the layout of map, colour bar, legend and note,
 *                         the axes and the colour bar;
 *   ui_landscape.c        the symbols, the legend, everything on the map (valley, race,
 *                         path, minimum, start, now, their labels) and the draw itself.
 *
 * See ui_landscape.c for the panel's design and ui_panels.h for its API.
 */
#ifndef UI_LANDSCAPE_INTERNAL_H
#define UI_LANDSCAPE_INTERNAL_H

#include <SDL.h>
#include <math.h>
#include <stddef.h>

#include "ui_panels.h"
#include "ui_workers.h"

enum {
    MAX_TICKS = 40,
    TICK_CHARS = 6,     /* widest tick label, in characters (ui_format_fit) */
    NOTE_LINES = 8,
    LEGEND_ITEMS = 8,  /* now, start, a path per run (up to 4), the minimum, equal loss */
};

/* How a loss maps onto the colour ramp (0 the bottom colour, 1 the top). Linear over
 * [lo, hi], unless most of the map lies low in that range: the Gaussian's μ/σ valley
 * (1.4 to 8 nats) under walls capped at 51 took the bottom seventh of the ramp, one flat
 * purple. Then (log = 1) equal colour steps are equal ratios of the height above the
 * minimum, log(1 + (v - lo)/d) / log(1 + (hi - lo)/d), d an eighth of the map's median
 * height, and the colour bar says "log scale". In the loss's own unit (nats). */
typedef struct colour_scale {
    double lo, hi, d;
    int log;
} colour_scale;

/* A paint of the heatmap in progress or done (ui_landscape_heat.c). */
typedef struct paint_job paint_job;

struct ui_landscape_panel {
    SDL_Renderer *r;
    SDL_Texture *heat;       /* side x side, drawn 1:1 */
    int side;
    Uint32 *pixels;          /* side*side colours, row 0 at the top (y = hi) */
    SDL_Texture *colorbar;   /* 1 x 256 viridis, top = high */
    unsigned long heat_version, colorbar_version; /* their pixels' (ui_rec_new_version) */
    SDL_FPoint *path;        /* XL_HISTORY_CAP pixels of the trajectory, this frame */
    unsigned long generation;
    SDL_Color contour;       /* the contour colour painted (themes differ in it) */
    int valid;
    ui_workers *workers;     /* owned: the heatmap is painted in parts, one per thread */
    paint_job *job;          /* owned: the paint in progress or last done */
    /* Owned: the landscape's grid, filled from the const session on the helper thread
     * (ui_landscape_prepare) or the frame's (ui_landscape_grid), never both at once. */
    xl_landscape *grid;
    unsigned long grid_epoch;  /* xl_session_epoch at the last fill */
    /* The colour scale of the grid's fill scale_generation (valid when scale_valid). */
    colour_scale scale;
    unsigned long scale_generation;
    int scale_valid;
};

/* The panel's grid of s's landscape, brought up to date (its cache makes that free
 * when nothing changed). NULL without memory. */
const xl_landscape *ui_landscape_grid(ui_landscape_panel *p, const xl_session *s);

/* (v - lo) / (hi - lo) computed on halves, so neither difference can overflow for
 * finite inputs; NaN when an input is NaN. */
static inline double fraction(double v, double lo, double hi)
{
    double span = 0.5 * hi - 0.5 * lo;
    return (0.5 * v - 0.5 * lo) / span;
}


/* Where v falls on the ramp, not clamped (NaN for NaN). */
static inline double colour_t(const colour_scale *c, double v)
{
    if (!c->log) return fraction(v, c->lo, c->hi);
    const double x = v - c->lo;
    return log1p((x > 0.0 ? x : 0.0) / c->d) / log1p((c->hi - c->lo) / c->d) + (x < 0.0 ? x / (c->hi - c->lo) : 0.0);
}

/* What the slice's minimum is (ui_landscape_find_minimum). */
typedef enum min_kind {
    MIN_IN_VIEW,   /* a minimum, inside the view: a cross */
    MIN_OUTSIDE,   /* a minimum beyond the view: an arrow at the edge toward it */
    MIN_VALLEY,    /* a whole line of minima (p_a + p_b = 1): dashed */
    MIN_NONE,      /* p_a or p_b is 0 (or 1): the infimum is at infinity */
} min_kind;

typedef struct minimum {
    min_kind kind;
    double x, y;   /* MIN_IN_VIEW, MIN_OUTSIDE: where (either may be infinite when outside) */
    double d;      /* MIN_VALLEY: the valley is z_a - z_b = d */
} minimum;

/* Tick labels. */
typedef struct ticks {
    double v[MAX_TICKS];
    char s[MAX_TICKS][48];   /* "" where the label repeats the previous one */
    int n, widest;
} ticks;

/* The legend of the map's symbols. */
/* What a legend entry shows. */
typedef enum entry { ENTRY_NOW, ENTRY_START, ENTRY_PATH, ENTRY_RUN, ENTRY_MIN, ENTRY_CONTOUR } entry;

typedef struct legend {
    const char *label[LEGEND_ITEMS];
    entry what[LEGEND_ITEMS];
    int run[LEGEND_ITEMS];  /* ENTRY_RUN: which run of the race */
    SDL_Color run_colour[LEGEND_ITEMS];  /* ENTRY_RUN: its optimizer's colour and marker */
    ui_marker run_marker[LEGEND_ITEMS];
    int n, tile, item_w[LEGEND_ITEMS], widest;
    min_kind kind;
} legend;

typedef struct plan {
    SDL_Rect map, cbar;
    int side;
    int legend_mode;      /* 0 none, 1 column beside the map, 2 rows under it */
    SDL_Rect legend;      /* flow box */
    SDL_Rect note;        /* the note's lines go here */
    int note_lines;
    char lines[NOTE_LINES][160];
} plan;

/* Widths of everything around the map that does not scale with it. */
typedef struct frame_metrics {
    int tick_h, lh, pad, cbar_w;
    int left_w, right_w, top_h, bottom_h;
} frame_metrics;


/* What the panel shows: the view, x over [lo, hi] and y over [ylo, yhi] (the same
 * square around 0 unless the learner zoomed or panned), and the loss's range over it in
 * the display unit (dlo = dhi when flat). */
typedef struct extent {
    double lo, hi, dlo, dhi;
    double ylo, yhi;
    colour_scale colour;  /* the heatmap's, in the loss's unit */
    double k;             /* the display unit's factor: dlo = colour.lo * k */
} extent;

/* Pixels of the view's values on this map: fractions bounded to a few map widths, so
 * the result is finite and far from the int limits whatever the value. */
typedef struct mapping {
    SDL_Rect map;
    double lo, hi;    /* x */
    double ylo, yhi;  /* y */
} mapping;

static inline double bounded_fraction(double v, double lo, double hi)
{
    double t = fraction(v, lo, hi);
    if (isnan(t)) return -4.0; /* off the map */
    return t < -4.0 ? -4.0 : t > 5.0 ? 5.0 : t;
}
static inline float map_x(const mapping *mp, double v)
{
    return (float)(mp->map.x + bounded_fraction(v, mp->lo, mp->hi) * mp->map.w);
}
static inline float map_y(const mapping *mp, double v)
{
    return (float)(mp->map.y + mp->map.h - bounded_fraction(v, mp->ylo, mp->yhi) * mp->map.h);
}

/* ---- ui_landscape_heat.c ---- */

/* Wait for the helper's share of the frame (ui_landscape_prepare) and hand a heatmap it
 * painted to the texture. */
void ui_landscape_finish_paint(ui_landscape_panel *p);
/* The heatmap of ls at side x side pixels with contours in colour `contour` into
 * p->heat, painted only if the grid, the size or the colour changed. 0, or -1 without
 * memory. */
int ui_landscape_paint(ui_landscape_panel *p, const xl_landscape *ls, int side, SDL_Color contour);
/* The colour scale of ls, p's grid (colour_scale): the same for the paint and the bar;
 * found once per fill. */
colour_scale ui_landscape_colour_scale(ui_landscape_panel *p, const xl_landscape *ls);

/* ---- ui_landscape_frame.c ---- */

/* Where the minimum of the slice (a, b) is, against the view [lo, hi] x [ylo, yhi]. */
minimum ui_landscape_find_minimum(const xl_session *s, int a, int b, double lo, double hi, double ylo, double yhi);
/* The note's sentence into buf (n bytes). */
void ui_landscape_note(char *buf, size_t n, const minimum *m, const xl_session *s, int a, int b);
/* The panel's caption into buf (n bytes). */
/* keys 0: without the keys (a video). */
void ui_landscape_caption(char *buf, size_t n, const xl_session *s, int a, int b, int keys);
/* The view and the loss's range over it, in the display unit (k: its scale); ls is p's grid. */
extent ui_landscape_extent(ui_landscape_panel *p, const xl_landscape *ls, double k);
/* The panel's plan for content box `in`, its metrics and the colour bar's ticks. */
void ui_landscape_lay_out(const ui_ctx *ctx, SDL_Rect in, const extent *e, const legend *leg, const char *note,
                          plan *P, frame_metrics *m, ticks *ctk);
/* The map's frame, ticks and axis titles (box: lo, hi, ylo, yhi). */
void ui_landscape_axes(const ui_ctx *ctx, const plan *P, const frame_metrics *m, const double *box,
                       const xl_session *s);
/* The colour bar of e (its scale; ticks in the display unit, k its factor) with its
 * ticks and title. */
void ui_landscape_colour_bar(const ui_ctx *ctx, ui_landscape_panel *p, const plan *P, const frame_metrics *m,
                             const ticks *tk, const extent *e, double k, const char *symbol);

/* ---- ui_landscape.c ---- */

/* The map's symbols; in a race, each run's path by its optimizer's name. */
void ui_landscape_legend_init(const ui_ctx *ctx, legend *L, min_kind kind, const xl_session *s);
/* Items flow left to right in rows no wider than `width`. Returns the height; draws only
 * when `draw`. */
int ui_landscape_legend_flow(const ui_ctx *ctx, const legend *L, int x, int y, int width, int draw);

#endif
