/* ui_lesson_panel: the narration column, the broken-lesson sheet, the menu and the
 * presenter's view (see ui_lesson_panel.h). One layout routine both measures and draws
 * the column, so what is measured to fit is exactly what is drawn. */
#include "ui_rec.h"
#include "ui_lesson_panel.h"
#include "ui_lang.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_wrap.h"

int ui_lesson_column_width(int w)
{
    return w * 35 / 100;
}

/* The longest status the column shows: the fit of a page is measured with it. */
#define ASKING_STATUS _("Answer with a number key or a click; → shows the answer")

const char *ui_lesson_status(const xl_player *p)
{
    static char buf[128];
    const xl_lesson *l = xl_player_lesson(p);
    const int last = xl_player_page(p) + 1 >= l->npages;
    switch (xl_player_phase_of(p)) {
    case XL_PLAYER_PLAYING:
        snprintf(buf, sizeof buf, xl_player_play_left(p) == 1 ? _("▶ playing: %ld step to go") : _("▶ playing: %ld steps to go"),
                 xl_player_play_left(p));
        return buf;
    case XL_PLAYER_WAITING: return _("→ goes on");
    case XL_PLAYER_PAUSED: return _("Your turn: explore with the keys and the mouse. → goes on");
    case XL_PLAYER_ASKING: return ASKING_STATUS;
    case XL_PLAYER_SUSPENDED: return _("You have the controls. → plays it again");
    case XL_PLAYER_DONE: break;
    }
    return last ? _("The end of the lesson. M: lessons · Esc: sandbox") : _("→ next page");
}

const char *ui_lesson_caption_status(const xl_player *p)
{
    /* No play state in a video (part 9's chrome rule): the steps are seen in the scene and
     * the status bar, and a play may wait for the voice's sentence that announces it. */
    switch (xl_player_phase_of(p)) {
    case XL_PLAYER_ASKING: return _("Think before the answer comes: pause the video if you like.");
    default: return " ";
    }
}

static SDL_Color mix(SDL_Color a, SDL_Color b, int t256)
{
    SDL_Color c = {(Uint8)((a.r * (256 - t256) + b.r * t256) >> 8), (Uint8)((a.g * (256 - t256) + b.g * t256) >> 8),
                   (Uint8)((a.b * (256 - t256) + b.b * t256) >> 8), 255};
    return c;
}

/* Paragraph k of a page's narration (paragraphs are separated by "\n\n") into buf;
 * 0 when there is no paragraph k. */
static int paragraph(const char *text, int k, char *buf, size_t n)
{
    const char *s = text;
    for (int i = 0; i < k && s; i++) {
        s = strstr(s, "\n\n");
        if (s) s += 2;
    }
    if (!s || !*s) return 0;
    const char *e = strstr(s, "\n\n");
    size_t len = e ? (size_t)(e - s) : strlen(s);
    if (len + 1 > n) len = n - 1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return 1;
}

/* The page's narration paragraphs written before step `before` (all of them when it is
 * -1) from paragraph *next on, those the script has reached (all of them when measure is
 * set), drawn when draw is set; *next moves past them. */
static int layout_paragraphs(const ui_ctx *ctx, const xl_player *p, const xl_page *pg, const ui_wrap_style *prose,
                             int *next, int before, int x, int y, int width, int max_y, int measure, int draw,
                             int *first)
{
    char buf[XL_LESSON_TEXT];
    const int y0 = y;
    for (;; (*next)++) {
        const int k = *next;
        const int place = pg->nparas == 0 ? 0 : pg->para_after[k < pg->nparas ? k : pg->nparas - 1];
        if (before >= 0 && place > before) break;
        if (!paragraph(pg->text, k, buf, sizeof buf)) break;
        if (!measure && !xl_player_paragraph_shown(p, k)) continue;
        if (!*first) y += prose->paragraph_gap;
        *first = 0;
        y += ui_wrap_draw(ctx->text, prose, buf, x, y, width, max_y, draw, NULL);
    }
    return y - y0;
}

/* The question on page `page` whose votes the class sees: the one open, else the last
 * one the player has asked on the page that has a tally; -1 when none. The poll's
 * split flag is about this one (xl_poll_split_shown: the open or the last closed). */
static int class_question(const xl_player *p, const xl_poll *poll, int page)
{
    if (!poll) return -1;
    const xl_poll_tally *open = xl_poll_open_tally(poll);
    if (open) return open->page == page ? open->question : -1;
    const xl_page *pg = &xl_player_lesson(p)->pages[page];
    for (int q = pg->nquestions - 1; q >= 0; q--) {
        int choice = -1;
        if (xl_player_question_state(p, q, &choice) != 0 && xl_poll_find(poll, page, q)) return q;
    }
    return -1;
}

/* "12 of 30 phones have voted" (while the question is open) or "... voted" (closed). */
static void voted_line(const xl_poll *poll, const xl_poll_tally *t, char *out, size_t n)
{
    const int voted = t ? t->voted : 0, joined = poll ? xl_poll_joined(poll) : 0;
    /* Whole sentences: the noun's plural and the verb's agreement are the language's. */
    const int one = joined == 1;
    if (t && !t->closed)
        snprintf(out, n,
                 voted == 1 ? (one ? _("%d of %d phone has voted") : _("%d of %d phones has voted"))
                            : (one ? _("%d of %d phone have voted") : _("%d of %d phones have voted")),
                 voted, joined);
    else snprintf(out, n, one ? _("%d of %d phone voted") : _("%d of %d phones voted"), voted, joined);
}

