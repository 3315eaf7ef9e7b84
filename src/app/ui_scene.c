/* ui_scene: composes the frame (see ui_scene.h). */
#include "ui_scene.h"

#include <stdlib.h>

#include "ui_class_card.h"
#include "ui_controls.h"
#include "ui_draw.h"
#include "ui_focus.h"
#include "ui_lang.h"
#include "ui_own_panels.h"
#include "ui_rec.h"
#include "xl_page_panels.h"
#include "ui_text.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum { UI_BACKDROP_MAX = 8, UI_DAMAGE_MAX = UI_REC_DAMAGE_MAX };

/* The items of a retained frame (ui_rec_item), in the order they are drawn: their
 * operations are compared with the same item's in the last frame. */
enum {
    ITEM_GROUND = 1, ITEM_STATUS, ITEM_MIC, ITEM_DATA, ITEM_SIDE, ITEM_BARS, ITEM_READOUTS, ITEM_LANDSCAPE,
    ITEM_HISTORY, ITEM_RENYI, ITEM_STRIP, ITEM_DIM, ITEM_KEY_RING, ITEM_HINTS, ITEM_CONTROLS, ITEM_CARD,
    ITEM_HOVER, ITEM_NOTE, ITEM_HELP, ITEM_COLUMN, ITEM_LESSON, ITEM_MENU,
};

struct ui_scene {
    SDL_Renderer *r;
    ui_text *text;
    ui_text *lesson_text;  /* the lesson's column, menu and presenter view: sized by the frame */
    ui_text *focus_text;   /* the focused panel's larger type (ui_scene_focus_factor) */
    /* A class's join card (ui_class_card.h): its type and its code's digits, sized for a
     * room, and the QR modules of its URL. Made at the first card drawn (fonts from
     * font_dir): a frame without a class pays nothing for them. */
    ui_text *card_text, *card_digits;
    ui_qr *qr;
    int card_failed;       /* they could not be made: the card is not drawn */
    char font_dir[1024];
    ui_text_recorder *rec, *cuts;  /* the tests' recorders, for texts made later */
    /* The narration's size for the lesson shown (finding it opens faces, so once a lesson
     * and frame size). */
    struct fit_key {
        const xl_player *player;
        const xl_lesson *lesson;
        unsigned long print;  /* the lesson's fingerprint: a reloaded lesson may reuse both addresses */
        int w, h;
        ui_theme_kind theme;
        float zoom;
        int in_class;         /* a class runs: the questions carry their votes' lines */
    } fit_key;
    float fit;                         /* the page drawn last */
    float fits[XL_LESSON_MAX_PAGES];   /* each page's */
    ui_landscape_panel *landscape;
    ui_simplex_panel *simplex;
    ui_hits hits;  /* the last frame's tooltip regions */
    long frames;   /* drawn so far: the text is primed from the second on */
    int retain;    /* ui_scene_set_retain */
    ui_rec *retained; /* its recorder (made at the first ui_scene_set_retain) */
    long mismatches; /* frames whose second pass drew other than it recorded (drawn whole) */
    int drawing;     /* the second pass of a retained frame is running */
    ui_frame_geom pass_geom; /* its geometry: the recording's, copied (its panels may be passed over) */
    int whole;     /* the next frame is drawn whole (ui_scene_invalidate) */
    int damage_n;  /* the last frame's changed regions */
    SDL_Rect damage[UI_DAMAGE_MAX];
    /* What every frame of one size, theme and layout starts from: the background and
     * each panel's fill and frame, drawn once into a texture and copied in one piece
     * (SDL's software renderer fills a rectangle at half the speed of a plain fill,
     * and the copy took a third off the drawing at 1080p). NULL where the renderer has
     * no target textures. */
    struct backdrop {
        SDL_Texture *texture;
        int w, h;
        ui_theme_kind theme;
        int n;
        SDL_Rect rects[UI_BACKDROP_MAX];
        unsigned long version; /* its pixels' (ui_rec_new_version) */
        int failed;   /* the renderer refused a target texture: clear and fill instead */
    } backdrop;
};

ui_scene *ui_scene_create(SDL_Renderer *renderer, const char *font_dir, char *err, size_t errlen)
{
    ui_scene *sc = calloc(1, sizeof *sc);
    if (!sc) {
        SDL_snprintf(err, errlen, "out of memory");
        return NULL;
    }
    sc->r = renderer;
    SDL_snprintf(sc->font_dir, sizeof sc->font_dir, "%s", font_dir);
    sc->text = ui_text_create(renderer, font_dir, err, errlen);
    sc->lesson_text = sc->text ? ui_text_create(renderer, font_dir, err, errlen) : NULL;
    sc->focus_text = sc->lesson_text ? ui_text_create(renderer, font_dir, err, errlen) : NULL;
    sc->landscape = ui_landscape_panel_create(renderer);
    sc->simplex = ui_simplex_panel_create();
    if (!sc->text || !sc->lesson_text || !sc->focus_text || !sc->landscape || !sc->simplex) {
        if (sc->focus_text) SDL_snprintf(err, errlen, "out of memory");
        ui_scene_destroy(sc);
        return NULL;
    }
    return sc;
}

void ui_scene_destroy(ui_scene *sc)
{
    if (!sc) return;
    ui_text_destroy(sc->text);
    ui_text_destroy(sc->lesson_text);
    ui_text_destroy(sc->focus_text);
    ui_text_destroy(sc->card_text);
    ui_text_destroy(sc->card_digits);
    ui_qr_destroy(sc->qr);
    ui_landscape_panel_destroy(sc->landscape);
    ui_simplex_panel_destroy(sc->simplex);
    if (sc->backdrop.texture) SDL_DestroyTexture(sc->backdrop.texture);
    ui_rec_destroy(sc->retained);
    free(sc);
}

int ui_scene_set_threads(ui_scene *sc, int threads)
{
    return ui_landscape_panel_set_threads(sc->landscape, threads);
}

void ui_scene_set_recorder(ui_scene *sc, ui_text_recorder *rec)
{
    ui_text_set_recorder(sc->text, rec);
    ui_text_set_recorder(sc->lesson_text, rec);
    ui_text_set_recorder(sc->focus_text, rec);
    sc->rec = rec;
    if (sc->card_text) ui_text_set_recorder(sc->card_text, rec);
    if (sc->card_digits) ui_text_set_recorder(sc->card_digits, rec);
}

void ui_scene_set_cut_recorder(ui_scene *sc, ui_text_recorder *cuts)
{
    ui_text_set_cut_recorder(sc->text, cuts);
    ui_text_set_cut_recorder(sc->lesson_text, cuts);
    ui_text_set_cut_recorder(sc->focus_text, cuts);
    sc->cuts = cuts;
    if (sc->card_text) ui_text_set_cut_recorder(sc->card_text, cuts);
    if (sc->card_digits) ui_text_set_cut_recorder(sc->card_digits, cuts);
}

float ui_scene_scale(int w, int h)
{
    float by_h = (float)h / 720.0f, by_w = (float)w / 1000.0f;
    return by_h < by_w ? by_h : by_w;
}

/* Size t's roles by scale, each at least its floor for the theme and a window h pixels
 * tall (ui_theme_type_floors): a narrow frame or scene shows fewer labels, not smaller
 * ones. A zoom below 1 (Ctrl -, one person at a screen asking for more room) lowers
 * the floor with it. */
