/* xl_speech_lang: the words xl_speech says in German and Spanish (issue 26): the
 * readings of its symbols and formulas ("H of P and Q" is "H von P und Q", "H de P y
 * Q"), and numbers spelt out in the language ("0.33" is "null Komma drei drei", "cero
 * coma tres tres": a voice says the decimal point as the listener's language does, while
 * the text keeps its point). English is xl_speech.c's own table; these map its English
 * words to the language's.
 *
 * Pure, static tables; no allocation. */
#ifndef XL_SPEECH_LANG_H
#define XL_SPEECH_LANG_H

#include <stddef.h>

typedef struct xl_speech_lang xl_speech_lang;

/* The language for a code ("de", "es", or a longer tag such as "de_DE.UTF-8"); NULL for
 * English and for any code without a table (then the English words are said). */
const xl_speech_lang *xl_speech_lang_of(const char *code);

/* The language's words for one of xl_speech's English readings ("minus", "is at least",
 * "of"); the English itself where the language says the same or has no entry. */
const char *xl_speech_lang_say(const xl_speech_lang *lang, const char *english);

/* A whole number 0..999 999 999 999 in the language's words into out[n] (NUL-ended,
 * words separated by single spaces). Returns out. */
char *xl_speech_lang_integer(const xl_speech_lang *lang, unsigned long long v, char *out, size_t n);

/* A digit read alone (after the decimal point): "null", "eins", "cero". */
const char *xl_speech_lang_digit(const xl_speech_lang *lang, int d);

#endif
