/* ui_bidi: bidirectional levels (see ui_bidi.h). The subset's character types come
 * from the code point's range (which scripts are right-to-left) and HarfBuzz's Unicode
 * general categories (letters, digits, marks), so both builds classify alike. */
#include "ui_bidi.h"

#include <hb.h>

#ifdef XL_HAVE_FRIBIDI
#include <fribidi.h>
#endif

enum { MAX_CHARS = 4096 };

typedef enum btype { B_L, B_R, B_AL, B_EN, B_AN, B_ES, B_CS, B_NSM, B_WS, B_ON } btype;

static int is_mark(hb_unicode_general_category_t gc)
{
    return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
           gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK;
}

static int is_letter(hb_unicode_general_category_t gc)
{
    return gc == HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER ||
           gc == HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER ||
           gc == HB_UNICODE_GENERAL_CATEGORY_TITLECASE_LETTER ||
           gc == HB_UNICODE_GENERAL_CATEGORY_MODIFIER_LETTER ||
           gc == HB_UNICODE_GENERAL_CATEGORY_OTHER_LETTER ||
           gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK;
}

/* 0: not a right-to-left block; B_R or B_AL: the block's strong type. */
static btype rtl_block(uint32_t cp)
{
    if (cp >= 0x0590 && cp <= 0x05FF) return B_R;                    /* Hebrew */
    if (cp >= 0x0600 && cp <= 0x07BF) return B_AL;                   /* Arabic, Syriac, Thaana */
    if (cp >= 0x07C0 && cp <= 0x085F) return B_R;                    /* N'Ko, Samaritan, Mandaic */
    if (cp >= 0x0860 && cp <= 0x08FF) return B_AL;                   /* Syriac, Arabic extended */
    if (cp >= 0xFB1D && cp <= 0xFB4F) return B_R;                    /* Hebrew presentation forms */
    if ((cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE)) return B_AL;
    if (cp >= 0x1EE00 && cp <= 0x1EEFF) return B_AL;                 /* Arabic mathematical */
    if ((cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF)) return B_R;
    return B_L; /* B_L (0): none */
}

static btype classify(uint32_t cp)
{
    hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default();
    hb_unicode_general_category_t gc = hb_unicode_general_category(uf, cp);
    btype block = rtl_block(cp);
    if (block != B_L) {
        if (is_mark(gc)) return B_NSM;
        if ((cp >= 0x0660 && cp <= 0x0669) || cp == 0x066B || cp == 0x066C) return B_AN;
        if (cp >= 0x06F0 && cp <= 0x06F9) return B_EN;
        if (cp == 0x060C) return B_CS;
        if (gc == HB_UNICODE_GENERAL_CATEGORY_UNASSIGNED || gc == HB_UNICODE_GENERAL_CATEGORY_SPACE_SEPARATOR)
            return block == B_AL ? B_AL : B_R;
        return block;
    }
    if ((cp >= '0' && cp <= '9') || cp == 0xB2 || cp == 0xB3 || cp == 0xB9 || (cp >= 0x2070 && cp <= 0x2079) ||
        (cp >= 0x2080 && cp <= 0x2089) || (cp >= 0xFF10 && cp <= 0xFF19))
        return B_EN;
    if (cp == '+' || cp == '-' || cp == 0x2212 || cp == 0x207A || cp == 0x207B) return B_ES;
    if (cp == '.' || cp == ',' || cp == ':' || cp == '/' || cp == 0xA0) return B_CS;
    if (cp == ' ' || cp == '\t') return B_WS;
    if (is_mark(gc)) return B_NSM;
    if (is_letter(gc) || gc == HB_UNICODE_GENERAL_CATEGORY_DECIMAL_NUMBER) return B_L;
    return B_ON;
}

static int strong_rtl(btype t) { return t == B_R || t == B_AL; }

int ui_bidi_all_ltr(const uint32_t *cps, int n)
{
    for (int i = 0; i < n; i++)
        if (cps[i] >= 0x0590 && rtl_block(cps[i]) != B_L) return 0;
    return 1;
}

int ui_bidi_rtl_paragraph(const uint32_t *cps, int n)
{
    for (int i = 0; i < n; i++) {
        btype t = classify(cps[i]);
        if (t == B_L) return 0;
        if (strong_rtl(t)) return 1;
    }
    return 0;
}

