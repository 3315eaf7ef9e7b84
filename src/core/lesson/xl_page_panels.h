/* xl_page_panels: the panels a lesson page talks about (issue 26: the zoom to 2x).
 *
 * At large type the scene has no room for every panel, and the reflow folds some away;
 * a page's narration that says "the surprise robin's bar" must still find the bars. The
 * page names its panels in two ways: its @emphasise and @focus directives, and the words
 * its narration, questions, answers and explanations use for a panel, in English, German
 * or Spanish (the course's languages): bar(s) / Balken / barra(s) for the bars,
 * landscape or heatmap / Landschaft / paisaje for the landscape, history / Verlauf /
 * historial for the history, readout(s) / Anzeige / lectura(s) for the readouts. The
 * speaker notes do not count (the class does not read them). A translated page names the
 * same panels as the English one (tests/test_page_panels.c checks every shipped page), so
 * a page lays out alike in every language.
 */
#ifndef XL_PAGE_PANELS_H
#define XL_PAGE_PANELS_H

#include "xl_lesson.h"

/* The panels, one bit each in the order xl_lesson_panel_known lists them. */
enum {
    XL_PAGE_BARS = 1u << 0, XL_PAGE_READOUTS = 1u << 1, XL_PAGE_LANDSCAPE = 1u << 2, XL_PAGE_HISTORY = 1u << 3,
    XL_PAGE_DATA = 1u << 4, XL_PAGE_SIDE = 1u << 5, XL_PAGE_RENYI = 1u << 6, XL_PAGE_PANEL_COUNT = 7
};

/* The name of panel bit k (0 .. XL_PAGE_PANEL_COUNT - 1): "bars", ..., "renyi". */
const char *xl_page_panel_name(int k);

/* The panels page pg's words and directives name (XL_PAGE_* bits). Bounded: one pass
 * over the page's texts per word. */
unsigned xl_page_panels(const xl_page *pg);

/* The panels named by the words of one text alone (the directives aside). */
unsigned xl_page_panels_in_text(const char *text);

#endif
