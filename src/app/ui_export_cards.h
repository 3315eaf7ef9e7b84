/* ui_export_cards: the title card before a lesson's video and the end card after it
 * (--cards), and the pixel blends of a video's transitions (the cards faded in and out,
 * a page turn's cross-fade).
 *
 *   title card: the course's name, the lesson's title large, "Lesson N of M" where the
 *               lesson is one of the lessons folder's (its place in the folder's order)
 *   end card:   "Next:" and the next lesson's title in that order, or "The end of the
 *               course" after the last one ("The end of the lesson" for a file outside)
 * Each is drawn once with the app's own faces and theme, sized to the frame's height,
 * for the projector and the dark theme alike. */
#ifndef UI_EXPORT_CARDS_H
#define UI_EXPORT_CARDS_H

#include <SDL.h>
#include <stdint.h>

#include "ui_library.h"
#include "ui_theme.h"
#include "xl_recording.h"

/* What --cards asks for (bits). */
enum { UI_CARDS_TITLE = 1, UI_CARDS_END = 2, UI_CARDS_BOTH = 3 };
/* How long a card is on screen, and how long a fade or a cross-fade takes. */
#define UI_CARD_SECONDS 3.0
#define UI_FADE_SECONDS XL_REC_TURN_SECONDS /* the recording waits out the turn's fade */
#define UI_COURSE_NAME "xentlab · a cross-entropy lab"

typedef struct ui_cards {
    int which;              /* UI_CARDS_* */
    char title[128];        /* the lesson's title */
    char place[48];         /* "Lesson 4 of 12", or "" */
    char next_label[16];    /* "Next:", or "" at the end */
    char next[128];         /* the next lesson's title, or "The end of the course" */
} ui_cards;

/* The cards' texts for the lesson titled `title` in file `path`, placed in lib's order
 * (lib or path may be NULL: no place, "The end of the lesson"). */
void ui_cards_describe(ui_cards *c, int which, const char *title, const ui_library *lib, const char *path);

/* Draw the title card (end 0) or the end card (end 1) into the renderer's w x h target
 * with the faces of fonts_dir. Returns 0, or -1 with the reason in err. */
int ui_cards_draw(SDL_Renderer *r, const char *fonts_dir, const ui_cards *c, int end, ui_theme_kind theme, int w,
                  int h, char *err, size_t errlen);

/* out = (a·(256 − wt) + b·wt + 128) >> 8 in each 8-bit channel, for ARGB8888 rows of w
 * pixels (pitches in bytes, multiples of 4): integer arithmetic, so the same frames give
 * the same bytes. wt 0 is a exactly, 256 is b exactly. a NULL is opaque black. */
void ui_blend_argb(const uint8_t *a, int a_pitch, const uint8_t *b, int b_pitch, uint8_t *out, int out_pitch, int w,
                   int h, int wt);

/* The weight of the incoming picture on frame i (0-based) of a fade of n frames: rises
 * to 256 on the last (n <= 0: 256 at once, a cut). */
int ui_fade_weight(long i, long n);

#endif
