/* ui_class_card: the join card (see ui_class_card.h).
 *
 * Laid out from the top: a heading, then the code at the left with the join code, the
 * phones joined and how to join at its right, then (when no phone has come) the advice
 * across the card, and the URL at its foot. The code takes whatever height the others
 * leave, in whole pixels a module; the text around it is measured first, so the code
 * gives way to the words and never the other way round. */
#include "ui_class_card.h"
#include "ui_lang.h"

#include <stdio.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_wrap.h"
#include "xl_poll.h"

enum { URL_LINES_MAX = 4, URL_LINE = 256 };

#define HEADING _("Join from your phone")
#define HOW _("Same Wi-Fi as this computer; no app: the phone's camera opens the page.")
#define HOW_NO_QR _("Same Wi-Fi as this computer; no app: type the address into the phone's browser.")
#define HOW_SHORT _("Same Wi-Fi as this computer; no app.")
/* Said by the card when no phone has come for a while: the teacher reads it, the class
 * waits, so it is the card's smaller type and the code keeps its size. */
#define ADVICE                                                                                                  \
    _("Phones cannot reach this laptop? School Wi-Fi often keeps devices apart, or a firewall on this laptop " \
      "blocks the port. Then turn on a phone's hotspot, join it from this laptop and from the phones, and "   \
      "start xentlab again (--class-bind chooses the network).")
/* The same moment when the class listens on this laptop's loopback: no phone can reach it. */
#define ADVICE_LOOPBACK                                                                                         \
    _("This class listens on 127.0.0.1: only this laptop can join it. For the phones, start xentlab again on " \
      "the room's network (without --class-bind, or e.g. --class-bind wlan0).")

/* The advice for the class at url. */
static const char *advice_for(const char *url)
{
    return url && strncmp(url, "http://127.", 11) == 0 ? ADVICE_LOOPBACK : ADVICE;
}

float ui_class_card_text_scale(int w, int h)
{
    /* 832 x 720 is the scene right of a lesson's column in a 1280x720 frame. */
    float by_h = (float)h / 720.0f, by_w = (float)w / 832.0f;
    return 1.5f * (by_h < by_w ? by_h : by_w);
}

float ui_class_card_digits_scale(int w, int h)
{
    return ui_class_card_text_scale(w, h) * 8.0f / 3.0f;
}

/* 1 when a line may end before url[i]: before a '/' or a '?' (where a reader expects
 * a URL to break; the code after "?c=" stays whole). */
static int nice_break(const char *url, size_t i)
{
    if (i == 0 || !url[i]) return 0;
    return url[i] == '/' || url[i] == '?';
}

/* url in lines no wider than width in font f, at most URL_LINES_MAX of them, each
 * ended where it breaks best; returns the count, or 0 when it needs more lines (or a
 * single character is wider than width). */
static int url_lines(ui_text *t, ui_font f, const char *url, int width, int max_lines, char out[][URL_LINE])
{
    const size_t len = strlen(url);
    size_t start = 0;
    int n = 0;
    while (start < len) {
        if (n >= max_lines) return 0;
        size_t fit = start, nice = start;
        char buf[URL_LINE];
        for (size_t e = start + 1; e <= len && e - start < URL_LINE; e++) {
            if (e < len && ((unsigned char)url[e] & 0xC0u) == 0x80u) continue; /* inside a code point */
            memcpy(buf, url + start, e - start);
            buf[e - start] = '\0';
            if (ui_text_width(t, f, buf) > width) break;
            fit = e;
            if (nice_break(url, e)) nice = e;
        }
        if (fit == start) return 0;
        const size_t end = fit == len || nice == start ? fit : nice;
        snprintf(out[n++], URL_LINE, "%.*s", (int)(end - start), url + start);
        start = end;
    }
    return n;
}

/* The URL's font and lines for a width: the largest type that holds it in one line,
 * then in two, then smaller; *f gets the font. */
