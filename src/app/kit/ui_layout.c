/* ui_layout: panel rectangles and label placement (see ui_layout.h). */
#include "ui_layout.h"

#include "ui_draw.h"

#include <math.h>
#include <string.h>

/* Stack rects a (top, share pct of the height) and b in `col`; one alone takes all. */
static void stack(SDL_Rect col, int gap, int pct, SDL_Rect *a, int has_a, SDL_Rect *b, int has_b)
{
    SDL_Rect none = {0, 0, 0, 0};
    if (has_a && has_b) {
        int ah = (col.h - gap) * pct / 100;
        *a = (SDL_Rect){col.x, col.y, col.w, ah};
        *b = (SDL_Rect){col.x, col.y + ah + gap, col.w, col.h - ah - gap};
    } else {
        *a = has_a ? col : none;
        *b = has_b ? col : none;
    }
}

float ui_layout_portrait_scale(int w, float text_scale)
{
    /* The tick role is 12 px at scale 1 times the theme's text scale (ui_text.c). */
    const float tick_px = UI_LAYOUT_PORTRAIT_TEXT_PX * (float)w / (float)UI_LAYOUT_PORTRAIT_WIDTH;
    return tick_px / (12.0f * (text_scale > 0.0f ? text_scale : 1.0f));
}

/* The portrait column: status, then the panels one under another in the order a reader
 * goes (the scenario's own panel or the bars, the readouts, the picture, the history,
 * the bars beside the own panel), then the hints. Each panel has a least height in
 * label lines; where they do not all fit, the least important go (the bars beside an own
 * panel, the history, the readouts, the bars) so that those left keep a readable size.
 * The picture grows up to a square map with its axes and legend; what is left goes to the
 * history, else the bars. */
enum { P_TOP, P_READOUTS, P_PICTURE, P_HISTORY, P_BARS, P_COUNT };