static int set_type(ui_text *t, float scale, const ui_theme *th, int h, float zoom)
{
    float floors[UI_FONT_COUNT];
    ui_theme_type_floors(th, h, floors);
    if (zoom > 0.0f && zoom < 1.0f)
        for (int i = 0; i < UI_FONT_COUNT; i++) floors[i] *= zoom;
    return ui_text_set_scale_floor(t, scale, floors);
}

/* The tooltip of what is under the pointer: its exact values with units. */
static void draw_hover(const ui_ctx *ctx, const ui_frame_geom *g, const xl_session *s, int px, int py, int w,
                       int h)
{
    const ui_hit hit = ui_hit_at(g, s, px, py);
    const xl_scenario_def *def = xl_session_scenario(s);
    const xl_readout_def *rd = def->readouts;
    const double k = xl_unit_scale(ctx->unit);
    const char *unit = xl_unit_name(ctx->unit);
    char text[5][160], num[3][48];
    const char *lines[5];
    int n = 0;
    if (hit.kind == UI_HIT_BAR) {
        xl_bars bars;
        xl_session_bars(s, &bars);
        ui_tr_bars(&bars);
        int i = hit.index;
        snprintf(text[n++], sizeof text[0], "%s", bars.names[i] ? bars.names[i] : "");
        ui_format_prob_log(num[0], sizeof num[0], bars.p[i] > 0.0 ? log(bars.p[i]) : -INFINITY, 4);
        snprintf(text[n++], sizeof text[0], "p = %s  (%s)", num[0], bars.p_label ? _(bars.p_label) : _("truth"));
        ui_format_prob_log(num[1], sizeof num[1], bars.logq[i], 4);
        snprintf(text[n++], sizeof text[0], "q = %s  (%s)", num[1], bars.q_label ? _(bars.q_label) : _("model"));
        ui_format_fit(num[2], sizeof num[2], xl_surprise_from_log(bars.logq[i], ctx->unit), 4, 12);
        snprintf(text[n++], sizeof text[0], _("surprise if it happens: −%s q = %s %s"),
                 ctx->unit == XL_BITS ? "log₂" : "ln", num[2], unit);
        if (bars.logits) {
            /* Four lines so far: the gradient replaces the drag hint's place. */
            ui_format_fit(num[0], sizeof num[0], bars.logits[i], 3, 10);
            double q = exp(bars.logits ? bars.logq[i] : 0.0);
            ui_format_fit(num[1], sizeof num[1], q - bars.p[i], 4, 10);
            snprintf(text[n++], sizeof text[0], "z = %s · ∂H/∂z = q − p = %s%s", num[0], q - bars.p[i] > 0.0 ? "+" : "",
                     num[1]);
        } else if (bars.edit == XL_BARS_RENORMALIZE) {
            snprintf(text[n++], sizeof text[0], "%s", _("drag the bar to set p"));
        }
        else if (bars.edit == XL_BARS_PAINT) snprintf(text[n++], sizeof text[0], "%s", _("drag across the bars to paint ρ(0)"));
    } else if (hit.kind == UI_HIT_LANDSCAPE) {
        double theta[XL_MAX_PARAMS];
        xl_session_view_theta(s, xl_sim_theta(xl_session_sim(s)), hit.x, hit.y, theta);
        xl_model m = xl_session_model(s);
        double loss = m.ops->loss(m.self, theta);
        ui_format_fit(num[0], sizeof num[0], hit.x, 3, 10);
        ui_format_fit(num[1], sizeof num[1], hit.y, 3, 10);
        ui_format_fit(num[2], sizeof num[2], loss * k, 4, 12);
        snprintf(text[n++], sizeof text[0], _("%s there = %s %s"), rd[0].symbol, num[2], unit);
        char axis[2][96];
        snprintf(text[n++], sizeof text[0], "%s = %s", ui_tr_axis_name(s, xl_session_axis_name(s, 0), axis[0], 96),
                 num[0]);
        snprintf(text[n++], sizeof text[0], "%s = %s", ui_tr_axis_name(s, xl_session_axis_name(s, 1), axis[1], 96),
                 num[1]);
        snprintf(text[n++], sizeof text[0], "%s", _("click: move here · Ctrl+click: start here"));
    } else if (hit.kind == UI_HIT_SIMPLEX) {
        /* The simplex is over the bars' three items: their names, P the truth. */
        xl_bars bars;
        xl_session_bars(s, &bars);
        ui_tr_bars(&bars);
        snprintf(text[n++], sizeof text[0], "%s %.3f · %s %.3f · %s %.3f", bars.names[0], hit.p[0], bars.names[1],
                 hit.p[1], bars.names[2], hit.p[2]);
        ui_format_fit(num[0], sizeof num[0], xl_cross_entropy(bars.p, hit.p, 3, ctx->unit), 4, 12);
        ui_format_fit(num[1], sizeof num[1], xl_kl(bars.p, hit.p, 3, ctx->unit), 4, 12);
        snprintf(text[n++], sizeof text[0], _("H(P, ·) here = %s %s"), num[0], unit);
        snprintf(text[n++], sizeof text[0], _("KL(P‖·) here = %s %s"), num[1], unit);
        if (hit.index) snprintf(text[n++], sizeof text[0], "%s", _("drag P to move the truth"));
    } else if (hit.kind == UI_HIT_HISTORY) {
        const xl_sample *smp = &xl_sim_history(xl_session_sim(s))[hit.sample];
        snprintf(text[n++], sizeof text[0], _("step %ld"), smp->step);
        /* The identity's three in one number of decimals, a gap within rounding as 0. */
        const double v[3] = {smp->loss * k, smp->floor * k, smp->gap * k};
        char *const out[3] = {num[0], num[1], num[2]};
        const int max_chars[3] = {12, 12, 12};
        ui_format_identity(out, sizeof num[0], v, 4, max_chars);
        for (int i = 0; i < 3; i++) snprintf(text[n++], sizeof text[0], "%s = %s %s", rd[i].symbol, num[i], unit);
    } else {
        /* What a panel recorded as it drew. */
        const ui_hit_region *region = ui_hit_tip_region(g, px, py);
        if (!region) return;
        for (int i = 0; i < region->lines; i++) lines[i] = region->text[i];
        ui_text_set_region(ctx->text, (SDL_Rect){0, 0, w, h}, 1);
        ui_tooltip_draw(ctx, px, py, region->rect, (SDL_Rect){0, 0, w, h}, lines, region->lines);
        return;
    }
    for (int i = 0; i < n; i++) lines[i] = text[i];
    ui_text_set_region(ctx->text, (SDL_Rect){0, 0, w, h}, 1);
    ui_tooltip_draw(ctx, px, py, hit.target, (SDL_Rect){0, 0, w, h}, lines, n);
}

/* The marks at the right end of the status bar (a window only: a video's view never has
 * them): --mic's red disc and "mic" while the microphone records, at the very end, and
 * "♪ sound" while the sound that follows the loss is on (F10), left of it. */
#define SOUND_MARK _("♪ sound")