static int url_layout(ui_text *t, const char *url, int width, ui_font *f, char out[][URL_LINE])
{
    static const struct {
        ui_font font;
        int lines;
    } tries[] = {{UI_FONT_READOUT, 1}, {UI_FONT_READOUT, 2}, {UI_FONT_HELP, 2}, {UI_FONT_LABEL, URL_LINES_MAX}};
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        int n = url_lines(t, tries[i].font, url, width, tries[i].lines, out);
        if (n > 0) {
            *f = tries[i].font;
            return n;
        }
    }
    /* Past what a card can hold (a frame a few hundred pixels wide): cut, and a test's
     * cut recorder sees it. */
    *f = UI_FONT_LABEL;
    ui_text_fit(t, UI_FONT_LABEL, url, width, out[0], URL_LINE);
    return 1;
}

/* The phones joined, in words. */
static void joined_text(int joined, char *out, size_t n)
{
    if (joined <= 0) snprintf(out, n, "%s", _("No phone has joined yet"));
    else if (joined >= XL_POLL_DEVICES_MAX) snprintf(out, n, _("%d phones joined: the class is full"), joined);
    else snprintf(out, n, joined == 1 ? _("%d phone joined") : _("%d phones joined"), joined);
}

/* The column right of the code, from y in width w (drawn when draw is 1); returns its
 * height. */
static int info_column(const ui_ctx *ctx, ui_text *big, const ui_class_card_info *info, int has_qr, int x, int y,
                       int w, int draw)
{
    const ui_theme *th = ctx->theme;
    const int pad = ctx->pad, y0 = y;
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    if (info->code && info->code[0]) {
        if (draw) ui_text_draw(ctx->text, UI_FONT_HELP, x, y, UI_ALIGN_LEFT, th->text_dim, _("code"));
        y += ui_text_line_height(ctx->text, UI_FONT_HELP);
        /* The digits as large as the column takes them: the big type, else the card's. */
        ui_text *dt = ui_text_width(big, UI_FONT_READOUT, info->code) <= w ? big : ctx->text;
        if (draw) ui_text_draw(dt, UI_FONT_READOUT, x, y, UI_ALIGN_LEFT, th->text, info->code);
        y += ui_text_line_height(dt, UI_FONT_READOUT) + pad / 2;
    }
    char joined[64];
    joined_text(info->joined, joined, sizeof joined);
    ui_wrap_style count = {UI_FONT_NARRATION_BOLD, UI_FONT_NARRATION_BOLD, th->truth, th->truth, 0, 0, 0};
    y += ui_wrap_draw(ctx->text, &count, joined, x, y, w, 1 << 30, draw, NULL) + pad;
    ui_wrap_style how = {UI_FONT_HELP, UI_FONT_HELP, th->text, th->text, 0, lh / 8, 0};
    const char *say = !has_qr ? HOW_NO_QR : info->advice && info->joined <= 0 ? HOW_SHORT : HOW;
    y += ui_wrap_draw(ctx->text, &how, say, x, y, w, 1 << 30, draw, NULL);
    return y - y0;
}

