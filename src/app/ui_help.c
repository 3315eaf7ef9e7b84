/* ui_help: the key reference, a translucent sheet over the scene in two columns
 * grouped by purpose. Any key closes it. */
#include "ui_panels.h"

#include "ui_draw.h"

typedef struct help_row { const char *keys, *what; } help_row;

static const help_row learning[] = {
    {"Space", "play / pause gradient descent"},
    {"N  or  →", "one step"},
    {"R", "reset the logits to the start"},
    {"+  /  −", "learning rate up / down"},
    {"]  /  [", "more / fewer steps per second"},
    {NULL, NULL},
    {"Tab", "show the next pair of logits"},
    {"Shift+Tab", "previous pair"},
};
static const help_row truth[] = {
    {"1 … 9", "select a class"},
    {"↑  /  ↓", "raise / lower its true p"},
    {"O", "P one-hot on the selected class"},
    {"U", "P uniform"},
    {NULL, NULL},
    {"L", "logarithm: nats (ln) or bits (log₂)"},
    {"T", "projector / dark theme"},
    {"F11", "fullscreen"},
    {"H  F1  ?", "this help"},
    {"Q  or  Esc", "quit"},
};

static int column(const ui_ctx *ctx, int x, int y, int key_w, const char *title,
                  const help_row *rows, int n)
{
    const ui_theme *th = ctx->theme;
    int lh = ui_text_line_height(ctx->text, UI_FONT_HELP);
    ui_text_draw(ctx->text, UI_FONT_TITLE, x, y, UI_ALIGN_LEFT, th->text_dim, title);
    y += ui_text_line_height(ctx->text, UI_FONT_TITLE) + lh / 3;
    for (int i = 0; i < n; i++) {
        if (!rows[i].keys) {
            y += lh / 2;
            continue;
        }
        ui_text_draw(ctx->text, UI_FONT_HELP, x, y, UI_ALIGN_LEFT, th->text, rows[i].keys);
        ui_text_draw(ctx->text, UI_FONT_HELP, x + key_w, y, UI_ALIGN_LEFT, th->text_dim, rows[i].what);
        y += lh * 5 / 4;
    }
    return y;
}

void ui_help_draw(const ui_ctx *ctx, int w, int h)
{
    const ui_theme *th = ctx->theme;
    ui_draw_fill(ctx->r, (SDL_Rect){0, 0, w, h}, ui_rgba(th->background, 150));
    int lh = ui_text_line_height(ctx->text, UI_FONT_HELP);
    int key_w = ui_text_width(ctx->text, UI_FONT_HELP, "Q  or  Esc") + lh;
    int col_w = key_w + ui_text_width(ctx->text, UI_FONT_HELP, "logarithm: nats (ln) or bits (log₂)") + lh;
    int sheet_w = 2 * col_w + 3 * lh;
    int sheet_h = ui_text_line_height(ctx->text, UI_FONT_HEADING) + 14 * lh + 4 * lh;
    if (sheet_w > w - 2 * lh) sheet_w = w - 2 * lh;
    if (sheet_h > h - 2 * lh) sheet_h = h - 2 * lh;
    SDL_Rect sheet = {(w - sheet_w) / 2, (h - sheet_h) / 2, sheet_w, sheet_h};
    ui_draw_fill(ctx->r, sheet, th->overlay);
    ui_draw_frame(ctx->r, sheet, (int)ui_lw(ctx, 1.0f), th->border);
    int x = sheet.x + lh * 3 / 2, y = sheet.y + lh;
    ui_text_draw(ctx->text, UI_FONT_HEADING, x, y, UI_ALIGN_LEFT, th->text, "Keys");
    ui_text_draw(ctx->text, UI_FONT_HELP, sheet.x + sheet.w - lh * 3 / 2, y + 2, UI_ALIGN_RIGHT,
                 th->text_dim, "any key closes this");
    y += ui_text_line_height(ctx->text, UI_FONT_HEADING) + lh;
    column(ctx, x, y, key_w, "LEARNING", learning, (int)(sizeof learning / sizeof learning[0]));
    column(ctx, x + col_w + lh, y, key_w, "THE TRUTH P  ·  VIEW", truth, (int)(sizeof truth / sizeof truth[0]));
}
