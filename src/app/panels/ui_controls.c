/* ui_controls: the control strip (see ui_controls.h).
 *
 * The strip is a row of groups: the time buttons (play/pause, step, reset), speed and
 * learning rate as [−] value [+], the optimizer (a button showing the one in use), and
 * the scenario as [◀] name [▶] (its id; the status bar has its title). Each button carries an icon, a short label where there
 * is room, and its key in a small keycap. When the row does not fit, labels go first,
 * then the keycaps, then the scenario's name is cut: buttons never shrink below their
 * fingertip size, and never lose their icon. */
#include "ui_controls.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_lang.h"

int ui_controls_shown(int mode, int in_lesson, int page_asks)
{
    if (mode == UI_CONTROLS_ON) return 1;
    if (mode == UI_CONTROLS_OFF) return 0;
    return in_lesson ? page_asks != 0 : 1;
}

int ui_controls_toggled(int mode, int in_lesson, int page_asks)
{
    return ui_controls_shown(mode, in_lesson, page_asks) ? UI_CONTROLS_OFF : UI_CONTROLS_ON;
}

/* Button side: 48 px at 1280x720, at least 44 window points. */
static int button_side(const ui_text *text, float scale, float px_per_point)
{
    const float ratio = px_per_point > 0.0f ? px_per_point : 1.0f;
    int side = (int)lroundf(48.0f * scale);
    const int finger = (int)ceilf(44.0f * ratio);
    const int type = ui_text_line_height(text, UI_FONT_LABEL) * 3 / 2;
    if (side < finger) side = finger;
    if (side < type) side = type;
    return side;
}

int ui_controls_height(const ui_text *text, float scale, float px_per_point)
{
    const int side = button_side(text, scale, px_per_point);
    return side + 2 * (side / 10); /* a margin above and below */
}

/* The button side a strip area.h high was made for (ui_controls_height's inverse). */
static int side_for(int strip_h)
{
    int side = strip_h * 10 / 12;
    while (side + 1 + 2 * ((side + 1) / 10) <= strip_h) side++;
    return side;
}

typedef enum icon {
    ICON_PLAY = 0, ICON_PAUSE, ICON_STEP, ICON_RESET, ICON_MINUS, ICON_PLUS, ICON_NEXT, ICON_PREV, ICON_CYCLE
} icon;

/* One item of the row: a button (kind != NONE) or a caption (text only). Its width is
 * that of the widest text it can show (wide, wide_short), not of the text it shows now,
 * so no button moves under a finger when a number or a name changes. */
typedef struct item {
    xl_command_kind kind;  /* XL_CMD_NONE: a caption */
    icon ic;
    char label[64];        /* a button's short label, or the caption */
    char label_short[64];  /* with less room */
    const char *wide, *wide_short; /* the widest each can be; NULL: as wide as it is */
    int group;             /* items of one group sit close; groups apart */
    int idle;              /* the scenario has nothing for it to do: drawn dim (the click still
                            * sends the command, which the session refuses with its reason) */
} item;

/* A triangle filled row by row (1-pixel rectangles: no geometry buffers to allocate). */
static void fill_triangle(SDL_Renderer *r, float x0, float y0, float x1, float y1, float x2, float y2, SDL_Color c)
{
    const float xs[3] = {x0, x1, x2}, ys[3] = {y0, y1, y2};
    float top = fminf(y0, fminf(y1, y2)), bottom = fmaxf(y0, fmaxf(y1, y2));
    for (int y = (int)ceilf(top - 0.5f); (float)y + 0.5f <= bottom; y++) {
        const float yc = (float)y + 0.5f;
        float lo = 1e9f, hi = -1e9f;
        for (int e = 0; e < 3; e++) {
            const float ax = xs[e], ay = ys[e], bx = xs[(e + 1) % 3], by = ys[(e + 1) % 3];
            if ((yc < ay && yc < by) || (yc > ay && yc > by) || ay == by) continue;
            const float x = ax + (bx - ax) * (yc - ay) / (by - ay);
            lo = fminf(lo, x);
            hi = fmaxf(hi, x);
        }
        if (hi < lo) continue;
        SDL_Rect row = {(int)lroundf(lo), y, (int)lroundf(hi) - (int)lroundf(lo), 1};
        if (row.w > 0) ui_draw_fill(r, row, c);
    }
}

