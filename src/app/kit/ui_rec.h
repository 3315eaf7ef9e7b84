/* ui_rec: retained frames. A frame is drawn twice over its code: first recorded (every
 * drawing operation of ui_draw and ui_text leaves a hash of what it draws and the box it
 * can touch, and draws nothing), then, after the recording is compared with the last
 * frame's, drawn only inside the regions that changed (each operation that touches one
 * is drawn clipped to it; the others are skipped).
 *
 * Why it is exact: a pixel's value is the fold of the operations whose boxes hold it, in
 * order, over what was under them. Operations are matched between frames by their item
 * (a panel, an overlay) and their place in it; a pixel outside the boxes (old and new) of
 * every operation that changed is covered by the same operations in the same order, so
 * it keeps its value. An item whose count of operations changed is changed over both its
 * whole boxes; items that appear, vanish or change order likewise. The second pass checks
 * it records the same operations as the first; if not (a drawing that depends on
 * something outside its inputs), the caller draws the frame whole.
 *
 * One recorder serves one renderer, and is active only between ui_rec_begin and
 * ui_rec_end on the thread that draws; a renderer with no active recorder draws as
 * before. Nothing here allocates after ui_rec_create. */
#ifndef UI_REC_H
#define UI_REC_H

#include <SDL.h>
#include <stdint.h>

typedef struct ui_rec ui_rec;

enum { UI_REC_DAMAGE_MAX = 32 };

typedef enum ui_rec_mode { UI_REC_RECORD = 1, UI_REC_DRAW = 2 } ui_rec_mode;

/* NULL when out of memory. Free with ui_rec_destroy. */
ui_rec *ui_rec_create(SDL_Renderer *r);
void ui_rec_destroy(ui_rec *rec);

/* Start recording (UI_REC_RECORD) or drawing (UI_REC_DRAW, after a recording of the same
 * frame) a w x h frame: the recorder becomes its renderer's active one. */
void ui_rec_begin(ui_rec *rec, ui_rec_mode mode, int w, int h);
/* Stop. After a recording: compares it with the last frame's (or takes the whole frame
 * when `whole`, or when the size changed or the recording overflowed) and sets the
 * damage; returns the count of damaged regions. After drawing: returns 1 if the drawing
 * pass met exactly the operations recorded, 0 if not (draw the frame whole). */
int ui_rec_end(ui_rec *rec, int whole);
/* The damage ui_rec_end found: at most max rects, in frame pixels; returns the count. */
int ui_rec_damage(const ui_rec *rec, SDL_Rect *out, int max);
/* Forget the last frame (the next recording compares with nothing: whole). */
void ui_rec_forget(ui_rec *rec);

/* The operations from here on belong to item `id` (small, stable per kind of item: a
 * panel's or overlay's number); ids must appear in the same order frame to frame for
 * them to be compared, and an item may not appear twice in one frame. */
void ui_rec_item(SDL_Renderer *r, int id);
/* The same for an item whose code may be passed over: returns 0 when the frame is being
 * drawn and none of the item's recorded operations meets the damage (its operations are
 * skipped: the caller must not run the item's drawing code), else 1. An item whose code
 * has effects later items need (a texture, a viewport) uses ui_rec_item. */
int ui_rec_item_skippable(SDL_Renderer *r, int id);

/* The viewport's origin the drawing calls' coordinates are relative to, and the clip the
 * drawing code set (relative to the origin; NULL: none). Go through these instead of
 * SDL_RenderSetViewport / SDL_RenderSetClipRect so boxes and clips stay right. */
void ui_rec_set_viewport(SDL_Renderer *r, const SDL_Rect *viewport);
void ui_rec_set_clip(SDL_Renderer *r, const SDL_Rect *clip);
/* Drawing that must not be recorded (into a texture, such as the backdrop): suspend the
 * recorder around it (calls nest). */
void ui_rec_suspend(SDL_Renderer *r);
void ui_rec_resume(SDL_Renderer *r);

/* An operation. The caller hashes what determines its pixels (ui_rec_mix), gives the box
 * (relative to the viewport, as drawn; it is clipped here) that bounds every pixel it can
 * change, and draws it as many times as the loop says, each time under the clip set:
 *
 *   ui_rec_op op;
 *   for (int go = ui_rec_op_begin(r, hash, box, &op); go; go = ui_rec_op_next(&op)) draw();
 *
 * With no active recorder it draws once, as before; recording, never; drawing, once per
 * damaged region the box meets. */
typedef struct ui_rec_op {
    ui_rec *rec;
    SDL_Rect box;  /* absolute, clipped */
    int next;      /* the next damage rect to try */
    int clipped;   /* the clip was set for it: restore the code's own after */
} ui_rec_op;
int ui_rec_op_begin(SDL_Renderer *r, uint64_t hash, SDL_Rect box, ui_rec_op *op);
int ui_rec_op_next(ui_rec_op *op);
/* The same for an operation whose pixels inside a clip are not those it draws unclipped
 * (a scaled copy: SDL samples the source from the clipped rectangle): wherever the damage
 * meets its box, the damage grows to hold all of it. */
int ui_rec_op_begin_whole(SDL_Renderer *r, uint64_t hash, SDL_Rect box, ui_rec_op *op);

/* The recorder drawing for r in this pass, if any (NULL: draw as usual). */
ui_rec *ui_rec_active(SDL_Renderer *r);
/* 1 while r's recorder records (a pass that must not draw or note side effects twice,
 * e.g. the tests' text recorder, is skipped when it draws: see ui_rec_drawing). */
int ui_rec_recording(SDL_Renderer *r);
int ui_rec_drawing(SDL_Renderer *r);

/* FNV-1a, 64 bits: the hash of an operation's inputs. */
#define UI_REC_HASH0 0xcbf29ce484222325ull
static inline uint64_t ui_rec_mix(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = (const unsigned char *)data;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}
static inline uint64_t ui_rec_mix_u64(uint64_t h, uint64_t v)
{
    /* One multiply-xorshift step per word: far cheaper than eight bytes of FNV. */
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdull;
    return h ^ (h >> 33);
}
static inline uint64_t ui_rec_mix_f(uint64_t h, float f)
{
    uint32_t u = 0;
    SDL_memcpy(&u, &f, sizeof u);
    return ui_rec_mix_u64(h, u);
}

static inline uint64_t ui_rec_mix_color(uint64_t h, SDL_Color c)
{
    return ui_rec_mix_u64(h, (uint64_t)c.r | (uint64_t)c.g << 8 | (uint64_t)c.b << 16 | (uint64_t)c.a << 24);
}

/* A number that changes whenever a texture's pixels do: a copy of a texture hashes
 * (texture, version) so a new content is a new operation. Versions come from one counter,
 * so a texture freed and another made at its address never repeat one. */
unsigned long ui_rec_new_version(void);

#endif
