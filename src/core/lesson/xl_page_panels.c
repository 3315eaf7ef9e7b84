/* xl_page_panels: the panels a page names (see xl_page_panels.h). */
#include "xl_page_panels.h"

#include <string.h>

static const char *const names[XL_PAGE_PANEL_COUNT] = {"bars", "readouts", "landscape", "history", "data", "side",
                                                       "renyi"};

const char *xl_page_panel_name(int k)
{
    return k >= 0 && k < XL_PAGE_PANEL_COUNT ? names[k] : "";
}

/* A word for a panel: its letters (lower case, UTF-8), whether it must begin a word and
 * end one (after an optional plural ending), and the panel. German compounds a panel's
 * word into longer ones ("Verlustlandschaft"), so its words match inside a word. */
typedef struct panel_word {
    const char *stem;
    int starts;         /* must begin a word */
    const char *ends;   /* the endings after which the word must end ("" none; NULL: any) */
    unsigned panel;
} panel_word;

static const panel_word words[] = {
    /* English */
    {"bar", 1, "|s", XL_PAGE_BARS},
    {"readout", 1, "|s", XL_PAGE_READOUTS},
    {"landscape", 1, NULL, XL_PAGE_LANDSCAPE},
    {"heatmap", 1, NULL, XL_PAGE_LANDSCAPE},
    {"history", 1, NULL, XL_PAGE_HISTORY},
    /* German */
    {"balken", 0, NULL, XL_PAGE_BARS},
    {"anzeige", 1, NULL, XL_PAGE_READOUTS},
    {"landschaft", 0, NULL, XL_PAGE_LANDSCAPE},
    {"verlauf", 1, NULL, XL_PAGE_HISTORY},
    /* Spanish */
    {"barra", 1, "|s", XL_PAGE_BARS},
    {"lectura", 1, "|s", XL_PAGE_READOUTS},
    {"paisaje", 1, NULL, XL_PAGE_LANDSCAPE},
    {"mapa de calor", 1, NULL, XL_PAGE_LANDSCAPE},
    {"historial", 1, NULL, XL_PAGE_HISTORY},
};

/* A byte that is part of a word: an ASCII letter or digit, or any byte of a multi-byte
 * UTF-8 character (ä, ñ, é are letters). */
static int wordish(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* 1 if text at i holds w's stem (ASCII case ignored) where w allows it. */
static int word_at(const char *text, size_t i, const panel_word *w)
{
    const size_t n = strlen(w->stem);
    for (size_t k = 0; k < n; k++)
        if (!text[i + k] || lower((unsigned char)text[i + k]) != (unsigned char)w->stem[k]) return 0;
    if (w->starts && i > 0 && wordish((unsigned char)text[i - 1])) return 0;
    if (!w->ends) return 1;
    /* The endings, '|'-separated ("|s": none or "s"), each followed by a word's end. */
    const char *e = w->ends;
    for (;;) {
        const char *bar = strchr(e, '|');
        const size_t len = bar ? (size_t)(bar - e) : strlen(e);
        int same = 1;
        for (size_t k = 0; k < len && same; k++) same = lower((unsigned char)text[i + n + k]) == (unsigned char)e[k];
        if (same && !wordish((unsigned char)text[i + n + len])) return 1;
        if (!bar) return 0;
        e = bar + 1;
    }
}

unsigned xl_page_panels_in_text(const char *text)
{
    unsigned found = 0u;
    if (!text) return 0u;
    for (size_t i = 0; text[i]; i++) {
        for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
            if (!(found & words[k].panel) && lower((unsigned char)text[i]) == (unsigned char)words[k].stem[0] &&
                word_at(text, i, &words[k]))
                found |= words[k].panel;
    }
    return found;
}

static unsigned named(const char *name)
{
    for (int k = 0; k < XL_PAGE_PANEL_COUNT; k++)
        if (strcmp(name, names[k]) == 0) return 1u << k;
    return 0u;
}

unsigned xl_page_panels(const xl_page *pg)
{
    if (!pg) return 0u;
    unsigned found = xl_page_panels_in_text(pg->text) | named(pg->focus);
    for (int q = 0; q < pg->nquestions && q < (int)(sizeof pg->questions / sizeof pg->questions[0]); q++) {
        const xl_question *qu = &pg->questions[q];
        found |= xl_page_panels_in_text(qu->text) | xl_page_panels_in_text(qu->why);
        for (int a = 0; a < qu->nanswers && a < XL_LESSON_ANSWERS; a++) found |= xl_page_panels_in_text(qu->answers[a]);
    }
    for (int k = 0; k < pg->nsteps && k < XL_LESSON_MAX_STEPS; k++)
        if (pg->steps[k].kind == XL_STEP_EMPHASISE) found |= named(pg->steps[k].name);
    return found;
}
