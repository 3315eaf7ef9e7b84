/* ui_landscape: the loss over the slice of two logits as a viridis heatmap (low loss
 * dark), contour lines, a colour bar, the trajectory of gradient descent, its start,
 * the current point and the minimum of the slice.
 *
 * The grid comes from the core; this panel paints it once per grid (and size) into a
 * texture of the map's on-screen size, contours included, and copies that 1:1 every
 * frame. Contour levels crowd toward the minimum (quadratic spacing) because that is
 * where the bowl's shape matters. */
#include "ui_panels.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_colormap.h"
#include "ui_draw.h"

enum { CONTOUR_LEVELS = 9 };

struct ui_landscape_panel {
    SDL_Renderer *r;
    SDL_Texture *heat;       /* side x side, drawn 1:1 */
    int side;
    Uint32 *pixels;          /* side*side colours, row 0 at the top (y = hi) */
    SDL_Texture *colorbar;   /* 1 x 256 viridis, top = high */
    unsigned long generation;
    int valid;
};

ui_landscape_panel *ui_landscape_panel_create(SDL_Renderer *renderer)
{
    ui_landscape_panel *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->r = renderer;
    Uint32 ramp[256];
    for (int i = 0; i < 256; i++) ramp[i] = ui_viridis_table()[255 - i];
    p->colorbar = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, 1, 256);
    if (!p->colorbar) {
        free(p);
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
    free(p->pixels);
    free(p);
}

/* Paint the heatmap at its on-screen size. Each pixel samples the grid bilinearly;
 * a pixel whose contour band (how many levels lie below its value) differs from its
 * right or lower neighbour's lies on a contour and is lightened. One pass, no line
 * drawing, and a 1:1 copy to the screen afterwards. Returns 0, or -1 without memory. */
static int rebuild(ui_landscape_panel *p, const xl_landscape *ls, int side, SDL_Color contour)
{
    if (side != p->side || !p->heat) {
        if (p->heat) SDL_DestroyTexture(p->heat);
        free(p->pixels);
        p->pixels = malloc(sizeof(Uint32) * (size_t)side * (size_t)side);
        p->heat = SDL_CreateTexture(p->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, side, side);
        if (!p->pixels || !p->heat) {
            p->side = 0;
            return -1;
        }
        p->side = side;
    }
    const int g = xl_landscape_size(ls);
    const double *v = xl_landscape_values(ls);
    const double lo = xl_landscape_min(ls), hi = xl_landscape_max(ls);
    const double inv = hi > lo ? 1.0 / (hi - lo) : 0.0;
    const Uint32 *lut = ui_viridis_table();
    double levels[CONTOUR_LEVELS];
    for (int k = 0; k < CONTOUR_LEVELS; k++) {
        double t = (double)(k + 1) / (CONTOUR_LEVELS + 1);
        levels[k] = t * t; /* in normalized units, crowding toward the minimum */
    }
    const double step = (double)(g - 1) / side;
    /* Two rows of contour bands: this one and the one above it on screen. */
    unsigned char band_row[2][4096];
    const int cols = side < 4096 ? side : 4096;
    const unsigned ca = contour.a;
    for (int py = 0; py < side; py++) {
        double gy = (side - 1 - py + 0.5) * step; /* screen row 0 is the top: y = hi */
        int j = (int)gy;
        if (j > g - 2) j = g - 2;
        double fy = gy - j;
        const double *r0 = v + (size_t)j * g, *r1 = r0 + g;
        Uint32 *out = p->pixels + (size_t)py * side;
        unsigned char *band = band_row[py & 1], *above = band_row[(py + 1) & 1];
        for (int px = 0; px < cols; px++) {
            double gx = (px + 0.5) * step;
            int i = (int)gx;
            if (i > g - 2) i = g - 2;
            double fx = gx - i;
            double top = r0[i] + (r0[i + 1] - r0[i]) * fx;
            double bot = r1[i] + (r1[i + 1] - r1[i]) * fx;
            double t = (top + (bot - top) * fy - lo) * inv;
            int idx = (int)(t * 255.0 + 0.5);
            Uint32 c = lut[idx < 0 ? 0 : idx > 255 ? 255 : idx];
            unsigned char b = 0;
            while (b < CONTOUR_LEVELS && t > levels[b]) b++;
            band[px] = b;
            if ((px > 0 && band[px - 1] != b) || (py > 0 && above[px] != b)) {
                /* Blend toward the contour colour by its alpha. */
                unsigned cr = (c >> 16) & 255, cg = (c >> 8) & 255, cb = c & 255;
                cr += ((contour.r - cr) * ca) >> 8;
                cg += ((contour.g - cg) * ca) >> 8;
                cb += ((contour.b - cb) * ca) >> 8;
                c = 0xFF000000u | (cr << 16) | (cg << 8) | cb;
            }
            out[px] = c;
        }
    }
    SDL_UpdateTexture(p->heat, NULL, p->pixels, side * (int)sizeof(Uint32));
    p->generation = xl_landscape_generation(ls);
    p->valid = 1;
    return 0;
}

