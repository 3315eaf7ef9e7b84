/* ui_colormap: viridis, a perceptually uniform colour map (dark purple -> yellow).
 * Low values dark, so the valley of a loss landscape is the darkest region. */
#ifndef UI_COLORMAP_H
#define UI_COLORMAP_H

#include <stdint.h>

/* Colour at t in [0, 1] (clamped) as 0xAARRGGBB with alpha 255. */
uint32_t ui_viridis(double t);
/* The 256-entry table behind ui_viridis, index 0 = t 0: const data, safe to read from
 * any thread at any time (nothing to initialise). */
const uint32_t *ui_viridis_table(void);

#endif
