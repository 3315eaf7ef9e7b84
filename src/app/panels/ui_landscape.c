/* ui_landscape: the loss over the slice of two logits as a viridis heatmap (low loss
 * dark), contour lines, a colour bar, the trajectory of gradient descent, its start,
 * the current point and the minimum of the slice.
 *
 * The grid comes from the core; this panel paints it once per grid (and size) into a
 * texture of the map's on-screen size, contours included, and copies that 1:1 every
 * frame. Contour levels crowd toward the minimum (quadratic spacing) because that is
 * where the bowl's shape matters.
 *
 * The square map is the picture, so the panel's layout gives it every pixel it can:
 * the axis titles are turned along their axes, and the symbol legend and the note go
 * beside the map where the panel is wider than tall, else in rows above and below it.
 *
 * Any number can arrive here (logits of 1e308, a range that overflows): values are
 * turned into pixels as fractions of the view computed on halves (hi/2 - lo/2 never
 * overflows) and bounded to a few map widths, so no NaN, infinity or huge float
 * reaches a drawing call or an int conversion. */
#include "ui_panels.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_colormap.h"
#include "ui_draw.h"
#include "ui_layout.h"
#include "ui_workers.h"

enum {
    CONTOUR_LEVELS = 9,
    MAX_HEAT_SIDE = 4096, /* widest heatmap painted, in pixels (wider is cut) */
    MAX_TICKS = 40,
    TICK_CHARS = 6,     /* widest tick label, in characters (ui_format_fit) */
    NOTE_LINES = 8,
    LEGEND_ITEMS = 8,  /* now, start, a path per run (up to 4), the minimum, equal loss */
};

/* Where screen column px samples the grid: cell i and the fraction fx toward i + 1,
 * the same for every row, so computed once per paint. */
typedef struct heat_columns {
    int i[MAX_HEAT_SIDE];
    double fx[MAX_HEAT_SIDE];
} heat_columns;

typedef struct paint_job paint_job;
static void finish_paint(ui_landscape_panel *p);
static size_t paint_job_size(void);

struct ui_landscape_panel {
    SDL_Renderer *r;
    SDL_Texture *heat;       /* side x side, drawn 1:1 */
    int side;
    Uint32 *pixels;          /* side*side colours, row 0 at the top (y = hi) */
    SDL_Texture *colorbar;   /* 1 x 256 viridis, top = high */
    SDL_FPoint *path;        /* XL_HISTORY_CAP pixels of the trajectory, this frame */
    unsigned long generation;
    SDL_Color contour;       /* the contour colour painted (themes differ in it) */
    int valid;
    ui_workers *workers;     /* owned: the heatmap is painted in parts, one per thread */
    paint_job *job;          /* owned: the paint in progress or last done */
};

ui_landscape_panel *ui_landscape_panel_create(SDL_Renderer *renderer)
{
    ui_landscape_panel *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->r = renderer;
    p->path = malloc(sizeof *p->path * XL_HISTORY_CAP);
    p->workers = ui_workers_create(ui_workers_default_count());
    p->job = calloc(1, paint_job_size());
    Uint32 ramp[256];
    for (int i = 0; i < 256; i++) ramp[i] = ui_viridis_table()[255 - i];
    p->colorbar = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, 1, 256);
    if (!p->colorbar || !p->path || !p->workers || !p->job) {
        ui_landscape_panel_destroy(p);
        return NULL;
    }
    SDL_UpdateTexture(p->colorbar, NULL, ramp, 4);
    return p;
}

void ui_landscape_panel_destroy(ui_landscape_panel *p)
{
    if (!p) return;
    if (p->heat) SDL_DestroyTexture(p->heat);
    if (p->colorbar) SDL_DestroyTexture(p->colorbar);
    ui_workers_destroy(p->workers); /* waits for a paint in progress */
    free(p->pixels);
    free(p->path);
    free(p->job);
    free(p);
}

int ui_landscape_panel_set_threads(ui_landscape_panel *p, int threads)
{
    ui_workers *w = ui_workers_create(threads);
    if (!w) return -1;
    finish_paint(p);
    ui_workers_destroy(p->workers);
    p->workers = w;
    p->valid = 0; /* painted again, so a test sees the new count at work */
    return ui_workers_count(w);
}

/* (v - lo) / (hi - lo) computed on halves, so neither difference can overflow for
 * finite inputs; NaN when an input is NaN. */
static double fraction(double v, double lo, double hi)
{
    double span = 0.5 * hi - 0.5 * lo;
    return (0.5 * v - 0.5 * lo) / span;
}

/* The heat texture and its pixel buffer at `side` pixels square, (re)made when the
 * size changes. Returns 0, or -1 without memory. */
static int ensure_heat(ui_landscape_panel *p, int side)
{
    if (side == p->side && p->heat) return 0;
    if (p->heat) SDL_DestroyTexture(p->heat);
    free(p->pixels);
    p->pixels = malloc(sizeof(Uint32) * (size_t)side * (size_t)side);
    p->heat = SDL_CreateTexture(p->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, side, side);
    if (!p->pixels || !p->heat) {
        p->side = 0;
        return -1;
    }
    p->side = side;
    return 0;
}

/* What painting needs: the grid, its range, the colours and the contour levels. */
typedef struct heat_source {
    const double *v;     /* g x g values, row 0 at y = lo */
    int g;
    double lo, hi, step; /* step: grid cells per screen pixel */
    double half_lo, inv_span; /* fraction(v) = (v/2 - lo/2) * inv_span */
    int flat;
    const Uint32 *lut;
    double levels[CONTOUR_LEVELS];
    /* The contour band of each colour step: how many levels lie below the middle of
     * step k of 256. A pixel's band is read from its colour index, so contours follow
     * the colour steps (1/255 of the range apart) and cost a lookup, not a search. */
    unsigned char band_of[256];
    SDL_Color contour;
} heat_source;

