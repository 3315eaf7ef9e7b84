/* ui_landscape_heat: the landscape panel's object and its heatmap (see
 * ui_landscape.c for the panel, ui_landscape_internal.h for how the files divide).
 *
 * The grid comes from the core; this file paints it once per grid (and size) into a
 * texture of the map's on-screen size, contours included, which the draw copies 1:1
 * every frame. The rows are painted in parts on the panel's worker threads, and
 * ui_landscape_prepare starts the grid and the paint on a helper thread while the frame's
 * other panels are drawn. Contour levels crowd toward the minimum (quadratic spacing)
 * because that is where the bowl's shape matters.
 */
#include "ui_landscape_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ui_colormap.h"
#include "ui_rec.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum {
    CONTOUR_LEVELS = 9,
    MAX_HEAT_SIDE = 4096, /* widest heatmap painted, in pixels (wider is cut) */
};

/* Where screen column px samples the grid: cell i and the fraction fx toward i + 1,
 * the same for every row, so computed once per paint. */
typedef struct heat_columns {
    int i[MAX_HEAT_SIDE];
    double fx[MAX_HEAT_SIDE];
} heat_columns;

static size_t paint_job_size(void);

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
    p->colorbar_version = ui_rec_new_version();
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
    xl_landscape_destroy(p->grid);
    free(p);
}

const xl_landscape *ui_landscape_grid(ui_landscape_panel *p, const xl_session *s)
{
    const int g = xl_session_grid(s);
    if (!p->grid || xl_landscape_size(p->grid) != g) {
        xl_landscape_destroy(p->grid);
        p->grid = xl_landscape_create(g);
        p->scale_valid = 0; /* a new grid counts its fills from 0 again */
        if (!p->grid) return NULL;
    } else if (p->grid_epoch != xl_session_epoch(s)) {
        xl_landscape_invalidate(p->grid);
    }
    p->grid_epoch = xl_session_epoch(s);
    xl_session_landscape_fill(s, p->grid);
    return p->grid;
}

int ui_landscape_panel_set_threads(ui_landscape_panel *p, int threads)
{
    ui_workers *w = ui_workers_create(threads);
    if (!w) return -1;
    ui_landscape_finish_paint(p);
    ui_workers_destroy(p->workers);
    p->workers = w;
    p->valid = 0; /* painted again, so a test sees the new count at work */
    return ui_workers_count(w);
}

/* The heat texture and its pixel buffer at `side` pixels square, (re)made when the
 * size changes. Returns 0, or -1 without memory. */
static int ensure_heat(ui_landscape_panel *p, int side)
{
    if (side == p->side && p->heat) return 0;
    if (p->heat) SDL_DestroyTexture(p->heat);
    free(p->pixels);
    p->pixels = malloc(sizeof(Uint32) * (size_t)side * (size_t)side);
    /* The pixels are 0xAARRGGBB with A = 255: on a window whose surface is XRGB8888 (X11's
     * 24-bit visual) the texture takes that format, the same bytes with the top byte
     * ignored, so its copy into the frame is a plain row copy instead of a masked
     * conversion pixel by pixel (8 % of a 1080p frame). */
    const Uint32 format = ui_draw_native_format(p->r) == SDL_PIXELFORMAT_RGB888 ? SDL_PIXELFORMAT_RGB888
                                                                               : SDL_PIXELFORMAT_ARGB8888;
    p->heat = SDL_CreateTexture(p->r, format, SDL_TEXTUREACCESS_STATIC, side, side);
    if (!p->pixels || !p->heat) {
        p->side = 0;
        return -1;
    }
    p->side = side;
    return 0;
}

/* The k-th smallest of a[0..n) (a is reordered). */
static double kth(double *a, int n, int k)
{
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        const double pivot = a[(lo + hi) / 2];
        int i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) {
                const double t = a[i];
                a[i++] = a[j];
                a[j--] = t;
            }
        }
        if (k <= j) hi = j;
        else if (k >= i) lo = i;
        else break;
    }
    return a[k];
}

