/* test_speech: the words a voice says for a lesson's text (issue 25). The course's
 * formulas read as words; a lesson's @say rules before the table, the longest first, on
 * their page and the pages after; the output never overrun, cut between words, and
 * hostile text read in bounded work; every shipped lesson's pages, questions, answers and
 * whys read with nothing left that a voice would spell out or stumble on; the words in
 * German and Spanish (numbers, the decimal point, formulas). */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_lesson.h"
#include "xl_speech.h"

static const char *say(const char *text)
{
    static char out[2048];
    int unread = -1;
    const size_t need = xl_speech_text(text, NULL, 0, out, sizeof out, &unread);
    ck_assert_uint_eq(need, strlen(out));
    ck_assert_msg(unread == 0, "'%s': %d unread in '%s'", text, unread, out);
    ck_assert_msg(xl_speech_plain(out) == -1, "'%s' -> '%s': a symbol left at %ld", text, out, xl_speech_plain(out));
    return out;
}

static const struct {
    const char *text, *words;
} readings[] = {
    {"−ln 0.001 = 6.9078 nats", "minus log zero point zero zero one equals six point nine zero seven eight nats"},
    {"H(P,Q) ≥ H(P)", "H of P and Q is at least H of P"},
    {"D_KL(P‖Q) = H(P,Q) − H(P)", "K L divergence of P and Q equals H of P and Q minus H of P"},
    {"KL(P‖Q), zero only when Q = P", "K L divergence of P and Q, zero only when Q equals P"},
    {"p₁ and q(robin)", "p one and q of robin"},
    {"−Σ p ln q", "minus the sum of p log q"},
    {"−Σᵢ (1/W) ln(1/W)", "minus the sum over i of one over W log of one over W"},
    {"about 0.045 nats", "about zero point zero four five nats"},
    {"x ≈ 0.5 ± 0.01", "x is about zero point five plus or minus zero point zero one"},
    {"p → 0", "p goes to zero"},
    {"z ← z − lr·g", "z becomes z minus l r times g"},
    {"8×8 images of ink counts 0–16", "eight times eight images of ink counts zero to sixteen"},
    {"2¹⁰ and 5·10⁵", "two to the ten and five times ten to the five"},
    {"σ_q² and μ_p", "sigma q squared and mu p"},
    {"H₂(Y | tails)", "H two of Y given tails"},
    {"Hα(P) as α → ∞", "H alpha of P as alpha goes to infinity"},
    {"H(ρₘ(0), ρ(0))", "H of rho m of zero and rho of zero"},
    {"π ∝ e^(−βE)", "pi is proportional to e to the minus beta E"},
    {"⟨Q⟩ = 0", "the expected Q equals zero"},
    {"ŷ = σ(wx + b)", "y hat equals sigma of w x plus b"},
    {"∂L/∂w", "partial L over partial w"},
    {"log₂ 2 = 1", "log base two of two equals one"},
    {"log₂(8)", "log base two of eight"},
    {"1,258 and 30 000 and 693140.0470", "one thousand two hundred fifty eight and thirty thousand and six hundred "
                                         "ninety three thousand one hundred forty point zero four seven zero"},
    {"0s and 1s", "zeros and ones"},
    {"*emphasis* and L\\*", "emphasis and L star"},
    {"Gibbs–Shannon, a dash – here", "Gibbs Shannon, a dash, here"},
    {"½ ln(2π)", "one half log of two pi"},
    {"xᵀ", "x transpose"},
    {"Rényi's order (the one)", "Renyi's order, the one,"},
    {"x (the tutorial's). This one (a coin)? Yes", "x, the tutorial's. This one, a coin? Yes"},
    {"(0.9, 0.1)", "zero point nine, zero point one"},
};

START_TEST(the_course_formulas_read_as_words)
{
    for (size_t i = 0; i < sizeof readings / sizeof readings[0]; i++)
        ck_assert_str_eq(say(readings[i].text), readings[i].words);
    /* A character with no reading is dropped and counted, not spelt out. */
    char out[64];
    int unread = 0;
    xl_speech_text("a ☃ b", NULL, 0, out, sizeof out, &unread);
    ck_assert_str_eq(out, "a b");
    ck_assert_int_eq(unread, 1);
    ck_assert_int_eq(xl_speech_plain("H of P"), -1);
    ck_assert_int_eq(xl_speech_plain("H(P)"), 1);
    ck_assert_int_eq(xl_speech_plain("x 2"), 2);
}
END_TEST

