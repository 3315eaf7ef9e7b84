/* xl_speech_lang: German and Spanish words for xl_speech (see xl_speech_lang.h). */
#include "xl_speech_lang.h"

#include <stdio.h>
#include <string.h>

typedef struct pair {
    const char *en, *said;
} pair;

struct xl_speech_lang {
    const char *code;
    const pair *words;
    size_t nwords;
    const char *const *digits; /* 0..9 read alone */
    void (*integer)(unsigned long long v, char *out, size_t n);
};

/* The English readings of xl_speech.c, in German. The mathematical words are the ones a
 * German classroom says: "p Quadrat", "geht gegen", "hoch". */
static const pair de_words[] = {
    {"the left and right arrows", "die Pfeiltasten links und rechts"},
    {"the sum over i of", "die Summe über i von"},
    {"the sum of", "die Summe von"},
    {"minus", "minus"},
    {"is at least", "ist mindestens"},
    {"is at most", "ist höchstens"},
    {"is about", "ist etwa"},
    {"is not", "ist nicht"},
    {"plus or minus", "plus minus"},
    {"times", "mal"},
    {"goes to", "geht gegen"},
    {"becomes", "wird zu"},
    {"infinity", "unendlich"},
    {"is proportional to", "ist proportional zu"},
    {"the integral of", "das Integral von"},
    {"partial", "partiell"},
    {"one half", "ein halb"},
    {"the expected", "der Erwartungswert von"},
    {"y hat", "y Dach"},
    {"transpose", "transponiert"},
    {"mu", "my"},
    {"plus", "plus"},
    {"equals", "gleich"},
    {"is greater than", "ist größer als"},
    {"is less than", "ist kleiner als"},
    {"over", "durch"},
    {"percent", "Prozent"},
    {"and", "und"},
    {"to the", "hoch"},
    {"of", "von"},
    {"given", "gegeben"},
    {"K L divergence", "K L Divergenz"},
    {"log base two of", "Logarithmus zur Basis zwei von"},
    {"log base two", "Logarithmus zur Basis zwei"},
    {"squared", "Quadrat"},
    {"cubed", "hoch drei"},
    {"to", "bis"},
    {"star", "Stern"},
    {"backslash", "Backslash"},
    {"point", "Komma"},
    {"versus", "gegen"},
};

static const pair es_words[] = {
    {"the left and right arrows", "las flechas izquierda y derecha"},
    {"the sum over i of", "la suma sobre i de"},
    {"the sum of", "la suma de"},
    {"minus", "menos"},
    {"is at least", "es al menos"},
    {"is at most", "es como mucho"},
    {"is about", "es aproximadamente"},
    {"is not", "no es"},
    {"plus or minus", "más o menos"},
    {"times", "por"},
    {"goes to", "tiende a"},
    {"becomes", "pasa a ser"},
    {"infinity", "infinito"},
    {"is proportional to", "es proporcional a"},
    {"the integral of", "la integral de"},
    {"partial", "parcial"},
    {"one half", "un medio"},
    {"the expected", "el valor esperado de"},
    {"y hat", "y gorro"},
    {"transpose", "traspuesta"},
    {"alpha", "alfa"},
    {"epsilon", "épsilon"},
    {"phi", "fi"},
    {"plus", "más"},
    {"equals", "igual a"},
    {"is greater than", "es mayor que"},
    {"is less than", "es menor que"},
    {"over", "entre"},
    {"percent", "por ciento"},
    {"and", "y"},
    {"to the", "elevado a"},
    {"of", "de"},
    {"given", "dado"},
    {"K L divergence", "divergencia K L"},
    {"log base two of", "logaritmo en base dos de"},
    {"log base two", "logaritmo en base dos"},
    {"squared", "al cuadrado"},
    {"cubed", "al cubo"},
    {"to", "a"},
    {"star", "asterisco"},
    {"backslash", "barra invertida"},
    {"point", "coma"},
};

/* Appends s to out[n] (cut, never overrun). */
static void cat(char *out, size_t n, const char *s)
{
    const size_t k = strlen(out);
    if (k + 1 < n) snprintf(out + k, n - k, "%s", s);
}

/* German: a number below a million is one word ("zweitausenddreihundertvierundfünfzig");
 * "eins" ends a number, "ein" begins a compound ("einundzwanzig", "einhundert"). */
static const char *const de_ones[] = {"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht",
                                      "neun", "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn",
                                      "sechzehn", "siebzehn", "achtzehn", "neunzehn"};
static const char *const de_tens[] = {"", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig",
                                      "achtzig", "neunzig"};

static void de_below_thousand(unsigned v, int last, char *out, size_t n)
{
    if (v >= 100) {
        cat(out, n, v / 100 == 1 ? "ein" : de_ones[v / 100]);
        cat(out, n, "hundert");
        v %= 100;
    }
    if (v == 0) return;
    if (v == 1) {
        cat(out, n, last ? "eins" : "ein");
    } else if (v < 20) {
        cat(out, n, de_ones[v]);
    } else {
        if (v % 10) {
            cat(out, n, v % 10 == 1 ? "ein" : de_ones[v % 10]);
            cat(out, n, "und");
        }
        cat(out, n, de_tens[v / 10]);
    }
}