/* The icon ic in a box of side d centred on (cx, cy). */
static void draw_icon(const ui_ctx *ctx, icon ic, float cx, float cy, float d, SDL_Color c)
{
    SDL_Renderer *r = ctx->r;
    const float h = d / 2.0f, lw = fmaxf(2.0f, d / 8.0f);
    switch (ic) {
    case ICON_PLAY: fill_triangle(r, cx - h * 0.7f, cy - h, cx - h * 0.7f, cy + h, cx + h, cy, c); break;
    case ICON_PAUSE:
        ui_draw_fill(r, (SDL_Rect){(int)lroundf(cx - h * 0.8f), (int)lroundf(cy - h), (int)lroundf(h * 0.6f),
                                   (int)lroundf(d)}, c);
        ui_draw_fill(r, (SDL_Rect){(int)lroundf(cx + h * 0.2f), (int)lroundf(cy - h), (int)lroundf(h * 0.6f),
                                   (int)lroundf(d)}, c);
        break;
    case ICON_STEP: /* ▶| */
        fill_triangle(r, cx - h, cy - h, cx - h, cy + h, cx + h * 0.45f, cy, c);
        ui_draw_fill(r, (SDL_Rect){(int)lroundf(cx + h * 0.55f), (int)lroundf(cy - h), (int)lroundf(lw),
                                   (int)lroundf(d)}, c);
        break;
    case ICON_RESET: { /* a circular arrow: an arc of 300° and its head */
        const float rad = h * 0.8f, a0 = -1.2f, a1 = 4.1f;
        const int n = 24;
        for (int i = 0; i < n; i++) {
            const float t0 = a0 + (a1 - a0) * (float)i / n, t1 = a0 + (a1 - a0) * (float)(i + 1) / n;
            ui_draw_line(r, cx + rad * cosf(t0), cy - rad * sinf(t0), cx + rad * cosf(t1), cy - rad * sinf(t1), lw, c);
        }
        /* The head at the arc's start, pointing along it (clockwise there). */
        const float ex = cx + rad * cosf(a0), ey = cy - rad * sinf(a0);
        const float tx = sinf(a0), ty = cosf(a0); /* clockwise tangent in screen coordinates */
        const float nx = cosf(a0), ny = -sinf(a0), s = h * 0.55f;
        fill_triangle(r, ex + tx * s, ey + ty * s, ex - nx * s * 0.8f - tx * s * 0.2f, ey - ny * s * 0.8f - ty * s * 0.2f,
                      ex + nx * s * 0.8f - tx * s * 0.2f, ey + ny * s * 0.8f - ty * s * 0.2f, c);
        break;
    }
    case ICON_MINUS:
        ui_draw_fill(r, (SDL_Rect){(int)lroundf(cx - h * 0.8f), (int)lroundf(cy - lw / 2), (int)lroundf(h * 1.6f),
                                   (int)lroundf(lw)}, c);
        break;
    case ICON_PLUS:
        ui_draw_fill(r, (SDL_Rect){(int)lroundf(cx - h * 0.8f), (int)lroundf(cy - lw / 2), (int)lroundf(h * 1.6f),
                                   (int)lroundf(lw)}, c);
        ui_draw_fill(r, (SDL_Rect){(int)lroundf(cx - lw / 2), (int)lroundf(cy - h * 0.8f), (int)lroundf(lw),
                                   (int)lroundf(h * 1.6f)}, c);
        break;
    case ICON_NEXT: fill_triangle(r, cx - h * 0.6f, cy - h * 0.8f, cx - h * 0.6f, cy + h * 0.8f, cx + h * 0.7f, cy, c); break;
    case ICON_PREV: fill_triangle(r, cx + h * 0.6f, cy - h * 0.8f, cx + h * 0.6f, cy + h * 0.8f, cx - h * 0.7f, cy, c); break;
    case ICON_CYCLE: /* two chevrons: "the next one" */
        for (int k = 0; k < 2; k++) {
            const float x = cx - h * 0.7f + (float)k * h * 0.8f;
            ui_draw_line(r, x, cy - h * 0.7f, x + h * 0.6f, cy, lw, c);
            ui_draw_line(r, x + h * 0.6f, cy, x, cy + h * 0.7f, lw, c);
        }
        break;
    }
}

/* The widest scenario name (its id: "microstates"; the status bar has the title), for
 * the scenario's caption to keep its width. */
