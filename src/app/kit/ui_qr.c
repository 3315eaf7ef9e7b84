/* ui_qr: QR modules from libqrencode, cached per text, drawn as whole-pixel squares
 * (see ui_qr.h). */
#include "ui_qr.h"

#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"

#ifdef XL_HAVE_QRENCODE
#include <qrencode.h>
#endif

struct ui_qr {
    char text[UI_QR_TEXT_MAX];  /* the text the modules are of; "" none yet */
    int n;                      /* their side; 0: that text has no code */
    unsigned char modules[UI_QR_SIDE_MAX * UI_QR_SIDE_MAX];
};

ui_qr *ui_qr_create(void)
{
    return calloc(1, sizeof(ui_qr));
}

void ui_qr_destroy(ui_qr *q)
{
    free(q);
}

int ui_qr_available(void)
{
#ifdef XL_HAVE_QRENCODE
    return 1;
#else
    return 0;
#endif
}

int ui_qr_span(int n)
{
    return n > 0 ? n + 2 * UI_QR_QUIET : 0;
}

/* Encode text into q (its side into q->n, 0 when there is no code). */
static void encode(ui_qr *q, const char *text)
{
    q->n = 0;
#ifdef XL_HAVE_QRENCODE
    /* 8-bit mode with libqrencode's own segmenting (digits and capitals take fewer
     * bits), case kept: a URL's path and query are case-sensitive. */
    QRcode *code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code) return;
    if (code->width > 0 && code->width <= UI_QR_SIDE_MAX) {
        const int n = code->width;
        /* Bit 0 of each of libqrencode's bytes is the module's colour (1 dark); the
         * other bits say what the module is part of. */
        for (int i = 0; i < n * n; i++) q->modules[i] = (unsigned char)(code->data[i] & 1u);
        q->n = n;
    }
    QRcode_free(code);
#else
    (void)text;
#endif
}

int ui_qr_modules(ui_qr *q, const char *text, const unsigned char **modules)
{
    *modules = NULL;
    if (!q || !text || !text[0] || strlen(text) >= UI_QR_TEXT_MAX) return 0;
    if (strcmp(q->text, text) != 0) {
        memcpy(q->text, text, strlen(text) + 1);
        encode(q, text);
    }
    if (q->n > 0) *modules = q->modules;
    return q->n;
}

void ui_qr_draw(SDL_Renderer *r, int x, int y, int n, const unsigned char *modules, int px)
{
    if (n <= 0 || !modules || px <= 0) return;
    const SDL_Color white = {255, 255, 255, 255}, black = {0, 0, 0, 255};
    const int span = ui_qr_span(n) * px;
    /* Opaque whatever blending the frame was left in: the code is pure black on white. */
    SDL_BlendMode mode = SDL_BLENDMODE_NONE;
    SDL_GetRenderDrawBlendMode(r, &mode);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    ui_draw_fill(r, (SDL_Rect){x, y, span, span}, white);
    const int x0 = x + UI_QR_QUIET * px, y0 = y + UI_QR_QUIET * px;
    /* A row's dark modules in runs, one rectangle each: a version-3 code is ~30 fills
     * rather than ~400. */
    for (int row = 0; row < n; row++) {
        const unsigned char *m = modules + (size_t)row * (size_t)n;
        for (int c = 0; c < n;) {
            if (!m[c]) {
                c++;
                continue;
            }
            int e = c;
            while (e < n && m[e]) e++;
            ui_draw_fill(r, (SDL_Rect){x0 + c * px, y0 + row * px, (e - c) * px, px}, black);
            c = e;
        }
    }
    SDL_SetRenderDrawBlendMode(r, mode);
}