static void de_integer(unsigned long long v, char *out, size_t n)
{
    out[0] = '\0';
    if (v == 0) {
        cat(out, n, "null");
        return;
    }
    const unsigned bil = (unsigned)(v / 1000000000ULL), mil = (unsigned)(v / 1000000ULL % 1000),
                   th = (unsigned)(v / 1000 % 1000), rest = (unsigned)(v % 1000);
    if (bil) {
        if (bil == 1) cat(out, n, "eine Milliarde");
        else de_below_thousand(bil, 1, out, n), cat(out, n, " Milliarden");
    }
    if (mil) {
        if (out[0]) cat(out, n, " ");
        if (mil == 1) cat(out, n, "eine Million");
        else de_below_thousand(mil, 1, out, n), cat(out, n, " Millionen");
    }
    if (th || rest) {
        if (out[0]) cat(out, n, " ");
        if (th) {
            de_below_thousand(th, 0, out, n);
            cat(out, n, "tausend");
        }
        de_below_thousand(rest, 1, out, n);
    }
}

/* Spanish: "veintiuno" but "veintiún mil", "ciento uno", "cien", "quinientos", "mil",
 * "un millón", "dos millones"; a thousand millions is "mil millones". */
static const char *const es_ones[] = {"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho",
                                      "nueve", "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis",
                                      "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidós",
                                      "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete",
                                      "veintiocho", "veintinueve"};
static const char *const es_tens[] = {"", "", "veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta",
                                      "ochenta", "noventa"};
static const char *const es_hundreds[] = {"", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos",
                                          "seiscientos", "setecientos", "ochocientos", "novecientos"};

/* v in 1..999; apocope: before "mil" or "millones" ("un", "veintiún", "y un"). */
static void es_below_thousand(unsigned v, int apocope, char *out, size_t n)
{
    const size_t start = strlen(out);
    const char *sep = start && out[start - 1] != ' ' ? " " : "";
    if (v == 100) {
        cat(out, n, sep);
        cat(out, n, "cien");
        return;
    }
    if (v >= 100) {
        cat(out, n, sep);
        cat(out, n, es_hundreds[v / 100]);
        sep = " ";
        v %= 100;
    }
    if (v == 0) return;
    cat(out, n, sep);
    if (v < 30) {
        cat(out, n, apocope && v == 1 ? "un" : apocope && v == 21 ? "veintiún" : es_ones[v]);
    } else {
        cat(out, n, es_tens[v / 10]);
        if (v % 10) {
            cat(out, n, " y ");
            cat(out, n, apocope && v % 10 == 1 ? "un" : es_ones[v % 10]);
        }
    }
}

/* 1..999 999, as "mil", "dos mil trescientos". */
static void es_below_million(unsigned v, int apocope, char *out, size_t n)
{
    const unsigned th = v / 1000, rest = v % 1000;
    if (th) {
        if (th > 1) es_below_thousand(th, 1, out, n), cat(out, n, " ");
        else if (out[0] && out[strlen(out) - 1] != ' ') cat(out, n, " ");
        cat(out, n, "mil");
    }
    if (rest) es_below_thousand(rest, apocope, out, n);
}

static void es_integer(unsigned long long v, char *out, size_t n)
{
    out[0] = '\0';
    if (v == 0) {
        cat(out, n, "cero");
        return;
    }
    const unsigned long long millions = v / 1000000ULL;
    const unsigned rest = (unsigned)(v % 1000000ULL);
    if (millions == 1) {
        cat(out, n, "un millón");
    } else if (millions) {
        es_below_million((unsigned)millions, 1, out, n);
        cat(out, n, " millones");
    }
    if (rest) es_below_million(rest, 0, out, n);
}

static const char *const de_digits[] = {"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"};
static const char *const es_digits[] = {"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"};

static const xl_speech_lang langs[] = {
    {"de", de_words, sizeof de_words / sizeof de_words[0], de_digits, de_integer},
    {"es", es_words, sizeof es_words / sizeof es_words[0], es_digits, es_integer},
};

const xl_speech_lang *xl_speech_lang_of(const char *code)
{
    if (!code) return NULL;
    for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++)
        if (strncmp(code, langs[i].code, 2) == 0 && (code[2] == '\0' || code[2] == '_' || code[2] == '-' || code[2] == '.'))
            return &langs[i];
    return NULL;
}

const char *xl_speech_lang_say(const xl_speech_lang *lang, const char *english)
{
    if (!lang) return english;
    for (size_t i = 0; i < lang->nwords; i++)
        if (strcmp(lang->words[i].en, english) == 0) return lang->words[i].said;
    return english;
}

char *xl_speech_lang_integer(const xl_speech_lang *lang, unsigned long long v, char *out, size_t n)
{
    if (n == 0) return out;
    out[0] = '\0';
    if (lang) lang->integer(v % 1000000000000ULL, out, n);
    return out;
}

const char *xl_speech_lang_digit(const xl_speech_lang *lang, int d)
{
    return lang && d >= 0 && d <= 9 ? lang->digits[d] : NULL;
}
