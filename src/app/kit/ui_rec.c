/* ui_rec: retained frames (see ui_rec.h). */
#include "ui_rec.h"

#include <stdlib.h>

enum {
    OPS_MAX = 32768, /* operations a frame may record; past it the frame is drawn whole */
    ITEMS_MAX = 64,
    ITEM_NONE = -1000000, /* the id of the operations before the first item */
};

typedef struct rec_op {
    uint64_t hash;
    SDL_Rect box; /* absolute and clipped; w == 0: touches nothing */
    int whole;    /* drawn whole or not at all (ui_rec_op_begin_whole) */
} rec_op;

typedef struct rec_item {
    int id;
    int first, n;  /* its operations */
    SDL_Rect box;  /* their union */
} rec_item;

typedef struct rec_frame {
    rec_op *ops;
    int n;
    rec_item items[ITEMS_MAX];
    int items_n;
    int w, h;
    int valid;     /* recorded whole and drawn as recorded */
    int overflow;  /* too many operations or items, or an item twice: compare nothing */
} rec_frame;

struct ui_rec {
    SDL_Renderer *r;
    rec_frame f[2];
    int cur;               /* f[cur]: this frame's recording; f[!cur]: the last frame's */
    ui_rec_mode mode;
    int suspended;
    int w, h;
    SDL_Point origin;      /* the viewport's */
    SDL_Rect clip;         /* the drawing code's clip, absolute */
    int has_clip;
    SDL_Rect damage[UI_REC_DAMAGE_MAX];
    int damage_n;
    int whole_damage;      /* damage is the whole frame: draw without clipping per operation */
    int draw_item, draw_op;
    int mismatch;
};

/* The recorder of the one frame being drawn (frames are drawn on one thread). */
static ui_rec *g_active;

ui_rec *ui_rec_create(SDL_Renderer *r)
{
    ui_rec *rec = calloc(1, sizeof *rec);
    if (!rec) return NULL;
    rec->r = r;
    rec->f[0].ops = malloc(OPS_MAX * sizeof(rec_op));
    rec->f[1].ops = malloc(OPS_MAX * sizeof(rec_op));
    if (!rec->f[0].ops || !rec->f[1].ops) {
        ui_rec_destroy(rec);
        return NULL;
    }
    return rec;
}

void ui_rec_destroy(ui_rec *rec)
{
    if (!rec) return;
    if (g_active == rec) g_active = NULL;
    free(rec->f[0].ops);
    free(rec->f[1].ops);
    free(rec);
}

void ui_rec_forget(ui_rec *rec)
{
    rec->f[0].valid = rec->f[1].valid = 0;
}

unsigned long ui_rec_new_version(void)
{
    static unsigned long next = 1;
    return next++;
}

ui_rec *ui_rec_active(SDL_Renderer *r)
{
    ui_rec *rec = g_active;
    return rec && rec->r == r && !rec->suspended ? rec : NULL;
}

int ui_rec_recording(SDL_Renderer *r)
{
    const ui_rec *rec = ui_rec_active(r);
    return rec && rec->mode == UI_REC_RECORD;
}

int ui_rec_drawing(SDL_Renderer *r)
{
    const ui_rec *rec = ui_rec_active(r);
    return rec && rec->mode == UI_REC_DRAW;
}

static void open_item(rec_frame *f, int id)
{
    if (f->items_n > 0) {
        rec_item *last = &f->items[f->items_n - 1];
        if (last->n == 0 && last->id == ITEM_NONE) { /* nothing before the first item */
            f->items_n--;
        }
    }
    for (int i = 0; i < f->items_n; i++)
        if (f->items[i].id == id) f->overflow = 1;
    if (f->items_n >= ITEMS_MAX) {
        f->overflow = 1;
        return;
    }
    f->items[f->items_n++] = (rec_item){id, f->n, 0, {0, 0, 0, 0}};
}

void ui_rec_begin(ui_rec *rec, ui_rec_mode mode, int w, int h)
{
    rec->mode = mode;
    rec->suspended = 0;
    rec->w = w;
    rec->h = h;
    rec->origin = (SDL_Point){0, 0};
    rec->has_clip = 0;
    rec->mismatch = 0;
    if (mode == UI_REC_RECORD) {
        rec->cur = !rec->cur;
        rec_frame *f = &rec->f[rec->cur];
        f->n = 0;
        f->items_n = 0;
        f->w = w;
        f->h = h;
        f->valid = 0;
        f->overflow = 0;
        open_item(f, ITEM_NONE);
    } else {
        const rec_frame *f = &rec->f[rec->cur];
        rec->draw_item = f->items_n > 0 && f->items[0].id == ITEM_NONE ? 0 : -1;
        rec->draw_op = 0;
    }
    g_active = rec;
}

