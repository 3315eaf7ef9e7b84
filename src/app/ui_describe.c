/* ui_describe: the scene in words for the program (see ui_describe.h). */
#include "ui_describe.h"

#include <string.h>

#include "ui_trace.h"
#include "xl_speech.h"

void ui_describe_state_init(ui_describe_state *st)
{
    xl_describer_reset(&st->last);
}

/* The lesson page the classroom plays, or NULL in the sandbox. */
static const xl_player *player_of(const ui_dispatch *d)
{
    return d->cr ? d->cr->player : NULL;
}

size_t ui_describe_text(const ui_dispatch *d, ui_describe_state *st, char *out, size_t n)
{
    if (n == 0) return 0;
    out[0] = '\0';
    if (!d || !d->s) return 0;
    return xl_describe(st ? &st->last : NULL, d->s, player_of(d), out, n);
}

size_t ui_describe_words(const ui_dispatch *d, const char *text, char *out, size_t n)
{
    const xl_player *p = d ? player_of(d) : NULL;
    const xl_lesson *l = p ? xl_player_lesson(p) : NULL;
    xl_speech_rule rules[XL_SPEECH_MAX_RULES];
    const int nrules = l ? xl_speech_page_rules(l, xl_player_page(p), rules, XL_SPEECH_MAX_RULES) : 0;
    const size_t need = xl_speech_text(text, rules, nrules, out, n, NULL);
    return need < n ? need : (n ? strlen(out) : 0);
}

void ui_describe_print(FILE *f, const ui_dispatch *d, ui_describe_state *st, int trace)
{
    static char text[XL_DESCRIBE_MAX];
    ui_describe_text(d, st, text, sizeof text);
    if (trace) {
        ui_trace_description(f, d->s, text);
    } else {
        fprintf(f, "%s\n", text);
        fflush(f);
    }
}

void ui_describe_note(const char *text, char *note, size_t n)
{
    if (n == 0) return;
    const size_t len = strlen(text);
    if (len < n) {
        memcpy(note, text, len + 1);
        return;
    }
    /* The sentences that fit whole, else the words that do, then "…". */
    const size_t room = n - sizeof "…";
    size_t cut = 0;
    for (size_t i = 0; i + 1 < room && i < len; i++)
        if (text[i] == '.' && text[i + 1] == ' ') cut = i + 1;
    if (cut == 0)
        for (size_t i = 0; i < room && i < len; i++)
            if (text[i] == ' ') cut = i;
    if (cut == 0) {
        cut = room;
        while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80) cut--;
    }
    memcpy(note, text, cut);
    memcpy(note + cut, "…", sizeof "…");
}
