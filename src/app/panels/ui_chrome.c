/* ui_chrome: the status bar (what is running and how) and the key-hint bar. */
#include "ui_panels.h"

#include <stdio.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_input.h"
#include "ui_lang.h"

/* "Adam lr 0.50 β₁ 0.9 β₂ 0.999 ε 1×10⁻⁸", shorter forms with less. */
static void optimizer_text(char *buf, size_t n, const xl_session *s, const char *lr, int detail)
{
    const xl_optim *o = xl_sim_optimizer(xl_session_sim(s));
    if (xl_session_racing(s)) {
        size_t used = (size_t)snprintf(buf, n, "%s", _("race:"));
        for (int r = 0; r < xl_session_run_count(s) && used < n; r++)
            used += (size_t)snprintf(buf + used, n - used, "%s %s", r ? "," : "",
                                     xl_optim_kind_name(xl_sim_optimizer(xl_session_run_sim(s, r))->kind));
        if (used < n) snprintf(buf + used, n - used, " · lr %s", lr);
        return;
    }
    char e[48];
    const char *title = _(xl_optim_kind_title(o->kind));
    if (!detail || o->kind == XL_OPTIM_GD) snprintf(buf, n, "%s · lr %s", detail ? title : xl_optim_kind_name(o->kind), lr);
    else if (o->kind == XL_OPTIM_ADAM)
        snprintf(buf, n, "%s · lr %s β₁ %g β₂ %g ε %s", title, lr, o->hyper.beta1, o->hyper.beta2,
                 ui_format_fit(e, sizeof e, o->hyper.eps, 0, 6));
    else snprintf(buf, n, "%s · lr %s μ %g", title, lr, o->hyper.mu);
}