static colour_scale colour_scale_of(const xl_landscape *ls)
{
    enum { SAMPLES = 2048 };
    colour_scale c = {xl_landscape_min(ls), xl_landscape_colour_top(ls), 1.0, 0};
    const double span = c.hi - c.lo;
    if (!isfinite(span) || !(span > 0.0)) return c;
    /* The map's median height above its minimum, on a sample of the cells (values above
     * the top count as the top). No allocation: this runs every frame. */
    double sample[SAMPLES];
    const int g = xl_landscape_size(ls);
    const size_t total = (size_t)g * (size_t)g;
    const size_t stride = total / SAMPLES + 1;
    const double *v = xl_landscape_values(ls);
    int n = 0;
    for (size_t i = 0; i < total && n < SAMPLES; i += stride)
        if (!isnan(v[i])) sample[n++] = v[i] < c.hi ? v[i] - c.lo : span;
    if (n < 16) return c;
    const double median = kth(sample, n, n / 2);
    /* Half the map within a fifth of the range: a valley under high walls. */
    if (median < 0.2 * span && median > 1e-6 * span) {
        c.log = 1;
        c.d = median / 8.0;
    }
    return c;
}

colour_scale ui_landscape_colour_scale(ui_landscape_panel *p, const xl_landscape *ls)
{
    /* Kept per fill: the frame's colour bar and the paint both ask, every frame. */
    const unsigned long gen = xl_landscape_generation(ls);
    if (!p->scale_valid || p->scale_generation != gen) {
        p->scale = colour_scale_of(ls);
        p->scale_generation = gen;
        p->scale_valid = 1;
    }
    return p->scale;
}

/* What painting needs: the grid, its range, the colours and the contour levels. */
typedef struct heat_source {
    const double *v;     /* g x g values, row 0 at y = lo */
    int g;
    double lo, hi, step; /* step: grid cells per screen pixel */
    double half_lo, inv_span; /* fraction(v) = (v/2 - lo/2) * inv_span */
    colour_scale scale;  /* log: the ramp's position is colour_t, not the fraction */
    double log_top, span; /* log scale: colour_t's divisor log1p((hi - lo) / d), and hi - lo */
    int flat;
    double levels[CONTOUR_LEVELS];
    /* Step k of the ramp's colour, with its contour band in the top byte: how many
     * levels lie below the middle of step k of 256 (the colours are opaque, so the byte
     * is free until the row is finished). A pixel's band is read from its colour index,
     * so contours follow the colour steps (1/255 of the range apart) and cost no search. */
    Uint32 tagged[256];
    SDL_Color contour;
} heat_source;

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

static heat_source heat_source_of(const xl_landscape *ls, colour_scale scale, int side, SDL_Color contour)
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
    h.scale = scale;
    h.span = scale.hi - scale.lo;
    h.log_top = log1p(h.span / scale.d);
    const Uint32 *lut = ui_viridis_table();
    for (int k = 0; k < CONTOUR_LEVELS; k++) {
        double t = (double)(k + 1) / (CONTOUR_LEVELS + 1);
        h.levels[k] = t * t; /* in normalized units, crowding toward the minimum */
    }
    for (int k = 0; k < 256; k++) {
        unsigned char b = 0;
        while (b < CONTOUR_LEVELS && k / 255.0 > h.levels[b]) b++;
        h.tagged[k] = (Uint32)b << 24 | (lut[k] & 0xFFFFFFu);
    }
    h.step = (double)(h.g - 1) / side;
    h.half_lo = 0.5 * h.lo;
    h.inv_span = 1.0 / (0.5 * h.hi - 0.5 * h.lo);
    h.contour = contour;
    return h;
}

/* The grid's row at height fy between rows r0 and r1 as colour positions, 0..255
 * (clamped; NaN to 0), for the linear scale, BLOCK cells at a time. With SSE2 (every
 * x86-64) two at a time: maxpd(t, 0) is t > 0 ? t : 0 and minpd(t, 1) is t < 1 ? t : 1
 * exactly, NaN and zeros included, so both forms give the same bits. */