int ui_bidi_levels_subset(const uint32_t *cps, int n, ui_bidi_dir dir, uint8_t *levels)
{
    if (n > MAX_CHARS) n = MAX_CHARS;
    const int para = dir == UI_BIDI_AUTO ? ui_bidi_rtl_paragraph(cps, n) : dir == UI_BIDI_RTL;
    const btype sor = para ? B_R : B_L;
    btype types[MAX_CHARS];
    for (int i = 0; i < n; i++) types[i] = classify(cps[i]);
    /* W1: a mark takes its base's type. */
    for (int i = 0; i < n; i++)
        if (types[i] == B_NSM) types[i] = i > 0 ? types[i - 1] : sor;
    /* W2, W3: European digits after an Arabic letter are Arabic numbers; AL is R. */
    btype last = sor;
    for (int i = 0; i < n; i++) {
        if (types[i] == B_L || types[i] == B_R || types[i] == B_AL) last = types[i];
        else if (types[i] == B_EN && last == B_AL) types[i] = B_AN;
    }
    for (int i = 0; i < n; i++)
        if (types[i] == B_AL) types[i] = B_R;
    /* W4: one separator inside a number; W6: other separators are neutral. */
    for (int i = 1; i + 1 < n; i++) {
        if (types[i] == B_ES && types[i - 1] == B_EN && types[i + 1] == B_EN) types[i] = B_EN;
        else if (types[i] == B_CS && types[i - 1] == types[i + 1] &&
                 (types[i - 1] == B_EN || types[i - 1] == B_AN))
            types[i] = types[i - 1];
    }
    for (int i = 0; i < n; i++)
        if (types[i] == B_ES || types[i] == B_CS) types[i] = B_ON;
    /* W7: European digits after a left-to-right letter are left to right. */
    last = sor;
    for (int i = 0; i < n; i++) {
        if (types[i] == B_L || types[i] == B_R) last = types[i];
        else if (types[i] == B_EN && last == B_L) types[i] = B_L;
    }
    /* N1, N2: a stretch of neutrals between two of one direction takes it (numbers count
     * as right to left), else the paragraph's. */
    for (int i = 0; i < n;) {
        if (types[i] != B_ON && types[i] != B_WS) {
            i++;
            continue;
        }
        int j = i;
        while (j < n && (types[j] == B_ON || types[j] == B_WS)) j++;
        btype before = i > 0 ? (types[i - 1] == B_L ? B_L : B_R) : sor;
        btype after = j < n ? (types[j] == B_L ? B_L : B_R) : sor;
        btype take = before == after ? before : sor;
        for (int k = i; k < j; k++) types[k] = take;
        i = j;
    }
    /* I1, I2. */
    for (int i = 0; i < n; i++) {
        if (!para) levels[i] = types[i] == B_R ? 1 : (types[i] == B_EN || types[i] == B_AN) ? 2 : 0;
        else levels[i] = types[i] == B_R ? 1 : 2;
    }
    /* L1: white space at the line's end. */
    for (int i = n - 1; i >= 0 && (cps[i] == ' ' || cps[i] == '\t'); i--) levels[i] = (uint8_t)para;
    return para;
}

int ui_bidi_has_fribidi(void)
{
#ifdef XL_HAVE_FRIBIDI
    return 1;
#else
    return 0;
#endif
}

int ui_bidi_levels(const uint32_t *cps, int n, ui_bidi_dir dir, uint8_t *levels)
{
#ifdef XL_HAVE_FRIBIDI
    if (n > MAX_CHARS) n = MAX_CHARS;
    FriBidiCharType types[MAX_CHARS];
    FriBidiBracketType brackets[MAX_CHARS];
    FriBidiLevel lev[MAX_CHARS];
    FriBidiParType base = dir == UI_BIDI_LTR ? FRIBIDI_PAR_LTR : dir == UI_BIDI_RTL ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_ON;
    fribidi_get_bidi_types((const FriBidiChar *)cps, n, types);
    fribidi_get_bracket_types((const FriBidiChar *)cps, n, types, brackets);
    if (fribidi_get_par_embedding_levels_ex(types, brackets, n, &base, lev) == 0)
        return ui_bidi_levels_subset(cps, n, dir, levels);
    for (int i = 0; i < n; i++) levels[i] = (uint8_t)(lev[i] < 0 ? 0 : lev[i]);
    return FRIBIDI_IS_RTL(base) ? 1 : 0;
#else
    return ui_bidi_levels_subset(cps, n, dir, levels);
#endif
}

void ui_bidi_order_runs(const uint8_t *run_levels, int nruns, int *order)
{
    if (nruns > UI_BIDI_MAX_RUNS) nruns = UI_BIDI_MAX_RUNS;
    int high = 0, low_odd = 255;
    for (int i = 0; i < nruns; i++) {
        order[i] = i;
        if (run_levels[i] > high) high = run_levels[i];
        if ((run_levels[i] & 1) && run_levels[i] < low_odd) low_odd = run_levels[i];
    }
    /* From the highest level down to the lowest odd one, reverse every stretch of runs
     * at that level or higher. */
    for (int lev = high; lev >= low_odd && lev > 0; lev--) {
        for (int i = 0; i < nruns;) {
            if (run_levels[order[i]] < lev) {
                i++;
                continue;
            }
            int j = i;
            while (j < nruns && run_levels[order[j]] >= lev) j++;
            for (int a = i, b = j - 1; a < b; a++, b--) {
                int tmp = order[a];
                order[a] = order[b];
                order[b] = tmp;
            }
            i = j;
        }
    }
}
