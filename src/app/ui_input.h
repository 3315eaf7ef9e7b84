/* ui_input: keys to commands. The same commands come from lessons and recorded
 * input files, so this is the only place that knows about the keyboard. */
#ifndef UI_INPUT_H
#define UI_INPUT_H

#include <SDL.h>
#include "xl_command.h"

/* The command a key press means, or XL_CMD_NONE. */
xl_command ui_input_map_key(SDL_Keycode key, Uint16 mod);

#endif
