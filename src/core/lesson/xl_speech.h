/* xl_speech: the words a voice says for a text a lesson shows (issue 25).
 *
 * A synthesizer reads "H(P,Q) ≥ H(P)" as letters and brackets, or not at all. This
 * module rewrites a displayed text into plain words first: "H of P and Q is at least H
 * of P". Symbols and formulas are read from a table (longest match first): − minus,
 * Σ "the sum of", ln "log" (the seeds say "the negative log"), D_KL(P‖Q) "K L divergence
 * of P and Q", p₁ "p one", q(robin) "q of robin", ≥ "is at least", ≈ "is about",
 * ± "plus or minus", → "goes to", ² "squared", Greek letters by name; numbers are spelt
 * out as words ("0.045" is "zero point zero four five", "1,258" "one thousand two
 * hundred fifty eight") so every synthesizer says the same words and a transcript can be
 * compared with them. Emphasis marks (*) are dropped; "\*" is a star.
 *
 * A lesson's own readings come first: "@say FORMULA => WORDS" (xl_lesson.h) applies on
 * its page and every later page; among the rules in force the longest formula that
 * matches at a place wins (a later page's rule for the same formula replaces an earlier
 * one). A rule's words are themselves read by the table (so "399 choose 100" is said in
 * words), never by the rules again.
 *
 * Pure and bounded: one pass over the text, work proportional to its length times the
 * rules in force (at most XL_SPEECH_MAX_RULES), no allocation, out never overrun.
 */
#ifndef XL_SPEECH_H
#define XL_SPEECH_H

#include <stddef.h>

#include "xl_lesson.h"

enum {
    XL_SPEECH_MAX_RULES = 64,   /* rules considered; more are ignored */
    XL_SPEECH_MAX_IN = 16384,   /* bytes of text read; the rest is not (a page is at most 4 KiB) */
    XL_SPEECH_MAX_WORD = 48     /* letters of one word said; a longer run is cut (a synthesizer's work
                                   on one word grows faster than its length) */
};

/* One reading: where text has `formula` (bytes, exactly), say `words`. The strings are
 * the caller's (for a lesson: its pages' xl_say entries). */
typedef struct xl_speech_rule {
    const char *formula;
    const char *words;
} xl_speech_rule;

/* The words for text (NUL-terminated; at most XL_SPEECH_MAX_IN bytes of it are read),
 * with rules[0..nrules-1] first, into out[n] (NUL-terminated when n > 0). The words are
 * plain: ASCII letters, spaces, ' and -, and the pauses , . ; : ! ? (xl_speech_plain).
 * Returns the length the whole reading needs, like snprintf: when it is n or more, out
 * holds the words that fitted, cut between words. *unread (if not NULL) gets the number
 * of characters the table has no reading for (dropped, not spelt out: a lesson's test
 * wants 0). */
size_t xl_speech_text(const char *text, const xl_speech_rule *rules, int nrules, char *out, size_t n, int *unread);

/* The same words with the letters as the text writes them, for a voice that reads the
 * text's own language (the browser's live region, speech-dispatcher, --describe --trace):
 * a letter with a mark (U+00C0..00FF: á é ñ ü ß ä ö) is kept, not folded to its ASCII
 * letter ("pérdida" is not "perdida", "año" not "ano"), and so are the opening ¿ and ¡,
 * glued to the word after them. xl_speech_text folds them for flite's English voice,
 * which has no reading for them. */
size_t xl_speech_words(const char *text, const xl_speech_rule *rules, int nrules, char *out, size_t n, int *unread);

/* xl_speech_words in the language lang names ("en", "de", "es"; NULL or another: English,
 * byte for byte xl_speech_words): the formulas read in its words ("H von P und Q", "H de
 * P y Q") and the numbers spelt out in it, the decimal point said as the language says
 * it ("null Komma drei drei", "cero coma tres tres") though the text keeps its point
 * (xl_speech_lang.h). The text's own words are its own: a German text gives German
 * words around them. */
size_t xl_speech_words_in(const char *lang, const char *text, const xl_speech_rule *rules, int nrules, char *out,
                          size_t n, int *unread);

/* The rules in force on page `page` of l (its own @say lines and every earlier page's,
 * the nearest page's first, so it wins a tie of equal formulas) into out[max]. Returns
 * how many (at most max and XL_SPEECH_MAX_RULES). The strings point into l. */
int xl_speech_page_rules(const xl_lesson *l, int page, xl_speech_rule *out, int max);

/* -1 when every byte of s is one a voice says as a word or a pause (the set above); else
 * the offset of the first that it would spell out or stumble on. */
long xl_speech_plain(const char *s);

#endif
