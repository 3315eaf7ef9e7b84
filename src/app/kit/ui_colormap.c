/* ui_colormap: viridis from its degree-6 polynomial fit (Matt Zucker's fit to the
 * matplotlib table; max error well under one 8-bit step), tabulated once at 256
 * entries so the per-pixel cost is a lookup. */
#include "ui_colormap.h"

static uint32_t table[256];
static int table_ready;

static double channel(const double c[7], double t)
{
    double v = c[6];
    for (int k = 5; k >= 0; k--) v = c[k] + t * v;
    if (v < 0.0) v = 0.0;
    if (v > 1.0) v = 1.0;
    return v;
}

static void fill_table(void)
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
    for (int i = 0; i < 256; i++) {
        double t = i / 255.0;
        uint32_t R = (uint32_t)(channel(r, t) * 255.0 + 0.5);
        uint32_t G = (uint32_t)(channel(g, t) * 255.0 + 0.5);
        uint32_t B = (uint32_t)(channel(b, t) * 255.0 + 0.5);
        table[i] = 0xFF000000u | (R << 16) | (G << 8) | B;
    }
    table_ready = 1;
}

const uint32_t *ui_viridis_table(void)
{
    if (!table_ready) fill_table();
    return table;
}

uint32_t ui_viridis(double t)
{
    const uint32_t *lut = ui_viridis_table();
    if (!(t > 0.0)) return lut[0];
    if (t >= 1.0) return lut[255];
    return lut[(int)(t * 255.0 + 0.5)];
}