static heat_source heat_source_of(const xl_landscape *ls, int side, SDL_Color contour)
{
    heat_source h;
    h.g = xl_landscape_size(ls);
    h.v = xl_landscape_values(ls);
    h.lo = xl_landscape_min(ls);
    h.hi = xl_landscape_colour_top(ls); /* values above it take the top colour */
    /* Flat when the spread is rounding noise (a loss of 38.86 that varies in its last
     * bits): painting that noise as a full colour ramp would show structure that is
     * not there. */
    h.flat = !(h.hi > h.lo) || !isfinite(fraction(h.lo + 0.5 * (h.hi - h.lo), h.lo, h.hi)) ||
             h.hi - h.lo <= 1e-9 * fmax(fabs(h.hi), fabs(h.lo));
    h.lut = ui_viridis_table();
    for (int k = 0; k < CONTOUR_LEVELS; k++) {
        double t = (double)(k + 1) / (CONTOUR_LEVELS + 1);
        h.levels[k] = t * t; /* in normalized units, crowding toward the minimum */
    }
    for (int k = 0; k < 256; k++) {
        unsigned char b = 0;
        while (b < CONTOUR_LEVELS && k / 255.0 > h.levels[b]) b++;
        h.band_of[k] = b;
    }
    h.step = (double)(h.g - 1) / side;
    h.half_lo = 0.5 * h.lo;
    h.inv_span = 1.0 / (0.5 * h.hi - 0.5 * h.lo);
    h.contour = contour;
    return h;
}

/* Blend colour c toward the contour colour by its alpha. */
static Uint32 blend_contour(Uint32 c, SDL_Color contour)
{
    const unsigned ca = contour.a;
    unsigned cr = (c >> 16) & 255, cg = (c >> 8) & 255, cb = c & 255;
    cr += ((contour.r - cr) * ca) >> 8;
    cg += ((contour.g - cg) * ca) >> 8;
    cb += ((contour.b - cb) * ca) >> 8;
    return 0xFF000000u | (cr << 16) | (cg << 8) | cb;
}

/* One screen row py of `side`: each pixel samples the grid bilinearly, and lightens
 * where its contour band differs from its left neighbour's or from the band in the
 * row above (`above`, unused for row 0). Writes the row's bands into `band`. */
static void paint_row(const heat_source *h, const heat_columns *col, int py, int side, int cols, Uint32 *out,
                      unsigned char *band, const unsigned char *above)
{
    const int g = h->g;
    double gy = (side - 1 - py + 0.5) * h->step; /* screen row 0 is the top: y = hi */
    int j = (int)gy;
    if (j > g - 2) j = g - 2;
    double fy = gy - j;
    const double *r0 = h->v + (size_t)j * g, *r1 = r0 + g;
    /* Bilinear sampling is separable: the grid row at this height first, as colour
     * positions (0..255, clamped: NaN to 0), then each pixel between two of them. */
    double k_at[XL_LANDSCAPE_MAX_G];
    const double half_lo = h->half_lo, inv_span = h->flat ? 0.0 : h->inv_span;
    for (int i = 0; i < g; i++) {
        double v = r0[i] + (r1[i] - r0[i]) * fy;
        double t = (0.5 * v - half_lo) * inv_span;
        t = t > 0.0 ? t : 0.0; /* NaN too: never cast to int */
        t = t < 1.0 ? t : 1.0;
        k_at[i] = t * 255.0;
    }
    /* Locals: the band stores are char stores, which may alias anything, so fields
     * read through h would be loaded again for every pixel. */
    const Uint32 *lut = h->lut;
    const unsigned char *band_of = h->band_of;
    const int *ci = col->i;
    const double *cfx = col->fx;
    for (int px = 0; px < cols; px++) {
        const int i = ci[px];
        const int k = (int)(k_at[i] + (k_at[i + 1] - k_at[i]) * cfx[px] + 0.5);
        Uint32 c = lut[k];
        const unsigned char b = band_of[k];
        band[px] = b;
        if ((px > 0 && band[px - 1] != b) || (py > 0 && above[px] != b)) c = blend_contour(c, h->contour);
        out[px] = c;
    }
}

/* Rows [row0, row1) of the heatmap: one thread's share. */
typedef struct heat_part {
    const heat_source *h;
    const heat_columns *col;
    int side, cols, row0, row1;
    Uint32 *pixels;
} heat_part;

/* A paint of the heatmap: what it reads, kept in the panel while helpers paint. */
struct paint_job {
    heat_source source;
    heat_columns columns;
    heat_part parts[UI_WORKERS_MAX];
    void *args[UI_WORKERS_MAX];
    /* Started by ui_landscape_prepare: the grid brought up to date for `session` and,
     * when the heatmap's side is known from the last frame, painted at that side. */
    ui_landscape_panel *panel;
    const xl_session *session;
    SDL_Color contour;
    int side;                    /* 0: only the grid */
    int pending;                 /* started, not yet waited for */
    int painted;                 /* p->pixels holds the grid of `generation` at `side` */
    unsigned long generation;
};

static void paint_part(void *arg)
{
    const heat_part *pt = arg;
    /* Two rows of contour bands: this one and the one above it on screen. A part that
     * starts below the top first finds the bands of the row above it (painted into a
     * scratch row: only its bands are kept), so its first row's contours match what one
     * thread painting every row draws. */
    unsigned char band_row[2][MAX_HEAT_SIDE] = {{0}};
    if (pt->row0 > 0) {
        Uint32 scratch[MAX_HEAT_SIDE];
        const int py = pt->row0 - 1;
        paint_row(pt->h, pt->col, py, pt->side, pt->cols, scratch, band_row[py & 1], band_row[(py + 1) & 1]);
    }
    for (int py = pt->row0; py < pt->row1; py++)
        paint_row(pt->h, pt->col, py, pt->side, pt->cols, pt->pixels + (size_t)py * pt->side, band_row[py & 1],
                  band_row[(py + 1) & 1]);
}

/* Sample the grid for a paint at `side`: the colours and levels, and each column's
 * place in the grid. */