START_TEST(say_rules_come_first_the_longest_winning)
{
    const xl_speech_rule rules[] = {
        {"H(P,Q)", "the cross-entropy"},
        {"H(P,Q) ≥ H(P)", "cross-entropy is never below entropy"},
        {"KL", "Kullback Leibler"},
        {"C(399, 100)", "399 choose 100"},
        {"x", "H(P,Q)"}, /* a rule's words are read by the table, never by the rules again */
    };
    char out[256];
    int unread = 0;
    xl_speech_text("H(P,Q) ≥ H(P) and H(P,Q).", rules, 5, out, sizeof out, &unread);
    ck_assert_str_eq(out, "cross-entropy is never below entropy and the cross-entropy.");
    xl_speech_text("KL, KLM and C(399, 100)", rules, 5, out, sizeof out, &unread);
    ck_assert_str_eq(out, "Kullback Leibler, KLM and three hundred ninety nine choose one hundred");
    xl_speech_text("x and max", rules, 5, out, sizeof out, &unread);
    ck_assert_str_eq(out, "H of P and Q and max"); /* "x" inside "max" is not the rule's */
    ck_assert_int_eq(unread, 0);

    /* On a lesson: a page's rules and every earlier page's, the nearest page first, so it
     * wins a tie; a later page's rule does not reach back. */
    static const char lesson[] = "# T\n## A\nH(P,Q) and ln 5.\n@say H(P,Q) => the cross-entropy\n"
                                 "## B\nH(P,Q) again.\n@say H(P,Q) => H of P comma Q\n@say ln 5 => log of five\n"
                                 "## C\nH(P,Q), ln 5.\n";
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_int_eq(xl_lesson_parse("t", lesson, sizeof lesson - 1, l), 0);
    xl_speech_rule r[XL_SPEECH_MAX_RULES];
    const char *want[] = {"the cross-entropy and log five.", "H of P comma Q again.", "H of P comma Q, log of five."};
    for (int p = 0; p < 3; p++) {
        const int n = xl_speech_page_rules(l, p, r, XL_SPEECH_MAX_RULES);
        ck_assert_int_eq(n, p == 0 ? 1 : 3);
        xl_speech_text(l->pages[p].text, r, n, out, sizeof out, NULL);
        ck_assert_str_eq(out, want[p]);
    }
    ck_assert_int_eq(xl_speech_page_rules(l, 2, r, 2), 2); /* max holds */
    free(l);
}
END_TEST

START_TEST(bounded_and_never_overrun)
{
    /* Cut between words, NUL-terminated, the need reported like snprintf. */
    char out[24];
    memset(out, 'Z', sizeof out);
    const size_t need = xl_speech_text("H(P,Q) is at least H(P)", NULL, 0, out, 16, NULL);
    ck_assert_uint_eq(need, strlen("H of P and Q is at least H of P"));
    ck_assert_str_eq(out, "H of P and Q is"); /* " at" would not fit with its NUL */
    ck_assert_int_eq(out[16], 'Z');
    ck_assert_uint_eq(xl_speech_text("0.5", NULL, 0, NULL, 0, NULL), strlen("zero point five"));
    ck_assert_uint_eq(xl_speech_text(NULL, NULL, 0, out, sizeof out, NULL), 0);
    ck_assert_str_eq(out, "");

    /* Hostile text: random bytes, deep brackets, a huge number, text past the limit. Each
     * within its buffer (a guard after it), in bounded work. */
    const size_t big = 3 * XL_SPEECH_MAX_IN;
    char *text = malloc(big + 1), *o = malloc(8192 + 16);
    unsigned long long x = 88172645463325252ULL;
    for (int round = 0; round < 40; round++) {
        for (size_t i = 0; i < 4096; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            const char pick[] = "(()),.‖|_^0123456789 Σ−²₁ᵢ*\\xH";
            text[i] = round % 2 ? (char)(x & 0xFF ? x & 0xFF : 1) : pick[x % (sizeof pick - 1)];
        }
        text[4096] = '\0';
        memset(o + 8192, 'G', 16);
        const size_t n = xl_speech_text(text, NULL, 0, o, 8192, NULL);
        ck_assert_uint_eq(strlen(o), n < 8192 ? n : strlen(o));
        ck_assert(strlen(o) < 8192);
        for (int g = 0; g < 16; g++) ck_assert_int_eq(o[8192 + g], 'G');
        int run = 0, longest = 0; /* no word past the limit, with its pause */
        for (const char *c = o; *c; c++) {
            run = *c == ' ' ? 0 : run + 1;
            longest = run > longest ? run : longest;
        }
        ck_assert_int_le(longest, XL_SPEECH_MAX_WORD + 1);
    }
    memset(text, 'w', 5000); /* one long word: cut at the limit */
    text[5000] = '\0';
    ck_assert_uint_eq(xl_speech_text(text, NULL, 0, o, 8192, NULL), XL_SPEECH_MAX_WORD);
    memset(text, '(', big);
    text[big] = '\0';
    ck_assert_uint_eq(xl_speech_text(text, NULL, 0, o, 8192, NULL), 0); /* silent brackets, read up to the limit */
    memset(text, '9', big);
    ck_assert_uint_gt(xl_speech_text(text, NULL, 0, o, 8192, NULL), 8192); /* digit by digit, cut */
    ck_assert(strlen(o) < 8192);
    free(text);
    free(o);
}
END_TEST