static ui_layout portrait(int w, int h, float s, const ui_text *text, unsigned show)
{
    ui_layout L = {.gap = 0}; /* every rectangle it does not set is empty */
    SDL_Rect none = {0, 0, 0, 0};
    L.gap = (int)(6.0f * s + 0.5f);
    if (L.gap < 4) L.gap = 4;
    L.pad = (int)(8.0f * s + 0.5f);
    if (L.pad < 5) L.pad = 5;
    const int lh = ui_text_line_height(text, UI_FONT_LABEL);
    const int status_h = ui_text_line_height(text, UI_FONT_STATUS) + L.gap * 2;
    const int hints_h = show & UI_SHOW_HINTS ? ui_text_line_height(text, UI_FONT_TICK) + L.gap * 2 : 0;
    L.status = (SDL_Rect){0, 0, w, status_h};
    L.hints = (SDL_Rect){0, h - hints_h, w, hints_h};
    const int own = (show & UI_SHOW_DATA) != 0, bars = (show & UI_SHOW_BARS) != 0;
    const int picture = (show & (UI_SHOW_LANDSCAPE | UI_SHOW_SIDE)) != 0;
    const int col_w = w - 2 * L.gap;
    /* In the order drawn top to bottom; least heights in label lines (the readouts' is
     * their numbers without the stacked bar under them), and the most a panel is worth
     * growing to (the picture: a map as wide as the column, with its titles and legend). */
    int has[P_COUNT] = {own || bars, (show & UI_SHOW_READOUTS) != 0, picture, (show & UI_SHOW_HISTORY) != 0,
                        own && bars};
    /* The picture's titles, legend and axes take about 7 lines; its map at least 45% of
     * the column: a smaller one is not worth the room the panels it would push out need. */
    const int picture_least = col_w * 9 / 20 + 7 * lh > 25 * lh / 2 ? col_w * 9 / 20 + 7 * lh : 25 * lh / 2;
    const int least[P_COUNT] = {10 * lh, 9 * lh / 2, picture_least, 7 * lh, 8 * lh};
    const int ideal[P_COUNT] = {13 * lh, 17 * lh / 2, col_w + 13 * lh / 2, 10 * lh, 10 * lh};
    static const int drop_order[] = {P_BARS, P_HISTORY, P_READOUTS, P_TOP};
    const int body = h - status_h - hints_h - L.gap;
    int got[P_COUNT] = {0};
    for (size_t d = 0;; d++) {
        int need = 0;
        for (int i = 0; i < P_COUNT; i++)
            if (has[i]) need += least[i] + L.gap;
        if (need <= body || d == sizeof drop_order / sizeof drop_order[0]) break;
        has[drop_order[d]] = 0;
    }
    int left = body;
    for (int i = 0; i < P_COUNT; i++)
        if (has[i]) {
            got[i] = least[i];
            left -= least[i] + L.gap;
        }
    /* Growth in order of worth: the picture, the own panel or bars, the history. */
    static const int grow_order[] = {P_PICTURE, P_TOP, P_READOUTS, P_HISTORY, P_BARS};
    for (size_t k = 0; k < sizeof grow_order / sizeof grow_order[0] && left > 0; k++) {
        const int i = grow_order[k];
        if (!has[i] || ideal[i] <= got[i]) continue;
        const int add = ideal[i] - got[i] < left ? ideal[i] - got[i] : left;
        got[i] += add;
        left -= add;
    }
    if (left > 0) { /* all at their best: the rest to the history, else the first panel */
        const int i = has[P_HISTORY] ? P_HISTORY : has[P_TOP] ? P_TOP : P_PICTURE;
        got[i] += left;
    }
    SDL_Rect r[P_COUNT];
    int y = status_h + L.gap;
    for (int i = 0; i < P_COUNT; i++) {
        r[i] = none;
        if (!has[i] || got[i] <= 0) continue;
        r[i] = (SDL_Rect){L.gap, y, col_w, got[i]};
        y += got[i] + L.gap;
    }
    L.data = own ? r[P_TOP] : none;
    L.bars = own ? r[P_BARS] : bars ? r[P_TOP] : none;
    L.readouts = r[P_READOUTS];
    L.landscape = show & UI_SHOW_LANDSCAPE ? r[P_PICTURE] : none;
    L.side = !(show & UI_SHOW_LANDSCAPE) && (show & UI_SHOW_SIDE) ? r[P_PICTURE] : none;
    L.history = r[P_HISTORY];
    return L;
}

/* The Rényi panel takes the history's rectangle, laid out as the history's. */
static ui_layout renyi_in_history(ui_layout L)
{
    L.renyi = L.history;
    L.history = (SDL_Rect){0, 0, 0, 0};
    return L;
}

static ui_layout compute(int w, int h, float s, const ui_text *text, unsigned show);

/* The reflow (issue 26: the zoom to 2x). The main picture (UI_LAYOUT_MAIN's panel, else
 * the landscape, the side panel, the own panel, the bars, in that order) takes the body's
 * left part at its full height, or its top part when the body is not wide; the others
 * stack beside (or under) it in order of worth, the readouts first (the claim: the loss
 * is its floor plus the gap), each given at least its least height in label lines, and
 * what does not fit folds away (F2 and Shift+F2 still show a folded panel: focus lays out
 * any panel the frame has). What is left grows the panels shown, the readouts to their
 * ideal first. */
enum { R_READOUTS, R_TOP, R_PICTURE, R_HISTORY, R_BARS, R_COUNT };