static int rect_meets(SDL_Rect a, SDL_Rect b)
{
    return a.w > 0 && a.h > 0 && b.w > 0 && b.h > 0 && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h &&
           b.y < a.y + a.h;
}

static SDL_Rect rect_union(SDL_Rect a, SDL_Rect b)
{
    if (a.w <= 0 || a.h <= 0) return b;
    if (b.w <= 0 || b.h <= 0) return a;
    const int x0 = a.x < b.x ? a.x : b.x, y0 = a.y < b.y ? a.y : b.y;
    const int x1 = a.x + a.w > b.x + b.w ? a.x + a.w : b.x + b.w;
    const int y1 = a.y + a.h > b.y + b.h ? a.y + a.h : b.y + b.h;
    return (SDL_Rect){x0, y0, x1 - x0, y1 - y0};
}

static long long area(SDL_Rect a)
{
    return a.w > 0 && a.h > 0 ? (long long)a.w * a.h : 0;
}

/* Add r to the damage, which stays a set of disjoint rectangles (an operation drawn under
 * two overlapping clips would blend twice where they meet): overlapping ones are merged
 * into their union, and past UI_REC_DAMAGE_MAX the pair whose union wastes least. */
static void add_damage(ui_rec *rec, SDL_Rect r)
{
    if (r.w <= 0 || r.h <= 0) return;
    for (;;) {
        int merged = 0;
        for (int i = 0; i < rec->damage_n; i++) {
            if (!rect_meets(rec->damage[i], r)) continue;
            r = rect_union(r, rec->damage[i]);
            rec->damage[i] = rec->damage[--rec->damage_n];
            merged = 1;
            break;
        }
        if (merged) continue;
        if (rec->damage_n < UI_REC_DAMAGE_MAX) {
            rec->damage[rec->damage_n++] = r;
            return;
        }
        /* Full: r goes into the neighbour it costs least to join. */
        int best = 0;
        long long waste = -1;
        for (int i = 0; i < rec->damage_n; i++) {
            const long long w = area(rect_union(rec->damage[i], r)) - area(rec->damage[i]) - area(r);
            if (waste < 0 || w < waste) waste = w, best = i;
        }
        r = rect_union(r, rec->damage[best]);
        rec->damage[best] = rec->damage[--rec->damage_n];
    }
}

static const rec_item *find_item(const rec_frame *f, int id)
{
    for (int i = 0; i < f->items_n; i++)
        if (f->items[i].id == id) return &f->items[i];
    return NULL;
}

/* Whether the items both frames have come in the same order. */
static int same_order(const rec_frame *a, const rec_frame *b)
{
    int j = 0;
    for (int i = 0; i < a->items_n; i++) {
        if (!find_item(b, a->items[i].id)) continue;
        while (j < b->items_n && !find_item(a, b->items[j].id)) j++;
        if (j >= b->items_n || b->items[j].id != a->items[i].id) return 0;
        j++;
    }
    return 1;
}