/* The widest count and percent an answer's bar is labelled with. */
#define SPLIT_WIDEST "500 · 100%"

/* Answer k's count and percent of the votes ("5 · 42%"). */
static void split_label(const xl_poll_tally *t, int k, char *out, size_t n)
{
    const int count = t && k < t->noptions ? t->counts[k] : 0, voted = t ? t->voted : 0;
    snprintf(out, n, "%d · %d%%", count, voted > 0 ? (int)(100.0 * count / voted + 0.5) : 0);
}

/* A bar's length in whole pixels for answer k on a track `track` long: the exact share
 * rounded, so bars of equal counts are equal. */
static int split_len(const xl_poll_tally *t, int k, int track)
{
    const int count = t && k < t->noptions ? t->counts[k] : 0, voted = t ? t->voted : 0;
    return voted > 0 ? (int)((double)track * count / voted + 0.5) : 0;
}

/* Answer k's bar in the strip at (x, y), width w, one line of UI_FONT_HELP tall: its
 * length the share of the votes, its count and percent written at its right (the
 * numbers carry the split, so it does not rest on colour). */
static void split_bar(const ui_ctx *ctx, const xl_poll_tally *t, int k, int x, int y, int w)
{
    const ui_theme *th = ctx->theme;
    const int hl = ui_text_line_height(ctx->text, UI_FONT_HELP);
    const int num_w = ui_text_width(ctx->text, UI_FONT_HELP, SPLIT_WIDEST) + hl / 2;
    const int track = w - num_w;
    if (track <= 0) return;
    const int bar_h = hl * 3 / 5, by = y + (hl - bar_h) / 2;
    ui_draw_frame(ctx->r, (SDL_Rect){x, by, track, bar_h}, 1, th->border);
    ui_draw_fill(ctx->r, (SDL_Rect){x, by, split_len(t, k, track), bar_h}, th->truth);
    char label[32];
    split_label(t, k, label, sizeof label);
    ui_text_draw(ctx->text, UI_FONT_HELP, x + w, y, UI_ALIGN_RIGHT, th->text, label);
}

/* The column's body from y to max_y: page title, narration, questions, each paragraph
 * and question where it was written. With measure set, everything counts as shown and
 * every question as answered (the most the page can show: with in_class, each question
 * with its count of votes and its split, compact), so the size chosen never changes
 * while the page is on; with dry set, the page as it is now is laid out, not drawn.
 * poll: the class's votes (NULL: none). roomy: the split's bars on lines of their own
 * under the answers, larger (when the page as it is has the room), else compact: the
 * bar along the answer's top, the label beside its last line. Returns the y reached. */