static int mic_mark_w(const ui_ctx *ctx, const ui_view *view)
{
    if (!view->mic) return 0;
    const int lh = ui_text_line_height(ctx->text, UI_FONT_STATUS);
    const int r = lh / 3 > 3 ? lh / 3 : 3;
    return ctx->pad + 2 * r + ctx->pad / 2 + ui_text_width(ctx->text, UI_FONT_STATUS, _("mic")) + ctx->pad;
}

static int sound_mark_w(const ui_ctx *ctx, const ui_view *view)
{
    if (!view->sound) return 0;
    return ctx->pad + ui_text_width(ctx->text, UI_FONT_STATUS, SOUND_MARK) + ctx->pad;
}

/* The bar left for the status; the marks are drawn after it, over the bar's fill. */
static SDL_Rect mic_mark(const ui_ctx *ctx, SDL_Rect status, const ui_view *view)
{
    if (view->recording || status.h <= 0) return status;
    const int w = mic_mark_w(ctx, view) + sound_mark_w(ctx, view);
    SDL_Rect rest = status;
    rest.w = status.w > w ? status.w - w : 0;
    return rest;
}

/* The status bar's own fill and rule (ui_status_draw's), under a mark. */
static void mark_ground(const ui_ctx *ctx, SDL_Rect box)
{
    const ui_theme *th = ctx->theme;
    ui_draw_fill(ctx->r, box, th->kind == UI_THEME_DARK ? th->panel : ui_mix(th->panel, th->grid, 0.5f));
    ui_draw_line(ctx->r, box.x, box.y + box.h - 0.5f, box.x + box.w, box.y + box.h - 0.5f, 1.0f, th->border);
}

static void mic_mark_draw(const ui_ctx *ctx, SDL_Rect status, const ui_view *view)
{
    if (view->recording || status.h <= 0) return;
    const int lh = ui_text_line_height(ctx->text, UI_FONT_STATUS);
    const int right = status.x + status.w;
    const int mw = mic_mark_w(ctx, view), sw = sound_mark_w(ctx, view);
    if (mw > 0) {
        const int tw = ui_text_width(ctx->text, UI_FONT_STATUS, _("mic"));
        const int r = lh / 3 > 3 ? lh / 3 : 3;
        const int x = right - ctx->pad - tw - ctx->pad / 2 - 2 * r;
        const SDL_Color red = {0xD0, 0x10, 0x10, 0xFF};
        mark_ground(ctx, (SDL_Rect){x - ctx->pad, status.y, right - (x - ctx->pad), status.h});
        ui_draw_disc(ctx->r, (float)(x + r), (float)status.y + status.h / 2.0f, (float)r, red);
        ui_text_draw(ctx->text, UI_FONT_STATUS, x + 2 * r + ctx->pad / 2, status.y + (status.h - lh) / 2, UI_ALIGN_LEFT,
                     red, _("mic"));
    }
    if (sw > 0) {
        const int x = right - mw - sw;
        mark_ground(ctx, (SDL_Rect){x, status.y, sw, status.h});
        ui_text_draw(ctx->text, UI_FONT_STATUS, x + ctx->pad, status.y + (status.h - lh) / 2, UI_ALIGN_LEFT,
                     ctx->theme->text, SOUND_MARK);
    }
}

/* The view's note, centred just above the hint bar on the panel colour. */
static void draw_note(const ui_ctx *ctx, const ui_layout *L, const char *note, int w, int h)
{
    const ui_theme *th = ctx->theme;
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    char cut[192];
    ui_text_fit(ctx->text, UI_FONT_LABEL, note, w - 4 * ctx->pad, cut, sizeof cut);
    int tw = ui_text_width(ctx->text, UI_FONT_LABEL, cut);
    const int above = L->controls.h > 0 ? L->controls.y : L->hints.y; /* over the control strip too */
    SDL_Rect box = {(w - tw) / 2 - ctx->pad, above - lh - ctx->pad * 2, tw + 2 * ctx->pad, lh + ctx->pad};
    if (box.y < 0) box.y = 0;
    ui_text_set_region(ctx->text, (SDL_Rect){0, 0, w, h}, 1);
    ui_draw_fill(ctx->r, box, th->text);
    ui_text_draw(ctx->text, UI_FONT_LABEL, box.x + ctx->pad, box.y + ctx->pad / 2, UI_ALIGN_LEFT, th->background, cut);
}

/* The layout's box of an emphasisable panel (xl_lesson_panel_known), or an empty one. */
static SDL_Rect panel_box(const ui_layout *L, const char *name)
{
    static const char *const names[] = {"bars", "readouts", "landscape", "history", "data", "side", "renyi"};
    const SDL_Rect boxes[] = {L->bars, L->readouts, L->landscape, L->history, L->data, L->side, L->renyi};
    for (int i = 0; i < 7; i++)
        if (strcmp(name, names[i]) == 0) return boxes[i];
    return (SDL_Rect){0, 0, 0, 0};
}

/* Dim every panel but the emphasised one (when the scene shows it). */
static void dim_others(SDL_Renderer *r, const ui_theme *th, const ui_layout *L, const char *name)
{
    SDL_Rect keep = panel_box(L, name);
    if (keep.w <= 0) return;
    const SDL_Rect all[] = {L->bars, L->readouts, L->landscape, L->history, L->data, L->side, L->renyi};
    for (int i = 0; i < 7; i++)
        if (all[i].w > 0 && !SDL_RectEquals(&all[i], &keep)) ui_draw_fill(r, all[i], ui_rgba(th->background, 150));
}

/* The keyboard's place (ui_view.key_panel): a ring in the selection's yellow just
 * outside the panel, edged on both sides in the theme's selection edge (black on the
 * projector's white, the background's dark on the dark theme) so it reads on either,
 * within the gap between panels: it covers nothing a panel drew. */
static void draw_key_outline(SDL_Renderer *r, const ui_theme *th, SDL_Rect panel, int gap)
{
    if (panel.w <= 0 || panel.h <= 0) return;
    int t = gap / 2 > 2 ? gap / 2 : 2; /* the yellow; one edge pixel each side */
    if (t + 2 > gap) t = gap - 2 > 1 ? gap - 2 : 1;
    const SDL_Rect outer = {panel.x - t - 2, panel.y - t - 2, panel.w + 2 * t + 4, panel.h + 2 * t + 4};
    const SDL_Rect ring = {panel.x - t - 1, panel.y - t - 1, panel.w + 2 * t + 2, panel.h + 2 * t + 2};
    ui_draw_frame(r, outer, 1, ui_rgba(th->select_edge, 255));
    ui_draw_frame(r, ring, t, ui_rgba(th->select, 255));
    ui_draw_frame(r, (SDL_Rect){panel.x - 1, panel.y - 1, panel.w + 2, panel.h + 2}, 1, ui_rgba(th->select_edge, 255));
}

/* The whole w x h target (or viewport) in colour c. */
static void clear_to(SDL_Renderer *r, SDL_Color c, int w, int h)
{
    ui_draw_fill(r, (SDL_Rect){0, 0, w, h}, ui_rgba(c, 255));
}

/* Copy the backdrop for this size, theme and set of panel areas into the frame, drawing
 * it first if any of them changed. Returns 1, or 0 when there is no backdrop to copy
 * (the caller then clears and lets the panels fill themselves). */