static void set_up_paint(paint_job *job, const xl_landscape *ls, int side, SDL_Color contour)
{
    job->source = heat_source_of(ls, side, contour);
    const heat_source *h = &job->source;
    heat_columns *col = &job->columns;
    const int cols = side < MAX_HEAT_SIDE ? side : MAX_HEAT_SIDE;
    for (int px = 0; px < cols; px++) {
        double gx = (px + 0.5) * h->step;
        int i = (int)gx;
        if (i > h->g - 2) i = h->g - 2;
        col->i[px] = i;
        col->fx[px] = gx - i;
    }
    job->side = side;
    job->generation = xl_landscape_generation(ls);
}

/* Paint the heatmap at its on-screen size. Each pixel samples the grid bilinearly;
 * a pixel whose contour band (how many levels lie below its value) differs from its
 * right or lower neighbour's lies on a contour and is lightened. One pass, no line
 * drawing, and a 1:1 copy to the screen afterwards. The rows are split between the
 * panel's threads; every pixel is computed the same way whichever thread paints it,
 * so the picture is the same bytes for any split. Returns 0, or -1 without memory. */
static int rebuild(ui_landscape_panel *p, const xl_landscape *ls, int side, SDL_Color contour)
{
    finish_paint(p);
    if (ensure_heat(p, side) != 0) return -1;
    paint_job *job = p->job;
    set_up_paint(job, ls, side, contour);
    const int cols = side < MAX_HEAT_SIDE ? side : MAX_HEAT_SIDE;
    const int n = ui_workers_count(p->workers);
    for (int k = 0; k < n; k++) {
        job->parts[k] = (heat_part){&job->source, &job->columns, side, cols, (int)((long long)side * k / n),
                                    (int)((long long)side * (k + 1) / n), p->pixels};
        job->args[k] = &job->parts[k];
    }
    ui_workers_run(p->workers, paint_part, job->args, n);
    SDL_UpdateTexture(p->heat, NULL, p->pixels, side * (int)sizeof(Uint32));
    p->generation = job->generation;
    p->contour = contour;
    p->valid = 1;
    return 0;
}

static size_t paint_job_size(void) { return sizeof(paint_job); }

static int needs_paint(const ui_landscape_panel *p, const xl_landscape *ls, int side, SDL_Color contour);

/* The helper's share of a frame (ui_landscape_prepare): the grid, then the heatmap. */
static void compute_and_paint(void *arg)
{
    paint_job *job = arg;
    ui_landscape_panel *p = job->panel;
    const xl_landscape *ls = xl_session_landscape(job->session);
    if (job->side <= 0 || !needs_paint(p, ls, job->side, job->contour)) return;
    const int side = job->side;
    set_up_paint(job, ls, side, job->contour);
    heat_part all = {&job->source, &job->columns, side, side < MAX_HEAT_SIDE ? side : MAX_HEAT_SIDE, 0, side,
                     p->pixels};
    paint_part(&all);
    job->painted = 1;
}

/* Wait for the helper's share and hand a heatmap it painted to the texture. */
static void finish_paint(ui_landscape_panel *p)
{
    paint_job *job = p->job;
    if (!job || !job->pending) return;
    ui_workers_wait(p->workers);
    job->pending = 0;
    if (!job->painted) return;
    job->painted = 0;
    SDL_UpdateTexture(p->heat, NULL, p->pixels, job->side * (int)sizeof(Uint32));
    p->generation = job->generation;
    p->contour = job->contour;
    p->valid = 1;
}

static int needs_paint(const ui_landscape_panel *p, const xl_landscape *ls, int side, SDL_Color contour)
{
    return !p->valid || xl_landscape_generation(ls) != p->generation || p->side != side ||
           memcmp(&p->contour, &contour, sizeof contour) != 0;
}

/* ---- what the slice's minimum is, and the sentence that says so ---- */

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

static minimum find_minimum(const xl_session *s, int a, int b, double lo, double hi, double ylo, double yhi)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    const void *st = xl_session_state(s);
    minimum m = {MIN_NONE, NAN, NAN, 0.0};
    double x, y;
    int slice = xl_session_frame(s) == XL_FRAME_SLICE;
    if (xl_session_view_minimum(s, &x, &y) && !isnan(x) && !isnan(y)) {
        m.x = x;
        m.y = y;
        m.kind = x >= lo && x <= hi && y >= ylo && y <= yhi ? MIN_IN_VIEW : MIN_OUTSIDE;
    } else if (slice && def->slice_valley && def->slice_valley(st, a, b, &m.d) && isfinite(m.d)) {
        m.kind = MIN_VALLEY;
    }
    return m;
}

/* What the note says: where the minimum is, in the panel's words; what the slice
 * means, in the scenario's (its slice_note) or generic words. */
static void note_text(char *buf, size_t n, const minimum *m, const xl_session *s, int a, int b)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    const char *own = def->slice_note ? def->slice_note(xl_session_state(s), a, b, m->kind == MIN_VALLEY) : NULL;
    int np = xl_sim_param_count(xl_session_sim(s));
    if (xl_session_frame(s) == XL_FRAME_PLANE) {
        /* The plane is fixed; how far the run has left it is the honest caveat. */
        char d[48];
        double off = xl_session_view_distance(s, xl_sim_theta(xl_session_sim(s)));
        if (np == 2) {
            snprintf(buf, n, "two parameters: this plane is the whole landscape, turned so α runs along the first step");
            return;
        }
        /* Rounding leaves ~1e-15 where the path lies in the plane: that is 0. */
        ui_format_fit(d, sizeof d, off < 1e-9 ? 0.0 : off, 2, 7);
        snprintf(buf, n, "a fixed plane through the start; the path is projected onto it, now %s off it%s", d,
                 m->kind == MIN_NONE ? " (no minimum: it lies at infinity)" : "");
        return;
    }
    char xs[48], ys[48];
    switch (m->kind) {
    case MIN_VALLEY:
        snprintf(buf, n, "%s", own ? own : "only the difference of these parameters matters: the valley is a minimum");
        break;
    case MIN_NONE:
        snprintf(buf, n, "no minimum: the loss keeps falling toward the edge (p = 0 or 1)");
        break;
    case MIN_OUTSIDE:
        ui_format_fit(xs, sizeof xs, m->x, 1, 7);
        ui_format_fit(ys, sizeof ys, m->y, 1, 7);
        snprintf(buf, n, "the minimum lies outside the view, at (%s, %s)", xs, ys);
        break;
    default:
        snprintf(buf, n, "%s", own ? own : np == 2 ? "these two are all the parameters: the whole landscape"
                                                   : "the other parameters stay at their current values");
        break;
    }
}

