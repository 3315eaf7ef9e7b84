/* ui_qr: a QR code's modules for a short text (the class's join URL, part 12), and
 * their drawing as crisp squares.
 *
 * The modules come from libqrencode (error correction level M: a projected code loses
 * contrast at its edges and to glare) where the build has it (XL_HAVE_QRENCODE, set by
 * meson on the desktop); the browser build has no class server and no libqrencode, so
 * there ui_qr_modules finds none and the join card shows the URL alone.
 *
 * A ui_qr keeps the modules of the last text asked for: encoding is done once per URL,
 * not once per frame. It is only a cache: the same text always gives the same modules,
 * so a frame stays a function of the state, the view and the size. */
#ifndef UI_QR_H
#define UI_QR_H

#include <SDL.h>

/* The widest symbol (version 40) has 177 modules a side; the quiet zone the standard
 * asks for around it is 4 modules on every side. */
enum { UI_QR_SIDE_MAX = 177, UI_QR_QUIET = 4, UI_QR_TEXT_MAX = 512 };

typedef struct ui_qr ui_qr;

/* An empty cache; NULL if out of memory. Free with ui_qr_destroy. */
ui_qr *ui_qr_create(void);
void ui_qr_destroy(ui_qr *q);

/* 1 when this build can make QR codes (libqrencode), else 0. */
int ui_qr_available(void);

/* The modules of text: returns the side n (modules per row, 21..177) and sets *modules
 * to n * n bytes, row by row, 1 for a dark module, 0 for a light one, owned by q and
 * valid until the next call with another text or ui_qr_destroy. Returns 0 (and *modules
 * NULL) when there is no code: no libqrencode, an empty text, one longer than
 * UI_QR_TEXT_MAX - 1 bytes, or out of memory. */
int ui_qr_modules(ui_qr *q, const char *text, const unsigned char **modules);

/* The code's side with its quiet zone, in modules: n + 2 * UI_QR_QUIET. */
int ui_qr_span(int n);

/* Draw the n x n modules with their quiet zone, dark on white whatever the theme (a
 * phone's camera needs the contrast), `px` whole pixels a module, the quiet zone's top
 * left corner at (x, y): the square drawn is ui_qr_span(n) * px pixels a side. */
void ui_qr_draw(SDL_Renderer *r, int x, int y, int n, const unsigned char *modules, int px);

#endif
