/* ui_bidi: the order right-to-left text is drawn in (the Unicode bidirectional
 * algorithm, UAX #9), for one line of text at a time.
 *
 * With GNU FriBidi (the desktop build when it is found: XL_HAVE_FRIBIDI) the levels are
 * FriBidi's, the whole algorithm. Without it (the browser build, which has no FriBidi
 * port, or a desktop build without libfribidi) they come from a documented subset that
 * covers what a lesson's sentence needs:
 *   - the paragraph's direction is that of its first strong character (P2, P3): a
 *     letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko, ...) makes
 *     it right-to-left, any other letter left-to-right, none at all left-to-right;
 *   - a combining mark takes its base's type (W1); European digits after an Arabic
 *     letter are Arabic numbers (W2); one '.', ',' or ':' between two digits and one
 *     '+' or '-' between European digits joins them into one number (W4); European
 *     digits after a left-to-right letter are left-to-right (W7);
 *   - neutrals (spaces, punctuation) between two characters of one direction take it,
 *     numbers counting as right-to-left; others take the paragraph's (N1, N2);
 *   - levels from the resolved types (I1, I2); spaces at the line's end go back to the
 *     paragraph's level (L1).
 * Left out: explicit embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069
 * are treated as neutrals) and bracket pairs (N0: a bracket is a neutral like any other).
 * Mirroring (L4) is HarfBuzz's: a '(' in a right-to-left run is drawn as ')'. Numbers
 * always read left to right, whichever the direction. */
#ifndef UI_BIDI_H
#define UI_BIDI_H

#include <stdint.h>

/* 1 if the first strong character of cps[0..n) is right-to-left. */
int ui_bidi_rtl_paragraph(const uint32_t *cps, int n);
/* The paragraph's direction: from its first strong character (UAX #9's P2, P3), or
 * given (a line of an interface that reads left to right, whatever it holds). */
typedef enum ui_bidi_dir { UI_BIDI_AUTO, UI_BIDI_LTR, UI_BIDI_RTL } ui_bidi_dir;
/* The embedding level of each of cps[0..n) into levels[0..n) (even: left to right, odd:
 * right to left; at most 2 with the subset, more with FriBidi) in a paragraph of
 * direction dir. Returns the paragraph's level (0 or 1). With FriBidi when the build
 * has it, else ui_bidi_levels_subset. */
int ui_bidi_levels(const uint32_t *cps, int n, ui_bidi_dir dir, uint8_t *levels);
/* The subset described above, in every build (tests compare it with FriBidi). */
int ui_bidi_levels_subset(const uint32_t *cps, int n, ui_bidi_dir dir, uint8_t *levels);
/* 1 when the text needs no reordering at all: no character of a right-to-left script
 * (the common case, decided without running the algorithm). */
int ui_bidi_all_ltr(const uint32_t *cps, int n);
/* 1 if the build orders text with GNU FriBidi, 0 with the subset. */
int ui_bidi_has_fribidi(void);

/* Rule L2 over runs: order[0..nruns) receives the runs' indices in the order they are
 * drawn, left to right, given each run's level (runs are maximal stretches of one
 * level, in logical order). nruns at most UI_BIDI_MAX_RUNS. */
enum { UI_BIDI_MAX_RUNS = 128 };
void ui_bidi_order_runs(const uint8_t *run_levels, int nruns, int *order);

#endif