/* The short form of a parameter's name: up to its first blank ("z₁" of "z₁ robin"). */
static void short_name(char *buf, size_t n, const char *name)
{
    /* "z₁ robin" shortens to "z₁". A name whose words belong together joins them with
     * a no-break space ("log σ_q"), which this does not cut at. */
    size_t len = strcspn(name, " ");
    snprintf(buf, n, "%.*s", (int)len, name);
}

/* Greedy word wrap into lines at most `width` pixels wide (a word wider than that
 * gets a line of its own). Returns the number of lines. */
static int wrap(ui_text *t, ui_font f, const char *s, int width, char lines[][160], int max)
{
    int n = 0;
    while (*s && n < max) {
        while (*s == ' ') s++;
        if (!*s) break;
        char line[160] = "";
        size_t len = 0;
        const char *p = s;
        for (;;) {
            const char *e = p;
            while (*e && *e != ' ') e++;
            char trial[160];
            size_t wl = (size_t)(e - p);
            if (len + 1 + wl >= sizeof trial) break;
            memcpy(trial, line, len);
            size_t tl = len;
            if (tl) trial[tl++] = ' ';
            memcpy(trial + tl, p, wl);
            trial[tl + wl] = '\0';
            if (len && ui_text_width(t, f, trial) > width) break;
            memcpy(line, trial, tl + wl + 1);
            len = tl + wl;
            p = e;
            while (*p == ' ') p++;
            if (!*p) break;
        }
        memcpy(lines[n++], line, len + 1);
        s = p;
    }
    return n;
}

/* ---- tick labels ---- */

typedef struct ticks {
    double v[MAX_TICKS];
    char s[MAX_TICKS][48];   /* "" where the label repeats the previous one */
    int n, widest;
} ticks;

static int tick_decimals(double step)
{
    int d = 0;
    while (d < 6 && fabs(step * pow(10.0, d) - round(step * pow(10.0, d))) > 1e-6) d++;
    return d;
}

/* Nice ticks over [lo, hi], at most max_ticks of them, labelled to fit TICK_CHARS. */
static void make_ticks(ui_text *t, double lo, double hi, int max_ticks, ticks *out)
{
    out->n = out->widest = 0;
    if (!isfinite(lo) || !isfinite(hi) || !(hi > lo)) return;
    double step = isfinite(hi - lo) ? ui_nice_step(lo, hi, max_ticks)
                                    : 2.0 * ui_nice_step(0.5 * lo, 0.5 * hi, max_ticks);
    out->n = ui_ticks(lo, hi, step, out->v, MAX_TICKS);
    int dec = tick_decimals(step);
    /* As few characters as keep neighbouring labels apart: 1000000 and 1001000 both
     * read 1×10⁶ in six, which would label two ticks alike. */
    for (int chars = TICK_CHARS; chars <= TICK_CHARS + 4; chars++) {
        int distinct = 1;
        for (int i = 0; i < out->n; i++) {
            ui_format_fit(out->s[i], sizeof out->s[i], out->v[i], dec, chars);
            if (i > 0 && strcmp(out->s[i], out->s[i - 1]) == 0) distinct = 0;
        }
        if (distinct) break;
    }
    int shown = -1; /* the last label kept */
    for (int i = 0; i < out->n; i++) {
        if (shown >= 0 && strcmp(out->s[i], out->s[shown]) == 0) {
            out->s[i][0] = '\0';
            continue;
        }
        shown = i;
        int w = ui_text_width(t, UI_FONT_TICK, out->s[i]);
        if (w > out->widest) out->widest = w;
    }
}

/* Ticks for a map axis `side` pixels long: a tick per three lines of text at most, and
 * fewer while the labels (laid side by side on the x axis) would touch. */
static void axis_ticks(ui_text *t, double lo, double hi, int side, int tick_h, int gap,
                       ticks *out)
{
    int max_ticks = side / (tick_h * 3) + 1;
    for (int tries = 0; tries < 6; tries++) {
        make_ticks(t, lo, hi, max_ticks, out);
        if (out->n < 2) return;
        double spacing = side * fraction(lo + (out->v[1] - out->v[0]), lo, hi);
        if (!(spacing < out->widest + gap) || max_ticks <= 2) return;
        max_ticks = max_ticks * 2 / 3;
        if (max_ticks < 2) max_ticks = 2;
    }
}

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

/* ---- legend ---- */

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

/* The map's symbols; in a race, each run's path by its optimizer's name, so every
 * series on the map is named. */
static void legend_init(const ui_ctx *ctx, legend *L, min_kind kind, const xl_session *s)
{
    static const char *const mins[] = {"minimum", "toward the minimum", "valley of minima",
                                       "lowest in view"};
    L->n = 0;
    L->what[L->n] = ENTRY_NOW, L->label[L->n++] = "now";
    L->what[L->n] = ENTRY_START, L->label[L->n++] = "start";
    if (xl_session_racing(s)) {
        for (int r = 0; r < xl_session_run_count(s) && r < 4; r++) {
            L->what[L->n] = ENTRY_RUN;
            L->run[L->n] = r;
            L->run_colour[L->n] = ui_run_colour(ctx->theme, s, r);
            L->run_marker[L->n] = ui_run_marker(s, r);
            L->label[L->n++] = xl_optim_kind_name(xl_sim_optimizer(xl_session_run_sim(s, r))->kind);
        }
    } else {
        L->what[L->n] = ENTRY_PATH, L->label[L->n++] = "descent path";
    }
    L->what[L->n] = ENTRY_MIN, L->label[L->n++] = mins[kind];
    L->what[L->n] = ENTRY_CONTOUR, L->label[L->n++] = "equal loss";
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
static int legend_flow(const ui_ctx *ctx, const legend *L, int x, int y, int width, int draw)
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
                SDL_SetRenderDrawBlendMode(ctx->r, SDL_BLENDMODE_BLEND);
                SDL_SetRenderDrawColor(ctx->r, th->contour.r, th->contour.g, th->contour.b, 200);
                SDL_RenderDrawLineF(ctx->r, cx + 1.0f, my + r, cx + tile - 1.0f, my - r);
                break;
            }
            ui_text_draw(ctx->text, UI_FONT_TICK, cx + tile + ctx->pad / 2, cy + 1, UI_ALIGN_LEFT,
                         th->text_dim, L->label[i]);
        }
        cx += L->item_w[i] + gap;
    }
    return cy + L->tile - y;
}

