/* ui_panel: what every panel draws with during one frame, and the helpers they
 * share: the panel frame and title, axis ticks at "nice" numbers, number formatting
 * that shows infinity as "∞" and never prints NaN. */
#ifndef UI_PANEL_H
#define UI_PANEL_H

#include <SDL.h>
#include <stddef.h>
#include "ui_text.h"
#include "ui_theme.h"
#include "xl_command.h"
#include "xl_info.h"

/* Regions of a frame that a tooltip describes, recorded by the panels as they draw
 * (a scenario's own panel knows what its marks mean; the pointer looks them up). */
enum { UI_HITS_MAX = 256, UI_HIT_LINES = 3, UI_HIT_TEXT = 112 };
/* How a press on a region edits: the pointer's pixel (x, y) maps to values
 * u = u0 + us x and v = v0 + vs y, and each motion sends the command named `drag` (a
 * shared command's or a scenario verb's name, static storage; NULL: none) with
 * UI_DRAG_VALUE_U: u as its number; UI_DRAG_VALUE_PEAK: the list (u, 1/(√(2π) v)),
 * a Gaussian whose peak is at the pointer (its mean and width). A press first selects
 * `index` (if >= 0); a click without motion on what was already selected sends `click`. */
typedef enum ui_drag_value { UI_DRAG_VALUE_U = 0, UI_DRAG_VALUE_PEAK } ui_drag_value;
typedef struct ui_region_drag {
    const char *drag;   /* NULL: nothing to drag */
    const char *click;  /* NULL: nothing on a click */
    ui_drag_value value;
    int index;
    double u0, us, v0, vs;
} ui_region_drag;

typedef struct ui_hit_region {
    SDL_Rect rect;
    int lines;
    char text[UI_HIT_LINES][UI_HIT_TEXT];
    ui_region_drag edit;
} ui_hit_region;
typedef struct ui_hits {
    int n;
    ui_hit_region region[UI_HITS_MAX];
} ui_hits;

/* Borrowed for the duration of one frame. */
typedef struct ui_ctx {
    SDL_Renderer *r;
    ui_text *text;
    const ui_theme *theme;
    float scale;     /* window height / 720 */
    float line;      /* width of a standard line in pixels (theme and size applied) */
    int pad;         /* padding inside panels */
    xl_unit unit;    /* logarithm the numbers are shown in */
    ui_hits *hits;   /* where tooltip regions go; NULL: not recorded */
    /* Panel areas whose background and frame the frame's backdrop already holds
     * (copied in one piece instead of filled panel by panel): ui_panel_begin on one of
     * exactly these areas draws only the title. NULL/0: none. */
    const SDL_Rect *backdrop;
    int backdrop_n;
    /* Drawn for a video (ui_view.recording): nobody can press a key, so no caption names
     * one (part 9's chrome rule). */
    int no_keys;
} ui_ctx;

/* Record that rect is described by up to three lines (NULL ends them early; copied,
 * cut to UI_HIT_TEXT bytes). Past UI_HITS_MAX regions, or with no ctx->hits, nothing. */
void ui_hit_add(const ui_ctx *ctx, SDL_Rect rect, const char *l0, const char *l1, const char *l2);
/* The same for a region the pointer can also edit (see ui_region_drag). */
void ui_hit_add_edit(const ui_ctx *ctx, SDL_Rect rect, ui_region_drag edit, const char *l0, const char *l1,
                     const char *l2);

/* Fill and outline the panel, draw its title (and an optional dimmer subtitle after
 * it) and return the area left for content. */
/* The content rectangle ui_panel_begin returns for area, without drawing anything (to
 * lay a panel out before it is drawn). */
/* text at (x, y) in width w: one line, or two broken at a space when one is too narrow
 * (a claim is wrapped, not cut; only what two lines cannot hold ends in "…").
 * Returns the lines drawn. */