static ui_layout reflow(ui_layout L, int w, int top, int bottom, int lh, unsigned show)
{
    const SDL_Rect none = {0, 0, 0, 0};
    const int own = (show & UI_SHOW_DATA) != 0, bars = (show & UI_SHOW_BARS) != 0;
    const int landscape = (show & UI_SHOW_LANDSCAPE) != 0, side = !landscape && (show & UI_SHOW_SIDE) != 0;
    /* Each place, whether the frame has it, and its panel id. */
    int has[R_COUNT] = {(show & UI_SHOW_READOUTS) != 0, own || bars, landscape || side, (show & UI_SHOW_HISTORY) != 0,
                        own && bars};
    const int ids[R_COUNT] = {UI_PANEL_READOUTS, own ? UI_PANEL_DATA : UI_PANEL_BARS,
                              landscape ? UI_PANEL_LANDSCAPE : UI_PANEL_SIDE, UI_PANEL_HISTORY, UI_PANEL_BARS};
    int main_id = (int)((show >> UI_LAYOUT_MAIN_SHIFT) & 15u), main = -1;
    for (int i = 0; i < R_COUNT && main < 0; i++)
        if (has[i] && ids[i] == main_id) main = i;
    static const int main_order[] = {R_PICTURE, R_TOP, R_BARS, R_HISTORY, R_READOUTS};
    for (size_t k = 0; k < sizeof main_order / sizeof main_order[0] && main < 0; k++)
        if (has[main_order[k]]) main = main_order[k];
    SDL_Rect r[R_COUNT] = {none, none, none, none, none};
    const int body_h = bottom - top, gap = L.gap;
    if (main >= 0) {
        /* Least and ideal heights in label lines (the readouts': their numbers without
         * the stacked bar under them). */
        const int least[R_COUNT] = {9 * lh / 2, 11 * lh, 11 * lh, 17 * lh / 2, 9 * lh};
        const int ideal[R_COUNT] = {7 * lh, 14 * lh, 16 * lh, 9 * lh, 11 * lh};
        /* The panels the page talks about (UI_LAYOUT_NEED), each at its least height. */
        int need[R_COUNT] = {0}, need_h = 0, nneed = 0;
        for (int i = 0; i < R_COUNT; i++) {
            need[i] = has[i] && i != main && (show & UI_LAYOUT_NEED(ids[i])) != 0;
            if (need[i]) need_h += least[i] + (nneed++ ? gap : 0);
        }
        int wide = w * 2 >= body_h * 3; /* the main picture at the left, the others beside it */
        int main_h = body_h * 3 / 5 > least[main] ? body_h * 3 / 5 : least[main];
        if (main_h > ideal[main]) main_h = ideal[main]; /* the readouts as main: their numbers, the rest to the others */
        if (main_h > body_h) main_h = body_h;
        if (!wide && nneed > 0 && body_h - main_h - gap < need_h) {
            /* The main picture gives way for them, down to its least height; below that
             * they go beside it, as in a wide body. */
            main_h = body_h - gap - need_h;
            if (main_h < least[main]) wide = 1;
        }
        SDL_Rect main_r, col;
        if (wide) {
            const int main_w = (w - 3 * gap) * UI_LAYOUT_REFLOW_MAIN_PCT / 100;
            main_r = (SDL_Rect){gap, top, main_w, body_h};
            col = (SDL_Rect){2 * gap + main_w, top, w - 3 * gap - main_w, body_h};
        } else {
            main_r = (SDL_Rect){gap, top, w - 2 * gap, main_h};
            col = (SDL_Rect){gap, top + main_h + gap, w - 2 * gap, body_h - main_h - gap};
        }
        r[main] = main_r;
        /* The others in order of worth, each if its least height still fits: the ones
         * the page needs first, then the rest. */
        static const int worth[] = {R_READOUTS, R_TOP, R_PICTURE, R_HISTORY, R_BARS};
        int got[R_COUNT] = {0}, left = col.h, shown = 0;
        for (int pass = 0; pass < 2; pass++)
            for (size_t k = 0; k < sizeof worth / sizeof worth[0]; k++) {
                const int i = worth[k];
                if (i == main || !has[i] || got[i] || need[i] != !pass) continue;
                const int more = least[i] + (shown ? gap : 0);
                if (col.h <= 0 || more > left) continue;
                got[i] = least[i];
                left -= more;
                shown++;
            }
        /* Nothing fits under the main picture: it takes the whole body, no empty band. */
        if (shown == 0 && !wide) r[main].h = body_h;
        for (size_t k = 0; k < sizeof worth / sizeof worth[0] && left > 0; k++) {
            const int i = worth[k];
            if (!got[i] || ideal[i] <= got[i]) continue;
            const int add = ideal[i] - got[i] < left ? ideal[i] - got[i] : left;
            got[i] += add;
            left -= add;
        }
        for (int k = (int)(sizeof worth / sizeof worth[0]) - 1; k >= 0 && left > 0; k--)
            if (got[worth[k]]) { /* all at their best: the rest to the last one shown */
                got[worth[k]] += left;
                left = 0;
            }
        int y = col.y;
        for (size_t k = 0; k < sizeof worth / sizeof worth[0]; k++) {
            const int i = worth[k];
            if (!got[i]) continue;
            r[i] = (SDL_Rect){col.x, y, col.w, got[i]};
            y += got[i] + gap;
        }
    }
    L.readouts = r[R_READOUTS];
    L.data = own ? r[R_TOP] : none;
    L.bars = own ? r[R_BARS] : bars ? r[R_TOP] : none;
    L.landscape = landscape ? r[R_PICTURE] : none;
    L.side = side ? r[R_PICTURE] : none;
    L.history = r[R_HISTORY];
    L.strip = none;
    return L;
}