static const char *widest_id(const ui_ctx *ctx)
{
    const char *best = "";
    int best_w = -1;
    for (int i = 0; i < xl_scenario_count(); i++) {
        const int w = ui_text_width(ctx->text, UI_FONT_LABEL, xl_scenario_at(i)->id);
        if (w > best_w) best_w = w, best = xl_scenario_at(i)->id;
    }
    return best;
}

static void add(item *it, int *n, int cap, item one, const char *label, const char *label_short)
{
    if (*n >= cap) return;
    snprintf(one.label, sizeof one.label, "%s", label);
    snprintf(one.label_short, sizeof one.label_short, "%s", label_short);
    it[(*n)++] = one;
}

/* The strip's items for s. Returns how many. */
static int strip_items(const ui_ctx *ctx, const xl_session *s, item *it, int cap)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    const xl_sim *sim = xl_session_sim(s);
    const int playing = xl_session_playing(s), idle = def->gradient_free;
    int n = 0;
    char text[64], num[48];
    add(it, &n, cap, (item){XL_CMD_TOGGLE_PLAY, playing ? ICON_PAUSE : ICON_PLAY, "", "", _("pause"), _("pause"), 0, 0},
        playing ? _("pause") : _("play"), playing ? _("pause") : _("play"));
    add(it, &n, cap, (item){XL_CMD_STEP, ICON_STEP, "", "", NULL, NULL, 0, 0}, _("step"), _("step"));
    add(it, &n, cap, (item){XL_CMD_RESET, ICON_RESET, "", "", NULL, NULL, 0, 0}, _("reset"), _("reset"));
    add(it, &n, cap, (item){XL_CMD_SPEED_DOWN, ICON_MINUS, "", "", NULL, NULL, 1, 0}, "", "");
    snprintf(text, sizeof text, _("speed %d/s"), xl_session_steps_per_second(s));
    snprintf(num, sizeof num, "%d/s", xl_session_steps_per_second(s));
    add(it, &n, cap, (item){XL_CMD_NONE, ICON_PLAY, "", "", _("speed 240/s"), "240/s", 1, 0}, text, num);
    add(it, &n, cap, (item){XL_CMD_SPEED_UP, ICON_PLUS, "", "", NULL, NULL, 1, 0}, "", "");
    const double rate = xl_sim_lr(sim);
    ui_format_fit(num, sizeof num, rate, rate < 0.01 ? 3 : 2, 8);
    snprintf(text, sizeof text, "lr %s", idle ? "–" : num);
    add(it, &n, cap, (item){XL_CMD_LR_DOWN, ICON_MINUS, "", "", NULL, NULL, 2, idle}, "", "");
    add(it, &n, cap, (item){XL_CMD_NONE, ICON_PLAY, "", "", "lr 0.005", "lr 0.005", 2, idle}, text, text);
    add(it, &n, cap, (item){XL_CMD_LR_UP, ICON_PLUS, "", "", NULL, NULL, 2, idle}, "", "");
    const char *opt = idle ? "–" : xl_session_racing(s) ? _("race") : xl_optim_kind_name(xl_sim_optimizer(sim)->kind);
    snprintf(text, sizeof text, _("optimizer: %s"), opt);
    add(it, &n, cap, (item){XL_CMD_OPTIMIZER_NEXT, ICON_CYCLE, "", "", _("optimizer: momentum"), "momentum", 3, idle},
        text, opt);
    add(it, &n, cap, (item){XL_CMD_SCENARIO_PREV, ICON_PREV, "", "", NULL, NULL, 4, 0}, "", "");
    const char *wide = widest_id(ctx);
    add(it, &n, cap, (item){XL_CMD_NONE, ICON_PLAY, "", "", wide, wide, 4, 0}, def->id, def->id);
    add(it, &n, cap, (item){XL_CMD_SCENARIO_NEXT, ICON_NEXT, "", "", NULL, NULL, 4, 0}, "", "");
    return n;
}

/* What one item shows at a level of detail: 0 everything; 1 short captions and labels
 * ("30/s", "adam"); 2 no button labels (but the optimizer's name); 3 no keycaps either;
 * 4 (a narrow scene beside a lesson's column) texts only as wide as they are, so the
 * buttons after them may move when a name changes; 5 (the smallest windows) buttons
 * with icons only, the speed and the rate still said between their − and +, groups as
 * close as buttons. */
typedef struct shape {
    int w, label_w, cap_w;
    const char *label;
    char cap[24];
} shape;