static int draw_backdrop(ui_scene *sc, ui_theme_kind theme, int w, int h, const SDL_Rect *areas, int n)
{
    struct backdrop *b = &sc->backdrop;
    if (b->failed) return 0;
    const int same = b->texture && b->w == w && b->h == h && b->theme == theme && b->n == n &&
                     memcmp(b->rects, areas, (size_t)n * sizeof *areas) == 0;
    if (!same) {
        if (!b->texture || b->w != w || b->h != h) {
            if (b->texture) SDL_DestroyTexture(b->texture);
            b->texture = SDL_CreateTexture(sc->r, ui_draw_native_format(sc->r), SDL_TEXTUREACCESS_TARGET, w, h);
            if (!b->texture) {
                b->failed = 1;
                return 0;
            }
        }
        /* Drawn with the viewport of the frame it goes into saved and restored: in a
         * lesson the scene is drawn in a viewport right of the narration. */
        SDL_Rect viewport;
        SDL_RenderGetViewport(sc->r, &viewport);
        SDL_Texture *target = SDL_GetRenderTarget(sc->r);
        if (SDL_SetRenderTarget(sc->r, b->texture) != 0) {
            SDL_DestroyTexture(b->texture);
            b->texture = NULL;
            b->failed = 1;
            return 0;
        }
        ui_rec_suspend(sc->r); /* drawn into the texture, not a frame's operations */
        const ui_theme *th = ui_theme_get(theme);
        clear_to(sc->r, th->background, w, h);
        for (int i = 0; i < n; i++) {
            ui_draw_fill(sc->r, areas[i], th->panel);
            ui_draw_frame(sc->r, areas[i], 1, th->border);
        }
        ui_rec_resume(sc->r);
        SDL_SetRenderTarget(sc->r, target);
        SDL_RenderSetViewport(sc->r, viewport.w > 0 ? &viewport : NULL);
        b->version = ui_rec_new_version();
        b->w = w;
        b->h = h;
        b->theme = theme;
        b->n = n;
        memcpy(b->rects, areas, (size_t)n * sizeof *areas);
    }
    SDL_SetTextureBlendMode(b->texture, SDL_BLENDMODE_NONE);
    ui_draw_copy(sc->r, b->texture, b->version, NULL, (SDL_Rect){0, 0, w, h});
    return 1;
}

float ui_scene_focus_factor(SDL_Rect dash, SDL_Rect focused)
{
    if (dash.w <= 0 || dash.h <= 0 || focused.w <= 0 || focused.h <= 0) return 1.0f;
    const float fw = (float)focused.w / (float)dash.w, fh = (float)focused.h / (float)dash.h;
    float f = fw < fh ? fw : fh;
    /* In tenths, so a few pixels of a different window size do not reopen the faces. */
    f = floorf(f * 10.0f) / 10.0f;
    return f < 1.0f ? 1.0f : f > UI_FOCUS_TYPE_MAX ? UI_FOCUS_TYPE_MAX : f;
}

/* The strip under a focused panel: the scene's live numbers in one line (the readouts'
 * floor, loss and gap with the unit, and the step), so the others' numbers stay in view. */
static void draw_strip(const ui_ctx *ctx, SDL_Rect strip, const xl_session *s, int focus)
{
    const ui_theme *th = ctx->theme;
    const xl_scenario_def *def = xl_session_scenario(s);
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    if (strip.w <= 0 || strip.h < lh) return;
    ui_text_set_region(ctx->text, strip, 0);
    ui_draw_fill(ctx->r, strip, th->panel);
    ui_draw_frame(ctx->r, strip, 1, th->border);
    double v[XL_READOUTS_MAX];
    xl_session_readouts(s, v);
    const double k = xl_unit_scale(ctx->unit);
    const char *unit = xl_unit_name(ctx->unit);
    char items[4][128], bare[3][96], num[48];
    int count = 0;
    /* H(P), H(P,Q), KL: the identity's floor, total and gap, in the order it is read. */
    static const int order3[] = {1, 0, 2};
    const int n = def->readout_count < 3 ? def->readout_count : 3;
    /* The identity's three in one number of decimals, as the readouts panel shows them. */
    char nums[3][48];
    char *const out[3] = {nums[0], nums[1], nums[2]};
    if (n == 3) {
        const double vk[3] = {v[0] * k, v[1] * k, v[2] * k};
        const int max_chars[3] = {10, 10, 10};
        ui_format_identity(out, sizeof nums[0], vk, 4, max_chars);
    }
    for (int i = 0; i < n; i++) {
        const int r = n == 3 ? order3[i] : i;
        if (n == 3) snprintf(num, sizeof num, "%s", nums[r]);
        else ui_format_fit(num, sizeof num, v[r] * k, 4, 10);
        snprintf(items[count++], sizeof items[0], "%s = %s %s", def->readouts[r].symbol, num, unit);
        /* Large type (the zoom): without the unit, the gap by its short name ("KL"). */
        const char *name = def->readouts[r].name, *sym = def->readouts[r].symbol;
        char shortsym[16] = "";
        if (strlen(sym) > 6 && strlen(name) <= 3) {
            for (size_t c = 0; c <= strlen(name); c++)
                shortsym[c] = name[c] >= 'a' && name[c] <= 'z' ? (char)(name[c] - 'a' + 'A') : name[c];
        }
        snprintf(bare[i], sizeof bare[0], "%s = %s", shortsym[0] ? shortsym : sym, num);
    }
    snprintf(items[count++], sizeof items[0], _("step %ld"), xl_sim_steps(xl_session_sim(s)));
    /* The widest wording that fits: wide separators, then narrow ones, then without the
     * step; a number is never cut with "…" (the last resort cuts the line's end). */
    /* Licensed data's attribution (the record's credit): on a line of its own under the
     * numbers where the layout gave the strip two (UI_LAYOUT_CREDIT), else alone (the
     * readouts focused show the numbers themselves); not under the scenario's own data
     * panel, which shows it whole. */
    const char *credit = def->credit && focus != UI_PANEL_DATA ? def->credit(xl_session_state(s)) : NULL;
    const int two = credit && strip.h >= 2 * lh;
    const int room = strip.w - 2 * ctx->pad;
    static const char *const seps[2] = {"   ·   ", "  ·  "};
    char line[600] = "", cut[600];
    int fits = 0;
    /* Forms 4 and 5 (large type): the numbers without their unit and the gap by its short
     * name, then as many of those as fit whole: a number is never cut. */
    for (int form = 0; form < 6 && !fits; form++) {
        const int shown = form < 2 ? count : form < 4 ? count - 1 : n;
        size_t used = 0;
        line[0] = '\0';
        for (int i = 0; i < shown; i++) {
            const char *item = form < 4 ? items[i] : bare[i];
            char next[600];
            snprintf(next, sizeof next, "%s%s%s", line, i ? seps[form % 2] : "", item);
            if (form == 5 && i > 0 && ui_text_width(ctx->text, UI_FONT_LABEL, next) > room) break;
            int wr = snprintf(line + used, sizeof line - used, "%s%s", i ? seps[form % 2] : "", item);
            if (wr > 0 && (size_t)wr < sizeof line - used) used += (size_t)wr;
        }
        fits = ui_text_width(ctx->text, UI_FONT_LABEL, line) <= room;
    }
    const int y = strip.y + (strip.h - (two ? 2 : 1) * lh) / 2;
    if (credit) {
        ui_text_fit(ctx->text, UI_FONT_LABEL, credit, room, cut, sizeof cut);
        ui_text_draw(ctx->text, UI_FONT_LABEL, strip.x + ctx->pad, two ? y + lh : y, UI_ALIGN_LEFT, th->text_dim, cut);
        if (!two) return;
    }
    ui_text_fit(ctx->text, UI_FONT_LABEL, line, room, cut, sizeof cut);
    ui_text_draw(ctx->text, UI_FONT_LABEL, strip.x + ctx->pad, y, UI_ALIGN_LEFT, th->text, cut);
}