static int layout_body(const ui_ctx *ctx, SDL_Rect col, const xl_player *p, int page, int y, int max_y, int measure,
                       int dry, const xl_poll *poll, int in_class, int roomy, ui_lesson_geom *g)
{
    const ui_theme *th = ctx->theme;
    const xl_page *pg = &xl_player_lesson(p)->pages[page];
    const int pad = ctx->pad, x = col.x + pad, width = col.w - 2 * pad, draw = !measure && !dry;
    const int lh = ui_text_line_height(ctx->text, UI_FONT_NARRATION);
    const int hl = ui_text_line_height(ctx->text, UI_FONT_HELP);
    ui_wrap_style title = {UI_FONT_NARRATION_BOLD, UI_FONT_NARRATION_BOLD, th->text, th->text, 0, 0, 1};
    ui_wrap_style prose = {UI_FONT_NARRATION, UI_FONT_NARRATION_BOLD, th->text, th->text, lh / 2, lh / 8, 1};
    y += ui_wrap_draw(ctx->text, &title, pg->title, x, y, width, max_y, draw, NULL) + lh / 2;
    int next_para = 0, first = 1;
    const int class_q = measure ? -1 : class_question(p, poll, page);
    for (int q = 0; q < pg->nquestions; q++) {
        int at = 0;
        for (int i = 0; i < pg->nsteps; i++)
            if (pg->steps[i].kind == XL_STEP_QUESTION && pg->steps[i].question == q) at = i;
        y += layout_paragraphs(ctx, p, pg, &prose, &next_para, at, x, y, width, max_y, measure, draw, &first);
        int choice = -1;
        int state = measure ? 2 : xl_player_question_state(p, q, &choice);
        if (state == 0) continue;
        /* Answered, but the plays after it still running: the choice is kept, the verdict
         * waits for the play to end. */
        const int shown = state == 2 && (measure || xl_player_question_revealed(p, q));
        const xl_question *qu = &pg->questions[q];
        /* A class: the votes' count under the answers, and their split as a bar in each
         * answer's row once the teacher shows it (never while voting unless asked: the
         * class is not herded by the first votes). */
        const xl_poll_tally *tally = poll && !measure ? xl_poll_find(poll, page, q) : NULL;
        /* The count of votes shows until the split does; it gives way to the answer's
         * explanation at the reveal, so the most a page shows is the larger of the two,
         * not both (the shipped lessons' tightest pages have no line to spare). */
        const int split = measure ? in_class : q == class_q && xl_poll_split_shown(poll);
        const int counted = measure ? in_class : poll && !split && (!shown || !qu->why[0]);
        y += lh / 2;
        if (draw) ui_draw_fill(ctx->r, (SDL_Rect){x, y, width, (int)ui_lw(ctx, 2.0f)}, th->model);
        y += lh / 3;
        y += ui_wrap_draw(ctx->text, &title, qu->text, x, y, width, max_y, draw, NULL) + lh / 4;
        const int badge = ui_text_width(ctx->text, UI_FONT_NARRATION_BOLD, "4") + pad;
        const int text_x = x + badge + pad / 2, text_w = width - badge - pad;
        const int label_w = ui_text_width(ctx->text, UI_FONT_LABEL, SPLIT_WIDEST) + pad / 2;
        for (int a = 0; a < qu->nanswers; a++) {
            const int right = a == qu->right, chosen = a == choice;
            SDL_Color ink = th->text;
            ui_wrap_style ans = prose;
            ans.paragraph_gap = 0;
            int h = ui_wrap_draw(ctx->text, &ans, qu->answers[a], 0, 0, text_w, 1 << 30, 0, NULL);
            /* The split in the row: a bar along its top, in the room above the letters,
             * and the count and percent at the right of the answer's last line when the
             * answer takes no more lines for leaving room for the widest (so it is clear
             * of every line); else on a line of its own under the answer. */
            const int ll = ui_text_line_height(ctx->text, UI_FONT_LABEL);
            const int beside = split && !roomy && text_w > label_w &&
                               ui_wrap_draw(ctx->text, &ans, qu->answers[a], 0, 0, text_w - label_w, 1 << 30, 0,
                                            NULL) == h;
            /* Compact, the label's line box reaches past the row by its descent, which
             * digits do not ink. */
            const int strip = !split ? 0 : roomy ? hl + lh / 8 : beside ? 0 : ll - lh / 4;
            SDL_Rect row = {x, y, width, h + lh / 4 + strip};
            if (draw) {
                if (shown && right) ui_draw_fill(ctx->r, row, mix(th->panel, th->inherent, 70));
                else if (shown && chosen) ui_draw_fill(ctx->r, row, mix(th->panel, th->surprise, 60));
                else if (chosen) ui_draw_fill(ctx->r, row, mix(th->panel, th->model, 60)); /* chosen, verdict to come */
                else if (!shown) ui_draw_frame(ctx->r, row, (int)ui_lw(ctx, 1.0f), th->border);
                if (split && roomy) {
                    split_bar(ctx, tally, a, text_x, y + lh / 8 + h + lh / 16, text_w);
                } else if (split) {
                    const int edge = (int)ui_lw(ctx, 1.0f), bar_h = lh / 5 > 3 ? lh / 5 : 3;
                    ui_draw_fill(ctx->r, (SDL_Rect){text_x, y + edge, text_w, bar_h}, th->grid);
                    ui_draw_fill(ctx->r, (SDL_Rect){text_x, y + edge, split_len(tally, a, text_w), bar_h}, th->truth);
                    char label[32];
                    split_label(tally, a, label, sizeof label);
                    const int ly = beside ? y + lh / 8 + h - lh + (lh - ll) / 2 : y + h + lh / 8;
                    ui_text_draw(ctx->text, UI_FONT_LABEL, x + width - pad / 2, ly, UI_ALIGN_RIGHT, th->text, label);
                }
                char mark[16];
                snprintf(mark, sizeof mark, "%s", shown && right ? "✓" : shown && chosen ? "✗" : "");
                if (!mark[0]) snprintf(mark, sizeof mark, "%d", a + 1);
                ui_text_draw(ctx->text, UI_FONT_NARRATION_BOLD, x + pad / 2, y + lh / 8, UI_ALIGN_LEFT,
                             shown && right ? th->inherent : shown && chosen ? th->surprise : th->text_dim, mark);
                ans.color = ink;
                ui_wrap_draw(ctx->text, &ans, qu->answers[a], text_x, y + lh / 8, text_w, max_y, 1, NULL);
                if (g && g->nanswers < XL_LESSON_ANSWERS && state == 1) g->answers[g->nanswers++] = row;
            }
            y += row.h + lh / 6;
        }
        const int count_h = counted ? hl + lh / 8 : 0;
        if (counted && draw) {
            char line[96];
            voted_line(poll, tally, line, sizeof line);
            ui_text_draw(ctx->text, UI_FONT_HELP, x, y, UI_ALIGN_LEFT, th->truth, line);
        }
        int why_h = 0;
        if (shown && qu->why[0]) why_h = lh / 4 + ui_wrap_draw(ctx->text, &prose, qu->why, x, y + lh / 4, width, max_y,
                                                               draw, NULL);
        /* Measured, both are there (the larger counts); drawn, only one is. */
        y += count_h > why_h ? count_h : why_h;
        first = 0;
    }
    y += layout_paragraphs(ctx, p, pg, &prose, &next_para, -1, x, y, width, max_y, measure, draw, &first);
    return y;
}

/* One of the clicker keys at the column's foot, and the action a click on it does. */
typedef struct foot_key {
    const char *text, *action;
} foot_key;