void ui_status_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, int classroom)
{
    const ui_theme *th = ctx->theme;
    const xl_sim *sim = xl_session_sim(s);
    const xl_scenario_def *def = xl_session_scenario(s);
    xl_bars bars;
    xl_session_bars(s, &bars);
    char left[4][128], right[4][256], lr[48], unit[32], opt[2][160], state_long[96];
    ui_draw_fill(ctx->r, area, th->kind == UI_THEME_DARK ? th->panel : ui_mix(th->panel, th->grid, 0.5f));
    ui_draw_line(ctx->r, area.x, area.y + area.h - 0.5f, area.x + area.w, area.y + area.h - 0.5f, 1.0f, th->border);
    int y = area.y + (area.h - ui_text_line_height(ctx->text, UI_FONT_STATUS)) / 2;

    int items = def->population ? def->population(xl_session_state(s)) : def->item_count(xl_session_state(s));
    /* The nouns' plurals, translated whole (a language's plural is not an added "s"). */
    static const struct { const char *one, *many; } plurals[] = {
        {"class", N_("classes")}, {"sample", N_("samples")}, {"system", N_("systems")}, {"cell", N_("cells")},
        {"density", N_("densities")},
    };
    char many[64];
    size_t noun_len = strlen(def->item_noun);
    snprintf(many, sizeof many, "%s%s", def->item_noun, noun_len && def->item_noun[noun_len - 1] == 's' ? "es" : "s");
    for (size_t i = 0; i < sizeof plurals / sizeof plurals[0]; i++)
        if (strcmp(def->item_noun, plurals[i].one) == 0) snprintf(many, sizeof many, "%s", _(plurals[i].many));
    const char *title = _(def->title);
    if (items > 1) snprintf(left[0], sizeof left[0], "xentlab · %s · %d %s", title, items, many);
    else snprintf(left[0], sizeof left[0], "xentlab · %s", title); /* "1 density" says nothing */
    snprintf(left[1], sizeof left[1], "xentlab · %s", title);
    snprintf(left[2], sizeof left[2], "%s", title); /* the scene's name stays; the program's goes */
    snprintf(left[3], sizeof left[3], "%s", def->id); /* large type (the zoom): its short name, not a title cut */
    double rate = xl_sim_lr(sim);
    ui_format_fit(lr, sizeof lr, rate, rate < 0.01 ? 3 : 2, 8);
    if (rate < 0.01 && rate >= 0.001) snprintf(lr, sizeof lr, "%.3f", rate);
    optimizer_text(opt[0], sizeof opt[0], s, lr, 1);
    optimizer_text(opt[1], sizeof opt[1], s, lr, 0);
    /* A scenario that says its own status (the solids, the coins, the ring) is not
     * described by its learning rate: its shortest wording is the step alone. */
    const int own_status = def->status_text && def->status_text(xl_session_state(s), ui_tr, opt[0], sizeof opt[0]);
    if (own_status)
        snprintf(opt[1], sizeof opt[1], "%s", opt[0]);
    int diverged = xl_sim_status_get(sim) == XL_SIM_DIVERGED;
    int playing = xl_session_playing(s);
    snprintf(state_long, sizeof state_long, _("■ diverged at step %ld: lower lr, press R"), xl_sim_diverged_at(sim));
    const char *states[2] = {
        diverged ? state_long : playing ? _("▶ playing") : _("❚❚ paused"),
        diverged ? _("■ diverged (R)") : playing ? "▶" : "❚❚",
    };
    if (classroom && !diverged) states[0] = states[1] = "";
    snprintf(right[0], sizeof right[0], _("step %ld · %s · %d steps/s · "), xl_sim_steps(sim), opt[0],
             xl_session_steps_per_second(s));
    snprintf(right[1], sizeof right[1], _("step %ld · %s · "), xl_sim_steps(sim), opt[0]);
    snprintf(right[2], sizeof right[2], _("step %ld · %s · "), xl_sim_steps(sim), opt[1]);
    if (xl_session_racing(s)) /* the runners are named in the legends */
        snprintf(right[3], sizeof right[3], _("step %ld · race of %d · lr %s · "), xl_sim_steps(sim),
                 xl_session_run_count(s), lr);
    else if (own_status || def->gradient_free)
        snprintf(right[3], sizeof right[3], _("step %ld · "), xl_sim_steps(sim));
    else
        snprintf(right[3], sizeof right[3], _("step %ld · lr %s · "), xl_sim_steps(sim), lr);
    snprintf(unit, sizeof unit, " · %s", xl_unit_name(ctx->unit));
    if (classroom && !diverged) {
        /* A class sees where the run is, not how fast it goes or whether it is paused. */
        snprintf(right[0], sizeof right[0], _("step %ld · %s · "), xl_sim_steps(sim), opt[0]);
        for (int i = 0; i < 4; i++) {
            size_t len = strlen(right[i]), sep = strlen(" · ");
            if (len >= sep && strcmp(right[i] + len - sep, " · ") == 0) right[i][len - sep] = '\0';
        }
    }

    /* The longest wording of both sides that fits with a gap between them: the play
     * state, the numbers and the scene's name stay; details and "xentlab" go first. */
    int room = area.w - 2 * ctx->pad, gap = ctx->pad * 2;
    int unit_w = ui_text_width(ctx->text, UI_FONT_STATUS, unit);
    int li = 0, ri = 0, si = 0, found = 0;
    for (int r = 0; r < 5 && !found; r++) {
        ri = r < 4 ? r : 3;
        si = r < 4 ? 0 : 1;
        int rw = ui_text_width(ctx->text, UI_FONT_STATUS, right[ri]) +
                 ui_text_width(ctx->text, UI_FONT_STATUS, states[si]) + unit_w;
        for (li = 0; li < 3; li++)
            if (ui_text_width(ctx->text, UI_FONT_STATUS, left[li]) + gap + rw <= room) {
                found = 1;
                break;
            }
    }
    /* Only when no wording of the title fits beside the shortest numbers: its short name. */
    if (!found && ui_text_width(ctx->text, UI_FONT_STATUS, left[3]) + gap + ui_text_width(ctx->text, UI_FONT_STATUS, right[3]) +
                          ui_text_width(ctx->text, UI_FONT_STATUS, states[1]) + unit_w <= room) {
        li = 3;
        ri = 3;
        si = 1;
        found = 1;
    }
    int x = area.x + area.w - ctx->pad;
    x -= ui_text_draw(ctx->text, UI_FONT_STATUS, x, y, UI_ALIGN_RIGHT, th->text, unit);
    x -= ui_text_draw(ctx->text, UI_FONT_STATUS, x, y, UI_ALIGN_RIGHT,
                      diverged ? th->surprise : playing ? th->inherent : th->text, states[si]);
    char cut[256];
    /* Nothing fits whole (a phone held upright): the numbers and the name share the room. */
    const int right_room = found ? x - area.x - ctx->pad : (x - area.x - ctx->pad) / 2;
    ui_text_fit(ctx->text, UI_FONT_STATUS, right[ri], right_room, cut, sizeof cut);
    const int right_w = ui_text_draw(ctx->text, UI_FONT_STATUS, x, y, UI_ALIGN_RIGHT, th->text, cut);
    x -= right_w; /* the left side's room ends where this begins */
    /* A refused command says why where the scene's name stands, until the next
     * command: a key that does nothing in this scenario must not look broken. */
    const char *msg = xl_session_message(s);
    if (msg[0] && x - area.x - 2 * ctx->pad > 0) {
        char why[256];
        ui_text_fit(ctx->text, UI_FONT_STATUS, msg, x - area.x - 3 * ctx->pad, why, sizeof why);
        ui_text_draw(ctx->text, UI_FONT_STATUS, area.x + ctx->pad, y, UI_ALIGN_LEFT, th->surprise, why);
    } else if (found) {
        ui_text_draw(ctx->text, UI_FONT_STATUS, area.x + ctx->pad, y, UI_ALIGN_LEFT, th->text, left[li]);
    } else { /* nothing fits whole: the scene's name as far as it goes */
        char name[128];
        ui_text_fit(ctx->text, UI_FONT_STATUS, left[2], x - area.x - 3 * ctx->pad, name, sizeof name);
        ui_text_draw(ctx->text, UI_FONT_STATUS, area.x + ctx->pad, y, UI_ALIGN_LEFT, th->text, name);
    }
}