ui_layout ui_layout_compute(int w, int h, float s, const ui_text *text, unsigned show)
{
    if (!(show & UI_SHOW_RENYI)) {
        ui_layout L = compute(w, h, s, text, show);
        L.renyi = (SDL_Rect){0, 0, 0, 0};
        return L;
    }
    return renyi_in_history(compute(w, h, s, text, show | UI_SHOW_HISTORY));
}

static ui_layout compute(int w, int h, float s, const ui_text *text, unsigned show)
{
    if ((show & UI_LAYOUT_UPRIGHT) && h > w) return portrait(w, h, s, text, show);
    ui_layout L = {.gap = 0}; /* every rectangle it does not set is empty */
    SDL_Rect none = {0, 0, 0, 0};
    L.gap = (int)(8.0f * s + 0.5f);
    if (L.gap < 4) L.gap = 4;
    L.pad = (int)(10.0f * s + 0.5f);
    if (L.pad < 5) L.pad = 5;

    int status_h = ui_text_line_height(text, UI_FONT_STATUS) + L.gap * 2;
    int hints_h = show & UI_SHOW_HINTS ? ui_text_line_height(text, UI_FONT_TICK) + L.gap * 2 : 0;
    L.status = (SDL_Rect){0, 0, w, status_h};
    L.hints = (SDL_Rect){0, h - hints_h, w, hints_h};
    L.controls = none;

    int top = status_h + L.gap;
    int bottom = h - hints_h - L.gap;
    int body_h = bottom - top;
    /* Type too large for the two columns (the zoom past 1.3): the reflow's arrangement. */
    const int lh = ui_text_line_height(text, UI_FONT_LABEL);
    if (lh > 0 && body_h < UI_LAYOUT_REFLOW_LINES * lh) return reflow(L, w, top, bottom, lh, show);
    int left_w = (w - 3 * L.gap) * UI_LAYOUT_LEFT_PCT / 100;
    int right_w = w - 3 * L.gap - left_w;
    SDL_Rect left = {L.gap, top, left_w, body_h}, right = {2 * L.gap + left_w, top, right_w, body_h};

    int own = (show & UI_SHOW_DATA) != 0, bars = (show & UI_SHOW_BARS) != 0;
    /* Top left: the scenario's own panel, else the bars; the readouts under it. */
    SDL_Rect top_left;
    stack(left, L.gap, UI_LAYOUT_BARS_PCT, &top_left, own || bars, &L.readouts, (show & UI_SHOW_READOUTS) != 0);
    L.data = own ? top_left : none;
    L.bars = !own && bars ? top_left : none;
    /* Right: the landscape over the bottom row, which holds the history, and the bars
     * beside it when the own panel took their place. */
    SDL_Rect row;
    int landscape = (show & UI_SHOW_LANDSCAPE) != 0;
    int side = !landscape && (show & UI_SHOW_SIDE) != 0;
    SDL_Rect right_top;
    stack(right, L.gap, UI_LAYOUT_LANDSCAPE_PCT, &right_top, landscape || side, &row,
          (show & UI_SHOW_HISTORY) || (own && bars));
    /* Larger type (the zoom, Ctrl +) takes the history's title, legend and ticks out of
     * the same row: it grows, from the picture above, so its plot keeps about three
     * lines of height; the picture keeps at least half the column. */
    if ((landscape || side) && ((show & UI_SHOW_HISTORY) || (own && bars))) {
        const int need = 9 * ui_text_line_height(text, UI_FONT_LABEL) + 2 * L.gap;
        const int most = (right.h - L.gap) / 2;
        const int grow = (need < most ? need : most) - row.h;
        if (grow > 0) {
            right_top.h -= grow;
            row.y -= grow;
            row.h += grow;
        }
    }
    L.landscape = landscape ? right_top : none;
    L.side = side ? right_top : none;
    L.history = (show & UI_SHOW_HISTORY) ? row : none;
    if (own && bars) {
        if (show & UI_SHOW_HISTORY) {
            int bars_w = (row.w - L.gap) * 40 / 100;
            L.bars = (SDL_Rect){row.x, row.y, bars_w, row.h};
            L.history = (SDL_Rect){row.x + bars_w + L.gap, row.y, row.w - bars_w - L.gap, row.h};
        } else {
            L.bars = row;
        }
    }
    L.strip = none;
    return L;
}