/* The set a voice says as words: letters, spaces, ' and -, the pauses. Anything else
 * (digits, brackets, Greek, operators) it would spell out, skip or misread. */
/* The words for the description (live region, speech-dispatcher) keep a German or
 * Spanish text's letters; the English flite voice's words still fold them (issue 26). */
START_TEST(the_words_keep_their_letters_the_english_voice_folds_them)
{
    static const struct {
        const char *text, *words, *folded;
    } cases[] = {
        {"¿La pérdida bajó este año? ¡Sí!", "¿La pérdida bajó este año? ¡Sí!", "La perdida bajo este ano? Si!"},
        {"Überraschung: größer, Äpfel, Öl, müde, Maß", "Überraschung: größer, Äpfel, Öl, müde, Maß",
         "Uberraschung: groser, Apfel, Ol, mude, Mas"},
        {"á é í ó ú ñ ü", "á é í ó ú ñ ü", "a e i o u n u"},
        {"H(P,Q) ≥ H(P), a × b", "H of P and Q is at least H of P, a times b", "H of P and Q is at least H of P, a times b"},
        {"The loss fell 0.5 nats.", "The loss fell zero point five nats.", "The loss fell zero point five nats."},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char out[512];
        int unread = -1;
        size_t need = xl_speech_words(cases[k].text, NULL, 0, out, sizeof out, &unread);
        ck_assert_uint_eq(need, strlen(out));
        ck_assert_int_eq(unread, 0);
        ck_assert_str_eq(out, cases[k].words);
        need = xl_speech_text(cases[k].text, NULL, 0, out, sizeof out, &unread);
        ck_assert_uint_eq(need, strlen(out));
        ck_assert_str_eq(out, cases[k].folded);
        ck_assert_int_eq(xl_speech_plain(out), -1);
    }
    /* A word of marked letters is cut at XL_SPEECH_MAX_WORD characters, as an ASCII one. */
    char longw[2 * 100 + 1] = {0}, out[512];
    for (int i = 0; i < 100; i++) memcpy(longw + 2 * i, "\xc3\xa9", 2);
    xl_speech_words(longw, NULL, 0, out, sizeof out, NULL);
    ck_assert_uint_eq(strlen(out), 2 * XL_SPEECH_MAX_WORD);
}
END_TEST

/* The words in German and Spanish (xl_speech_words_in): formulas in the language's words,
 * numbers spelt out in it, the decimal point said "Komma" and "coma" (the text keeps its
 * point); English, NULL and a code with no table are xl_speech_words byte for byte. */
static const struct {
    const char *lang, *text, *words;
} in_lang[] = {
    {"de", "0.33", "null Komma drei drei"},
    {"es", "0.33", "cero coma tres tres"},
    {"de", "H(P,Q) ≥ H(P)", "H von P und Q ist mindestens H von P"},
    {"es", "H(P,Q) ≥ H(P)", "H de P y Q es al menos H de P"},
    {"de", "−ln q(Rotkehlchen) = 2.303 nats", "minus log q von Rotkehlchen gleich zwei Komma drei null drei nats"},
    {"es", "−ln q(petirrojo) = 2.303 nats", "menos log q de petirrojo igual a dos coma tres cero tres nats"},
    {"de", "D_KL(P‖Q) ≈ 0.7051", "K L Divergenz von P und Q ist etwa null Komma sieben null fünf eins"},
    {"es", "D_KL(P‖Q) ≈ 0.7051", "divergencia K L de P y Q es aproximadamente cero coma siete cero cinco uno"},
    {"de", "21, 100, 101, 1,258 und 30 000", "einundzwanzig, einhundert, einhunderteins, eintausendzweihundertachtundfünfzig und dreißigtausend"},
    {"es", "21, 100, 101, 1,258 y 30 000", "veintiuno, cien, ciento uno, mil doscientos cincuenta y ocho y treinta mil"},
    {"de", "1000000 und 2500000", "eine Million und zwei Millionen fünfhunderttausend"},
    {"es", "21000, 1000000 y 2500000", "veintiún mil, un millón y dos millones quinientos mil"},
    {"de", "p² σ_q", "p Quadrat sigma q"},
    {"es", "p² · 16", "p al cuadrado por dieciséis"},
    {"de_DE.UTF-8", "3.5", "drei Komma fünf"},
};

