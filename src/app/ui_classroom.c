/* ui_classroom: lesson keys and the menu (see ui_classroom.h). */
#include "ui_classroom.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ui_classroom_init(ui_classroom *c, const char *fonts_dir)
{
    memset(c, 0, sizeof *c);
    ui_library_scan(&c->library, fonts_dir);
}

void ui_classroom_close(ui_classroom *c)
{
    xl_player_destroy(c->player);
    c->player = NULL;
    free(c->lesson);
    c->lesson = NULL;
    c->broken = 0;
    c->blank = 0;
    c->path[0] = '\0';
}

void ui_classroom_free(ui_classroom *c)
{
    ui_classroom_close(c);
}

int ui_classroom_active(const ui_classroom *c)
{
    return c->lesson != NULL || c->menu_open;
}

/* The session as every lesson starts it: the default scene. */
static int to_default(xl_session *s)
{
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    xl_session *fresh = xl_session_create(&d);
    xl_session_snapshot *snap = fresh ? xl_session_save(fresh) : NULL;
    int rc = snap ? xl_session_restore(s, snap) : -1;
    xl_session_snapshot_free(snap);
    xl_session_destroy(fresh);
    return rc;
}

int ui_classroom_open(ui_classroom *c, const char *arg, xl_session *s, char *err, size_t errlen)
{
    char path[UI_LIBRARY_PATH];
    if (ui_library_resolve(&c->library, arg, path, sizeof path, err, errlen) != 0) return -1;
    xl_lesson *l = malloc(sizeof *l);
    if (!l) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int errors = ui_library_load(path, l);
    ui_classroom_close(c);
    c->lesson = l;
    snprintf(c->path, sizeof c->path, "%s", path);
    c->menu_open = 0;
    if (errors != 0) {
        c->broken = 1;
        return 0;
    }
    if (to_default(s) != 0 || !(c->player = xl_player_create(l, s))) {
        ui_classroom_close(c);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    xl_player_set_file(c->player, path);
    c->restarted = 1;
    return 0;
}

static void open_menu(ui_classroom *c)
{
    c->menu_open = 1;
    c->menu_selected = 0;
    for (int i = 0; i < c->library.count; i++)
        if (strcmp(c->library.entries[i].path, c->path) == 0) c->menu_selected = i;
}

static void open_selected(ui_classroom *c, xl_session *s)
{
    if (c->menu_selected < 0 || c->menu_selected >= c->library.count) return;
    char err[256];
    /* The entry's path names an existing file, so this cannot fail but out of memory. */
    if (ui_classroom_open(c, c->library.entries[c->menu_selected].path, s, err, sizeof err) != 0)
        fprintf(stderr, "xentlab: %s\n", err);
    c->menu_open = 0;
}

static ui_classroom_key_result menu_key(ui_classroom *c, SDL_Keycode key, xl_session *s)
{
    const int n = c->library.count;
    switch (key) {
    case SDLK_UP: if (c->menu_selected > 0) c->menu_selected--; break;
    case SDLK_DOWN: if (c->menu_selected + 1 < n) c->menu_selected++; break;
    case SDLK_HOME: c->menu_selected = 0; break;
    case SDLK_END: c->menu_selected = n > 0 ? n - 1 : 0; break;
    case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_SPACE: open_selected(c, s); break;
    case SDLK_ESCAPE: case SDLK_m: c->menu_open = 0; break;
    case SDLK_q: return UI_CLASSROOM_QUIT;
    default:
        if (key >= SDLK_1 && key <= SDLK_9 && key - SDLK_1 < n) c->menu_selected = (int)(key - SDLK_1);
        break;
    }
    return UI_CLASSROOM_TAKEN;
}

ui_classroom_key_result ui_classroom_key(ui_classroom *c, SDL_Keycode key, Uint16 mod, xl_session *s)
{
    const int shift = (mod & KMOD_SHIFT) != 0, ctrl = (mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) != 0;
    if (c->blank) { /* any key brings the screen back, and does nothing else */
        c->blank = 0;
        return UI_CLASSROOM_TAKEN;
    }
    if (c->menu_open) return menu_key(c, key, s);
    if (key == SDLK_m && !ctrl && !shift) {
        open_menu(c);
        return UI_CLASSROOM_TAKEN;
    }
    if (!c->lesson) return UI_CLASSROOM_PASS;
    if (key == SDLK_ESCAPE) {
        ui_classroom_close(c);
        return UI_CLASSROOM_TAKEN;
    }
    if (!c->player) return UI_CLASSROOM_PASS; /* broken: the sandbox's keys still work */
    xl_player *p = c->player;
    switch (key) {
    case SDLK_PAGEDOWN: xl_player_next(p); return UI_CLASSROOM_TAKEN;
    case SDLK_PAGEUP: xl_player_prev(p); return UI_CLASSROOM_TAKEN;
    case SDLK_RIGHT: if (shift || ctrl) return UI_CLASSROOM_PASS; xl_player_next(p); return UI_CLASSROOM_TAKEN;
    case SDLK_LEFT: if (shift || ctrl) return UI_CLASSROOM_PASS; xl_player_prev(p); return UI_CLASSROOM_TAKEN;
    case SDLK_HOME: xl_player_goto(p, 0); return UI_CLASSROOM_TAKEN;
    case SDLK_END: xl_player_goto(p, c->lesson->npages - 1); return UI_CLASSROOM_TAKEN;
    case SDLK_F5:
        xl_player_goto(p, 0);
        c->restarted = 1;
        return UI_CLASSROOM_TAKEN;
    case SDLK_PERIOD: c->blank = 1; return UI_CLASSROOM_TAKEN;
    case SDLK_b: if (shift || ctrl) return UI_CLASSROOM_PASS; c->blank = 1; return UI_CLASSROOM_TAKEN;
    case SDLK_p: if (shift || ctrl) return UI_CLASSROOM_PASS; c->presenter = !c->presenter; return UI_CLASSROOM_TAKEN;
    default: break;
    }
    if (xl_player_phase_of(p) == XL_PLAYER_ASKING) {
        int k = key >= SDLK_1 && key <= SDLK_9 ? (int)(key - SDLK_1) : key >= SDLK_KP_1 && key <= SDLK_KP_9 ? (int)(key - SDLK_KP_1) : -1;
        if (k >= 0) {
            xl_player_answer(p, k); /* a number that is no answer does nothing, and selects nothing */
            return UI_CLASSROOM_TAKEN;
        }
    }
    return UI_CLASSROOM_PASS;
}

static int inside(SDL_Rect r, int x, int y)
{
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

int ui_classroom_click(ui_classroom *c, int x, int y, const SDL_Rect *answers, int nanswers, const SDL_Rect *rows,
                       int nrows, xl_session *s)
{
    if (c->blank) {
        c->blank = 0;
        return 1;
    }
    if (c->menu_open) {
        for (int i = 0; i < nrows; i++)
            if (inside(rows[i], x, y)) {
                c->menu_selected = i;
                open_selected(c, s);
                return 1;
            }
        c->menu_open = 0; /* a click beside the menu closes it */
        return 1;
    }
    if (c->player && xl_player_phase_of(c->player) == XL_PLAYER_ASKING)
        for (int i = 0; i < nanswers; i++)
            if (inside(answers[i], x, y)) {
                xl_player_answer(c->player, i);
                return 1;
            }
    return 0;
}