/* The foot's keys from the fullest set to the shortest: the first that fits is drawn. */
static const foot_key foot_sets[][UI_LESSON_KEYS] = {
    {{N_("PgDn → next"), "next"}, {N_("PgUp ← back"), "back"}, {N_("B blank"), "blank"}, {N_("M lessons"), "menu"},
     {N_("Esc sandbox"), "close"}},
    {{N_("→ next"), "next"}, {N_("← back"), "back"}, {N_("B blank"), "blank"}, {N_("M lessons"), "menu"}, {N_("Esc sandbox"), "close"}},
    {{N_("→ next"), "next"}, {N_("← back"), "back"}, {N_("M lessons"), "menu"}, {N_("Esc sandbox"), "close"}, {NULL, NULL}},
    {{N_("M lessons"), "menu"}, {N_("Esc sandbox"), "close"}, {NULL, NULL}, {NULL, NULL}, {NULL, NULL}},
};
#define FOOT_SEPARATOR "  ·  "

static int foot_width(const ui_ctx *ctx, const foot_key *set)
{
    int w = 0;
    for (int i = 0; i < UI_LESSON_KEYS && set[i].text; i++)
        w += (i ? ui_text_width(ctx->text, UI_FONT_LABEL, FOOT_SEPARATOR) : 0) +
             ui_text_width(ctx->text, UI_FONT_LABEL, _(set[i].text));
    return w;
}

/* The clicker keys at (x, y), the fullest set that fits in width (cut when even the
 * shortest does not, and then not pressable); each key's box goes into g. */
static void draw_foot(const ui_ctx *ctx, int x, int y, int width, int first_set, ui_lesson_geom *g)
{
    const int nsets = (int)(sizeof foot_sets / sizeof foot_sets[0]);
    int k = first_set;
    while (k < nsets - 1 && foot_width(ctx, foot_sets[k]) > width) k++;
    const SDL_Color dim = ctx->theme->text_dim;
    if (foot_width(ctx, foot_sets[k]) > width) {
        char all[128] = "", cut[128];
        for (int i = 0; i < UI_LESSON_KEYS && foot_sets[k][i].text; i++)
            snprintf(all + strlen(all), sizeof all - strlen(all), "%s%s", i ? FOOT_SEPARATOR : "",
                     _(foot_sets[k][i].text));
        ui_text_fit(ctx->text, UI_FONT_LABEL, all, width, cut, sizeof cut);
        ui_text_draw(ctx->text, UI_FONT_LABEL, x, y, UI_ALIGN_LEFT, dim, cut);
        return;
    }
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    for (int i = 0; i < UI_LESSON_KEYS && foot_sets[k][i].text; i++) {
        if (i) x += ui_text_draw(ctx->text, UI_FONT_LABEL, x, y, UI_ALIGN_LEFT, dim, FOOT_SEPARATOR);
        const int w = ui_text_draw(ctx->text, UI_FONT_LABEL, x, y, UI_ALIGN_LEFT, dim, _(foot_sets[k][i].text));
        if (g && g->nkeys < UI_LESSON_KEYS) {
            /* A little beyond the words, so a finger need not hit the letters. */
            g->keys[g->nkeys] = (SDL_Rect){x - lh / 4, y - lh / 4, w + lh / 2, lh + lh / 2};
            g->key_action[g->nkeys++] = foot_sets[k][i].action;
        }
        x += w;
    }
}

/* The column's frame, header (lesson title, counter) and foot (status, keys); returns
 * the body's box through *body and the foot keys' boxes through g (may be NULL). */