int ui_draw_two_lines(const ui_ctx *ctx, ui_font f, int x, int y, int w, SDL_Color c, const char *text);
SDL_Rect ui_panel_inner(const ui_ctx *ctx, SDL_Rect area);
SDL_Rect ui_panel_begin(const ui_ctx *ctx, SDL_Rect area, const char *title,
                        const char *subtitle);

/* Tick spacing for an axis over [lo, hi] with at most max_ticks ticks: 1, 2 or 5
 * times a power of ten. */
double ui_nice_step(double lo, double hi, int max_ticks);
/* Smallest "nice" number >= v (1, 2, 2.5, 5 times a power of ten). */
double ui_nice_ceil(double v);
/* The multiples of `step` in [lo, hi], at most `cap` of them, into out[]; returns how
 * many. Counted with integers (tick k is k * step), so a step below half an ulp of lo,
 * or a NaN or infinite bound, can never loop forever: always use this for tick loops. */
int ui_ticks(double lo, double hi, double step, double *out, int cap);

/* Format v for a box `max_chars` characters wide: `decimals` decimals when that fits,
 * fewer when not, and scientific notation ("1.2×10⁶", "3.4×10⁻³⁰⁰") when even 0 decimals do not fit,
 * so a number never runs out of its box at any magnitude. ∞, −∞ as ui_format. */
char *ui_format_fit(char *buf, size_t n, double v, int decimals, int max_chars);

/* The three numbers of an identity total = part + rest (v[0] = v[1] + v[2]) into out[i]
 * (n bytes each), each in at most max_chars[i] characters, so that its sides visibly add
 * up: one number of decimals for all three, the most up to `decimals` with which every
 * one fits in fixed notation ("693147 = 691944 + 1203", never "7×10⁵ = 7×10⁵ + 1203"); a
 * nonzero value too small for those decimals takes ui_format_fit's form rather than read
 * 0. A v[2] within rounding error of 0 (64 ulps of v[0] and v[1]) is shown as 0, not as
 * "2×10⁻¹⁶". Returns the decimals used, or -1 when fixed notation fits no box (each number
 * then as ui_format_fit gives it). */
int ui_format_identity(char *const out[3], size_t n, const double v[3], int decimals, const int max_chars[3]);

/* Format v with `decimals` decimals: "∞" for +infinity, "−∞" for -infinity, and
 * "undefined" for NaN (which the core never produces for defined quantities). Uses
 * the true minus sign U+2212. Returns buf. */
char *ui_format(char *buf, size_t n, double v, int decimals);
/* A probability given by its natural log: "0.250" with `decimals` decimals while that
 * shows a significant digit, else "3.3×10⁻³⁴⁸" computed from the log itself, so a q
 * that underflows in double precision is still shown as the number it is (never as
 * 0.000 unless it is 0). logp = −∞ gives "0". */
char *ui_format_prob_log(char *buf, size_t n, double logp, int decimals);
/* Tick label: as few decimals as the step needs. */
char *ui_format_tick(char *buf, size_t n, double v, double step);

/* A whole number with its digits in groups of three, a thin space between them (2 500,
 * 1 000 000), and "−" before a negative one; into buf[size], returned. The counts the
 * scenarios' own panels show: coins, oscillators, units, steps. */
char *ui_format_count(char *buf, size_t size, long v);

/* Draw a legend swatch + label at (x, y) (top of the text line); returns its width
 * including trailing space. */
int ui_legend_item(const ui_ctx *ctx, int x, int y, SDL_Color swatch, int dashed,
                   const char *label);

/* A tooltip: lines[0..n-1] in a box near the pointer (px, py), inside `bounds`, never
 * over `avoid` (what is pointed at) where any placement allows: below right of the
 * pointer, else below left, above right, above left, else beside `avoid`. The first
 * line is the heading. Returns the box drawn. */
SDL_Rect ui_tooltip_draw(const ui_ctx *ctx, int px, int py, SDL_Rect avoid, SDL_Rect bounds,
                         const char *const *lines, int n);

/* Line width in pixels for a line `k` standard widths wide. */
float ui_lw(const ui_ctx *ctx, float k);

#endif
