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

/* Read every registered scenario's data files (xl_scenario_def.data_files) from the data/
 * folder beside the fonts and hand each to the scenario (xl_scenario_set_data, with its
 * path). The bytes are kept until the program exits. A file that is missing or larger
 * than UI_ASSETS_DATA_MAX is recorded without bytes: the scenario then refuses to start
 * and says which file it needs and where it looked (xl_scenario_data_path). Returns how
 * many files were read. */
enum { UI_ASSETS_DATA_MAX = 64 << 20 };
int ui_assets_load_scenario_data(void);

#endif
