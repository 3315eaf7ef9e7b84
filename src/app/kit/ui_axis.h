/* ui_axis: the value axis at the left of a plot (0 at the bottom, y_max at the top):
 * gridlines, ticks, their labels and an upright title, shared by the scenarios' own
 * panels so every plot's axis reads alike. Labels are placed through the panel's
 * claims (ui_layout.h), so none lands on a label already drawn. */
#ifndef UI_AXIS_H
#define UI_AXIS_H

#include <SDL.h>

#include "ui_layout.h"
#include "ui_panel.h"

typedef struct ui_value_axis {
    SDL_Rect plot;              /* the plot box: 0 at plot.y + plot.h, y_max at plot.y */
    double y_max;               /* > 0 */
    double step;                /* between ticks (ui_axis_step, or the caller's own) */
    int label_rise;             /* pixels the top label may stand above plot.y */
    int grid_at_top;            /* 1: a gridline at a tick on the top edge too */
    const char *const *titles;  /* the title's wordings, longest first; the first that
                                 * fits the plot's height and claims its place is drawn */
    int title_count;
} ui_value_axis;

/* A 1-2-5 step giving 2 to 8 ticks over 0..y_max, two label heights apart. */
double ui_axis_step(const ui_ctx *ctx, int plot_h, double y_max);

/* The row of value v, held within the plot, as ui_draw_clamp makes it safe. */
float ui_axis_y(const ui_value_axis *axis, double v);

/* Draw the axis: gridlines across the plot (not at 0, where the plot's own axis line
 * is), ticks, labels right-aligned against the ticks, the title upright at in.x. */
void ui_axis_draw_left(const ui_ctx *ctx, const ui_value_axis *axis, SDL_Rect in, ui_claims *claims);

#endif
