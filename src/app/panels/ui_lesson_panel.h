/* ui_lesson_panel: what a lesson adds to the frame: the narration column (lesson title,
 * page counter, page title, the narration, a question with its answers, what the player
 * is doing and the clicker keys), the errors of a lesson that cannot be opened, the
 * lesson menu, and the presenter's view (notes, next page, timer). All drawn from the
 * player's state alone. */
#ifndef UI_LESSON_PANEL_H
#define UI_LESSON_PANEL_H

#include <SDL.h>
#include "ui_library.h"
#include "ui_panel.h"
#include "xl_player.h"
#include "xl_poll.h"

#define UI_LESSON_KEYS 5 /* the clicker keys at the column's foot */

/* Where the column put what the pointer can press: the answers, and the keys at its
 * foot, each with the lesson action a click on it does ("next", "back", "blank", "menu",
 * "close": ui_classroom_do's words). */
typedef struct ui_lesson_geom {
    SDL_Rect column;
    int nanswers;
    SDL_Rect answers[XL_LESSON_ANSWERS];
    int nkeys;
    SDL_Rect keys[UI_LESSON_KEYS];
    const char *key_action[UI_LESSON_KEYS];
} ui_lesson_geom;

/* The lesson menu's rows, for pointing. */
typedef struct ui_menu_geom {
    SDL_Rect sheet;
    int nrows;
    SDL_Rect rows[UI_LIBRARY_MAX];
} ui_menu_geom;

/* The column's width for a w-pixel frame (35% of it, shared/DESIGN.md). */
int ui_lesson_column_width(int w);

/* The narration column in `col` (recording: for a video, with no keys to press; poll: a
 * class's votes, NULL without a class: a question asked shows how many phones have voted,
 * and once the split is shown, xl_poll_split_shown, a bar with the count and percent in
 * each answer's row, kept through the reveal). ctx->text is the lesson's own text (its narration
 * faces sized for the frame, not the scene). The scene draws the narration at one size
 * for the whole lesson: the largest of the theme's steps (from 1.25 to 1 times 1/32 of
 * the height) at which every page fits, so the text does not jump between pages. */
void ui_lesson_draw(const ui_ctx *ctx, SDL_Rect col, const xl_player *p, const xl_poll *poll, int recording,
                    ui_lesson_geom *g);

/* 1 if the current page, every question answered, fits the column at the text size set. */
int ui_lesson_fits(const ui_ctx *ctx, SDL_Rect col, const xl_player *p);
/* The same for page `page` of the player's lesson (0-based). */
int ui_lesson_page_fits(const ui_ctx *ctx, SDL_Rect col, const xl_player *p, int page);
/* The same with a class running (in_class 1): each question with its count of votes and
 * its split's bars, as ui_lesson_draw shows them with a poll. */
int ui_lesson_page_fits_class(const ui_ctx *ctx, SDL_Rect col, const xl_player *p, int page, int in_class);

/* A lesson that cannot be opened: its errors in the column, and what to do (watched: its
 * file is watched, so saving it is enough: live reload, ui_reload.h). */
void ui_lesson_draw_broken(const ui_ctx *ctx, SDL_Rect col, const xl_lesson *broken, int watched, ui_lesson_geom *g);

/* The lesson menu over a w x h frame: every lesson of lib with its title and pages,
 * `selected` highlighted. */
void ui_lesson_menu_draw(const ui_ctx *ctx, int w, int h, const ui_library *lib, int selected, const char *current,
                         ui_menu_geom *g);

/* The presenter's view in a w x h frame: counter, timer (seconds since the lesson
 * started), the page, its question's right answer, the speaker notes, the next page;
 * with a class (poll not NULL) the phones joined and the split of the question asked,
 * whether or not the projector shows it. */
void ui_presenter_draw(const ui_ctx *ctx, int w, int h, const xl_player *p, const xl_poll *poll, const xl_lesson *broken,
                       double seconds);

/* What the player is doing, for the column's foot and the presenter ("▶ playing: 12 of
 * 40 steps", "→ goes on", ...). Static storage. */
const char *ui_lesson_status(const xl_player *p);
/* The same for a recorded video, where no key can be pressed and no play state is shown:
 * a question's "think before the answer comes", else " ". */
const char *ui_lesson_caption_status(const xl_player *p);

#endif