static const char *const panel_names[UI_PANEL_COUNT] = {"off", "bars", "readouts", "landscape", "history", "data",
                                                        "side", "renyi"};

const char *ui_panel_name(int id)
{
    return id >= 0 && id < UI_PANEL_COUNT ? panel_names[id] : "off";
}

int ui_panel_find(const char *name)
{
    if (!name || !name[0]) return UI_PANEL_NONE;
    for (int i = 0; i < UI_PANEL_COUNT; i++)
        if (strcmp(name, panel_names[i]) == 0) return i;
    return -1;
}

unsigned ui_panel_show_bit(int id)
{
    static const unsigned bits[UI_PANEL_COUNT] = {0u, UI_SHOW_BARS, UI_SHOW_READOUTS, UI_SHOW_LANDSCAPE,
                                                  UI_SHOW_HISTORY, UI_SHOW_DATA, UI_SHOW_SIDE, UI_SHOW_RENYI};
    return id > 0 && id < UI_PANEL_COUNT ? bits[id] : 0u;
}

SDL_Rect *ui_layout_panel(ui_layout *L, int id)
{
    switch (id) {
    case UI_PANEL_BARS: return &L->bars;
    case UI_PANEL_READOUTS: return &L->readouts;
    case UI_PANEL_LANDSCAPE: return &L->landscape;
    case UI_PANEL_HISTORY: return &L->history;
    case UI_PANEL_DATA: return &L->data;
    case UI_PANEL_SIDE: return &L->side;
    case UI_PANEL_RENYI: return &L->renyi;
    default: return NULL;
    }
}

