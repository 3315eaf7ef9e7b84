/* ui_layout: panel rectangles (see ui_layout.h). */
#include "ui_layout.h"

ui_layout ui_layout_compute(int w, int h, float s, const ui_text *text)
{
    ui_layout L;
    L.gap = (int)(8.0f * s + 0.5f);
    if (L.gap < 4) L.gap = 4;
    L.pad = (int)(10.0f * s + 0.5f);
    if (L.pad < 5) L.pad = 5;

    int status_h = ui_text_line_height(text, UI_FONT_STATUS) + L.gap * 2;
    int hints_h = ui_text_line_height(text, UI_FONT_TICK) + L.gap * 2;
    L.status = (SDL_Rect){0, 0, w, status_h};
    L.hints = (SDL_Rect){0, h - hints_h, w, hints_h};

    int top = status_h + L.gap;
    int bottom = h - hints_h - L.gap;
    int body_h = bottom - top;
    int left_w = (w - 3 * L.gap) * 47 / 100;
    int right_w = w - 3 * L.gap - left_w;
    int lx = L.gap, rx = 2 * L.gap + left_w;

    int bars_h = (body_h - L.gap) * 58 / 100;
    L.bars = (SDL_Rect){lx, top, left_w, bars_h};
    L.readouts = (SDL_Rect){lx, top + bars_h + L.gap, left_w, body_h - bars_h - L.gap};

    int land_h = (body_h - L.gap) * 62 / 100;
    L.landscape = (SDL_Rect){rx, top, right_w, land_h};
    L.history = (SDL_Rect){rx, top + land_h + L.gap, right_w, body_h - land_h - L.gap};
    return L;
}