/* One hint: what it says and the name of the command a click on it sends (the key's,
 * or its "up" half for a pair like +/−); NULL: none. */
typedef struct hint {
    const char *text;
    const char *name;
} hint;

/* def's verbs that have a hint, in the order declared. */
static int verb_hints(const xl_scenario_def *def, hint *out, int n, int cap)
{
    for (int v = 0; v < def->verb_count && n < cap; v++)
        if (def->verbs[v].hint) out[n++] = (hint){def->verbs[v].hint, def->verbs[v].name};
    return n;
}

/* The hints for def: the general list with def's verbs after the selection, or the
 * time keys, the commands def's hint_bar names, the optimizer's keys where something
 * learns, and the view's. */
static int scenario_hints(const xl_scenario_def *def, hint *out, int cap)
{
    static const hint general[] = {
        {N_("Space play"), "toggle-play"}, {N_("N step"), "step"}, {N_("R reset"), "reset"}, {N_("+/− lr"), "lr-up"},
        {N_("G optimizer"), "optimizer-next"}, {N_("C race"), "race-toggle"}, {N_("S scenario"), "scenario-next"},
        {N_("1–9 ⇧←/→ select"), "select-next"}, {NULL, NULL}, /* the verbs go here */
        {N_("Comma slice"), "slice-next"}, {N_("V plane"), "frame"}, {N_("L nats/bits"), "unit"}, {N_("T theme"), NULL},
        {N_("[ ] speed"), "speed-up"},
    };
    int n = 0;
    if (!def->hint_bar) {
        for (size_t i = 0; i < sizeof general / sizeof general[0] && n < cap; i++)
            if (general[i].text) out[n++] = general[i];
            else n = verb_hints(def, out, n, cap);
        return n;
    }
    static const hint time_keys[] = {{N_("Space play"), "toggle-play"}, {N_("N step"), "step"}, {N_("R reset"), "reset"}};
    static const hint learn_keys[] = {{N_("+/− lr"), "lr-up"}, {N_("G optimizer"), "optimizer-next"},
                                      {N_("C race"), "race-toggle"}};
    static const hint landscape_keys[] = {{N_("Comma slice"), "slice-next"}, {N_("V plane"), "frame"}};
    static const hint view_keys[] = {{N_("S scenario"), "scenario-next"}, {N_("[ ] speed"), "speed-up"},
                                     {N_("L nats/bits"), "unit"}, {N_("T theme"), NULL}};
    for (size_t i = 0; i < 3 && n < cap; i++) out[n++] = time_keys[i];
    for (const char *const *k = def->hint_bar; *k && n < cap; k++)
        if (ui_input_hint(def, *k)) out[n++] = (hint){ui_input_hint(def, *k), *k};
    for (size_t i = 0; i < 3 && n < cap && !def->gradient_free; i++) out[n++] = learn_keys[i];
    for (size_t i = 0; i < 2 && n < cap && (def->panels & XL_PANEL_LANDSCAPE); i++) out[n++] = landscape_keys[i];
    for (size_t i = 0; i < 4 && n < cap; i++) out[n++] = view_keys[i];
    return n;
}