static int same_box(SDL_Rect a, SDL_Rect b)
{
    return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

static int compare(ui_rec *rec, int whole)
{
    const rec_frame *now = &rec->f[rec->cur], *was = &rec->f[!rec->cur];
    rec->damage_n = 0;
    rec->whole_damage = 0;
    if (whole || !was->valid || was->overflow || now->overflow || was->w != now->w || was->h != now->h ||
        !same_order(now, was)) {
        rec->damage[0] = (SDL_Rect){0, 0, now->w, now->h};
        rec->damage_n = 1;
        rec->whole_damage = 1;
        return 1;
    }
    for (int i = 0; i < now->items_n; i++) {
        const rec_item *a = &now->items[i], *b = find_item(was, a->id);
        if (!b) {
            add_damage(rec, a->box);
            continue;
        }
        if (a->n == b->n) {
            for (int k = 0; k < a->n; k++) {
                const rec_op *p = &now->ops[a->first + k], *q = &was->ops[b->first + k];
                if (p->hash == q->hash && same_box(p->box, q->box)) continue;
                add_damage(rec, p->box);
                add_damage(rec, q->box);
            }
            continue;
        }
        /* Operations came or went (a path grew a dot): the same ones at the start and at
         * the end, each in order, match; the ones between, old and new, are damaged. */
        const rec_op *pa = &now->ops[a->first], *pb = &was->ops[b->first];
        const int least = a->n < b->n ? a->n : b->n;
        int head = 0, tail = 0;
        while (head < least && pa[head].hash == pb[head].hash && same_box(pa[head].box, pb[head].box)) head++;
        while (tail < least - head && pa[a->n - 1 - tail].hash == pb[b->n - 1 - tail].hash &&
               same_box(pa[a->n - 1 - tail].box, pb[b->n - 1 - tail].box))
            tail++;
        for (int k = head; k < a->n - tail; k++) add_damage(rec, pa[k].box);
        for (int k = head; k < b->n - tail; k++) add_damage(rec, pb[k].box);
    }
    for (int i = 0; i < was->items_n; i++)
        if (!find_item(now, was->items[i].id)) add_damage(rec, was->items[i].box);
    /* An operation that must be drawn whole (a scaled copy samples differently when
     * clipped) takes in all of its box wherever the damage meets it. */
    for (int changed = 1, rounds = 0; changed && rounds < 64; rounds++) {
        changed = 0;
        for (int k = 0; k < now->n; k++) {
            const rec_op *p = &now->ops[k];
            if (!p->whole || p->box.w <= 0) continue;
            for (int i = 0; i < rec->damage_n; i++) {
                SDL_Rect in;
                if (!rect_meets(rec->damage[i], p->box)) continue;
                SDL_IntersectRect(&rec->damage[i], &p->box, &in);
                if (same_box(in, p->box)) continue;
                add_damage(rec, p->box);
                changed = 1;
                break;
            }
        }
    }
    if (rec->damage_n == 1 && same_box(rec->damage[0], (SDL_Rect){0, 0, now->w, now->h})) rec->whole_damage = 1;
    return rec->damage_n;
}

int ui_rec_end(ui_rec *rec, int whole)
{
    if (g_active == rec) g_active = NULL;
    if (rec->mode == UI_REC_RECORD) {
        rec_frame *f = &rec->f[rec->cur];
        f->valid = 1;
        return compare(rec, whole);
    }
    rec_frame *f = &rec->f[rec->cur];
    const int ok = !rec->mismatch && rec->draw_op == f->n && rec->draw_item == f->items_n - 1;
    if (!ok) f->valid = 0;
    return ok;
}

int ui_rec_damage(const ui_rec *rec, SDL_Rect *out, int max)
{
    int n = 0;
    for (int i = 0; i < rec->damage_n && n < max; i++) out[n++] = rec->damage[i];
    return n;
}

static int item(SDL_Renderer *r, int id, int skippable)
{
    ui_rec *rec = ui_rec_active(r);
    if (!rec) return 1;
    rec_frame *f = &rec->f[rec->cur];
    if (rec->mode == UI_REC_RECORD) {
        open_item(f, id);
        return 1;
    }
    /* Drawing: the next item recorded must be this one. */
    const int next = rec->draw_item + 1;
    if (next >= f->items_n || f->items[next].id != id || rec->draw_op != f->items[next].first) {
        rec->mismatch = 1;
        return 1;
    }
    rec->draw_item = next;
    if (!skippable || rec->whole_damage) return 1;
    for (int i = 0; i < rec->damage_n; i++)
        if (rect_meets(rec->damage[i], f->items[next].box)) return 1;
    rec->draw_op = f->items[next].first + f->items[next].n; /* its operations passed over */
    return 0;
}

void ui_rec_item(SDL_Renderer *r, int id)
{
    item(r, id, 0);
}

int ui_rec_item_skippable(SDL_Renderer *r, int id)
{
    return item(r, id, 1);
}

void ui_rec_set_viewport(SDL_Renderer *r, const SDL_Rect *viewport)
{
    SDL_RenderSetViewport(r, viewport);
    ui_rec *rec = ui_rec_active(r);
    if (rec) rec->origin = viewport ? (SDL_Point){viewport->x, viewport->y} : (SDL_Point){0, 0};
}

void ui_rec_set_clip(SDL_Renderer *r, const SDL_Rect *clip)
{
    SDL_RenderSetClipRect(r, clip);
    ui_rec *rec = ui_rec_active(r);
    if (!rec) return;
    rec->has_clip = clip != NULL;
    if (clip) rec->clip = (SDL_Rect){clip->x + rec->origin.x, clip->y + rec->origin.y, clip->w, clip->h};
}

void ui_rec_suspend(SDL_Renderer *r)
{
    if (g_active && g_active->r == r) g_active->suspended++;
}

void ui_rec_resume(SDL_Renderer *r)
{
    if (g_active && g_active->r == r && g_active->suspended > 0) g_active->suspended--;
}

/* The clip for damage rect d: d within the drawing code's clip, relative to the viewport.
 * Returns 0 when nothing of it is left. */
static int clip_for(const ui_rec *rec, SDL_Rect d, SDL_Rect *out)
{
    SDL_Rect c = d;
    if (rec->has_clip && !SDL_IntersectRect(&d, &rec->clip, &c)) return 0;
    *out = (SDL_Rect){c.x - rec->origin.x, c.y - rec->origin.y, c.w, c.h};
    return c.w > 0 && c.h > 0;
}

static void restore_clip(const ui_rec *rec)
{
    if (!rec->has_clip) {
        SDL_RenderSetClipRect(rec->r, NULL);
        return;
    }
    const SDL_Rect c = {rec->clip.x - rec->origin.x, rec->clip.y - rec->origin.y, rec->clip.w, rec->clip.h};
    SDL_RenderSetClipRect(rec->r, &c);
}

static int op_begin(SDL_Renderer *r, uint64_t hash, SDL_Rect box, ui_rec_op *op, int whole);

int ui_rec_op_begin(SDL_Renderer *r, uint64_t hash, SDL_Rect box, ui_rec_op *op)
{
    return op_begin(r, hash, box, op, 0);
}

int ui_rec_op_begin_whole(SDL_Renderer *r, uint64_t hash, SDL_Rect box, ui_rec_op *op)
{
    return op_begin(r, hash, box, op, 1);
}

static int op_begin(SDL_Renderer *r, uint64_t hash, SDL_Rect box, ui_rec_op *op, int whole)
{
    ui_rec *rec = ui_rec_active(r);
    op->rec = rec;
    op->next = 0;
    op->clipped = 0;
    if (!rec) return 1;
    rec_frame *f = &rec->f[rec->cur];
    if (rec->mode == UI_REC_RECORD) {
        /* Absolute, within the clip and the frame. */
        SDL_Rect b = {box.x + rec->origin.x, box.y + rec->origin.y, box.w, box.h}, c = b;
        const SDL_Rect frame = {0, 0, rec->w, rec->h};
        if (!SDL_IntersectRect(&b, &frame, &c) || (rec->has_clip && !SDL_IntersectRect(&c, &rec->clip, &c)))
            c = (SDL_Rect){0, 0, 0, 0};
        if (f->n >= OPS_MAX) {
            f->overflow = 1;
            return 0;
        }
        f->ops[f->n++] = (rec_op){hash, c, whole};
        rec_item *it = &f->items[f->items_n - 1];
        it->n++;
        it->box = rect_union(it->box, c);
        return 0;
    }
    /* Drawing: the operation recorded at this place must be this one. */
    const int k = rec->draw_op++;
    if (rec->mismatch || k >= f->n || f->ops[k].hash != hash) {
        rec->mismatch = 1;
        return 0;
    }
    op->box = f->ops[k].box;
    if (op->box.w <= 0) return 0;
    if (rec->whole_damage) {
        op->next = UI_REC_DAMAGE_MAX; /* drawn once, under the code's own clip */
        return 1;
    }
    return ui_rec_op_next(op);
}

int ui_rec_op_next(ui_rec_op *op)
{
    ui_rec *rec = op->rec;
    if (!rec) return 0;
    while (op->next < rec->damage_n) {
        const SDL_Rect d = rec->damage[op->next++];
        SDL_Rect c;
        if (!rect_meets(d, op->box) || !clip_for(rec, d, &c)) continue;
        SDL_RenderSetClipRect(rec->r, &c);
        op->clipped = 1;
        return 1;
    }
    if (op->clipped) restore_clip(rec);
    op->clipped = 0;
    return 0;
}
