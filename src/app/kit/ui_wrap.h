/* ui_wrap: prose wrapped to a width, for narration and notes. Paragraphs are separated by
 * a blank line ("\n\n"); inside one, any run of white space is one space. A '*' toggles
 * *emphasis*, drawn in the bold face; \* is a star and \\ a backslash, drawn as they are.
 * Words wider than the width are cut with "…" rather than drawn past it. */
#ifndef UI_WRAP_H
#define UI_WRAP_H

#include <SDL.h>
#include "ui_text.h"

typedef struct ui_wrap_style {
    ui_font regular, bold;
    SDL_Color color, emphasis;   /* emphasis: the colour of *emphasised* words */
    int paragraph_gap;           /* extra pixels between paragraphs */
    int line_gap;                /* extra pixels between lines */
    int subscripts;              /* 1: x_q draws q as a subscript (a lesson's text), \_ an underscore */
} ui_wrap_style;

/* Lay `text` out in a box `width` wide from (x, y), drawing only when draw is 1 (0
 * measures). Lines that would end below max_y are not drawn; *cut (if not NULL) is 1
 * then. Returns the height the whole text takes. */
int ui_wrap_draw(ui_text *t, const ui_wrap_style *st, const char *text, int x, int y, int width, int max_y,
                 int draw, int *cut);

#endif