/* What a click on the hint named `name` does, for its tooltip. */
static const char *hint_help(const xl_scenario_def *def, const char *name)
{
    const int v = xl_scenario_verb_index(def, name);
    if (v >= 0) return def->verbs[v].help;
    const xl_command_kind k = xl_command_find(name, strlen(name));
    return k != XL_CMD_NONE ? xl_command_help(k) : name;
}

/* 1 if the control strip has a button for the hint named `name`. */
static int on_the_strip(const char *name)
{
    static const char *const strip[] = {"toggle-play", "step", "reset", "lr-up", "optimizer-next", "scenario-next",
                                        "speed-up"};
    for (size_t i = 0; name && i < sizeof strip / sizeof strip[0]; i++)
        if (strcmp(name, strip[i]) == 0) return 1;
    return 0;
}

void ui_hints_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, int strip, SDL_Rect *help_box)
{
    hint hints[40];
    const xl_scenario_def *def = xl_session_scenario(s);
    int count = scenario_hints(def, hints, 39);
    if (strip) {
        /* The buttons above say those keys: the room goes to the rest and to focus. */
        int kept = 0;
        for (int i = 0; i < count; i++)
            if (!on_the_strip(hints[i].name)) hints[kept++] = hints[i];
        count = kept;
        memmove(hints + 1, hints, (size_t)count * sizeof hints[0]);
        hints[0] = (hint){N_("F2 focus"), NULL};
        count++;
    }
    const ui_theme *th = ctx->theme;
    ui_draw_fill(ctx->r, area, th->kind == UI_THEME_DARK ? th->panel : ui_mix(th->panel, th->grid, 0.5f));
    ui_draw_line(ctx->r, area.x, area.y + 0.5f, area.x + area.w, area.y + 0.5f, 1.0f, th->border);
    int y = area.y + (area.h - ui_text_line_height(ctx->text, UI_FONT_TICK)) / 2;
    const char *help = _("H help");
    int help_w = ui_text_width(ctx->text, UI_FONT_TICK, help);
    int sep_w = ui_text_width(ctx->text, UI_FONT_TICK, "  ·  ");
    int x = area.x + ctx->pad, limit = area.x + area.w - ctx->pad - help_w - sep_w;
    for (int i = 0; i < count; i++) {
        const char *text = _(hints[i].text);
        int w = ui_text_width(ctx->text, UI_FONT_TICK, text);
        if (x + w > limit) break;
        /* The bar is a toolbar too: a click on a hint does what its key does, so a demo
         * runs with the mouse alone. */
        if (hints[i].name) {
            char what[96];
            snprintf(what, sizeof what, _("click: %s"), _(hint_help(def, hints[i].name)));
            const ui_region_drag click = {NULL, hints[i].name, UI_DRAG_VALUE_U, -1, 0, 0, 0, 0};
            ui_hit_add_edit(ctx, (SDL_Rect){x - 2, area.y, w + 4, area.h}, click, what, NULL, NULL);
        }
        x += ui_text_draw(ctx->text, UI_FONT_TICK, x, y, UI_ALIGN_LEFT, th->text_dim, text);
        x += ui_text_draw(ctx->text, UI_FONT_TICK, x, y, UI_ALIGN_LEFT, th->text_dim, "  ·  ");
    }
    const int help_drawn = ui_text_draw(ctx->text, UI_FONT_TICK, x, y, UI_ALIGN_LEFT, th->text, help);
    if (help_box) *help_box = (SDL_Rect){x - 2, area.y, help_drawn + 4, area.h};
}