/* ---- the panel's layout ---- */

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

static frame_metrics metrics(const ui_ctx *ctx, int ytick_w, int cbar_label_w)
{
    frame_metrics m;
    m.tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    m.lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    m.pad = ctx->pad;
    m.cbar_w = (int)(14 * ctx->scale);
    if (m.cbar_w < 8) m.cbar_w = 8;
    /* y title (turned) | gap | tick labels | tick marks | map */
    m.left_w = m.lh + m.pad / 3 + ytick_w + m.pad / 2;
    /* map | gap | bar | ticks | labels | gap | bar title (turned) */
    m.right_w = m.pad + m.cbar_w + m.pad / 2 + cbar_label_w + m.pad / 3 + m.tick_h;
    m.top_h = m.tick_h / 2 + 1;                          /* half of the top tick labels */
    m.bottom_h = m.pad / 3 + m.tick_h + m.lh;            /* x tick labels and x title */
    return m;
}

static int imin(int a, int b) { return a < b ? a : b; }

/* How the legend and the note sit around the map, and the map's side that gives. */
typedef struct arrangement {
    int mode;     /* 0 no legend, 1 legend and note beside, 2 note above and legend rows
                   * below, 3 legend beside and note above */
    int side;
    int note_h;   /* the note above, at the panel's width */
    int rows_h;   /* the legend in rows under the map */
    int col_h;    /* the legend in a column of its widest item */
} arrangement;

/* Each arrangement's map side; the largest wins, legend first, when at least 60. */
static arrangement arrange(const ui_ctx *ctx, SDL_Rect in, const frame_metrics *m, const legend *L,
                           const char *note)
{
    const int fixed_w = m->left_w + m->right_w, fixed_h = m->top_h + m->bottom_h;
    const int col_gap = m->pad * 3 / 2;
    char lines[NOTE_LINES][160];
    arrangement A;
    /* Note in one block above everything: its height at the panel's width. */
    int full_lines = wrap(ctx->text, UI_FONT_TICK, note, in.w, lines, NOTE_LINES);
    A.note_h = full_lines * m->tick_h + m->pad / 3;
    A.col_h = legend_flow(ctx, L, 0, 0, L->widest, 0);
    A.rows_h = legend_flow(ctx, L, 0, 0, in.w, 0) + m->pad / 2;

    /* A: legend and note in a column beside the map. */
    int sideA = imin(in.h - fixed_h, in.w - fixed_w - col_gap - L->widest);
    int colA = in.w - fixed_w - sideA - col_gap;
    int linesA = sideA > 0 ? wrap(ctx->text, UI_FONT_TICK, note, colA, lines, NOTE_LINES) : 0;
    int col_hA = sideA > 0 ? legend_flow(ctx, L, 0, 0, colA, 0) : A.col_h;
    if (col_hA + m->pad + linesA * m->tick_h > in.h - m->top_h) sideA = 0;
    /* A2: legend beside, note above. B: note above, legend rows below. C: no legend. */
    int sideA2 = imin(in.h - fixed_h - A.note_h, in.w - fixed_w - col_gap - L->widest);
    int sideB = imin(in.h - fixed_h - A.note_h - A.rows_h, in.w - fixed_w);
    int sideC = imin(in.h - fixed_h - A.note_h, in.w - fixed_w);

    A.mode = 0;
    A.side = sideC;
    if (sideA >= sideA2 && sideA >= sideB && sideA >= 60) {
        A.mode = 1;
        A.side = sideA;
    } else if (sideA2 >= sideB && sideA2 >= 60) {
        A.mode = 3;
        A.side = sideA2;
    } else if (sideB >= 60) {
        A.mode = 2;
        A.side = sideB;
    }
    if (A.side > 4096) A.side = 4096;
    return A;
}

static void make_plan(const ui_ctx *ctx, SDL_Rect in, const frame_metrics *m, const legend *L,
                      const char *note, plan *P)
{
    const int fixed_w = m->left_w + m->right_w, fixed_h = m->top_h + m->bottom_h;
    const int col_gap = m->pad * 3 / 2;
    const arrangement A = arrange(ctx, in, m, L, note);
    const int mode = A.mode, side = A.side;
    int col_h = A.col_h;
    P->side = side;
    P->legend_mode = mode == 3 ? 1 : mode;
    int note_above = mode != 1;
    int used_h = fixed_h + side + (note_above ? A.note_h : 0) + (mode == 2 ? A.rows_h : 0);
    int map_top = in.y + (note_above ? A.note_h : 0) + m->top_h;
    if (mode == 1 && in.h > used_h) map_top += (in.h - used_h) / 2; /* centred when width-bound */
    int map_x;
    if (P->legend_mode == 1) {
        map_x = in.x + m->left_w;
    } else {
        map_x = in.x + m->left_w + (in.w - fixed_w - side) / 2; /* centred */
    }
    P->map = (SDL_Rect){map_x, map_top, side, side};
    P->cbar = (SDL_Rect){map_x + side + m->pad, map_top, m->cbar_w, side};
    int col_x = map_x + side + m->right_w + col_gap;
    int col_w = in.x + in.w - col_x;
    if (P->legend_mode == 1) {
        col_h = legend_flow(ctx, L, 0, 0, col_w, 0);
        P->legend = (SDL_Rect){col_x, map_top, col_w, col_h};
    } else if (P->legend_mode == 2) {
        int ly = map_top + side + m->bottom_h + m->pad / 2;
        P->legend = (SDL_Rect){in.x, ly, in.w, A.rows_h - m->pad / 2};
    }
    if (note_above) {
        P->note_lines = wrap(ctx->text, UI_FONT_TICK, note, in.w, P->lines, NOTE_LINES);
        P->note = (SDL_Rect){in.x, in.y, in.w, P->note_lines * m->tick_h};
    } else {
        P->note_lines = wrap(ctx->text, UI_FONT_TICK, note, col_w, P->lines, NOTE_LINES);
        P->note = (SDL_Rect){col_x, map_top + col_h + m->pad, col_w, P->note_lines * m->tick_h};
    }
}