void ui_class_card_draw(const ui_ctx *ctx, ui_text *big, ui_qr *qr, SDL_Rect area, const ui_class_card_info *info,
                        ui_class_card_geom *g)
{
    if (g) memset(g, 0, sizeof *g);
    const ui_theme *th = ctx->theme;
    const int pad = ctx->pad;
    SDL_Rect card = {area.x + pad, area.y + pad, area.w - 2 * pad, area.h - 2 * pad};
    if (card.w <= 4 * pad || card.h <= 4 * pad) return;
    if (g) g->card = card;
    ui_text_set_region(ctx->text, card, 1);
    ui_text_set_region(big, card, 1);
    SDL_SetRenderDrawBlendMode(ctx->r, SDL_BLENDMODE_NONE);
    /* The scene under it hidden whole: a panel's edge showing around the card reads
     * as part of it. */
    ui_draw_fill(ctx->r, area, th->background);
    ui_draw_fill(ctx->r, card, th->panel);
    ui_draw_frame(ctx->r, card, (int)ui_lw(ctx, 1.5f), th->text_dim);
    const SDL_Rect in = {card.x + pad, card.y + pad, card.w - 2 * pad, card.h - 2 * pad};

    /* What is measured before the code takes the rest: the heading, the advice, the URL. */
    const int lh = ui_text_line_height(ctx->text, UI_FONT_HELP);
    ui_wrap_style head = {UI_FONT_HEADING, UI_FONT_HEADING, th->text, th->text, 0, 0, 0};
    const int head_h = ui_wrap_draw(ctx->text, &head, HEADING, 0, 0, in.w, 1 << 30, 0, NULL);
    const int advise = info->advice && info->joined <= 0;
    const int bar = (int)ui_lw(ctx, 3.0f);
    ui_wrap_style adv = {UI_FONT_LABEL, UI_FONT_LABEL, th->text, th->text, 0, lh / 8, 0};
    const int adv_w = in.w - bar - pad;
    const int adv_h = advise ? ui_wrap_draw(ctx->text, &adv, advice_for(info->url), 0, 0, adv_w, 1 << 30, 0, NULL) : 0;
    const char *url = info->url ? info->url : "";
    char lines[URL_LINES_MAX][URL_LINE];
    ui_font uf = UI_FONT_READOUT;
    const int nurl = url[0] ? url_layout(ctx->text, url, in.w, &uf, lines) : 0;
    const int url_h = nurl * ui_text_line_height(ctx->text, uf);

    const unsigned char *modules = NULL;
    const int n = url[0] ? ui_qr_modules(qr, url, &modules) : 0;
    const int span = ui_qr_span(n);
    int y = in.y;
    ui_wrap_draw(ctx->text, &head, HEADING, in.x, y, in.w, 1 << 30, 1, NULL);
    y += head_h + pad;
    const int bottom = in.y + in.h - url_h - (nurl ? pad : 0) - (advise ? adv_h + pad : 0);
    const int mid_h = bottom - y - pad;
    /* The code: as tall as the middle, at most 60% of the width so the words beside
     * it keep a column, in whole pixels a module; narrower while the column's words
     * would run past the middle's foot. */
    int px = n > 0 ? mid_h / span : 0;
    if (n > 0 && px * span > in.w * 3 / 5) px = in.w * 3 / 5 / span;
    int col_x = in.x, col_w = in.w;
    for (; px >= 1; px--) {
        col_x = in.x + px * span + pad * 3 / 2;
        col_w = in.x + in.w - col_x;
        if (info_column(ctx, big, info, 1, col_x, y, col_w, 0) <= mid_h) break;
    }
    if (px >= 1) {
        /* The code's light quiet zone is part of it: against a white card it shows as
         * margin, against the dark theme's panel as a white square. The code and the
         * words beside it centred in the middle's height, side by side. */
        const int side = px * span, words = info_column(ctx, big, info, 1, col_x, y, col_w, 0);
        const int top = y + (mid_h - (side > words ? side : words)) / 2;
        ui_qr_draw(ctx->r, in.x, top, n, modules, px);
        if (g) {
            g->qr = (SDL_Rect){in.x, top, side, side};
            g->modules = n;
            g->module_px = px;
        }
        info_column(ctx, big, info, 1, col_x, top + (side > words ? (side - words) / 2 : 0), col_w, 1);
    } else {
        info_column(ctx, big, info, 0, in.x, y, in.w, 1);
    }
    if (advise) {
        int ay = bottom;
        ui_draw_fill(ctx->r, (SDL_Rect){in.x, ay, bar, adv_h}, th->surprise);
        ui_wrap_draw(ctx->text, &adv, advice_for(info->url), in.x + bar + pad, ay, adv_w, 1 << 30, 1, NULL);
    }
    int uy = in.y + in.h - url_h;
    for (int i = 0; i < nurl; i++) {
        ui_text_draw(ctx->text, uf, in.x, uy, UI_ALIGN_LEFT, th->truth, lines[i]);
        uy += ui_text_line_height(ctx->text, uf);
    }
}