/* The title bar ui_panel_begin draws at the top of area with ctx's type. */
static SDL_Rect title_bar(const ui_ctx *ctx, SDL_Rect area)
{
    if (area.w <= 0 || area.h <= 0) return (SDL_Rect){0, 0, 0, 0};
    int h = ctx->pad * 3 / 4 + ui_text_line_height(ctx->text, UI_FONT_TITLE) + ctx->pad / 2;
    return (SDL_Rect){area.x, area.y, area.w, h < area.h ? h : area.h};
}

/* The card's texts and code cache, made at the first card; 0 when they cannot be. */
static int card_ready(ui_scene *sc)
{
    if (sc->card_failed) return 0;
    if (sc->card_text && sc->card_digits && sc->qr) return 1;
    char err[256];
    if (!sc->card_text) sc->card_text = ui_text_create(sc->r, sc->font_dir, err, sizeof err);
    if (!sc->card_digits) sc->card_digits = ui_text_create(sc->r, sc->font_dir, err, sizeof err);
    if (!sc->qr) sc->qr = ui_qr_create();
    if (!sc->card_text || !sc->card_digits || !sc->qr) {
        sc->card_failed = 1;
        return 0;
    }
    ui_text_set_recorder(sc->card_text, sc->rec);
    ui_text_set_recorder(sc->card_digits, sc->rec);
    ui_text_set_cut_recorder(sc->card_text, sc->cuts);
    ui_text_set_cut_recorder(sc->card_digits, sc->cuts);
    return 1;
}

/* The class's join card over the scene's w x h box, its type sized for a room (not by
 * the zoom, which is for one person at a screen). */
static void draw_class_card(ui_scene *sc, const ui_view *view, const ui_theme *th, int w, int h, ui_frame_geom *g)
{
    if (!card_ready(sc)) return;
    if (set_type(sc->card_text, ui_class_card_text_scale(w, h), th, h, 1.0f) != 0) return;
    if (ui_text_set_scale(sc->card_digits, ui_class_card_digits_scale(w, h)) != 0) return;
    const float f = (float)h / 720.0f;
    ui_ctx ctx = {.r = sc->r, .text = sc->card_text, .theme = th, .scale = f,
                  .line = (f < 1.0f ? 1.0f : f) * th->line_scale,
                  .pad = (int)(ui_text_line_height(sc->card_text, UI_FONT_LABEL) * 0.8f)};
    const ui_class_card_info info = {
        .url = view->class_url, .code = view->class_code,
        .joined = view->poll ? xl_poll_joined(view->poll) : 0, .advice = view->class_advice,
    };
    ui_class_card_draw(&ctx, sc->card_digits, sc->qr, (SDL_Rect){0, 0, w, h}, &info, &g->class_card);
}

unsigned ui_scene_page_needs(const xl_player *p, unsigned show)
{
    const xl_lesson *l = p ? xl_player_lesson(p) : NULL;
    const int page = p ? xl_player_page(p) : -1;
    if (!l || page < 0 || page >= l->npages) return 0u;
    const unsigned named = xl_page_panels(&l->pages[page]);
    unsigned needs = 0u;
    for (int k = 0; k < XL_PAGE_PANEL_COUNT; k++) {
        const int id = ui_panel_find(xl_page_panel_name(k));
        if ((named & (1u << k)) && id > UI_PANEL_NONE && (show & ui_panel_show_bit(id))) needs |= UI_LAYOUT_NEED(id);
    }
    return needs;
}