/* ---- drawing ---- */

/* Pixels of the view's values on this map: fractions bounded to a few map widths, so
 * the result is finite and far from the int limits whatever the value. */
typedef struct mapping {
    SDL_Rect map;
    double lo, hi;    /* x */
    double ylo, yhi;  /* y */
} mapping;

static double bounded_fraction(double v, double lo, double hi)
{
    double t = fraction(v, lo, hi);
    if (isnan(t)) return -4.0; /* off the map */
    return t < -4.0 ? -4.0 : t > 5.0 ? 5.0 : t;
}
static float map_x(const mapping *mp, double v)
{
    return (float)(mp->map.x + bounded_fraction(v, mp->lo, mp->hi) * mp->map.w);
}
static float map_y(const mapping *mp, double v)
{
    return (float)(mp->map.y + mp->map.h - bounded_fraction(v, mp->ylo, mp->yhi) * mp->map.h);
}

static SDL_Rect box_around(float x, float y, float r)
{
    int ir = (int)ceilf(r);
    return (SDL_Rect){(int)floorf(x) - ir, (int)floorf(y) - ir, 2 * ir + 1, 2 * ir + 1};
}

static void axes(const ui_ctx *ctx, const plan *P, const frame_metrics *m, const double *box,
                 const xl_session *s)
{
    const double lo = box[0], hi = box[1];
    const ui_theme *th = ctx->theme;
    char xt[96], yt[96];
    snprintf(xt, sizeof xt, "%s", xl_session_axis_name(s, 0));
    snprintf(yt, sizeof yt, "%s", xl_session_axis_name(s, 1));
    const SDL_Rect map = P->map;
    const mapping mp = {map, lo, hi, box[2], box[3]};
    float lw = ui_lw(ctx, 1.0f);
    ticks tk;
    axis_ticks(ctx->text, lo, hi, map.w, m->tick_h, m->pad, &tk);
    ui_draw_frame(ctx->r, (SDL_Rect){map.x - 1, map.y - 1, map.w + 2, map.h + 2}, 1, th->axis);
    int bottom = map.y + map.h;
    SDL_Rect first_x = {0, 0, 0, 0};
    for (int i = 0; i < tk.n; i++) {
        float x = map_x(&mp, tk.v[i]);
        ui_draw_line(ctx->r, x, (float)bottom, x, bottom + m->pad / 3.0f, lw, th->axis);
        if (!tk.s[i][0]) continue;
        int w = ui_text_width(ctx->text, UI_FONT_TICK, tk.s[i]);
        SDL_Rect box = {(int)x - w / 2, bottom + m->pad / 3, w, m->tick_h};
        if (i == 0) first_x = box;
        ui_text_draw(ctx->text, UI_FONT_TICK, (int)x, bottom + m->pad / 3, UI_ALIGN_CENTER,
                     th->text_dim, tk.s[i]);
    }
    /* The y axis has its own ticks when the view is not the square around 0. */
    axis_ticks(ctx->text, box[2], box[3], map.h, m->tick_h, m->pad, &tk);
    for (int i = 0; i < tk.n; i++) {
        float y = map_y(&mp, tk.v[i]);
        ui_draw_line(ctx->r, map.x - m->pad / 3.0f, y, (float)map.x, y, lw, th->axis);
        if (!tk.s[i][0]) continue;
        int w = ui_text_width(ctx->text, UI_FONT_TICK, tk.s[i]);
        SDL_Rect box = {map.x - m->pad / 2 - w, (int)(y - m->tick_h / 2.0f), w, m->tick_h};
        /* The corner: the lowest y label must not sit on the first x label. */
        if (SDL_HasIntersection(&box, &first_x)) continue;
        ui_text_draw(ctx->text, UI_FONT_TICK, map.x - m->pad / 2, box.y, UI_ALIGN_RIGHT,
                     th->text_dim, tk.s[i]);
    }
    ui_text_draw(ctx->text, UI_FONT_LABEL, map.x + map.w / 2, bottom + m->pad / 3 + m->tick_h,
                 UI_ALIGN_CENTER, th->text, xt);
    int ytick_w = m->left_w - m->lh - m->pad / 3 - m->pad / 2;
    ui_text_draw_up(ctx->text, UI_FONT_LABEL, map.x - m->pad / 2 - ytick_w - m->pad / 3 - m->lh,
                    map.y + map.h / 2, th->text, yt);
}

