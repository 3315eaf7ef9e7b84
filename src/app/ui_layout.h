/* ui_layout: where each panel goes for a window of w x h pixels.
 *
 * Status bar on top, key hints at the bottom; between them two columns: P-vs-Q bars
 * over the readouts on the left, the loss landscape over the history on the right
 * (shared/DESIGN.md). Sizes follow the fonts, which follow the window height, so the
 * arrangement holds from 800x600 to 4K.
 */
#ifndef UI_LAYOUT_H
#define UI_LAYOUT_H

#include <SDL.h>
#include "ui_text.h"

typedef struct ui_layout {
    SDL_Rect status, bars, readouts, landscape, history, hints;
    int gap;      /* space between panels */
    int pad;      /* space inside a panel's border */
} ui_layout;

/* scale: the frame's size factor, 1 at 1280x720 (see ui_scene_scale). */
ui_layout ui_layout_compute(int w, int h, float scale, const ui_text *text);

#endif