ui_layout ui_layout_focus(const ui_layout *dash, int w, const ui_text *text, unsigned show, int focus)
{
    ui_layout L = *dash;
    const unsigned bit = ui_panel_show_bit(focus);
    /* A panel the reflow folded away (no room in the dashboard) may still be focused. */
    if (!bit || !(show & bit)) return L;
    const SDL_Rect none = {0, 0, 0, 0};
    /* The body the dashboard shares out: between the status bar and the control strip
     * or, without one, the hints. */
    const int top = L.status.y + L.status.h + L.gap, bottom = (L.controls.h > 0 ? L.controls.y : L.hints.y) - L.gap;
    SDL_Rect body = {L.gap, top, w - 2 * L.gap, bottom - top};
    /* The live numbers need one label line; the readouts focused show them already. A
     * credit (UI_LAYOUT_CREDIT) takes a line of its own. */
    const int lines = (focus != UI_PANEL_READOUTS) + ((show & UI_LAYOUT_CREDIT) != 0 && focus != UI_PANEL_DATA);
    if (lines > 0 && (show & ~bit & ~(unsigned)UI_LAYOUT_CREDIT & ~UI_LAYOUT_MAIN(15))) {
        const int strip_h = lines * ui_text_line_height(text, UI_FONT_LABEL) + L.pad;
        L.strip = (SDL_Rect){body.x, body.y + body.h - strip_h, body.w, strip_h};
        body.h -= strip_h + L.gap;
    }
    for (int id = 1; id < UI_PANEL_COUNT; id++) *ui_layout_panel(&L, id) = id == focus ? body : none;
    return L;
}

float ui_ease(float t)
{
    if (!(t > 0.0f)) return 0.0f; /* NaN too */
    if (t >= 1.0f) return 1.0f;
    return t * t * (3.0f - 2.0f * t);
}

static int mix(int a, int b, float t)
{
    return a + (int)lroundf((float)(b - a) * t);
}

/* A rectangle that is not there, as a line of no height where it comes from or goes to. */
static SDL_Rect collapsed(SDL_Rect seen, SDL_Rect strip)
{
    if (strip.w > 0) return (SDL_Rect){seen.x, strip.y + strip.h / 2, seen.w, 0};
    return (SDL_Rect){seen.x, seen.y, seen.w, 0};
}

static SDL_Rect between(SDL_Rect a, SDL_Rect b, SDL_Rect strip_a, SDL_Rect strip_b, float t)
{
    const int has_a = a.w > 0 && a.h > 0, has_b = b.w > 0 && b.h > 0;
    if (!has_a && !has_b) return (SDL_Rect){0, 0, 0, 0};
    if (!has_a) a = collapsed(b, strip_a);
    if (!has_b) b = collapsed(a, strip_b);
    return (SDL_Rect){mix(a.x, b.x, t), mix(a.y, b.y, t), mix(a.w, b.w, t), mix(a.h, b.h, t)};
}

ui_layout ui_layout_between(const ui_layout *a, const ui_layout *b, float t)
{
    if (t <= 0.0f) return *a;
    if (t >= 1.0f) return *b;
    ui_layout L = *b;
    ui_layout A = *a, B = *b;
    for (int id = 1; id < UI_PANEL_COUNT; id++)
        *ui_layout_panel(&L, id) =
            between(*ui_layout_panel(&A, id), *ui_layout_panel(&B, id), a->strip, b->strip, t);
    /* The strip comes and goes with the focus: it slides with the panels. */
    L.strip = between(a->strip, b->strip, a->strip, b->strip, t);
    return L;
}

ui_layout ui_layout_with_strip(int w, int h, float s, const ui_text *text, unsigned show, int strip_h)
{
    if (strip_h <= 0) return ui_layout_compute(w, h, s, text, show);
    ui_layout L = ui_layout_compute(w, h - strip_h, s, text, show);
    L.hints.y += strip_h;
    L.controls = (SDL_Rect){0, L.hints.y - strip_h, w, strip_h};
    return L;
}

int ui_boxes_touch(SDL_Rect a, SDL_Rect b, int gap)
{
    return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h && b.y < a.y + a.h;
}

