/* test_colormap: the viridis table is const data (read by the landscape's helper thread
 * with nothing to initialise); here it is checked against the formula it came from, so a
 * hand edit or a lost digit fails. */
#include "check_main.h"
#include <stdint.h>
#include <stdlib.h>

#include "ui_colormap.h"

/* Matt Zucker's degree-6 polynomial fit to matplotlib's viridis, one channel, clamped. */
static double channel(const double c[7], double t)
{
    double v = c[6];
    for (int k = 5; k >= 0; k--) v = c[k] + t * v;
    if (v < 0.0) v = 0.0;
    if (v > 1.0) v = 1.0;
    return v;
}

static uint32_t formula(double t)
{
    static const double r[7] = {0.2777273272234177, 0.1050930431085774, -0.3308618287255563,
                                -4.634230498983486, 6.228269936347081, 4.776384997670288,
                                -5.435455855934631};
    static const double g[7] = {0.005407344544966578, 1.404613529898575, 0.214847559468213,
                                -5.799100973351585, 14.17993336680509, -13.74514537774601,
                                4.645852612178535};
    static const double b[7] = {0.3340998053353061, 1.384590162594685, 0.09509516302823659,
                                -19.33244095627987, 56.69055260068105, -65.35303263337234,
                                26.3124352495832};
    uint32_t R = (uint32_t)(channel(r, t) * 255.0 + 0.5);
    uint32_t G = (uint32_t)(channel(g, t) * 255.0 + 0.5);
    uint32_t B = (uint32_t)(channel(b, t) * 255.0 + 0.5);
    return 0xFF000000u | (R << 16) | (G << 8) | B;
}

START_TEST(table_is_the_formula)
{
    const uint32_t *lut = ui_viridis_table();
    for (int i = 0; i < 256; i++)
        ck_assert_msg(lut[i] == formula(i / 255.0), "entry %d is 0x%08X, the fit gives 0x%08X", i, lut[i],
                      formula(i / 255.0));
}
END_TEST

START_TEST(lookup_rounds_and_clamps)
{
    const uint32_t *lut = ui_viridis_table();
    ck_assert_uint_eq(ui_viridis(-1.0), lut[0]);
    ck_assert_uint_eq(ui_viridis(0.0 / 0.0), lut[0]); /* NaN: the bottom, never an index out of range */
    ck_assert_uint_eq(ui_viridis(2.0), lut[255]);
    ck_assert_uint_eq(ui_viridis(0.5), lut[128]);      /* 127.5 rounds up */
    ck_assert_uint_eq(ui_viridis(100.4 / 255.0), lut[100]);
    /* Dark at the bottom, light at the top: the valley of a landscape is the darkest. */
    const uint32_t lo = lut[0], hi = lut[255];
    const int lum_lo = (int)((lo >> 16) & 255) + (int)((lo >> 8) & 255) + (int)(lo & 255);
    const int lum_hi = (int)((hi >> 16) & 255) + (int)((hi >> 8) & 255) + (int)(hi & 255);
    ck_assert_msg(lum_lo < 250 && lum_hi > 450, "luminance sums %d at 0, %d at 1", lum_lo, lum_hi);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("colormap");
    TCase *tc = tcase_create("const table from its formula");
    tcase_add_test(tc, table_is_the_formula);
    tcase_add_test(tc, lookup_rounds_and_clamps);
    suite_add_tcase(s, tc);
    return s;
}
