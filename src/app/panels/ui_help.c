/* ui_help: the key reference, a translucent sheet over the scene in two columns
 * grouped by purpose. Any key closes it. The left column and the view's keys are the
 * shared commands' (the same in every scenario); the scenario's own keys are read from
 * its record's verbs (xl_verb_def: key and help), so a new scenario's keys show here
 * without an edit. */
#include "ui_panels.h"

#include <stdio.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_input.h"
#include "ui_platform.h"

/* what_in_browser: what the key does in a web page when it differs (NULL: the same). */
typedef struct help_row { const char *keys, *what, *what_in_browser; } help_row;

static const char *row_what(const help_row *row)
{
    return row->what_in_browser && ui_platform_is_browser() ? row->what_in_browser : row->what;
}

static const help_row learning[] = {
    {"Space", "play / pause", NULL},
    {"N  or  →", "one step", NULL},
    {"R", "reset to the start", NULL},
    {"^Z  /  ^Y", "undo / redo the last edit", NULL},
    {"Backspace", "one step back (or drag in the history)", NULL},
    {"+  /  −", "learning rate up / down", NULL},
    {"]  /  [", "more / fewer steps per second", NULL},
    {"G", "next optimizer", NULL},
    {"Y  /  ⇧Y", "momentum μ up / down", NULL},
    {"B  /  ⇧B", "Adam's β₁ up / down", NULL},
    {"^B  /  ⇧^B", "Adam's β₂ up / down", NULL},
    {"E  /  ⇧E", "Adam's ε × 10 / ÷ 10", NULL},
    {"C", "race the four optimizers, or stop", NULL},
    {NULL, NULL, NULL},
    {"Tab", "show the next pair of parameters", NULL},
    {"⇧Tab", "previous pair", NULL},
    {"V", "landscape: slice / fixed plane", NULL},
    {"S  /  ⇧S", "next / previous scenario", NULL},
    {NULL, NULL, NULL},
    {"M", "the lessons", NULL},
    {"PgDn  /  PgUp", "lesson: next / back page", NULL},
    {"Esc", "lesson: to the sandbox (PgDn: back)", NULL},
    {"F5  /  ⇧F5", "lesson: this page again / page 1", NULL},
    {"B  or  .", "lesson: blank the screen", NULL},
    {"P", "lesson: presenter view", "lesson: presenter view (desktop only)"},
};
/* After the scenario's own keys: the view, the window and the mouse. */
static const help_row view_rows[] = {
    {NULL, NULL, NULL},
    {"L", "logarithm: nats (ln) or bits (log₂)", NULL},
    {"T", "projector / dark theme", NULL},
    {"F11", "fullscreen", NULL},
    {"F12", "save a picture (PNG)", "download a picture (PNG)"},
    {"H  F1  ?", "this help", NULL},
    {"Q  or  Esc", "quit", "quit: close the tab"},
    {NULL, NULL, NULL},
    /* The mouse (ui_pointer.c), which the keys do not say. */
    {"hover", "exact values in a tooltip", NULL},
    {"click  drag", "select; drag P, a sample, the peak, ρ(0)", NULL},
    {"landscape", "click/drag the point, ^click the start", NULL},
    {"wheel", "zoom; right-drag pans; double-click fits", NULL},
};

enum { SCENARIO_ROWS_MAX = 2 + 2 * 16, KEY_TEXT_MAX = 40 };

/* A verb's help as the sheet shows it: up to its first ": " or " (" (the ladder and the
 * details are --list-commands' and the man page's), into buf[n]. */
static const char *short_help(const char *help, char *buf, size_t n)
{
    size_t len = strlen(help);
    const char *colon = strstr(help, ": "), *paren = strstr(help, " (");
    if (colon && (size_t)(colon - help) < len) len = (size_t)(colon - help);
    if (paren && (size_t)(paren - help) < len) len = (size_t)(paren - help);
    snprintf(buf, n, "%.*s", (int)len, help);
    return buf;
}