/* "z₁₂" for class index 11. */
static void subscript(char *buf, size_t n, int k)
{
    static const char *const digits[10] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
    char num[12];
    snprintf(num, sizeof num, "%d", k);
    size_t used = 0;
    buf[0] = '\0';
    for (const char *d = num; *d && used + 4 < n; d++) {
        size_t len = strlen(digits[*d - '0']);
        memcpy(buf + used, digits[*d - '0'], len);
        used += len;
        buf[used] = '\0';
    }
}

/* The map's symbols, each on a small dark tile so white marks read on any theme. */
static void legend(const ui_ctx *ctx, int x, int y, int room)
{
    static const char *const labels[] = {"now", "start", "descent path", "minimum", "equal loss"};
    const ui_theme *th = ctx->theme;
    int lh = ui_text_line_height(ctx->text, UI_FONT_TICK);
    int tile = lh + 2;
    int widest = 0;
    for (int i = 0; i < 5; i++) {
        int w = ui_text_width(ctx->text, UI_FONT_TICK, labels[i]);
        if (w > widest) widest = w;
    }
    if (tile + ctx->pad / 2 + widest > room) return;
    Uint32 dark = ui_viridis(0.15);
    SDL_Color bg = {(Uint8)(dark >> 16), (Uint8)(dark >> 8), (Uint8)dark, 255};
    SDL_Color white = {255, 255, 255, 255}, black = {0, 0, 0, 255};
    float tw = ui_lw(ctx, 1.5f);
    for (int i = 0; i < 5; i++) {
        int ty = y + i * (tile + lh / 2);
        SDL_Rect t = {x, ty, tile, tile};
        float cx = x + tile / 2.0f, cy = ty + tile / 2.0f, r = tile * 0.3f;
        ui_draw_fill(ctx->r, t, bg);
        switch (i) {
        case 0:
            ui_draw_disc(ctx->r, cx, cy, r + 1.5f, black);
            ui_draw_disc(ctx->r, cx, cy, r, th->select);
            break;
        case 1: ui_draw_ring(ctx->r, cx, cy, r + 1, tw + 1, th->trajectory); break;
        case 2: ui_draw_line(ctx->r, x + 2.0f, cy, x + tile - 2.0f, cy, tw, th->trajectory); break;
        case 3: ui_draw_cross(ctx->r, cx, cy, r, ui_lw(ctx, 1.5f), white); break;
        default:
            SDL_SetRenderDrawBlendMode(ctx->r, SDL_BLENDMODE_BLEND);
            SDL_SetRenderDrawColor(ctx->r, th->contour.r, th->contour.g, th->contour.b, 200);
            SDL_RenderDrawLineF(ctx->r, x + 1.0f, cy + r, x + tile - 1.0f, cy - r);
            break;
        }
        ui_text_draw(ctx->text, UI_FONT_TICK, x + tile + ctx->pad / 2, ty + 1, UI_ALIGN_LEFT,
                     th->text_dim, labels[i]);
    }
}