enum { BLOCK = 8 };
static void positions_linear(const double *restrict r0, const double *restrict r1, double fy, double half_lo,
                             double inv_span, double *restrict k_at)
{
#if defined(__SSE2__)
    const __m128d vfy = _mm_set1_pd(fy), vlo = _mm_set1_pd(half_lo), vinv = _mm_set1_pd(inv_span);
    const __m128d half = _mm_set1_pd(0.5), zero = _mm_setzero_pd(), one = _mm_set1_pd(1.0), top = _mm_set1_pd(255.0);
    for (int i = 0; i < BLOCK; i += 2) {
        const __m128d a = _mm_loadu_pd(r0 + i), b = _mm_loadu_pd(r1 + i);
        const __m128d v = _mm_add_pd(a, _mm_mul_pd(_mm_sub_pd(b, a), vfy));
        __m128d t = _mm_mul_pd(_mm_sub_pd(_mm_mul_pd(half, v), vlo), vinv);
        t = _mm_min_pd(_mm_max_pd(t, zero), one);
        _mm_storeu_pd(k_at + i, _mm_mul_pd(t, top));
    }
#else
    for (int i = 0; i < BLOCK; i++) {
        const double v = r0[i] + (r1[i] - r0[i]) * fy;
        double t = (0.5 * v - half_lo) * inv_span;
        t = t > 0.0 ? t : 0.0; /* NaN too: never cast to int */
        t = t < 1.0 ? t : 1.0;
        k_at[i] = t * 255.0;
    }
#endif
}