START_TEST(the_words_in_german_and_spanish)
{
    char out[512], en[512];
    for (size_t i = 0; i < sizeof in_lang / sizeof in_lang[0]; i++) {
        int unread = -1;
        const size_t need = xl_speech_words_in(in_lang[i].lang, in_lang[i].text, NULL, 0, out, sizeof out, &unread);
        ck_assert_uint_eq(need, strlen(out));
        ck_assert_int_eq(unread, 0);
        ck_assert_msg(strcmp(out, in_lang[i].words) == 0, "%s '%s': '%s', not '%s'", in_lang[i].lang, in_lang[i].text,
                      out, in_lang[i].words);
    }
    for (size_t i = 0; i < sizeof readings / sizeof readings[0]; i++) {
        const char *langs[] = {"en", NULL, "fr"};
        xl_speech_words(readings[i].text, NULL, 0, en, sizeof en, NULL);
        for (int k = 0; k < 3; k++) {
            xl_speech_words_in(langs[k], readings[i].text, NULL, 0, out, sizeof out, NULL);
            ck_assert_str_eq(out, en);
        }
    }
}
END_TEST

START_TEST(every_lesson_reads_with_nothing_left)
{
    static const char *const files[] = {
        "01-surprise", "02-entropy", "03-microstates", "04-cross-entropy", "05-identity",
        "06-gradient-descent", "07-logistic", "08-rare-positives", "09-gaussians",
        "10-bayesian-second-law", "11-optimizers", "12-clausius", "13-renyi", "14-real-data"};
    xl_lesson *l = malloc(sizeof *l);
    char *text = malloc(XL_LESSON_MAX_BYTES);
    static char out[4 * XL_LESSON_TEXT];
    int segments = 0;
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s.lesson", LESSONS_DIR, files[f]);
        FILE *fp = fopen(path, "rb");
        ck_assert_msg(fp != NULL, "%s", path);
        const size_t len = fread(text, 1, XL_LESSON_MAX_BYTES, fp);
        fclose(fp);
        ck_assert_msg(xl_lesson_parse(path, text, len, l) == 0, "%s", l->errors[0]);
        for (int p = 0; p < l->npages; p++) {
            const xl_page *pg = &l->pages[p];
            xl_speech_rule r[XL_SPEECH_MAX_RULES];
            const int nr = xl_speech_page_rules(l, p, r, XL_SPEECH_MAX_RULES);
            const char *parts[2 + 4 * (2 + XL_LESSON_ANSWERS)];
            int np = 0;
            parts[np++] = pg->title;
            parts[np++] = pg->text;
            for (int q = 0; q < pg->nquestions; q++) {
                parts[np++] = pg->questions[q].text;
                parts[np++] = pg->questions[q].why;
                for (int a = 0; a < pg->questions[q].nanswers; a++) parts[np++] = pg->questions[q].answers[a];
            }
            for (int k = 0; k < np; k++) {
                int unread = -1;
                const size_t need = xl_speech_text(parts[k], r, nr, out, sizeof out, &unread);
                ck_assert_msg(need < sizeof out, "%s page %d: %zu bytes", files[f], p + 1, need);
                ck_assert_msg(unread == 0, "%s page %d: %d characters without a reading in\n%s", files[f], p + 1,
                              unread, parts[k]);
                const long at = xl_speech_plain(out);
                ck_assert_msg(at == -1, "%s page %d: '%c' left in: %s", files[f], p + 1, out[at > 0 ? at : 0], out);
                ck_assert_msg(!parts[k][0] || out[0], "%s page %d: nothing said for '%s'", files[f], p + 1, parts[k]);
                segments++;
            }
        }
    }
    ck_assert_int_gt(segments, 250);
    free(l);
    free(text);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("speech");
    TCase *tc = tcase_create("speech");
    tcase_add_test(tc, the_course_formulas_read_as_words);
    tcase_add_test(tc, say_rules_come_first_the_longest_winning);
    tcase_add_test(tc, bounded_and_never_overrun);
    tcase_add_test(tc, every_lesson_reads_with_nothing_left);
    tcase_add_test(tc, the_words_keep_their_letters_the_english_voice_folds_them);
    tcase_add_test(tc, the_words_in_german_and_spanish);
    suite_add_tcase(s, tc);
    return s;
}