int ui_claim(ui_claims *claims, SDL_Rect box, SDL_Rect inside, int gap)
{
    if (box.x < inside.x || box.y < inside.y || box.x + box.w > inside.x + inside.w ||
        box.y + box.h > inside.y + inside.h)
        return 0;
    for (int i = 0; i < claims->n; i++)
        if (ui_boxes_touch(box, claims->box[i], gap)) return 0;
    if (claims->n < UI_CLAIMS_MAX) claims->box[claims->n++] = box;
    return 1;
}

int ui_segment_hits_rect(float x0, float y0, float x1, float y1, SDL_Rect rect)
{
    /* Liang-Barsky against the closed box. */
    double t0 = 0.0, t1 = 1.0;
    int e0 = -1, e1 = -1;
    return ui_draw_clip_span(x0, y0, (double)x1 - x0, (double)y1 - y0, rect.x, rect.y, rect.x + rect.w,
                             rect.y + rect.h, &t0, &t1, &e0, &e1) &&
           t0 <= t1;
}

static int inside(SDL_Rect r, SDL_Rect bounds)
{
    return r.x >= bounds.x && r.y >= bounds.y && r.x + r.w <= bounds.x + bounds.w &&
           r.y + r.h <= bounds.y + bounds.h;
}

static int clear_of(SDL_Rect r, const ui_obstacles *obs)
{
    if (!obs) return 1;
    for (int i = 0; i < obs->nboxes; i++)
        if (SDL_HasIntersection(&r, &obs->boxes[i])) return 0;
    if (obs->npath == 1) {
        SDL_Point p = {(int)lroundf(obs->path[0].x), (int)lroundf(obs->path[0].y)};
        if (SDL_PointInRect(&p, &r)) return 0;
    }
    for (int i = 1; i < obs->npath; i++)
        if (ui_segment_hits_rect(obs->path[i - 1].x, obs->path[i - 1].y, obs->path[i].x,
                                 obs->path[i].y, r))
            return 0;
    return 1;
}

int ui_label_place(SDL_Rect anchor, int w, int h, int gap, SDL_Rect bounds,
                   const ui_obstacles *obs, SDL_Rect *out)
{
    /* Directions: right, left, above, below, then the diagonals. */
    static const int dir[8][2] = {{1, 0}, {-1, 0}, {0, -1}, {0, 1},
                                  {1, -1}, {-1, -1}, {1, 1}, {-1, 1}};
    int cx = anchor.x + anchor.w / 2, cy = anchor.y + anchor.h / 2;
    int first_inside = -1;
    SDL_Rect first = {0, 0, w, h};
    for (int c = 0; c < 20; c++) {
        int ring = c < 4 ? 1 : c < 12 ? 2 : 4;
        const int *d = dir[c < 4 ? c : (c - 4) % 8];
        int gx = ring > 1 ? ring * (gap + h) : gap; /* far rings step out by lines of text */
        SDL_Rect r = {0, 0, w, h};
        /* Horizontal: beside the mark's box; vertical: centred on it, and vice versa. */
        if (d[0] > 0) r.x = anchor.x + anchor.w + gx;
        else if (d[0] < 0) r.x = anchor.x - gx - w;
        else r.x = cx - w / 2;
        if (d[1] > 0) r.y = anchor.y + anchor.h + gx;
        else if (d[1] < 0) r.y = anchor.y - gx - h;
        else r.y = cy - h / 2;
        if (!inside(r, bounds)) continue;
        if (first_inside < 0) {
            first_inside = c;
            first = r;
        }
        if (clear_of(r, obs)) {
            *out = r;
            return c;
        }
    }
    if (first_inside < 0) {
        first = (SDL_Rect){anchor.x + anchor.w + gap, cy - h / 2, w, h};
        if (first.x + w > bounds.x + bounds.w) first.x = bounds.x + bounds.w - w;
        if (first.x < bounds.x) first.x = bounds.x;
        if (first.y + h > bounds.y + bounds.h) first.y = bounds.y + bounds.h - h;
        if (first.y < bounds.y) first.y = bounds.y;
    }
    *out = first;
    return -1;
}