static shape item_shape(const ui_ctx *ctx, const item *it, int level, int side)
{
    shape sh = {0, 0, 0, "", ""};
    const int pad = side / 5;
    if (level >= 5 && it->kind == XL_CMD_NONE && it->group == 4) return sh; /* no name: width 0 */
    const char *wide = level >= 4 ? NULL : level >= 1 ? it->wide_short : it->wide;
    const int wide_w = wide ? ui_text_width(ctx->text, UI_FONT_LABEL, wide) : 0;
    if (it->kind == XL_CMD_NONE) {
        sh.label = level >= 1 ? it->label_short : it->label;
        sh.label_w = ui_text_width(ctx->text, UI_FONT_LABEL, sh.label);
        if (sh.label_w < wide_w) sh.label_w = wide_w;
        if (sh.label_w > 4 * side) sh.label_w = 4 * side; /* a plug-in's long name is cut, the row stays */
        sh.w = sh.label_w + 2 * pad;
        return sh;
    }
    const ui_action a = {UI_VIEW_NONE, xl_command_make(it->kind)};
    if (level < 3) {
        ui_input_action_keys(&a, 1, sh.cap, sizeof sh.cap);
        snprintf(sh.cap, sizeof sh.cap, "%s", _(sh.cap)); /* a key's name in the language ("Leertaste") */
    }
    /* The optimizer's name is what its button shows: it stays at every level. */
    sh.label = level >= 5 || (level >= 2 && it->kind != XL_CMD_OPTIMIZER_NEXT) ? "" : level >= 1 ? it->label_short
                                                                                                  : it->label;
    sh.label_w = sh.label[0] ? ui_text_width(ctx->text, UI_FONT_LABEL, sh.label) : 0;
    if (sh.label[0] && sh.label_w < wide_w) sh.label_w = wide_w;
    sh.cap_w = sh.cap[0] ? ui_text_width(ctx->text, UI_FONT_TICK, sh.cap) + pad : 0;
    const int icon_w = side / 2;
    sh.w = pad + icon_w + (sh.label_w ? pad / 2 + sh.label_w : 0) + (sh.cap_w ? pad / 2 + sh.cap_w : 0) + pad;
    if (sh.w < side) sh.w = side;
    return sh;
}

/* The space before item i of a row whose item `prev` (-1: none) was the last drawn. */
static int space_before(const item *it, int prev, int i, int gap, int group_gap)
{
    return prev < 0 ? 0 : it[i].group != it[prev].group ? group_gap : gap;
}

/* The first n items' total width at a level, with their gaps (an item of width 0 is
 * not drawn and takes no gap). */
static int row_width(const ui_ctx *ctx, const item *it, int n, int level, int side, int gap, int group_gap)
{
    int w = 0, prev = -1;
    for (int i = 0; i < n; i++) {
        const int iw = item_shape(ctx, &it[i], level, side).w;
        if (iw == 0) continue;
        w += space_before(it, prev, i, gap, level >= 5 ? gap : group_gap) + iw;
        prev = i;
    }
    return w;
}

