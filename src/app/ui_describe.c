/* ui_describe: the scene in words for the program (see ui_describe.h). */
#include "ui_describe.h"

#include <string.h>

#include "ui_trace.h"
#include "xl_speech.h"
#include "ui_lang.h"

void ui_describe_state_init(ui_describe_state *st)
{
    xl_describer_reset(&st->last);
}

/* The lesson page the classroom plays, or NULL in the sandbox. */
static const xl_player *player_of(const ui_dispatch *d)
{
    return d->cr ? d->cr->player : NULL;
}

/* The decimals the last frame drew the identity with (xl_describer.decimals): -1 when no
 * frame drew its numbers (a run without a window: the panel's four). */
static int decimals_shown(const ui_dispatch *d)
{
    const ui_readouts_geom *g = d->geom ? &d->geom->readouts : NULL;
    return g && g->numbers_drawn && g->decimals_fixed ? g->decimals : -1;
}

size_t ui_describe_text(const ui_dispatch *d, ui_describe_state *st, char *out, size_t n)
{
    if (n == 0) return 0;
    out[0] = '\0';
    if (!d || !d->s) return 0;
    xl_describer fresh; /* without st: nothing to compare with, nothing remembered */
    xl_describer *last = st ? &st->last : &fresh;
    if (!st) xl_describer_reset(&fresh);
    last->decimals = decimals_shown(d);
    last->tr = ui_tr; /* the interface's language; English is the msgids themselves */
    return xl_describe(last, d->s, player_of(d), out, n);
}

size_t ui_describe_words(const ui_dispatch *d, const char *text, char *out, size_t n)
{
    const xl_player *p = d ? player_of(d) : NULL;
    const xl_lesson *l = p ? xl_player_lesson(p) : NULL;
    xl_speech_rule rules[XL_SPEECH_MAX_RULES];
    const int nrules = l ? xl_speech_page_rules(l, xl_player_page(p), rules, XL_SPEECH_MAX_RULES) : 0;
    /* The text's own letters, its formulas and numbers in the interface's language. */
    const size_t need = xl_speech_words_in(ui_lang_code(), text, rules, nrules, out, n, NULL);
    return need < n ? need : (n ? strlen(out) : 0);
}

void ui_describe_print(FILE *f, const ui_dispatch *d, ui_describe_state *st, int trace)
{
    static char text[XL_DESCRIBE_MAX], words[2 * XL_DESCRIBE_MAX];
    ui_describe_text(d, st, text, sizeof text);
    if (trace) {
        ui_describe_words(d, text, words, sizeof words);
        ui_trace_description(f, d->s, text, words);
    } else {
        fprintf(f, "%s\n", text);
        fflush(f);
    }
}

void ui_describe_note(const char *text, char *note, size_t n)
{
    if (n == 0) return;
    const size_t len = strlen(text);
    if (len < n || n < 16) {
        snprintf(note, n, "%s", text); /* whole, or too small a note for a sentence */
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

void ui_describe_voice_init(ui_describe_voice *v, int trace)
{
    memset(v, 0, sizeof *v);
    v->trace = trace;
    ui_describe_state_init(&v->said);
}

void ui_describe_voice_free(ui_describe_voice *v)
{
    ui_speak_destroy(v->sp);
    v->sp = NULL;
}

/* The text printed (the terminal, a log) and its first sentences in the note. */
static void print_instead(ui_describe_voice *v, FILE *out, const char *why, char *note, size_t n)
{
    if (!v->told && why && why[0]) {
        fprintf(stderr, _("xentlab: F9: not said aloud (%s): the description is printed instead\n"), why);
        v->told = 1;
    }
    if (out && v->trace && v->d) {
        static char words[2 * XL_DESCRIBE_MAX];
        ui_describe_words(v->d, v->text, words, sizeof words);
        ui_trace_description(out, v->d->s, v->text, words);
    } else if (out) {
        fprintf(out, "%s\n", v->text);
        fflush(out);
    }
    ui_describe_note(v->text, note, n);
}

int ui_describe_voice_press(ui_describe_voice *v, const ui_dispatch *d, FILE *out, char *note, size_t n)
{
    v->d = d;
    v->said.last.whole = 1; /* asked for: the whole scene, no "has not changed" first */
    ui_describe_text(d, &v->said, v->text, sizeof v->text);
    char why[UI_SPEAK_WHY] = "";
    if (!v->sp && !v->unavailable) {
        v->sp = ui_speak_create(why, sizeof why);
        if (!v->sp) v->unavailable = 1;
    }
    if (v->sp) {
        static char words[2 * XL_DESCRIBE_MAX];
        ui_describe_words(d, v->text, words, sizeof words);
        if (ui_speak_say(v->sp, ui_lang_code(), words)) { /* read by a voice of its language */
            snprintf(note, n, "%s", _("reading the scene aloud  (F9 again: what changed)"));
            return 1;
        }
        ui_speak_poll(v->sp, why, sizeof why);
    }
    print_instead(v, out, why, note, n);
    return 0;
}

int ui_describe_voice_poll(ui_describe_voice *v, FILE *out, char *note, size_t n)
{
    char why[UI_SPEAK_WHY] = "";
    if (!v->sp || ui_speak_poll(v->sp, why, sizeof why) >= 0) return 0;
    print_instead(v, out, why, note, n);
    return 1;
}

int ui_describe_voice_busy(const ui_describe_voice *v)
{
    return ui_speak_busy(v->sp);
}

int ui_describe_voice_finish(ui_describe_voice *v, int ms, FILE *out, char *note, size_t n)
{
    char why[UI_SPEAK_WHY] = "";
    if (!v->sp || ui_speak_wait(v->sp, ms, why, sizeof why) >= 0) return 0;
    print_instead(v, out, why, note, n);
    return 1;
}