/* The scene alone in a w x h frame (or viewport). */
static void draw_scene(ui_scene *sc, const xl_session *s, const ui_view *view, int w, int h, ui_frame_geom *geom)
{
    const ui_theme *th = ui_theme_get(view->theme);
    /* A window held upright (a phone; not a scene narrowed by a lesson's column): one
     * column of panels, the type by the width (ui_layout's portrait column). */
    const int upright = h > w && !view->lesson && !view->broken;
    const float base = upright ? ui_layout_portrait_scale(w, th->text_scale) : ui_scene_scale(w, h);
    float scale = base * (view->zoom > 0.0f ? view->zoom : 1.0f);
    /* The drawing pass of a retained frame keeps what the recording found: the geometry
     * (its panels may be passed over) and the tooltip regions. */
    if (geom && !sc->drawing) SDL_memset(geom, 0, sizeof *geom);
    /* Faces open here at their size; without them (out of memory) the frame stays blank
     * rather than measuring text with no font. */
    if (set_type(sc->text, scale * th->text_scale, th, h, view->zoom) != 0) {
        clear_to(sc->r, th->background, w, h);
        return;
    }
    const xl_scenario_def *def = xl_session_scenario(s);
    const ui_own_panel *own = def->panels & (XL_PANEL_DATA | XL_PANEL_SIDE) ? ui_own_panel_for(def) : NULL;
    const xl_scenario_def *shown_def = xl_session_scenario(s);
    const int credit = shown_def->credit && shown_def->credit(xl_session_state(s)) != NULL;
    unsigned show = ui_focus_shown_view(view, s) | (upright ? UI_LAYOUT_UPRIGHT : 0u) | (credit ? UI_LAYOUT_CREDIT : 0u);
    /* A lesson page or a recording is for a class: no key hints, no play/speed chrome.
     * A window held upright is a phone: no keys to hint at, the control strip instead. */
    const int classroom = view->lesson || view->broken || view->recording;
    if (!classroom && !upright) show |= UI_SHOW_HINTS;
    /* The picture the page talks about stays big when the zoom reflows the panels. */
    if (view->lesson && xl_player_emphasis(view->lesson)[0]) {
        const int emph = ui_panel_find(xl_player_emphasis(view->lesson));
        if (emph > UI_PANEL_NONE && (show & ui_panel_show_bit(emph))) show |= UI_LAYOUT_MAIN(emph);
    }
    /* And every panel the page talks about stays, unfolded (xl_page_panels). */
    if (view->lesson) show |= ui_scene_page_needs(view->lesson, show);
    const int own_data = (show & UI_SHOW_DATA) != 0, own_side = (show & UI_SHOW_SIDE) != 0;
    /* A video is for a class, as a lesson page is: no buttons unless asked for. */
    const int strip_h = ui_controls_shown(view->controls, view->lesson || view->broken || view->recording,
                                          view->lesson && xl_player_controls(view->lesson))
                            ? ui_controls_height(sc->text, ui_scene_scale(w, h), view->px_per_point) : 0;
    const ui_layout dash = ui_layout_with_strip(w, h, scale, sc->text, show, strip_h);
    /* Focus: the layouts before and after the last change, and the frame between them. */
    const int to = view->focus, from = view->focus_from;
    const float t = view->focus == view->focus_from ? 1.0f : ui_ease(view->focus_t);
    const ui_layout LA = ui_layout_focus(&dash, w, sc->text, show, from);
    const ui_layout LB = ui_layout_focus(&dash, w, sc->text, show, to);
    ui_layout L = ui_layout_between(&LA, &LB, t);
    ui_ctx ctx = {
        .r = sc->r, .text = sc->text, .theme = th, .scale = scale,
        .line = (scale < 1.0f ? 1.0f : scale) * th->line_scale, .pad = L.pad,
        .unit = xl_session_unit(s),
        .hits = sc->drawing ? NULL : &sc->hits,
        .no_keys = view->recording,
    };
    /* The focused panel (the new one from halfway through a change, the old one before)
     * is drawn with its own larger type and marks: its own faces, so the others' stay
     * open at theirs. */
    ui_layout dash_copy = dash, LA_copy = LA, LB_copy = LB;
    const int big = t >= 0.5f ? to : from;
    const ui_layout *big_in = t >= 0.5f ? &LB_copy : &LA_copy;
    ui_ctx fctx = ctx;
    if (big != UI_PANEL_NONE && ui_layout_panel(&dash_copy, big) && ui_layout_panel(&dash_copy, big)->w > 0) {
        ui_layout big_copy = *big_in;
        const float f = ui_scene_focus_factor(*ui_layout_panel(&dash_copy, big), *ui_layout_panel(&big_copy, big));
        if (f > 1.0f && set_type(sc->focus_text, scale * f * th->text_scale, th, h, view->zoom) == 0) {
            fctx.text = sc->focus_text;
            fctx.scale = scale * f;
            fctx.line = ctx.line * f;
            fctx.pad = (int)((float)L.pad * f + 0.5f);
        }
    }
#define CTX_OF(id) ((id) == big ? &fctx : &ctx)
    /* A panel shrinking away mid-change is drawn while it still has room for a title. */
    const int min_h = 3 * ui_text_line_height(sc->text, UI_FONT_LABEL);
    for (int id = 1; id < UI_PANEL_COUNT; id++) {
        SDL_Rect *r = ui_layout_panel(&L, id);
        if (r->w > 0 && (r->h < min_h || r->w < 2 * min_h)) *r = (SDL_Rect){0, 0, 0, 0};
    }
    /* The panels' areas, as the layout gives them to the panels below. */
    SDL_Rect areas[UI_BACKDROP_MAX];
    int n = 0;
    const SDL_Rect candidates[] = {L.data, L.side, L.bars, L.readouts, L.landscape, L.history, L.renyi};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++)
        if (candidates[i].w > 0 && candidates[i].h > 0) areas[n++] = candidates[i];
    /* Not for a single frame (a screenshot): making the backdrop costs more than the
     * clear it saves once; nor while a focus change moves the panels every frame. */
    ui_rec_item(sc->r, ITEM_GROUND);
    if (sc->frames > 1 && t >= 1.0f && draw_backdrop(sc, view->theme, w, h, areas, n)) {
        ctx.backdrop = fctx.backdrop = sc->backdrop.rects;
        ctx.backdrop_n = fctx.backdrop_n = sc->backdrop.n;
    } else {
        clear_to(sc->r, th->background, w, h);
    }
    if (!sc->drawing) sc->hits.n = 0;
    ui_frame_geom local;
    ui_frame_geom *g = geom ? geom : &local;
    g->scale = scale;
    g->layout = L;
    g->hits = &sc->hits;
    for (int id = 1; id < UI_PANEL_COUNT; id++) g->titles[id] = title_bar(CTX_OF(id), *ui_layout_panel(&L, id));

    /* The landscape's grid and heatmap, if they changed, are made by a helper thread
     * while the panels before it are drawn (none of them reads the landscape). */
    if (L.landscape.w > 0 && !xl_session_simplex(s)) ui_landscape_prepare(sc->landscape, CTX_OF(UI_PANEL_LANDSCAPE), s);
    ui_text_set_region(sc->text, L.status, 0);
    if (ui_rec_item_skippable(sc->r, ITEM_STATUS)) ui_status_draw(&ctx, mic_mark(&ctx, L.status, view), s, classroom);
    if (ui_rec_item_skippable(sc->r, ITEM_MIC)) mic_mark_draw(&ctx, L.status, view);
    if (ui_rec_item_skippable(sc->r, ITEM_DATA) && (own_data && L.data.w > 0)) {
        ui_text_set_region(CTX_OF(UI_PANEL_DATA)->text, L.data, 0);
        own->draw(CTX_OF(UI_PANEL_DATA), L.data, s);
    }
    if (ui_rec_item_skippable(sc->r, ITEM_SIDE) && (own_side && L.side.w > 0)) {
        ui_text_set_region(CTX_OF(UI_PANEL_SIDE)->text, L.side, 0);
        own->draw_side(CTX_OF(UI_PANEL_SIDE), L.side, s);
    }
    /* Each panel the scenario shows; the layout gave the others no room. */
    if (ui_rec_item_skippable(sc->r, ITEM_BARS) && L.bars.w > 0) ui_bars_draw(CTX_OF(UI_PANEL_BARS), L.bars, s, &g->bars);
    if (ui_rec_item_skippable(sc->r, ITEM_READOUTS) && L.readouts.w > 0) ui_readouts_draw(CTX_OF(UI_PANEL_READOUTS), L.readouts, s, &g->readouts);
    ui_rec_item(sc->r, ITEM_LANDSCAPE);
    if (L.landscape.w > 0 && xl_session_simplex(s)) {
        ui_text_set_region(CTX_OF(UI_PANEL_LANDSCAPE)->text, L.landscape, 0);
        ui_simplex_draw(sc->simplex, CTX_OF(UI_PANEL_LANDSCAPE), L.landscape, s, &g->simplex);
    } else if (L.landscape.w > 0) {
        ui_landscape_draw(sc->landscape, CTX_OF(UI_PANEL_LANDSCAPE), L.landscape, s, &g->landscape);
    }
    if (ui_rec_item_skippable(sc->r, ITEM_HISTORY) && L.history.w > 0) ui_history_draw(CTX_OF(UI_PANEL_HISTORY), L.history, s, &g->history);
    if (ui_rec_item_skippable(sc->r, ITEM_RENYI) && (L.renyi.w > 0)) {
        ui_text_set_region(CTX_OF(UI_PANEL_RENYI)->text, L.renyi, 0);
        ui_renyi_draw(CTX_OF(UI_PANEL_RENYI), L.renyi, s, ui_view_renyi_alpha(view), &g->renyi);
    }