static void frame(const ui_ctx *ctx, SDL_Rect col, const char *lesson_title, const char *counter,
                  const char *status, int clicker, SDL_Rect *body, ui_lesson_geom *g)
{
    const ui_theme *th = ctx->theme;
    const int pad = ctx->pad;
    ui_draw_fill(ctx->r, col, th->panel);
    ui_draw_fill(ctx->r, (SDL_Rect){col.x + col.w - (int)ui_lw(ctx, 1.0f), col.y, (int)ui_lw(ctx, 1.0f), col.h},
                 th->border);
    int cw = counter ? ui_text_width(ctx->text, UI_FONT_NARRATION_BOLD, counter) : 0;
    /* The lesson's title whole if it fits, in the header's type or the labels' smaller
     * one; else its topic, the part before ": " ("Rare positives"); cut only as a last
     * resort (a title with "…" reads as broken on a projector). */
    const int title_room = col.w - 3 * pad - cw;
    char cut[128];
    snprintf(cut, sizeof cut, "%s", lesson_title);
    const char *colon = strstr(cut, ": ");
    ui_font title_font = UI_FONT_HELP;
    if (ui_text_width(ctx->text, UI_FONT_HELP, cut) > title_room) {
        if (ui_text_width(ctx->text, UI_FONT_LABEL, cut) <= title_room) title_font = UI_FONT_LABEL;
        else if (colon) {
            cut[colon - cut] = '\0';
            if (ui_text_width(ctx->text, UI_FONT_HELP, cut) > title_room) title_font = UI_FONT_LABEL;
        } else title_font = UI_FONT_LABEL;
    }
    char shown[128];
    ui_text_fit(ctx->text, title_font, cut, title_room, shown, sizeof shown);
    const int head_h = ui_text_line_height(ctx->text, UI_FONT_NARRATION_BOLD);
    const int tl = ui_text_line_height(ctx->text, title_font);
    ui_text_draw(ctx->text, title_font, col.x + pad, col.y + pad + (head_h - tl) / 2, UI_ALIGN_LEFT, th->text_dim,
                 shown);
    if (counter)
        ui_text_draw(ctx->text, UI_FONT_NARRATION_BOLD, col.x + col.w - pad, col.y + pad, UI_ALIGN_RIGHT, th->text,
                     counter);
    int top = col.y + pad + head_h + pad / 2;
    ui_draw_fill(ctx->r, (SDL_Rect){col.x + pad, top, col.w - 2 * pad, (int)ui_lw(ctx, 1.0f)}, th->border);
    top += pad;
    /* The foot: status (wrapped, at most two lines) and the clicker keys. */
    const int kl = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    ui_wrap_style st = {UI_FONT_HELP, UI_FONT_HELP, th->text, th->text, 0, 0, 0};
    int status_h = ui_wrap_draw(ctx->text, &st, status, 0, 0, col.w - 2 * pad, 1 << 30, 0, NULL);
    int bottom = col.y + col.h - pad - kl;
    /* The clicker's keys, as many as fit without cutting one; a click on one does it.
     * Without a player only the last set applies; a recording has no keys to press. */
    if (clicker >= 0) draw_foot(ctx, col.x + pad, bottom, col.w - 2 * pad, clicker ? 0 : 3, g);
    bottom -= status_h + pad / 2;
    ui_wrap_draw(ctx->text, &st, status, col.x + pad, bottom, col.w - 2 * pad, col.y + col.h, 1, NULL);
    bottom -= pad / 2;
    ui_draw_fill(ctx->r, (SDL_Rect){col.x + pad, bottom, col.w - 2 * pad, (int)ui_lw(ctx, 1.0f)}, th->border);
    *body = (SDL_Rect){col.x, top, col.w, bottom - pad / 2 - top};
}

void ui_lesson_draw(const ui_ctx *ctx, SDL_Rect col, const xl_player *p, const xl_poll *poll, int recording,
                    ui_lesson_geom *g)
{
    if (g) {
        memset(g, 0, sizeof *g);
        g->column = col;
    }
    const xl_lesson *l = xl_player_lesson(p);
    char counter[32];
    snprintf(counter, sizeof counter, "%d / %d", xl_player_page(p) + 1, l->npages);
    SDL_Rect body;
    /* While the class votes, the teacher's next moves: the split (F8), then the answer. */
    const char *status = recording ? ui_lesson_caption_status(p) : ui_lesson_status(p);
    if (!recording && poll && xl_poll_open_tally(poll) && xl_player_phase_of(p) == XL_PLAYER_ASKING)
        status = xl_poll_split_shown(poll) ? _("F8 hides the split; → shows the answer")
                                           : _("F8 shows how the class voted; → shows the answer");
    frame(ctx, col, l->title, counter, status, recording ? -1 : 1, &body, g);
    ui_rec_set_clip(ctx->r, &body);
    const int page = xl_player_page(p);
    /* The split's larger bars when the page as it is now has room for them (while the
     * class votes, before the explanation comes); the compact ones otherwise, which
     * every page has room for (ui_lesson_page_fits_class). */
    const int roomy = poll && layout_body(ctx, col, p, page, body.y, 1 << 30, 0, 1, poll, 1, 1, NULL) <=
                                  body.y + body.h;
    layout_body(ctx, col, p, page, body.y, body.y + body.h, 0, 0, poll, poll != NULL, roomy, g);
    ui_rec_set_clip(ctx->r, NULL);
}

int ui_lesson_fits(const ui_ctx *ctx, SDL_Rect col, const xl_player *p)
{
    return ui_lesson_page_fits(ctx, col, p, xl_player_page(p));
}

int ui_lesson_page_fits(const ui_ctx *ctx, SDL_Rect col, const xl_player *p, int page)
{
    return ui_lesson_page_fits_class(ctx, col, p, page, 0);
}

int ui_lesson_page_fits_class(const ui_ctx *ctx, SDL_Rect col, const xl_player *p, int page, int in_class)
{
    if (page < 0 || page >= xl_player_lesson(p)->npages) return 1;
    /* The body's box as frame() makes it, without drawing: the header and the foot. */
    const int pad = ctx->pad;
    const int head = pad + ui_text_line_height(ctx->text, UI_FONT_NARRATION_BOLD) + pad / 2 + pad;
    ui_wrap_style st = {UI_FONT_HELP, UI_FONT_HELP, ctx->theme->text, ctx->theme->text, 0, 0, 0};
    int status_h = ui_wrap_draw(ctx->text, &st, ASKING_STATUS, 0, 0,
                                col.w - 2 * pad, 1 << 30, 0, NULL);
    const int foot = pad + ui_text_line_height(ctx->text, UI_FONT_LABEL) + status_h + pad + pad / 2;
    int end = layout_body(ctx, col, p, page, col.y + head, 1 << 30, 1, 0, NULL, in_class, 0, NULL);
    return end <= col.y + col.h - foot;
}