static void colour_bar(const ui_ctx *ctx, ui_landscape_panel *p, const plan *P,
                       const frame_metrics *m, const ticks *tk, double dlo, double dhi, const char *symbol)
{
    const ui_theme *th = ctx->theme;
    const SDL_Rect cbar = P->cbar;
    float lw = ui_lw(ctx, 1.0f);
    SDL_RenderCopy(ctx->r, p->colorbar, NULL, &cbar);
    ui_draw_frame(ctx->r, (SDL_Rect){cbar.x - 1, cbar.y - 1, cbar.w + 2, cbar.h + 2}, 1, th->axis);
    int lx = cbar.x + cbar.w + m->pad / 2;
    for (int i = 0; i < tk->n; i++) {
        double t = dhi > dlo ? fraction(tk->v[i], dlo, dhi) : 0.5;
        if (!(t >= 0.0)) t = 0.0;
        if (t > 1.0) t = 1.0;
        float y = cbar.y + cbar.h - (float)(t * cbar.h);
        ui_draw_line(ctx->r, (float)(cbar.x + cbar.w), y, cbar.x + cbar.w + m->pad / 3.0f, y, lw, th->axis);
        if (tk->s[i][0])
            ui_text_draw(ctx->text, UI_FONT_TICK, lx, (int)(y - m->tick_h / 2.0f), UI_ALIGN_LEFT,
                         th->text_dim, tk->s[i]);
    }
    char buf[48];
    snprintf(buf, sizeof buf, "%s %s", symbol, xl_unit_name(ctx->unit));
    ui_text_draw_up(ctx->text, UI_FONT_TICK, lx + tk->widest + m->pad / 3, cbar.y + cbar.h / 2,
                    th->text_dim, buf);
}

/* Colour-bar ticks in the display unit; a flat map gets its one value at mid-height. */
static void colour_ticks(ui_text *t, double dlo, double dhi, int side, int tick_h, ticks *tk)
{
    if (dhi > dlo) {
        make_ticks(t, dlo, dhi, side / (tick_h * 3) + 1, tk);
    } else {
        tk->n = tk->widest = 0;
        if (!isfinite(dlo)) return;
        tk->n = 1;
        tk->v[0] = dlo;
        ui_format_fit(tk->s[0], sizeof tk->s[0], dlo, 2, TICK_CHARS);
        tk->widest = ui_text_width(t, UI_FONT_TICK, tk->s[0]);
    }
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

/* The panel's caption: what is plotted over which two parameters, and the keys that
 * change them. */
static void caption(char *buf, size_t n, const xl_session *s, int a, int b)
{
    const xl_model model = xl_session_model(s);
    const char *symbol = xl_session_scenario(s)->readouts[0].symbol;
    char sa[48], sb[48];
    short_name(sa, sizeof sa, xl_model_param_name(model, a));
    short_name(sb, sizeof sb, xl_model_param_name(model, b));
    if (xl_session_frame(s) == XL_FRAME_PLANE)
        snprintf(buf, n, "%s over a fixed plane   (V: slice)", symbol);
    else
        snprintf(buf, n, "%s over %s, %s%s", symbol, sa, sb,
                 xl_sim_param_count(xl_session_sim(s)) > 2 ? "   (Tab: other pair, V: fixed plane)" : "");
}

/* What the panel shows: the view, x over [lo, hi] and y over [ylo, yhi] (the same
 * square around 0 unless the learner zoomed or panned), and the loss's range over it in
 * the display unit (dlo = dhi when flat). */
typedef struct extent {
    double lo, hi, dlo, dhi;
    double ylo, yhi;
} extent;

static extent extent_of(const xl_landscape *ls, double k)
{
    extent e = {xl_landscape_lo(ls), xl_landscape_hi(ls), 0.0, 0.0, xl_landscape_ylo(ls), xl_landscape_yhi(ls)};
    if (!isfinite(e.lo) || !isfinite(e.hi) || !(e.hi > e.lo) || !(fraction(e.hi, e.lo, e.hi) > 0.0) ||
        !isfinite(e.ylo) || !isfinite(e.yhi) || !(e.yhi > e.ylo) || !(fraction(e.yhi, e.ylo, e.yhi) > 0.0)) {
        e.lo = e.ylo = -XL_DEFAULT_RANGE; /* the core's range is broken: show the default view */
        e.hi = e.yhi = XL_DEFAULT_RANGE;
    }
    e.dlo = xl_landscape_min(ls) * k;
    e.dhi = xl_landscape_colour_top(ls) * k;
    if (e.dhi - e.dlo <= 1e-9 * fmax(fabs(e.dhi), fabs(e.dlo))) e.dhi = e.dlo; /* flat, as rebuild() paints it */
    return e;
}

/* Lay out with label widths guessed from the panel's height, then again with the
 * labels the map's real size gives, so the columns fit what is drawn. Leaves the
 * colour bar's ticks for the map's size in ctk. */
static void lay_out(const ui_ctx *ctx, SDL_Rect in, const extent *e, const legend *leg, const char *note,
                    plan *P, frame_metrics *m, ticks *ctk)
{
    ticks xtk;
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    int guess = in.h > 0 ? in.h : 1;
    axis_ticks(ctx->text, e->lo, e->hi, guess, tick_h, ctx->pad, &xtk);
    colour_ticks(ctx->text, e->dlo, e->dhi, guess, tick_h, ctk);
    int yw = xtk.widest, cw = ctk->widest;
    *m = metrics(ctx, yw, cw);
    for (int pass = 0; pass < 3; pass++) {
        make_plan(ctx, in, m, leg, note, P);
        if (P->side < 40) break;
        axis_ticks(ctx->text, e->lo, e->hi, P->side, tick_h, ctx->pad, &xtk);
        colour_ticks(ctx->text, e->dlo, e->dhi, P->side, tick_h, ctk);
        if (xtk.widest <= yw && ctk->widest <= cw) break;
        if (xtk.widest > yw) yw = xtk.widest;
        if (ctk->widest > cw) cw = ctk->widest;
        *m = metrics(ctx, yw, cw);
    }
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

/* A race: each run's path in its colour on a dark edge, its current point a marker
 * of its own shape; they share the start. Drawn under the steered run's path. */
static void draw_race_runs(const ui_ctx *ctx, const mapping *mp, const xl_session *s)
{
    float tw = ui_lw(ctx, 1.5f);
    for (int r = xl_session_run_count(s) - 1; r >= 1; r--) {
        const xl_sim *rs = xl_session_run_sim(s, r);
        int rc = xl_sim_history_count(rs);
        SDL_Color col = ui_run_colour(ctx->theme, s, r);
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 1; i < rc; i++) {
                double x0, y0, x1, y1;
                xl_session_view_point(s, xl_sim_history_theta(rs, i - 1), &x0, &y0);
                xl_session_view_point(s, xl_sim_history_theta(rs, i), &x1, &y1);
                ui_draw_line(ctx->r, map_x(mp, x0), map_y(mp, y0), map_x(mp, x1), map_y(mp, y1),
                             pass == 0 ? tw + 2.0f : tw, pass == 0 ? (SDL_Color){0, 0, 0, 160} : col);
            }
        }
        double vx, vy;
        xl_session_view_point(s, xl_sim_theta(rs), &vx, &vy);
        float mx = map_x(mp, vx), my = map_y(mp, vy), mr = 6.0f * ctx->scale;
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

/* Trajectory: a white path with a dark edge so it reads on every colour (in a race,
 * the steered run's colour), dotted about 24 times along its length. */
static void draw_path(const ui_ctx *ctx, const SDL_FPoint *path, int count, const xl_session *s)
{
    float tw = ui_lw(ctx, 1.5f);
    SDL_Color edge = {0, 0, 0, 160};
    SDL_Color path_colour = xl_session_racing(s) ? ui_run_colour(ctx->theme, s, 0) : ctx->theme->trajectory;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 1; i < count; i++)
            ui_draw_line(ctx->r, path[i - 1].x, path[i - 1].y, path[i].x, path[i].y,
                         pass == 0 ? tw + 2.0f : tw, pass == 0 ? edge : path_colour);
    int every = count / 24 + 1;
    for (int i = 0; i < count - 1; i += every)
        ui_draw_disc(ctx->r, path[i].x, path[i].y, tw * 1.3f, path_colour);
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
                 (SDL_Color){255, 255, 255, 255}, "valley");
}

