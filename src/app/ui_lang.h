/* ui_lang: the language of the interface (issue 26): English, German or Spanish.
 *
 * The setting, first that is given: --lang CODE (the browser's ?lang=CODE becomes it,
 * as every link parameter becomes its flag), else the environment's LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG (the first one set and not empty; "de_DE.UTF-8" is de, "es" is es;
 * LANGUAGE may list several, "de:en", and its first known one is taken; C, POSIX or a
 * language without a catalogue is English).
 *
 * The strings: the interface's English texts are marked _("...") where they are used,
 * N_("...") where they sit in a table (the table keeps the English; the drawing code
 * translates it with _()), as GNU gettext's xgettext expects (po/POTFILES). _() is
 * ui_tr: the catalogue's translation, or the English text itself. The catalogues are
 * the compiled po/CODE.po, read by ui_mo (no libintl: see ui_mo.h), found in
 *   $XENTLAB_LOCALEDIR/CODE/LC_MESSAGES/xentlab.mo (the tests' hostile files),
 *   BIN/po/CODE/LC_MESSAGES/xentlab.mo (the build tree, beside the binary),
 *   BIN/../share/locale/... and the install prefix's share/locale/...,
 *   /locale/... (the browser build's preloaded files).
 * A catalogue that cannot be read or is refused leaves the interface in English with
 * one line on stderr saying why; the program goes on.
 *
 * Global state, set once at the start (the command line) and read by every frame. */
#ifndef UI_LANG_H
#define UI_LANG_H

#include <stddef.h>

#include "ui_mo.h"

/* The interface's languages, "en" first. */
extern const char *const ui_lang_codes[];
enum { UI_LANG_COUNT = 3 };

/* The language's code: "en", "de" or "es". The first call without a ui_lang_set
 * takes it from the environment. */
const char *ui_lang_code(void);

/* The language from an environment value ("de_DE.UTF-8", "es:en", "C"): its code, or
 * "en". Exposed for the tests. */
const char *ui_lang_from_locale(const char *value);

/* Set the language (--lang CODE): 0, or -1 for a code that is not one of
 * ui_lang_codes (nothing changes then). Loads its catalogue (a failure to find or read
 * it is said on stderr once, and the interface stays English). */
int ui_lang_set(const char *code);

/* msgid's translation in the current language, or msgid itself. Never NULL for a
 * msgid that is not NULL. */
const char *ui_tr(const char *msgid);

/* A text core formatted from an N_-marked format whose arguments are numbers
 * ("SAMPLE 3", "x = −0.5, label 1", "SAMPLE 2 OF 120 · FILE ROW 7": the state keeps
 * them in English), translated: the text itself when the catalogue has it, else its
 * format found by putting %d for each whole number and %s for each other number
 * (a sign, a point or an exponent; a whole number may also have been a %s), at most
 * four, and the translation filled with the same numbers into buf. Otherwise text. */
const char *ui_tr_numbers(const char *text, char *buf, size_t n);

/* The bars' names as drawn: each built-in word (xl_bars.names_words: the softmax's
 * default "robin") replaced by its translation, other names (a lesson's, a data file's)
 * left as they are. For the panels, the tooltip and the readouts; a trace keeps them. */
struct xl_bars;
void ui_tr_bars(struct xl_bars *bars);

/* A parameter's name as drawn (an axis title, a tooltip): "z₂ sparrow" ends with a
 * class's default name, which is drawn translated ("z₂ Spatz"); any other name as it
 * is. Into buf[n]; returns buf. */
struct xl_session;
char *ui_tr_axis_name(const struct xl_session *s, const char *name, char *buf, size_t n);

/* The catalogue in use (NULL for English or when none was found). For the tests. */
const ui_mo *ui_lang_catalogue(void);

/* Back to the state before any call (the tests switch languages). */
void ui_lang_reset(void);

/* GNU gettext's conventions: xgettext extracts both (po/meson.build's keywords). */
#ifndef _
#define _(s) ui_tr(s)
#endif
#ifndef N_
#define N_(s) s
#endif

#endif