void ui_controls_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, int over_in, int px, int py,
                      int pressed, ui_controls_geom *geom)
{
    const ui_theme *th = ctx->theme;
    ui_controls_geom local;
    ui_controls_geom *g = geom ? geom : &local;
    g->n = 0;
    if (area.w <= 0 || area.h <= 0) return;
    ui_draw_fill(ctx->r, area, th->kind == UI_THEME_DARK ? th->panel : ui_mix(th->panel, th->grid, 0.5f));
    ui_draw_line(ctx->r, area.x, area.y + 0.5f, area.x + area.w, area.y + 0.5f, 1.0f, th->border);
    item it[16];
    int n = strip_items(ctx, s, it, 16);
    const int side = side_for(area.h), gap = side / 8, room = area.w - 2 * ctx->pad;
    int level = 0;
    while (level < 5 && row_width(ctx, it, n, level, side, gap, side / 3) > room) level++;
    /* Narrower still (a phone held upright): the last groups go, the scenario's first,
     * then the optimizer's, the rate's, the speed's; their keys still work. */
    while (row_width(ctx, it, n, level, side, gap, side / 3) > room && it[n - 1].group > 0) {
        const int last = it[n - 1].group;
        while (n > 0 && it[n - 1].group == last) n--;
    }
    const int group_gap = level >= 5 ? gap : side / 3;
    const int total = row_width(ctx, it, n, level, side, gap, group_gap);
    /* Centred when it fits; else from the left, the scenario's name cut to what is left. */
    int x = total <= area.w - 2 * ctx->pad ? area.x + (area.w - total) / 2 : area.x + ctx->pad;
    int over = total - (area.w - 2 * ctx->pad);
    const int y = area.y + (area.h - side) / 2;
    const int label_h = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    const int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    const int pad = side / 5;
    int prev = -1;
    for (int i = 0; i < n; i++) {
        shape sh = item_shape(ctx, &it[i], level, side);
        char cut[64];
        if (sh.w == 0) continue;
        x += space_before(it, prev, i, gap, group_gap);
        prev = i;
        if (it[i].kind == XL_CMD_NONE) {
            if (over > 0 && it[i].group == 4) { /* the scenario's name gives the room back */
                sh.label_w = sh.label_w - over > 0 ? sh.label_w - over : 0;
                sh.w = sh.label_w + 2 * pad;
                over = 0;
            }
            ui_text_fit(ctx->text, UI_FONT_LABEL, sh.label, sh.label_w, cut, sizeof cut);
            ui_text_draw(ctx->text, UI_FONT_LABEL, x + sh.w / 2, y + (side - label_h) / 2, UI_ALIGN_CENTER,
                         it[i].idle ? th->text_dim : th->text, cut);
        } else {
            const SDL_Rect b = {x, y, sh.w, side};
            const SDL_Point at = {px, py};
            const int hot = over_in && SDL_PointInRect(&at, &b);
            const int down = hot && pressed;
            SDL_Color fill = down ? ui_mix(th->panel, th->text, 0.22f) : hot ? ui_mix(th->panel, th->select, 0.18f)
                                                                            : th->panel;
            ui_draw_fill(ctx->r, b, fill);
            ui_draw_frame(ctx->r, b, hot ? 2 : 1, hot ? th->text : th->border);
            const int dy = down ? 1 : 0; /* a held button sinks a pixel */
            const int icon_w = side / 2;
            int cx = x + pad;
            if (!sh.label_w && !sh.cap_w) cx = x + (sh.w - icon_w) / 2;
            const SDL_Color ink = it[i].idle ? th->text_dim : th->text;
            draw_icon(ctx, it[i].ic, (float)cx + icon_w / 2.0f, (float)(y + side / 2 + dy), (float)icon_w * 0.8f, ink);
            cx += icon_w;
            if (sh.label_w) {
                ui_text_draw(ctx->text, UI_FONT_LABEL, cx + pad / 2, y + (side - label_h) / 2 + dy, UI_ALIGN_LEFT,
                             ink, sh.label);
                cx += pad / 2 + sh.label_w;
            }
            if (sh.cap_w) {
                /* The key in a tinted cap: small, secondary, and not a bracket of its own
                 * around "[" or "]". */
                const SDL_Rect cap = {cx + pad / 2, y + (side - tick_h) / 2 - pad / 4 + dy, sh.cap_w, tick_h + pad / 2};
                ui_draw_fill(ctx->r, cap, ui_mix(fill, th->text_dim, 0.2f));
                ui_text_draw(ctx->text, UI_FONT_TICK, cap.x + pad / 2, cap.y + pad / 4, UI_ALIGN_LEFT, th->text,
                             sh.cap);
            }
            /* A click is the key's command: the region's click names it, ui_pointer sends it. */
            char tip[96];
            ui_input_action_keys(&(ui_action){UI_VIEW_NONE, xl_command_make(it[i].kind)}, 0, cut, sizeof cut);
            snprintf(tip, sizeof tip, _("click: %s  (key: %s)"), xl_command_help(it[i].kind), _(cut));
            const ui_region_drag click = {NULL, xl_command_name(it[i].kind), UI_DRAG_VALUE_U, -1, 0, 0, 0, 0};
            ui_hit_add_edit(ctx, b, click, tip, NULL, NULL);
            if (g->n < UI_CONTROLS_MAX) {
                g->rect[g->n] = b;
                g->action[g->n] = (ui_action){UI_VIEW_NONE, xl_command_make(it[i].kind)};
                g->n++;
            }
        }
        x += sh.w;
    }
}

ui_action ui_controls_hit(const ui_controls_geom *g, int x, int y)
{
    const SDL_Point at = {x, y};
    for (int i = 0; i < g->n; i++)
        if (SDL_PointInRect(&at, &g->rect[i])) return g->action[i];
    return (ui_action){UI_VIEW_NONE, xl_command_make(XL_CMD_NONE)};
}