/* The same on the log scale: colour_t with its divisor computed once (the same bits). */
static double position_log(const heat_source *h, double v)
{
    const double x = v - h->scale.lo;
    double t = log1p((x > 0.0 ? x : 0.0) / h->scale.d) / h->log_top + (x < 0.0 ? x / h->span : 0.0);
    t = t > 0.0 ? t : 0.0;
    t = t < 1.0 ? t : 1.0;
    return t * 255.0;
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
    int i = 0;
    if (h->scale.log && !h->flat) {
        for (; i < g; i++) k_at[i] = position_log(h, r0[i] + (r1[i] - r0[i]) * fy);
    } else {
        const double half_lo = h->half_lo, inv_span = h->flat ? 0.0 : h->inv_span;
        for (; i + BLOCK <= g; i += BLOCK) positions_linear(r0 + i, r1 + i, fy, half_lo, inv_span, k_at + i);
        if (i < g) { /* the last cells, through a padded block */
            double p0[BLOCK] = {0}, p1[BLOCK] = {0}, k[BLOCK];
            memcpy(p0, r0 + i, sizeof(double) * (size_t)(g - i));
            memcpy(p1, r1 + i, sizeof(double) * (size_t)(g - i));
            positions_linear(p0, p1, fy, half_lo, inv_span, k);
            memcpy(k_at + i, k, sizeof(double) * (size_t)(g - i));
        }
    }
    /* Each pixel's colour with its band in the top byte; then the bands apart and the
     * colours made opaque; then the contours, where a pixel's band differs from its left
     * neighbour's or the one above it (row 0 has no row above: its own bands stand in).
     * Few pixels lie on one, so that pass finds them sixteen at a time and repaints
     * only those (blend_contour of the colour). */
    if (cols <= 0) return;
    const int *ci = col->i;
    const double *cfx = col->fx;
    const Uint32 *tagged = h->tagged;
    for (int px = 0; px < cols; px++) {
        const double *q = k_at + ci[px];
        out[px] = tagged[(int)(q[0] + (q[1] - q[0]) * cfx[px] + 0.5)];
    }
    int px = 0;
#if defined(__SSE2__)
    const __m128i opaque = _mm_set1_epi32((int)0xFF000000u);
    for (; px + 16 <= cols; px += 16) {
        __m128i t[4];
        for (int q = 0; q < 4; q++) {
            t[q] = _mm_loadu_si128((const __m128i *)(out + px + 4 * q));
            _mm_storeu_si128((__m128i *)(out + px + 4 * q), _mm_or_si128(t[q], opaque));
        }
        const __m128i lo = _mm_packs_epi32(_mm_srli_epi32(t[0], 24), _mm_srli_epi32(t[1], 24));
        const __m128i hi = _mm_packs_epi32(_mm_srli_epi32(t[2], 24), _mm_srli_epi32(t[3], 24));
        _mm_storeu_si128((__m128i *)(band + px), _mm_packus_epi16(lo, hi));
    }
#endif
    for (; px < cols; px++) {
        band[px] = (unsigned char)(out[px] >> 24);
        out[px] |= 0xFF000000u;
    }
    const SDL_Color contour = h->contour;
    const unsigned char *up = py > 0 ? above : band;
    if (up[0] != band[0]) out[0] = blend_contour(out[0], contour); /* no left neighbour */
    px = 1;
#if defined(__SSE2__)
    for (; px + 16 <= cols; px += 16) {
        const __m128i b = _mm_loadu_si128((const __m128i *)(band + px));
        const __m128i same = _mm_and_si128(_mm_cmpeq_epi8(b, _mm_loadu_si128((const __m128i *)(band + px - 1))),
                                           _mm_cmpeq_epi8(b, _mm_loadu_si128((const __m128i *)(up + px))));
        unsigned edges = (unsigned)_mm_movemask_epi8(same) ^ 0xFFFFu;
        while (edges) {
            const int e = px + __builtin_ctz(edges);
            out[e] = blend_contour(out[e], contour);
            edges &= edges - 1;
        }
    }
#endif
    for (; px < cols; px++)
        if (band[px] != band[px - 1] || up[px] != band[px]) out[px] = blend_contour(out[px], contour);
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
static void set_up_paint(ui_landscape_panel *p, paint_job *job, const xl_landscape *ls, int side, SDL_Color contour)
{
    job->source = heat_source_of(ls, ui_landscape_colour_scale(p, ls), side, contour);
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
    ui_landscape_finish_paint(p);
    if (ensure_heat(p, side) != 0) return -1;
    paint_job *job = p->job;
    set_up_paint(p, job, ls, side, contour);
    const int cols = side < MAX_HEAT_SIDE ? side : MAX_HEAT_SIDE;
    const int n = ui_workers_count(p->workers);
    for (int k = 0; k < n; k++) {
        job->parts[k] = (heat_part){&job->source, &job->columns, side, cols, (int)((long long)side * k / n),
                                    (int)((long long)side * (k + 1) / n), p->pixels};
        job->args[k] = &job->parts[k];
    }
    ui_workers_run(p->workers, paint_part, job->args, n);
    SDL_UpdateTexture(p->heat, NULL, p->pixels, side * (int)sizeof(Uint32));
    p->heat_version = ui_rec_new_version();
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
    const xl_landscape *ls = ui_landscape_grid(p, job->session);
    if (!ls || job->side <= 0 || !needs_paint(p, ls, job->side, job->contour)) return;
    const int side = job->side;
    set_up_paint(p, job, ls, side, job->contour);
    heat_part all = {&job->source, &job->columns, side, side < MAX_HEAT_SIDE ? side : MAX_HEAT_SIDE, 0, side,
                     p->pixels};
    paint_part(&all);
    job->painted = 1;
}

/* Wait for the helper's share and hand a heatmap it painted to the texture. */
void ui_landscape_finish_paint(ui_landscape_panel *p)
{
    paint_job *job = p->job;
    if (!job || !job->pending) return;
    ui_workers_wait(p->workers);
    job->pending = 0;
    if (!job->painted) return;
    job->painted = 0;
    SDL_UpdateTexture(p->heat, NULL, p->pixels, job->side * (int)sizeof(Uint32));
    p->heat_version = ui_rec_new_version();
    p->generation = job->generation;
    p->contour = job->contour;
    p->valid = 1;
}

static int needs_paint(const ui_landscape_panel *p, const xl_landscape *ls, int side, SDL_Color contour)
{
    return !p->valid || xl_landscape_generation(ls) != p->generation || p->side != side ||
           memcmp(&p->contour, &contour, sizeof contour) != 0;
}

int ui_landscape_paint(ui_landscape_panel *p, const xl_landscape *ls, int side, SDL_Color contour)
{
    return needs_paint(p, ls, side, contour) ? rebuild(p, ls, side, contour) : 0;
}

void ui_landscape_prepare(ui_landscape_panel *p, const ui_ctx *ctx, const xl_session *s)
{
    ui_landscape_finish_paint(p);
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