void ui_lesson_draw_broken(const ui_ctx *ctx, SDL_Rect col, const xl_lesson *broken, int watched, ui_lesson_geom *g)
{
    if (g) {
        memset(g, 0, sizeof *g);
        g->column = col;
    }
    const ui_theme *th = ctx->theme;
    SDL_Rect body;
    frame(ctx, col, _("This lesson cannot be opened"), NULL,
          watched ? _("Fix the file and save it: it reloads here.") : _("Fix the file and open it again (M)."), 0, &body, g);
    const int pad = ctx->pad, x = col.x + pad, width = col.w - 2 * pad, max_y = body.y + body.h;
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    ui_wrap_style title = {UI_FONT_NARRATION_BOLD, UI_FONT_NARRATION_BOLD, th->surprise, th->surprise, 0, 0, 0};
    ui_wrap_style err = {UI_FONT_LABEL, UI_FONT_LABEL, th->text, th->text, lh / 2, 0, 0};
    int y = body.y;
    char head[96];
    snprintf(head, sizeof head, broken->nerrors == 1 ? _("%d error") : _("%d errors"), broken->nerrors);
    y += ui_wrap_draw(ctx->text, &title, head, x, y, width, max_y, 1, NULL) + lh / 2;
    for (int e = 0; e < broken->nerrors && e < XL_LESSON_MAX_ERRORS && y < max_y; e++)
        y += ui_wrap_draw(ctx->text, &err, broken->errors[e], x, y, width, max_y, 1, NULL) + lh / 3;
    y += lh / 2;
    ui_wrap_draw(ctx->text, &err, _("Fix the file in an editor; xentlab --check FILE lists the same errors."), x, y,
                 width, max_y, 1, NULL);
}

void ui_lesson_menu_draw(const ui_ctx *ctx, int w, int h, const ui_library *lib, int selected, const char *current,
                         ui_menu_geom *g)
{
    const ui_theme *th = ctx->theme;
    if (g) memset(g, 0, sizeof *g);
    ui_draw_fill(ctx->r, (SDL_Rect){0, 0, w, h}, ui_rgba(th->background, 170));
    const int lh = ui_text_line_height(ctx->text, UI_FONT_HELP), pad = lh;
    const int hh = ui_text_line_height(ctx->text, UI_FONT_HEADING);
    const int rows = lib->count > 0 ? lib->count : 1;
    int row_h = lh * 3 / 2;
    int sheet_w = w * 60 / 100, sheet_h = hh + pad * 3 + rows * row_h + lh + pad;
    if (sheet_w < 2 * pad + 20 * lh) sheet_w = w - 2 * lh;
    if (sheet_h > h - 2 * lh) {
        sheet_h = h - 2 * lh;
        row_h = (sheet_h - hh - pad * 4 - lh) / rows;
        if (row_h < lh) row_h = lh;
    }
    SDL_Rect sheet = {(w - sheet_w) / 2, (h - sheet_h) / 2, sheet_w, sheet_h};
    if (g) g->sheet = sheet;
    ui_draw_fill(ctx->r, sheet, th->overlay);
    ui_draw_frame(ctx->r, sheet, (int)ui_lw(ctx, 1.0f), th->border);
    int x = sheet.x + pad, y = sheet.y + pad;
    ui_text_draw(ctx->text, UI_FONT_HEADING, x, y, UI_ALIGN_LEFT, th->text, _("Lessons"));
    ui_text_draw(ctx->text, UI_FONT_LABEL, sheet.x + sheet.w - pad, y + (hh - ui_text_line_height(ctx->text, UI_FONT_LABEL)),
                 UI_ALIGN_RIGHT, th->text_dim, _("↑/↓ choose · Enter or click open · Esc close"));
    y += hh + pad;
    if (lib->count == 0) {
        ui_text_draw(ctx->text, UI_FONT_HELP, x, y, UI_ALIGN_LEFT, th->text_dim,
                     lib->dir[0] ? _("No lessons in the lessons folder.") : _("No lessons folder was found."));
        return;
    }
    const int name_w = ui_text_width(ctx->text, UI_FONT_HELP, "00-gradient-descent  ");
    for (int i = 0; i < lib->count && y + row_h <= sheet.y + sheet.h - pad; i++) {
        const ui_library_entry *e = &lib->entries[i];
        SDL_Rect row = {sheet.x + pad / 2, y, sheet.w - pad, row_h};
        if (i == selected) ui_draw_fill(ctx->r, row, mix(th->overlay, th->model, 90));
        if (current && strcmp(current, e->path) == 0)
            ui_draw_fill(ctx->r, (SDL_Rect){row.x, row.y, (int)ui_lw(ctx, 3.0f), row.h}, th->truth);
        int ty = y + (row_h - lh) / 2;
        char num[8], pages[32], cut[160];
        int digits = (int)strspn(e->name, "0123456789");
        snprintf(num, sizeof num, "%.*s", digits > 3 ? 3 : digits, e->name);
        ui_text_draw(ctx->text, UI_FONT_HELP, x, ty, UI_ALIGN_LEFT, th->text_dim, num);
        pages[0] = '\0';
        if (e->pages) snprintf(pages, sizeof pages, _("%d pages"), e->pages);
        int pw = ui_text_width(ctx->text, UI_FONT_HELP, _("00 pages"));
        ui_text_fit(ctx->text, UI_FONT_HELP, e->title, row.w - pad * 2 - name_w / 3 - pw, cut, sizeof cut);
        ui_text_draw(ctx->text, UI_FONT_HELP, x + name_w / 3, ty, UI_ALIGN_LEFT, e->pages ? th->text : th->surprise,
                     cut);
        ui_text_draw(ctx->text, UI_FONT_HELP, row.x + row.w - pad / 2, ty, UI_ALIGN_RIGHT, th->text_dim, pages);
        if (g && g->nrows < UI_LIBRARY_MAX) g->rows[g->nrows++] = row;
        y += row_h;
    }
}

