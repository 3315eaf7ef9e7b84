/* xl_format: numbers as the panels show them. The readouts panel and the other panels
 * (through ui_panel.h's ui_format_*, which call these) and the scene in words
 * (xl_describe.h) share them, so a sentence says a number exactly as it is drawn.
 * Pure C, no allocation; the caller owns every buffer. Text is UTF-8: the true minus
 * sign U+2212, "∞", superscript exponents ("1.2×10⁶").
 */
#ifndef XL_FORMAT_H
#define XL_FORMAT_H

#include <stddef.h>

#include "xl_i18n.h"

/* Format v with `decimals` decimals: "∞" for +infinity, "−∞" for -infinity, and
 * "undefined" for NaN (which the core never produces for defined quantities). Uses
 * the true minus sign U+2212. Returns buf. */
char *xl_format(char *buf, size_t n, double v, int decimals);

/* A whole number with its digits in groups of three, a thin space between them (2 500,
 * 1 000 000), and "−" before a negative one; into buf[size], returned. */
char *xl_format_count(char *buf, size_t size, long v);

/* Format v for a box `max_chars` characters wide: `decimals` decimals when that fits,
 * fewer when not, and scientific notation ("1.2×10⁶", "3.4×10⁻³⁰⁰") when even 0 decimals
 * do not fit, so a number never runs out of its box at any magnitude. ∞, −∞ as
 * xl_format. */
char *xl_format_fit(char *buf, size_t n, double v, int decimals, int max_chars);

/* The three numbers of an identity total = part + rest (v[0] = v[1] + v[2]) into out[i]
 * (n bytes each), each in at most max_chars[i] characters, so that its sides visibly add
 * up: one number of decimals for all three, the most up to `decimals` with which every
 * one fits in fixed notation ("693147 = 691944 + 1203", never "7×10⁵ = 7×10⁵ + 1203"); a
 * nonzero value too small for those decimals takes xl_format_fit's form rather than read
 * 0. A v[2] within rounding error of 0 (64 ulps of v[0] and v[1]) is shown as 0, not as
 * "2×10⁻¹⁶". Returns the decimals used, or -1 when fixed notation fits no box (each number
 * then as xl_format_fit gives it). */
int xl_format_identity(char *const out[3], size_t n, const double v[3], int decimals, const int max_chars[3]);

/* A probability given by its natural log: "0.250" with `decimals` decimals while that
 * shows a significant digit, else "3.3×10⁻³⁴⁸" computed from the log itself, so a q
 * that underflows in double precision is still shown as the number it is (never as
 * 0.000 unless it is 0). logp = −∞ gives "0". */
char *xl_format_prob_log(char *buf, size_t n, double logp, int decimals);

/* The identity's three numbers (total, part, rest: loss, floor, gap in nats, times
 * unit_scale) as the readouts panel shows them, into out[3][48]: `decimals` decimals for
 * all three (what the panel drew them with; XL_FORMAT_IDENTITY_DECIMALS where it has
 * room), the rest never below 0 (the panel draws fmax(gap, 0)) and within rounding of 0
 * shown as 0. What the scene in words says (xl_describe.h). */
enum { XL_FORMAT_IDENTITY_DECIMALS = 4 };
void xl_format_identity_shown(double total, double part, double rest, double unit_scale, int decimals,
                              char out[3][48]);

/* An outcome's probability and surprise as the readouts panel's selected line shows
 * them (q to 3 decimals from log q, the surprise −log q to 3 in unit_scale's unit), in a
 * sentence's words: "q = 0.289, a surprise of 1.241 nats"; words through tr, xl_i18n.h). */
char *xl_format_said_outcome(char *buf, size_t n, double logq, double unit_scale, const char *unit_name, xl_tr_fn tr);

#endif