/* Everything on the map, clipped to it, bottom to top: the valley, the race's runs,
 * the path, the minimum's mark, the start and the current point, the minimum's label. */
static marks draw_on_map(ui_landscape_panel *p, const ui_ctx *ctx, const mapping *mp, const xl_session *s,
                         const minimum *mn)
{
    marks mk = {0, 0, 0, 0, 0, 0, NAN, NAN, 6.0f * ctx->scale};
    SDL_RenderSetClipRect(ctx->r, &mp->map);
    if (mn->kind == MIN_VALLEY) draw_valley(ctx, mp, mn->d);
    if (xl_session_racing(s)) draw_race_runs(ctx, mp, s);
    int count = project_path(p, mp, s);
    draw_path(ctx, p->path, count, s);
    draw_minimum(ctx, mp, xl_session_landscape(s), mn, &mk);
    draw_start_and_now(ctx, mp, xl_session_sim(s), s, &mk);
    if (mn->kind == MIN_IN_VIEW || mn->kind == MIN_NONE)
        label_minimum(ctx, mp, &mk, p->path, count, mn->kind == MIN_IN_VIEW ? "minimum" : "lowest in view");
    else if (mn->kind == MIN_VALLEY)
        label_valley(ctx, mp, mn->d);
    SDL_RenderSetClipRect(ctx->r, NULL);
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

void ui_landscape_prepare(ui_landscape_panel *p, const ui_ctx *ctx, const xl_session *s)
{
    finish_paint(p);
    paint_job *job = p->job;
    job->panel = p;
    job->session = s;
    job->contour = ctx->theme->contour;
    /* The map's side is known once the frame is laid out, which needs the grid's range:
     * the last frame's side is taken as the guess, right unless the layout moved (the
     * draw then paints again at the right one). */
    job->side = p->heat && p->side >= 40 ? p->side : 0;
    job->painted = 0;
    job->pending = 1;
    void *arg = job;
    ui_workers_start(p->workers, compute_and_paint, &arg, 1);
}

void ui_landscape_draw(ui_landscape_panel *p, const ui_ctx *ctx, SDL_Rect area,
                       const xl_session *s, ui_landscape_geom *geom)
{
    finish_paint(p); /* the grid and heatmap ui_landscape_prepare started, if it did */
    const ui_theme *th = ctx->theme;
    int a, b;
    xl_session_slice(s, &a, &b);
    char buf[192], note[192];
    caption(buf, sizeof buf, s, a, b);
    SDL_Rect in = ui_panel_begin(ctx, area, "LOSS LANDSCAPE", buf);
    if (geom) memset(geom, 0, sizeof *geom);

    const xl_landscape *ls = xl_session_landscape(s);
    const extent e = extent_of(ls, xl_unit_scale(ctx->unit));
    const minimum mn = find_minimum(s, a, b, e.lo, e.hi, e.ylo, e.yhi);
    note_text(note, sizeof note, &mn, s, a, b);
    legend leg;
    legend_init(ctx, &leg, mn.kind, s);
    ticks ctk;
    plan P;
    frame_metrics m;
    lay_out(ctx, in, &e, &leg, note, &P, &m, &ctk);
    for (int i = 0; i < P.note_lines; i++)
        ui_text_draw(ctx->text, UI_FONT_TICK, P.note.x, P.note.y + i * m.tick_h, UI_ALIGN_LEFT,
                     th->text_dim, P.lines[i]);
    if (P.side < 40) return;

    if (needs_paint(p, ls, P.side, th->contour))
        if (rebuild(p, ls, P.side, th->contour) != 0) return;
    SDL_RenderCopy(ctx->r, p->heat, NULL, &P.map);
    const double box[4] = {e.lo, e.hi, e.ylo, e.yhi};
    axes(ctx, &P, &m, box, s);
    colour_bar(ctx, p, &P, &m, &ctk, e.dlo, e.dhi, xl_session_scenario(s)->readouts[0].symbol);
    if (P.legend_mode) legend_flow(ctx, &leg, P.legend.x, P.legend.y, P.legend.w, 1);

    const mapping mp = {P.map, e.lo, e.hi, e.ylo, e.yhi};
    const marks mk = draw_on_map(p, ctx, &mp, s, &mn);
    if (geom) fill_geom(geom, &mp, &mk, &mn);
}