#undef CTX_OF
    if (ui_rec_item_skippable(sc->r, ITEM_STRIP) && L.strip.w > 0) draw_strip(&ctx, L.strip, s, view->focus);
    /* A lesson's emphasis dims the other panels, under the tooltip, note and help. */
    if (ui_rec_item_skippable(sc->r, ITEM_DIM) && view->lesson && xl_player_emphasis(view->lesson)[0]) dim_others(sc->r, th, &L, xl_player_emphasis(view->lesson));
    /* Where the keys act (not in a video: no one holds its keys). */
    if (ui_rec_item_skippable(sc->r, ITEM_KEY_RING) && view->key_panel > UI_PANEL_NONE && view->key_panel < UI_PANEL_COUNT && !view->recording && t >= 1.0f)
        draw_key_outline(sc->r, th, *ui_layout_panel(&L, view->key_panel), L.gap);
    if (ui_rec_item_skippable(sc->r, ITEM_HINTS) && (L.hints.h > 0)) {
        ui_text_set_region(sc->text, L.hints, 0);
        ui_hints_draw(&ctx, L.hints, s, L.controls.h > 0, &g->help_hint);
    }
    if (ui_rec_item_skippable(sc->r, ITEM_CONTROLS) && (L.controls.h > 0)) {
        ui_text_set_region(sc->text, L.controls, 0);
        ui_controls_draw(&ctx, L.controls, s, view->pointer_over, view->pointer_x, view->pointer_y, view->pointer_down,
                         &g->controls);
    }
    /* The join card over the panels, under the tooltip, the note and the help sheet. */
    if (ui_rec_item_skippable(sc->r, ITEM_CARD) && view->class_card) draw_class_card(sc, view, th, w, h, g);
    if (ui_rec_item_skippable(sc->r, ITEM_HOVER) && view->pointer_in && !view->help_visible && !view->class_card) draw_hover(&ctx, g, s, view->pointer_x, view->pointer_y, w, h);
    if (ui_rec_item_skippable(sc->r, ITEM_NOTE) && view->note[0]) draw_note(&ctx, &L, view->note, w, h);
    if (ui_rec_item_skippable(sc->r, ITEM_HELP) && (view->help_visible)) {
        ui_text_set_region(sc->text, (SDL_Rect){0, 0, w, h}, 1);
        g->help_pages = ui_help_draw(&ctx, w, h, xl_session_scenario(s), view->help_visible - 1, &g->help_sheet);
    }
}

/* The lesson text's size factor: the frame's height over 720, times the largest of the
 * theme's steps at which every page of the lesson fits (never below 1: 1/32 of the
 * height). One size for the whole lesson where one fits every page: a page that fits
 * larger is not drawn larger than its neighbours, so the text keeps its size from page
 * to page. Large type (the zoom) that no step fits on some page: each page at the
 * largest size up to the zoom that fits it, the pages that fit at the zoom all at the
 * zoom's size, the long ones alone at the largest tenth of the zoom down to 1 that
 * fits them: the size changes only on a page that needs it. */
/* FNV-1a over what sizes the pages: their titles, narration, questions' text and counts. */
static unsigned long fingerprint(const xl_lesson *l)
{
    unsigned long hsh = 2166136261u;
    for (int k = 0; k < l->npages; k++) {
        const xl_page *pg = &l->pages[k];
        for (const char *c = pg->title; *c; c++) hsh = (hsh ^ (unsigned char)*c) * 16777619u;
        for (const char *c = pg->text; *c; c++) hsh = (hsh ^ (unsigned char)*c) * 16777619u;
        for (int q = 0; q < pg->nquestions; q++) {
            const xl_question *qu = &pg->questions[q];
            for (const char *c = qu->text; *c; c++) hsh = (hsh ^ (unsigned char)*c) * 16777619u;
            for (const char *c = qu->why; *c; c++) hsh = (hsh ^ (unsigned char)*c) * 16777619u;
            for (int a = 0; a < qu->nanswers; a++)
                for (const char *c = qu->answers[a]; *c; c++) hsh = (hsh ^ (unsigned char)*c) * 16777619u;
        }
        hsh = (hsh ^ (unsigned long)pg->nquestions) * 16777619u;
    }
    return hsh ^ (unsigned long)l->npages;
}

/* Whether page k fits the column at the text size lesson_text has now. */
static int page_fits(ui_scene *sc, const ui_view *view, SDL_Rect col, const ui_ctx *ctx, int k, int in_class)
{
    ui_ctx c = *ctx;
    c.pad = (int)(ui_text_line_height(sc->lesson_text, UI_FONT_LABEL) * 0.8f);
    return ui_lesson_page_fits_class(&c, col, view->lesson, k, in_class);
}

static float lesson_scale(ui_scene *sc, const ui_view *view, int w, int h, SDL_Rect col, const ui_ctx *ctx)
{
    const float base = (float)h / 720.0f;
    const float zoom = view->zoom > 1.0f ? view->zoom : 1.0f;
    if (!view->lesson) return base * zoom;
    struct fit_key key;
    memset(&key, 0, sizeof key); /* compared bytewise: the padding too */
    key.player = view->lesson;
    key.lesson = xl_player_lesson(view->lesson);
    key.print = fingerprint(key.lesson);
    key.w = w;
    key.h = h;
    key.theme = view->theme;
    key.zoom = zoom;
    key.in_class = view->poll != NULL;
    const int npages = key.lesson->npages < XL_LESSON_MAX_PAGES ? key.lesson->npages : XL_LESSON_MAX_PAGES;
    const int page = xl_player_page(view->lesson);
    if (memcmp(&key, &sc->fit_key, sizeof key) != 0 || !(sc->fits[0] > 0.0f)) {
        /* The sizes to try, largest first: the theme's steps at the zoom, then (large
         * type) the zoom's tenths down to 1. Each is set once and every page not yet
         * placed is tried at it. */
        static const float projector[] = {1.25f, 1.125f, 1.0f}, dark[] = {1.1f, 1.0f};
        const float *steps = view->theme == UI_THEME_LIGHT ? projector : dark;
        const int nsteps = view->theme == UI_THEME_LIGHT ? 3 : 2;
        float sizes[3 + 20];
        int n = 0;
        for (int i = 0; i < nsteps; i++) sizes[n++] = base * zoom * steps[i];
        for (int tenths = (int)lroundf(zoom * 10.0f) - 1; tenths >= 10 && n < (int)(sizeof sizes / sizeof sizes[0]);
             tenths--)
            sizes[n++] = base * (float)tenths / 10.0f;
        /* first[k]: the index of the largest size page k fits (n: none). */
        int first[XL_LESSON_MAX_PAGES];
        for (int k = 0; k < npages; k++) first[k] = n;
        for (int i = 0; i < n; i++) {
            if (set_type(sc->lesson_text, sizes[i], ui_theme_get(view->theme), h, view->zoom) != 0) break;
            for (int k = 0; k < npages; k++)
                if (first[k] == n && page_fits(sc, view, col, ctx, k, key.in_class)) first[k] = i;
        }
        /* The step every page fits, if one does: the smallest of their largest. */
        int shared = -1, all = 1;
        for (int k = 0; k < npages; k++) {
            if (first[k] < nsteps && first[k] > shared) shared = first[k];
            all = all && first[k] < nsteps;
        }
        for (int k = 0; k < npages; k++) {
            float f = base; /* no size fits: the frame's own, as at 1x */
            if (all) f = sizes[shared];                                       /* one size, as ever */
            else if (zoom > 1.0f && first[k] < nsteps) f = base * zoom;       /* the zoom's, alike */
            else if (zoom > 1.0f && first[k] < n) f = sizes[first[k]];        /* a long page alone */
            sc->fits[k] = f;
        }
        if (npages <= 0) sc->fits[0] = base * zoom;
        memset(&sc->fit_key, 0, sizeof sc->fit_key);
        sc->fit_key = key;
    }
    sc->fit = sc->fits[page >= 0 && page < npages ? page : 0];
    return sc->fit;
}

