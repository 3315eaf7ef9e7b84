/* ui_input: the key map listed in the help sheet (ui_help.c).
 * Shift+Left/Right reach every class (1-9 stop at nine); plain Right stays "step".
 * The period, PageUp and PageDown keys stay unmapped on purpose: a presentation
 * clicker sends them, and a later lesson player will use them to move through slides. */
#include "ui_input.h"

xl_command ui_input_map_key(SDL_Keycode key, Uint16 mod)
{
    xl_command c = {XL_CMD_NONE, 0};
    int shift = (mod & KMOD_SHIFT) != 0;
    if (key >= SDLK_1 && key <= SDLK_9) {
        c.kind = XL_CMD_SELECT;
        c.arg = (int)(key - SDLK_1);
        return c;
    }
    if (key >= SDLK_KP_1 && key <= SDLK_KP_9) {
        c.kind = XL_CMD_SELECT;
        c.arg = (int)(key - SDLK_KP_1);
        return c;
    }
    switch (key) {
    case SDLK_SPACE: c.kind = XL_CMD_TOGGLE_PLAY; break;
    case SDLK_n: c.kind = XL_CMD_STEP; break;
    case SDLK_RIGHT: c.kind = shift ? XL_CMD_SELECT_NEXT : XL_CMD_STEP; break;
    case SDLK_LEFT: if (shift) c.kind = XL_CMD_SELECT_PREV; break;
    case SDLK_p: c.kind = XL_CMD_P_RESTORE; break;
    case SDLK_r: c.kind = XL_CMD_RESET; break;
    case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: c.kind = XL_CMD_LR_UP; break;
    case SDLK_MINUS: case SDLK_KP_MINUS: case SDLK_UNDERSCORE: c.kind = XL_CMD_LR_DOWN; break;
    case SDLK_RIGHTBRACKET: c.kind = XL_CMD_SPEED_UP; break;
    case SDLK_LEFTBRACKET: c.kind = XL_CMD_SPEED_DOWN; break;
    case SDLK_UP: c.kind = XL_CMD_P_UP; break;
    case SDLK_DOWN: c.kind = XL_CMD_P_DOWN; break;
    case SDLK_o: c.kind = XL_CMD_P_ONEHOT; break;
    case SDLK_u: c.kind = XL_CMD_P_UNIFORM; break;
    case SDLK_TAB: c.kind = shift ? XL_CMD_SLICE_PREV : XL_CMD_SLICE_NEXT; break;
    case SDLK_l: c.kind = XL_CMD_UNIT_TOGGLE; break;
    case SDLK_t: c.kind = XL_CMD_THEME_TOGGLE; break;
    case SDLK_F11: c.kind = XL_CMD_FULLSCREEN; break;
    case SDLK_h: case SDLK_F1: case SDLK_QUESTION: c.kind = XL_CMD_HELP; break;
    case SDLK_SLASH: if (shift) c.kind = XL_CMD_HELP; break;
    case SDLK_q: case SDLK_ESCAPE: c.kind = XL_CMD_QUIT; break;
    default: break;
    }
    return c;
}
