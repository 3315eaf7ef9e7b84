/* ui_class_card: the join card of a class (part 12), drawn over the scene while the
 * teacher shows it (F7, and on a lesson's first page): a large QR code of the URL the
 * phones open, the URL itself in large type, the join code in very large digits, how
 * many phones have joined, and that a phone needs the same Wi-Fi and no app. When no
 * phone has joined for a while it also says why that may be and what to do.
 *
 * Sized to be read from the back of a room: at 1280x720 the code is over 300 pixels
 * tall, at 1920x1080 over 450; nothing on it is cut with "…" (the URL breaks over two
 * lines before its type gets smaller). Without libqrencode (the browser build) the card
 * shows the URL alone. */
#ifndef UI_CLASS_CARD_H
#define UI_CLASS_CARD_H

#include <SDL.h>
#include "ui_panel.h"
#include "ui_qr.h"
#include "ui_text.h"

/* What the card says; the strings are borrowed for the call. */
typedef struct ui_class_card_info {
    const char *url;   /* what phones open, with the code; NULL or "": not known yet */
    const char *code;  /* the join code ("4821"); NULL or "": none */
    int joined;        /* phones joined so far */
    int advice;        /* no phone has joined for a while: say why that may be */
} ui_class_card_info;

/* Where the card put its parts, in the coordinates it was drawn in. */
typedef struct ui_class_card_geom {
    SDL_Rect card;     /* the whole card (empty when none was drawn) */
    SDL_Rect qr;       /* the code with its quiet zone (empty without one) */
    int modules;       /* the code's modules a side, without the quiet zone */
    int module_px;     /* whole pixels a module */
} ui_class_card_geom;

/* The card over `area` (the scene's box). ctx->text is the card's own type (the scene
 * sizes it for a room); big is a second text sized for the code's digits (its
 * UI_FONT_READOUT role is used). qr caches the code's modules (borrowed). g may be NULL. */
void ui_class_card_draw(const ui_ctx *ctx, ui_text *big, ui_qr *qr, SDL_Rect area, const ui_class_card_info *info,
                        ui_class_card_geom *g);

/* The scale factors the scene opens the card's two texts at, for a scene area of w x h
 * pixels in a frame h pixels tall: about 1.5 and 4 times the 720p sizes. */
float ui_class_card_text_scale(int w, int h);
float ui_class_card_digits_scale(int w, int h);

#endif
