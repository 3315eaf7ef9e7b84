/* ui_announce: the browser page's announcing (see ui_announce.h). */
#include "ui_announce.h"

#include <stdio.h>
#include <string.h>

#include "ui_lang.h"
#include "ui_platform.h"

void ui_announce_init(ui_announce *a)
{
    memset(a, 0, sizeof *a);
    ui_describe_state_init(&a->words);
    a->shown = -1;
}

void ui_announce_input(ui_announce *a)
{
    ui_page_input(&a->pace);
}

void ui_announce_whole(ui_announce *a)
{
    a->full = 1;
}

void ui_announce_turn(ui_announce *a, ui_dispatch *d)
{
    if (!ui_platform_is_browser()) return;
    const ui_classroom *cr = d->cr;
    char json[UI_PAGE_TEXT];
    ui_page_controls_json(d->s, cr, json, sizeof json);
    if (strcmp(json, a->controls) != 0) {
        snprintf(a->controls, sizeof a->controls, "%s", json);
        ui_platform_page_controls(json);
    }
    /* Settled: no page start is being computed (asked now: a key this turn may have begun one). */
    const int settled = !(cr->player && xl_player_busy(cr->player));
    const int due = ui_page_due(&a->pace, (long long)SDL_GetTicks64(), xl_session_playing(d->s), settled);
    if (!due) return;
    /* The page's own describer: its "what changed" is since the page's last words. */
    static char text[UI_PAGE_TEXT], words[UI_PAGE_TEXT], brief[UI_PAGE_BRIEF], said[UI_PAGE_TEXT];
    a->words.last.whole = a->full; /* F9 or "Describe the scene": no "has not changed" first */
    ui_describe_text(d, &a->words, text, sizeof text);
    ui_describe_words(d, text, words, sizeof words);
    /* Said in full when a page was turned to or F9 asked; else its first sentences
     * (what changed leads), the rest a key away (F9) or in the region. */
    const int page = cr->player ? xl_player_page(cr->player) : -1;
    const void *lesson = cr->player ? (const void *)xl_player_lesson(cr->player) : NULL;
    const int full = a->full || page != a->shown || lesson != a->lesson;
    a->full = 0;
    a->shown = page;
    a->lesson = lesson;
    static char page_words[UI_PAGE_TEXT], grown[UI_PAGE_TEXT];
    xl_describe_page(cr->player, ui_tr, page_words, sizeof page_words);
    if (!full) {
        /* An answer revealed or more narration: said, not cut off after the page's title. */
        if (ui_page_brief_grown(text, a->said, page_words, grown, sizeof grown))
            ui_describe_words(d, grown, said, sizeof said);
        else {
            ui_describe_note(text, brief, sizeof brief);
            ui_describe_words(d, brief, said, sizeof said);
        }
    }
    snprintf(a->said, sizeof a->said, "%s", page_words);
    ui_platform_describe(text, full ? words : said, words, due == 2);
}