/* The class in the presenter's right column from y, width w: phones joined, the question
 * whose votes count (the open one, else the page's last asked), and its split whatever
 * the projector shows: each answer's text, a bar, its count and percent, the right one
 * marked. Returns the height drawn. */
static int presenter_class(const ui_ctx *ctx, int x, int y, int w, int max_y, const xl_player *p, const xl_poll *poll)
{
    const ui_theme *th = ctx->theme;
    const int y0 = y, pad = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    const int hl = ui_text_line_height(ctx->text, UI_FONT_HELP);
    const int page = xl_player_page(p);
    const int q = class_question(p, poll, page);
    const xl_poll_tally *t = q >= 0 ? xl_poll_find(poll, page, q) : NULL;
    ui_text_draw(ctx->text, UI_FONT_LABEL, x, y, UI_ALIGN_LEFT, th->text_dim, _("CLASS  (F7 card · F8 split)"));
    y += ui_text_line_height(ctx->text, UI_FONT_LABEL);
    char line[128];
    const int joined = xl_poll_joined(poll);
    snprintf(line, sizeof line, joined == 1 ? _("%d phone joined") : _("%d phones joined"), joined);
    ui_wrap_style st = {UI_FONT_HELP, UI_FONT_HELP, th->text, th->text, 0, 0, 1};
    y += ui_wrap_draw(ctx->text, &st, line, x, y, w, max_y, 1, NULL);
    if (!t) {
        ui_wrap_style dim = st;
        dim.color = dim.emphasis = th->text_dim;
        y += ui_wrap_draw(ctx->text, &dim, _("No question asked on this page yet."), x, y, w, max_y, 1, NULL);
        return y - y0;
    }
    const xl_question *qu = &xl_player_lesson(p)->pages[page].questions[q];
    voted_line(poll, t, line, sizeof line);
    snprintf(line + strlen(line), sizeof line - strlen(line), _(" · split %s"),
             xl_poll_split_shown(poll) ? _("on the screen") : _("hidden"));
    ui_wrap_style truth = st;
    truth.color = truth.emphasis = th->truth;
    y += ui_wrap_draw(ctx->text, &truth, line, x, y, w, max_y, 1, NULL) + pad / 4;
    const int badge = ui_text_width(ctx->text, UI_FONT_HELP, "4 ✓") + pad / 2;
    for (int a = 0; a < qu->nanswers && y + 2 * hl <= max_y; a++) {
        const int right = a == qu->right;
        char num[16];
        snprintf(num, sizeof num, "%d%s", a + 1, right ? " ✓" : "");
        ui_text_draw(ctx->text, UI_FONT_HELP, x, y, UI_ALIGN_LEFT, right ? th->inherent : th->text_dim, num);
        ui_wrap_style ans = st;
        if (right) ans.color = ans.emphasis = th->inherent;
        y += ui_wrap_draw(ctx->text, &ans, qu->answers[a], x + badge, y, w - badge, max_y - hl, 1, NULL);
        split_bar(ctx, t, a, x + badge, y, w - badge);
        y += hl + pad / 4;
    }
    return y - y0;
}