/* The second column: selection, def's verbs that have a key (one row each, in the
 * order declared), then view_rows. keys[] and whats[] hold the texts the rows point
 * into. */
static int scenario_rows(const xl_scenario_def *def, help_row *rows, int cap, char (*keys)[KEY_TEXT_MAX],
                         char (*whats)[KEY_TEXT_MAX * 2], char *select_what, size_t select_n)
{
    int n = 0;
    snprintf(select_what, select_n, "select a %s", def->item_noun ? def->item_noun : "class or sample");
    rows[n++] = (help_row){"1 … 9", select_what, NULL};
    rows[n++] = (help_row){"⇧←  /  ⇧→", "select previous / next", NULL};
    for (int v = 0; v < def->verb_count && n < cap - 1; v++) {
        const xl_verb_def *d = &def->verbs[v];
        if (!d->keys[0].code) continue; /* scripts' and lessons' only: --list-commands has them */
        char *k = keys[n];
        ui_input_key_text(d->keys[0], 1, k, KEY_TEXT_MAX);
        if (d->keys[1].code) {
            char second[KEY_TEXT_MAX];
            snprintf(k + strlen(k), KEY_TEXT_MAX - strlen(k), "  or  %s",
                     ui_input_key_text(d->keys[1], 1, second, sizeof second));
        }
        rows[n] = (help_row){k, short_help(d->help, whats[n], sizeof whats[n]), NULL};
        n++;
    }
    const int nv = (int)(sizeof view_rows / sizeof view_rows[0]);
    for (int i = 0; i < nv && n < cap; i++) rows[n++] = view_rows[i];
    return n;
}

static int rows_width(const ui_ctx *ctx, ui_font font, const help_row *rows, int n, int *key_w)
{
    int kw = 0, ww = 0;
    for (int i = 0; i < n; i++) {
        if (!rows[i].keys) continue;
        int k = ui_text_width(ctx->text, font, rows[i].keys), w = ui_text_width(ctx->text, font, row_what(&rows[i]));
        if (k > kw) kw = k;
        if (w > ww) ww = w;
    }
    *key_w = kw;
    return ww;
}

/* max_w: the column's width on the sheet. Where even the smallest type (held at the
 * room's floor, shared/DESIGN.md) is too wide for a small window, a row's words are
 * cut with "…" rather than drawn past the sheet. */
static int column(const ui_ctx *ctx, ui_font font, int x, int y, int key_w, int max_w, const char *title,
                  const help_row *rows, int n)
{
    const ui_theme *th = ctx->theme;
    int lh = ui_text_line_height(ctx->text, font);
    char cut[KEY_TEXT_MAX * 2];
    ui_text_fit(ctx->text, UI_FONT_TITLE, title, max_w, cut, sizeof cut);
    ui_text_draw(ctx->text, UI_FONT_TITLE, x, y, UI_ALIGN_LEFT, th->text_dim, cut);
    y += ui_text_line_height(ctx->text, UI_FONT_TITLE) + lh / 3;
    for (int i = 0; i < n; i++) {
        if (!rows[i].keys) {
            y += lh / 2;
            continue;
        }
        ui_text_draw(ctx->text, font, x, y, UI_ALIGN_LEFT, th->text, rows[i].keys);
        ui_text_fit(ctx->text, font, row_what(&rows[i]), max_w - key_w, cut, sizeof cut);
        ui_text_draw(ctx->text, font, x + key_w, y, UI_ALIGN_LEFT, th->text_dim, cut);
        y += lh * 5 / 4;
    }
    return y;
}

/* The footer's share of the sheet: its line and the margin under it. */
static int footer_h(const ui_ctx *ctx, ui_font font)
{
    return ui_text_line_height(ctx->text, font) * 2;
}

