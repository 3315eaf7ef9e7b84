/* ui_assets: finds the bundled assets (fonts) with zero configuration: run from the
 * build folder, from the source tree, or after `meson install`. */
#ifndef UI_ASSETS_H
#define UI_ASSETS_H

#include <stddef.h>

/* Find the folder that holds fonts/DejaVuSans.ttf, trying in order: $XENTLAB_ASSETS,
 * assets/ beside the executable and one level up, ../share/xentlab beside it, the
 * source tree it was built from, the install prefix. Returns 0 and writes the
 * fonts folder into dir[n]; or -1 with every path tried, one per line, in tried[tn]. */
int ui_assets_find_fonts(char *dir, size_t n, char *tried, size_t tn);

#endif