void ui_landscape_draw(ui_landscape_panel *p, const ui_ctx *ctx, SDL_Rect area,
                       xl_session *s, ui_landscape_geom *geom)
{
    const ui_theme *th = ctx->theme;
    const xl_classifier *c = xl_session_classifier(s);
    const xl_sim *sim = xl_session_sim(s);
    const double k = xl_unit_scale(ctx->unit);
    int a, b;
    xl_session_slice(s, &a, &b);
    char sa[16], sb[16], buf[192], xt[96], yt[96];
    subscript(sa, sizeof sa, a + 1);
    subscript(sb, sizeof sb, b + 1);
    snprintf(xt, sizeof xt, "z%s %s", sa, c->names[a]);
    snprintf(yt, sizeof yt, "z%s %s", sb, c->names[b]);

    snprintf(buf, sizeof buf, "H(P, softmax(z)) over z%s, z%s%s", sa, sb,
             c->n > 2 ? "   (Tab: other pair)" : "");
    SDL_Rect in = ui_panel_begin(ctx, area, "LOSS LANDSCAPE", buf);

    const xl_landscape *ls = xl_session_landscape(s);
    double lo = xl_landscape_lo(ls), hi = xl_landscape_hi(ls);
    double vmin = xl_landscape_min(ls), vmax = xl_landscape_max(ls);

    /* Where the minimum of the slice is. It exists inside the view, or the two classes
     * hold all of P (p_a + p_b = 1, as for N = 2) so the loss depends only on z_a - z_b
     * and the valley is the line z_a - z_b = ln(p_a / p_b), or the loss keeps falling
     * beyond the view (a class with p = 1 or p = 0 wants its logit at infinity). */
    double mx, my, d = 0.0;
    int has_min = xl_landscape_classifier_minimum(c, xl_sim_theta(sim), a, b, &mx, &my) &&
                  mx >= lo && mx <= hi && my >= lo && my <= hi;
    int valley = !has_min && xl_landscape_classifier_valley(c, a, b, &d);
    const char *note;
    if (valley && c->n == 2) note = "N = 2: only z₁ − z₂ matters, so every point on the dashed valley is a minimum";
    else if (valley) note = "the other classes have p = 0: only the difference of these logits matters";
    else if (!has_min) note = "no minimum in view: the loss keeps falling toward the edge (some p is 0 or 1)";
    else if (c->n == 3) note = "N = 3: softmax ignores a common shift of z, so this slice is the whole landscape";
    else note = "the other logits stay at their current values";
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    ui_text_draw(ctx->text, UI_FONT_TICK, in.x, in.y, UI_ALIGN_LEFT, th->text_dim, note);

    /* Square map; y title above it, x ticks and title below, colour bar at the right. */
    int tick_w = ui_text_width(ctx->text, UI_FONT_TICK, "−10") + ctx->pad / 2;
    int cbar_w = (int)(14 * ctx->scale);
    int cbar_label_w = ui_text_width(ctx->text, UI_FONT_TICK, "10.0") + ctx->pad;
    int top = in.y + tick_h + lh + ctx->pad / 2;
    int bottom_room = tick_h + lh + ctx->pad / 2;
    int side_h = in.y + in.h - top - bottom_room;
    int side_w = in.w - tick_w - ctx->pad - cbar_w - cbar_label_w - ctx->pad;
    int side = side_h < side_w ? side_h : side_w;
    if (side < 40) return;
    SDL_Rect map = {in.x + tick_w + ctx->pad / 2, top, side, side};

    if (!p->valid || xl_landscape_generation(ls) != p->generation || p->side != side)
        if (rebuild(p, ls, side, th->contour) != 0) return;
    SDL_RenderCopy(ctx->r, p->heat, NULL, &map);

    /* Value -> pixel: lo at the map's left (bottom) edge, hi at its right (top) edge. */
    const double px_per = side / (hi - lo);
#define MAPX(v) ((float)(map.x + ((v) - lo) * px_per))
#define MAPY(v) ((float)(map.y + map.h - ((v) - lo) * px_per))

    /* Axes and ticks. */
    float lw = ui_lw(ctx, 1.0f);
    ui_draw_frame(ctx->r, (SDL_Rect){map.x - 1, map.y - 1, map.w + 2, map.h + 2}, 1, th->axis);
    double step = ui_nice_step(lo, hi, side / (tick_h * 3) + 1);
    for (double v = ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
        float x = MAPX(v), y = MAPY(v);
        ui_format_tick(buf, sizeof buf, v, step);
        ui_draw_line(ctx->r, x, map.y + map.h, x, map.y + map.h + ctx->pad / 3.0f, lw, th->axis);
        ui_text_draw(ctx->text, UI_FONT_TICK, (int)x, map.y + map.h + ctx->pad / 3, UI_ALIGN_CENTER,
                     th->text_dim, buf);
        ui_draw_line(ctx->r, map.x - ctx->pad / 3.0f, y, map.x, y, lw, th->axis);
        ui_text_draw(ctx->text, UI_FONT_TICK, map.x - ctx->pad / 2, (int)(y - tick_h / 2.0f),
                     UI_ALIGN_RIGHT, th->text_dim, buf);
    }
    ui_text_draw(ctx->text, UI_FONT_LABEL, map.x + map.w / 2, map.y + map.h + tick_h + ctx->pad / 3,
                 UI_ALIGN_CENTER, th->text, xt);
    ui_text_draw(ctx->text, UI_FONT_LABEL, map.x - tick_w, map.y - lh - ctx->pad / 4, UI_ALIGN_LEFT,
                 th->text, yt);

    /* Colour bar with its own ticks, in the display unit. */
    SDL_Rect cbar = {map.x + map.w + ctx->pad, map.y, cbar_w, map.h};
    SDL_RenderCopy(ctx->r, p->colorbar, NULL, &cbar);
    ui_draw_frame(ctx->r, (SDL_Rect){cbar.x - 1, cbar.y - 1, cbar.w + 2, cbar.h + 2}, 1, th->axis);
    if (vmax > vmin) {
        double dlo = vmin * k, dhi = vmax * k;
        double cstep = ui_nice_step(dlo, dhi, side / (tick_h * 3) + 1);
        for (double v = ceil(dlo / cstep) * cstep; v <= dhi + 1e-9; v += cstep) {
            float y = cbar.y + cbar.h - (float)((v - dlo) / (dhi - dlo) * cbar.h);
            ui_draw_line(ctx->r, cbar.x + cbar.w, y, cbar.x + cbar.w + ctx->pad / 3.0f, y, lw, th->axis);
            ui_format_tick(buf, sizeof buf, v, cstep);
            ui_text_draw(ctx->text, UI_FONT_TICK, cbar.x + cbar.w + ctx->pad / 2, (int)(y - tick_h / 2.0f),
                         UI_ALIGN_LEFT, th->text_dim, buf);
        }
    }
    snprintf(buf, sizeof buf, "H(P,Q) %s", xl_unit_name(ctx->unit));
    ui_text_draw(ctx->text, UI_FONT_TICK, cbar.x + cbar.w, map.y - tick_h - ctx->pad / 4, UI_ALIGN_RIGHT,
                 th->text_dim, buf);

    int legend_x = cbar.x + cbar.w + cbar_label_w + ctx->pad;
    legend(ctx, legend_x, map.y, in.x + in.w - legend_x);

    /* Everything on the map is clipped to it. */
    SDL_RenderSetClipRect(ctx->r, &map);

    /* Mark the minimum, the valley, or the lowest cell in view. */
    SDL_Color white = {255, 255, 255, 255}, black = {0, 0, 0, 255};
    float msize = 6.0f * ctx->scale;
    if (valley) {
        /* y = x - d over the view. */
        double x0 = fmax(lo, lo + d), x1 = fmin(hi, hi + d);
        if (x1 > x0) {
            ui_draw_dashed(ctx->r, MAPX(x0), MAPY(x0 - d), MAPX(x1), MAPY(x1 - d), ui_lw(ctx, 1.5f) + 2,
                           9.0f * ctx->scale, 6.0f * ctx->scale, black);
            ui_draw_dashed(ctx->r, MAPX(x0), MAPY(x0 - d), MAPX(x1), MAPY(x1 - d), ui_lw(ctx, 1.5f),
                           9.0f * ctx->scale, 6.0f * ctx->scale, white);
            double lx = x0 + (x1 - x0) * 0.3;
            ui_text_draw(ctx->text, UI_FONT_TICK, (int)MAPX(lx) + ctx->pad, (int)MAPY(lx - d), UI_ALIGN_LEFT,
                         white, "valley");
        }
        mx = my = NAN;
    } else {
        if (!has_min) {
            int gi, gj;
            xl_landscape_argmin(ls, &gi, &gj);
            int g = xl_landscape_size(ls);
            mx = lo + (hi - lo) * gi / (g - 1);
            my = lo + (hi - lo) * gj / (g - 1);
        }
        ui_draw_cross(ctx->r, MAPX(mx), MAPY(my), msize + 1, ui_lw(ctx, 1.5f) + 2, black);
        ui_draw_cross(ctx->r, MAPX(mx), MAPY(my), msize, ui_lw(ctx, 1.5f), white);
        const char *mlabel = has_min ? "minimum" : "lowest in view";
        int mlw = ui_text_width(ctx->text, UI_FONT_TICK, mlabel);
        int mlx = (int)MAPX(mx) + (int)msize + 3;
        if (mlx + mlw > map.x + map.w) mlx = (int)MAPX(mx) - (int)msize - 3 - mlw;
        if (mlx < map.x + 2) mlx = map.x + 2;
        if (mlx + mlw > map.x + map.w - 2) mlx = map.x + map.w - 2 - mlw;
        int mly = (int)MAPY(my) - tick_h - 2;
        if (mly < map.y) mly = (int)MAPY(my) + 4;
        if (mly + tick_h > map.y + map.h) mly = map.y + map.h - tick_h - 2;
        ui_text_draw(ctx->text, UI_FONT_TICK, mlx, mly, UI_ALIGN_LEFT, white, mlabel);
    }

    /* Trajectory: a white path with a dark edge so it reads on every colour. */
    int count = xl_sim_history_count(sim);
    float tw = ui_lw(ctx, 1.5f);
    SDL_Color edge = {0, 0, 0, 160};
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 1; i < count; i++) {
            const double *t0 = xl_sim_history_theta(sim, i - 1), *t1 = xl_sim_history_theta(sim, i);
            ui_draw_line(ctx->r, MAPX(t0[a]), MAPY(t0[b]), MAPX(t1[a]), MAPY(t1[b]),
                         pass == 0 ? tw + 2.0f : tw, pass == 0 ? edge : th->trajectory);
        }
    }
    int every = count / 24 + 1;
    for (int i = 0; i < count - 1; i += every) {
        const double *t = xl_sim_history_theta(sim, i);
        ui_draw_disc(ctx->r, MAPX(t[a]), MAPY(t[b]), tw * 1.3f, th->trajectory);
    }
    const double *z0 = xl_sim_theta0(sim);
    ui_draw_ring(ctx->r, MAPX(z0[a]), MAPY(z0[b]), 5.0f * ctx->scale + 1, tw + 1, th->trajectory);

    const double *z = xl_sim_theta(sim);
    float cx = MAPX(z[a]), cy = MAPY(z[b]);
    float rad = 6.0f * ctx->scale;
    ui_draw_disc(ctx->r, cx, cy, rad + ui_lw(ctx, 1.0f) + 1, (SDL_Color){0, 0, 0, 255});
    ui_draw_disc(ctx->r, cx, cy, rad, th->select);
    SDL_RenderSetClipRect(ctx->r, NULL);

    if (geom) {
        geom->map = map;
        geom->lo = lo;
        geom->hi = hi;
        geom->current_x = cx;
        geom->current_y = cy;
        geom->has_minimum = has_min;  /* minimum_x/y are NaN for a valley */
        geom->minimum_x = MAPX(mx);
        geom->minimum_y = MAPY(my);
    }
#undef MAPX
#undef MAPY
}