void ui_presenter_draw(const ui_ctx *ctx, int w, int h, const xl_player *p, const xl_poll *poll, const xl_lesson *broken,
                       double seconds)
{
    const ui_theme *th = ctx->theme;
    ui_draw_fill(ctx->r, (SDL_Rect){0, 0, w, h}, th->background);
    const int pad = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    const int lh = ui_text_line_height(ctx->text, UI_FONT_NARRATION);
    ui_wrap_style big = {UI_FONT_NARRATION, UI_FONT_NARRATION_BOLD, th->text, th->text, lh / 2, lh / 8, 1};
    ui_wrap_style bold = {UI_FONT_NARRATION_BOLD, UI_FONT_NARRATION_BOLD, th->text, th->text, 0, 0, 1};
    ui_wrap_style dim = {UI_FONT_HELP, UI_FONT_HELP, th->text_dim, th->text_dim, lh / 4, 0, 1};
    ui_wrap_style head = {UI_FONT_HEADING, UI_FONT_HEADING, th->text, th->text, 0, 0, 0};
    int y = pad;
    if (!p) {
        y += ui_wrap_draw(ctx->text, &head, broken ? _("The lesson cannot be opened") : _("No lesson is open"), pad, y,
                          w - 2 * pad, h, 1, NULL) + pad;
        if (broken)
            for (int e = 0; e < broken->nerrors && e < XL_LESSON_MAX_ERRORS && y < h; e++)
                y += ui_wrap_draw(ctx->text, &dim, broken->errors[e], pad, y, w - 2 * pad, h - pad, 1, NULL);
        else
            ui_wrap_draw(ctx->text, &dim, _("M in the main window opens the lesson menu."), pad, y, w - 2 * pad, h, 1,
                         NULL);
        return;
    }
    const xl_lesson *l = xl_player_lesson(p);
    const int page = xl_player_page(p);
    const xl_page *pg = &l->pages[page];
    /* Two columns: this page (status, answer, notes, what the screen says) at the left,
     * the timer and the next page at the right. */
    const int right_w = w * 36 / 100, left_w = w - right_w - 3 * pad;
    const int rx = pad + left_w + pad * 2;
    ui_draw_fill(ctx->r, (SDL_Rect){rx - pad, 0, (int)ui_lw(ctx, 1.0f), h}, th->border);
    char counter[32], timer[32];
    snprintf(counter, sizeof counter, "%d / %d", page + 1, l->npages);
    long secs = seconds > 0.0 && seconds < 1e7 ? (long)seconds : 0;
    snprintf(timer, sizeof timer, "%02ld:%02ld", secs / 60, secs % 60);
    int cw = ui_text_draw(ctx->text, UI_FONT_HEADING, pad, y, UI_ALIGN_LEFT, th->text, counter);
    char cut[160];
    ui_text_fit(ctx->text, UI_FONT_HELP, l->title, left_w - cw - pad, cut, sizeof cut);
    const int hh = ui_text_line_height(ctx->text, UI_FONT_HEADING);
    ui_text_draw(ctx->text, UI_FONT_HELP, pad + cw + pad, y + (hh - ui_text_line_height(ctx->text, UI_FONT_HELP)) / 2,
                 UI_ALIGN_LEFT, th->text_dim, cut);
    y += hh + pad / 2;
    y += ui_wrap_draw(ctx->text, &bold, pg->title, pad, y, left_w, h, 1, NULL);
    ui_wrap_style status = dim;
    status.color = th->truth;
    y += ui_wrap_draw(ctx->text, &status, ui_lesson_status(p), pad, y, left_w, h, 1, NULL) + pad / 2;
    for (int q = 0; q < pg->nquestions; q++) {
        const xl_question *qu = &pg->questions[q];
        char line[XL_LESSON_LINE + 32];
        snprintf(line, sizeof line, _("Right answer: %d, %s"), qu->right + 1, qu->answers[qu->right]);
        ui_wrap_style ans = bold;
        ans.regular = ans.bold = UI_FONT_HELP;
        ans.color = ans.emphasis = th->inherent;
        y += ui_wrap_draw(ctx->text, &ans, line, pad, y, left_w, h, 1, NULL) + pad / 4;
    }
    y += pad / 2;
    ui_draw_fill(ctx->r, (SDL_Rect){pad, y, left_w, (int)ui_lw(ctx, 1.0f)}, th->border);
    y += pad / 2;
    if (pg->notes[0]) y += ui_wrap_draw(ctx->text, &big, pg->notes, pad, y, left_w, h - pad, 1, NULL);
    else y += ui_wrap_draw(ctx->text, &dim, _("No speaker notes on this page."), pad, y, left_w, h - pad, 1, NULL);
    y += pad;
    if (y + 2 * lh < h && (pg->text[0] || pg->nquestions)) {
        ui_text_draw(ctx->text, UI_FONT_LABEL, pad, y, UI_ALIGN_LEFT, th->text_dim, "ON THE SCREEN");
        y += ui_text_line_height(ctx->text, UI_FONT_LABEL) + pad / 4;
        if (pg->text[0]) y += ui_wrap_draw(ctx->text, &dim, pg->text, pad, y, left_w, h - pad, 1, NULL) + pad / 2;
        for (int q = 0; q < pg->nquestions; q++)
            y += ui_wrap_draw(ctx->text, &dim, pg->questions[q].text, pad, y, left_w, h - pad, 1, NULL);
    }
    /* The right column: the timer, large, and the next page. */
    int ry = pad;
    ui_text_draw(ctx->text, UI_FONT_LABEL, rx, ry, UI_ALIGN_LEFT, th->text_dim, _("TIME  (Shift+F5 starts again)"));
    ry += ui_text_line_height(ctx->text, UI_FONT_LABEL);
    ui_text_draw(ctx->text, UI_FONT_HEADING, rx, ry, UI_ALIGN_LEFT, th->truth, timer);
    ry += hh + pad;
    if (poll) ry += presenter_class(ctx, rx, ry, right_w - pad, h - pad, p, poll) + pad;
    ui_text_draw(ctx->text, UI_FONT_LABEL, rx, ry, UI_ALIGN_LEFT, th->text_dim, "NEXT");
    ry += ui_text_line_height(ctx->text, UI_FONT_LABEL) + pad / 4;
    if (page + 1 < l->npages) {
        const xl_page *nx = &l->pages[page + 1];
        ui_wrap_style nb = dim;
        nb.regular = nb.bold = UI_FONT_HELP;
        nb.color = nb.emphasis = th->text;
        ry += ui_wrap_draw(ctx->text, &nb, nx->title, rx, ry, right_w - pad, h - pad, 1, NULL) + pad / 4;
        ui_wrap_draw(ctx->text, &dim, nx->text, rx, ry, right_w - pad, h - pad, 1, NULL);
    } else {
        ui_text_draw(ctx->text, UI_FONT_HELP, rx, ry, UI_ALIGN_LEFT, th->text_dim, _("This is the last page."));
    }
}