void ui_help_draw(const ui_ctx *ctx, int w, int h, const xl_scenario_def *def)
{
    const ui_theme *th = ctx->theme;
    help_row truth[SCENARIO_ROWS_MAX + 16];
    char keys[SCENARIO_ROWS_MAX + 16][KEY_TEXT_MAX], whats[SCENARIO_ROWS_MAX + 16][KEY_TEXT_MAX * 2];
    char select_what[64];
    const int nt = scenario_rows(def, truth, SCENARIO_ROWS_MAX + 16, keys, whats, select_what, sizeof select_what);
    const char *title = "THIS SCENARIO  ·  VIEW  ·  MOUSE";
    /* In a web page, what the page cannot do and where it is done instead. */
    const char *footer = ui_platform_is_browser()
        ? "In a web page, video export and the presenter view need the desktop program."
        : NULL;
    const int nl = (int)(sizeof learning / sizeof learning[0]);
    ui_draw_fill(ctx->r, (SDL_Rect){0, 0, w, h}, ui_rgba(th->background, 150));
    /* The largest type whose two columns fit the window. */
    static const ui_font fonts[] = {UI_FONT_HELP, UI_FONT_LABEL, UI_FONT_TICK};
    ui_font font = UI_FONT_TICK;
    int key_w = 0, col_w = 0, lh = 0;
    for (int f = 0; f < 3; f++) {
        font = fonts[f];
        lh = ui_text_line_height(ctx->text, font);
        int k1, k2;
        int w1 = rows_width(ctx, font, learning, nl, &k1), w2 = rows_width(ctx, font, truth, nt, &k2);
        key_w = (k1 > k2 ? k1 : k2) + lh;
        col_w = key_w + (w1 > w2 ? w1 : w2) + lh;
        int rows_h = (nt > nl ? nt : nl) * lh * 5 / 4;
        int need_h = ui_text_line_height(ctx->text, UI_FONT_HEADING) + ui_text_line_height(ctx->text, UI_FONT_TITLE) +
                     rows_h + 4 * lh + (footer ? footer_h(ctx, font) : 0);
        /* Both ways: a wide, short window (2560x1080) runs out of height first. */
        if (2 * col_w + 4 * lh <= w - 2 * lh && need_h <= h - 2 * lh) break;
    }
    int rows = nt > nl ? nt : nl;
    int sheet_w = 2 * col_w + 4 * lh;
    int sheet_h = ui_text_line_height(ctx->text, UI_FONT_HEADING) + ui_text_line_height(ctx->text, UI_FONT_TITLE) +
                  rows * lh * 5 / 4 + 4 * lh + (footer ? footer_h(ctx, font) : 0);
    if (sheet_w > w - 2 * lh) sheet_w = w - 2 * lh;
    if (sheet_h > h - 2 * lh) sheet_h = h - 2 * lh;
    SDL_Rect sheet = {(w - sheet_w) / 2, (h - sheet_h) / 2, sheet_w, sheet_h};
    ui_draw_fill(ctx->r, sheet, th->overlay);
    ui_draw_frame(ctx->r, sheet, (int)ui_lw(ctx, 1.0f), th->border);
    int x = sheet.x + lh * 3 / 2, y = sheet.y + lh;
    ui_text_draw(ctx->text, UI_FONT_HEADING, x, y, UI_ALIGN_LEFT, th->text, "Keys and the mouse");
    ui_text_draw(ctx->text, font, sheet.x + sheet.w - lh * 3 / 2, y + 2, UI_ALIGN_RIGHT, th->text_dim,
                 "⇧ Shift   ^ Ctrl   ·   any key closes this");
    y += ui_text_line_height(ctx->text, UI_FONT_HEADING) + lh / 2;
    const int right = sheet.x + sheet.w - lh * 3 / 2;
    column(ctx, font, x, y, key_w, col_w, "LEARNING", learning, nl);
    column(ctx, font, x + col_w + lh, y, key_w, right - (x + col_w + lh), title, truth, nt);
    if (footer) {
        char cut[256];
        ui_text_fit(ctx->text, font, footer, sheet.w - lh * 3, cut, sizeof cut);
        ui_text_draw(ctx->text, font, x, sheet.y + sheet.h - footer_h(ctx, font), UI_ALIGN_LEFT, th->text_dim, cut);
    }
}