/* The frame's drawing, whole or as one pass of a retained frame (ui_rec). */
static void draw_frame(ui_scene *sc, const xl_session *s, const ui_view *view, int w, int h, ui_frame_geom *g)
{
    const int lesson = view->lesson || view->broken;
    SDL_Rect col = {0, 0, 0, 0}, scene = {0, 0, w, h};
    if (lesson) {
        col.w = ui_lesson_column_width(w);
        col.h = h;
        scene = (SDL_Rect){col.w, 0, w - col.w, h};
    }
    ui_view sv = *view;
    sv.pointer_x -= scene.x;
    sv.pointer_in = view->pointer_in && !view->menu_open && view->pointer_x >= scene.x;
    const ui_theme *th = ui_theme_get(view->theme);
    if (lesson) {
        /* The column's ground; the scene fills its own viewport. */
        ui_rec_item(sc->r, ITEM_COLUMN);
        clear_to(sc->r, th->background, col.w, col.h);
        ui_rec_set_viewport(sc->r, &scene);
    }
    draw_scene(sc, s, &sv, scene.w, scene.h, g);
    if (lesson) ui_rec_set_viewport(sc->r, NULL);
    g->scene = scene;
    ui_ctx ctx = {.r = sc->r, .text = sc->lesson_text, .theme = th, .scale = (float)h / 720.0f,
                  .line = ((float)h / 720.0f < 1.0f ? 1.0f : (float)h / 720.0f) * th->line_scale,
                  .unit = xl_session_unit(s)};
    if (ui_rec_item_skippable(sc->r, ITEM_LESSON) && (lesson || view->menu_open)) {
        float f = lesson ? lesson_scale(sc, view, w, h, col, &ctx) : (float)h / 720.0f;
        if (set_type(sc->lesson_text, f, th, h, view->zoom) != 0) return;
        ctx.pad = (int)(ui_text_line_height(sc->lesson_text, UI_FONT_LABEL) * 0.8f);
        ui_text_set_region(sc->lesson_text, col, 2);
        if (view->lesson) ui_lesson_draw(&ctx, col, view->lesson, view->poll, view->recording, &g->lesson);
        else if (view->broken) ui_lesson_draw_broken(&ctx, col, view->broken, view->lesson_watched, &g->lesson);
    }
    if (ui_rec_item_skippable(sc->r, ITEM_MENU) && (view->menu_open && view->library)) {
        set_type(sc->lesson_text, (float)h / 720.0f, th, h, view->zoom);
        ui_text_set_region(sc->lesson_text, (SDL_Rect){0, 0, w, h}, 3);
        ui_lesson_menu_draw(&ctx, w, h, view->library, view->menu_selected, view->lesson_path, &g->menu);
    }
}

void ui_scene_draw(ui_scene *sc, const xl_session *s, const ui_view *view, int w, int h, ui_frame_geom *geom)
{
    ui_frame_geom local;
    ui_frame_geom *g = geom ? geom : &local;
    /* From the second frame on: a one-frame screenshot skips rasterizing the glyphs of
     * numbers it does not show; a window or a video has them before its steady frames. */
    if (sc->frames++ > 0) {
        ui_text_prime(sc->text);
        ui_text_prime(sc->lesson_text);
        ui_text_prime(sc->focus_text);
        if (sc->card_text) ui_text_prime(sc->card_text);   /* the phones joined, counting up */
        if (sc->card_digits) ui_text_prime(sc->card_digits);
    }
    sc->damage_n = 1;
    sc->damage[0] = (SDL_Rect){0, 0, w, h};
    if (view->blank) {
        SDL_memset(g, 0, sizeof *g);
        g->scene = (SDL_Rect){0, 0, w, h};
        SDL_SetRenderDrawColor(sc->r, 0, 0, 0, 255);
        SDL_RenderClear(sc->r);
        sc->whole = 1;
        return;
    }
    if (!sc->retain || !sc->retained) {
        draw_frame(sc, s, view, w, h, g);
        return;
    }
    /* Retained: recorded, compared with the last frame, then drawn where it changed. */
    ui_rec_begin(sc->retained, UI_REC_RECORD, w, h);
    draw_frame(sc, s, view, w, h, g);
    const int n = ui_rec_end(sc->retained, sc->whole);
    sc->whole = 0;
    sc->damage_n = ui_rec_damage(sc->retained, sc->damage, UI_DAMAGE_MAX);
    if (n == 0) return;
    ui_rec_begin(sc->retained, UI_REC_DRAW, w, h);
    sc->pass_geom = *g;
    sc->drawing = 1;
    draw_frame(sc, s, view, w, h, &sc->pass_geom);
    sc->drawing = 0;
    if (!ui_rec_end(sc->retained, 0)) {
        /* The second pass met other operations than the first recorded (a drawing that
         * depends on something besides its inputs): the frame drawn whole, plainly. */
        sc->mismatches++;
        ui_rec_forget(sc->retained);
        draw_frame(sc, s, view, w, h, g);
        sc->damage_n = 1;
        sc->damage[0] = (SDL_Rect){0, 0, w, h};
    }
}

long ui_scene_mismatches(const ui_scene *sc)
{
    return sc->mismatches;
}

void ui_scene_draw_presenter(ui_scene *sc, const ui_view *view, double seconds, int w, int h)
{
    const ui_theme *th = ui_theme_get(view->theme);
    /* Read at arm's length on a laptop: larger than the main frame's type for its height,
     * bounded by the width so a narrow window keeps its columns. */
    float f = (float)h / 560.0f, fw = (float)w / 900.0f;
    if (fw < f) f = fw;
    if (ui_text_set_scale(sc->lesson_text, f) != 0) return;
    ui_ctx ctx = {.r = sc->r, .text = sc->lesson_text, .theme = th, .scale = f,
                  .line = (f < 1.0f ? 1.0f : f) * th->line_scale,
                  .pad = (int)(ui_text_line_height(sc->lesson_text, UI_FONT_LABEL) * 0.8f)};
    ui_text_set_region(sc->lesson_text, (SDL_Rect){0, 0, w, h}, 0);
    SDL_SetRenderDrawBlendMode(sc->r, SDL_BLENDMODE_NONE);
    ui_presenter_draw(&ctx, w, h, view->lesson, view->poll, view->broken, seconds);
}

void ui_scene_set_retain(ui_scene *sc, int on)
{
    if (on && !sc->retained) sc->retained = ui_rec_create(sc->r); /* NULL: frames stay whole */
    sc->retain = on != 0;
    sc->whole = 1;
}

void ui_scene_invalidate(ui_scene *sc)
{
    sc->whole = 1;
}

int ui_scene_damage(const ui_scene *sc, SDL_Rect *rects, int max)
{
    int n = 0;
    for (int i = 0; i < sc->damage_n && n < max; i++) rects[n++] = sc->damage[i];
    return n;
}

float ui_scene_narration_scale(const ui_scene *sc)
{
    return sc->fit;
}
