/* ui_chrome: the status bar (what is running and how) and the key-hint bar. */
#include "ui_panels.h"

#include <stdio.h>

#include "ui_draw.h"

void ui_status_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s)
{
    const ui_theme *th = ctx->theme;
    const xl_sim *sim = xl_session_sim(s);
    const xl_classifier *c = xl_session_classifier(s);
    char left[128], right[192], lr[32];
    ui_draw_fill(ctx->r, area, th->kind == UI_THEME_DARK ? th->panel : ui_mix(th->panel, th->grid, 0.5f));
    ui_draw_line(ctx->r, area.x, area.y + area.h - 0.5f, area.x + area.w, area.y + area.h - 0.5f, 1.0f, th->border);
    int y = area.y + (area.h - ui_text_line_height(ctx->text, UI_FONT_STATUS)) / 2;

    snprintf(left, sizeof left, "xentlab · softmax classifier · %d classes", c->n);
    ui_text_draw(ctx->text, UI_FONT_STATUS, area.x + ctx->pad, y, UI_ALIGN_LEFT, th->text, left);

    double rate = xl_sim_lr(sim);
    snprintf(lr, sizeof lr, rate < 0.01 ? "%.3f" : "%.2f", rate);
    int diverged = xl_sim_status_get(sim) == XL_SIM_DIVERGED;
    const char *state = diverged ? "■ diverged: lower lr, press R"
                      : xl_session_playing(s) ? "▶ playing" : "❚❚ paused";
    snprintf(right, sizeof right, "step %ld · lr %s · %d steps/s · ", xl_sim_steps(sim), lr,
             xl_session_steps_per_second(s));
    char unit[32];
    snprintf(unit, sizeof unit, " · %s", xl_unit_name(ctx->unit));
    int x = area.x + area.w - ctx->pad;
    x -= ui_text_draw(ctx->text, UI_FONT_STATUS, x, y, UI_ALIGN_RIGHT, th->text, unit);
    x -= ui_text_draw(ctx->text, UI_FONT_STATUS, x, y, UI_ALIGN_RIGHT,
                      diverged ? th->surprise : xl_session_playing(s) ? th->inherent : th->text, state);
    ui_text_draw(ctx->text, UI_FONT_STATUS, x, y, UI_ALIGN_RIGHT, th->text, right);
}

void ui_hints_draw(const ui_ctx *ctx, SDL_Rect area)
{
    static const char *const hints[] = {
        "Space play", "N step", "R reset", "+/− lr", "1–9 ⇧←/→ class", "↑/↓ p", "O one-hot",
        "U uniform", "Tab slice", "L nats/bits", "T theme", "[ ] speed", "P restore P",
    };
    const ui_theme *th = ctx->theme;
    ui_draw_fill(ctx->r, area, th->kind == UI_THEME_DARK ? th->panel : ui_mix(th->panel, th->grid, 0.5f));
    ui_draw_line(ctx->r, area.x, area.y + 0.5f, area.x + area.w, area.y + 0.5f, 1.0f, th->border);
    int y = area.y + (area.h - ui_text_line_height(ctx->text, UI_FONT_TICK)) / 2;
    const char *help = "H help";
    int help_w = ui_text_width(ctx->text, UI_FONT_TICK, help);
    int sep_w = ui_text_width(ctx->text, UI_FONT_TICK, "  ·  ");
    int x = area.x + ctx->pad, limit = area.x + area.w - ctx->pad - help_w - sep_w;
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++) {
        int w = ui_text_width(ctx->text, UI_FONT_TICK, hints[i]);
        if (x + w > limit) break;
        x += ui_text_draw(ctx->text, UI_FONT_TICK, x, y, UI_ALIGN_LEFT, th->text_dim, hints[i]);
        x += ui_text_draw(ctx->text, UI_FONT_TICK, x, y, UI_ALIGN_LEFT, th->text_dim, "  ·  ");
    }
    ui_text_draw(ctx->text, UI_FONT_TICK, x, y, UI_ALIGN_LEFT, th->text, help);
}
