/* xl_scn_regression_describe: the regression's scene in words (see xl_scn_regression.h
 * and xl_describe.h): the data set, the split, the test's verdict, and the selected
 * training sample as its bars show it. */
#include "xl_scn_regression.h"

#include <math.h>
#include <stdio.h>

#include "xl_format.h"

int xl_regression_describe(const void *state, const double *theta, const double *readouts, int selected,
                           double unit_scale, const char *unit_name, xl_tr_fn tr, char *buf, size_t n)
{
    const xl_regression_state *st = state;
    char acc[48], test[48], said[96];
    /* The plots' forms (ui_panel_regression_plots.c). */
    xl_format(acc, sizeof acc, 100.0 * readouts[R_TEST_ACC], 1);
    xl_format_fit(test, sizeof test, readouts[R_TEST_NLL] * unit_scale, 4, 12);
    const int errors = (int)lround(readouts[R_TEST_ERRORS]);
    /* Each case a whole sentence (xl_i18n.h): the data set, one error or several. */
    const int iris = st->data == XL_REGRESSION_IRIS;
    const char *fmt = iris ? (errors == 1 ? N_("It classifies iris flowers into %d classes from %d features: %d "
                                               "training and %d test samples. On the test samples: accuracy %s%%, "
                                               "%d error, cross-entropy %s %s.")
                                          : N_("It classifies iris flowers into %d classes from %d features: %d "
                                               "training and %d test samples. On the test samples: accuracy %s%%, "
                                               "%d errors, cross-entropy %s %s."))
                           : (errors == 1 ? N_("It classifies handwritten digits into %d classes from %d features: "
                                               "%d training and %d test samples. On the test samples: accuracy "
                                               "%s%%, %d error, cross-entropy %s %s.")
                                          : N_("It classifies handwritten digits into %d classes from %d features: "
                                               "%d training and %d test samples. On the test samples: accuracy "
                                               "%s%%, %d errors, cross-entropy %s %s."));
    int used = snprintf(buf, n, xl_tr(tr, fmt), st->k, st->d, st->n_train, st->n_test, acc, errors, test, unit_name);
    if (st->n_train > 0 && st->k > 0 && used > 0 && (size_t)used < n) {
        /* The bars' sample (the scenario's bars): its label's q and surprise. */
        const int r = selected >= 0 && selected < st->n_train ? selected : 0;
        double logq[XL_ITEMS_MAX];
        xl_regression_row_q(st, theta, r, logq);
        const int y = st->y[r];
        xl_format_said_outcome(said, sizeof said, logq[y], unit_scale, unit_name, tr);
        snprintf(buf + used, n - (size_t)used,
                 iris ? xl_tr(tr, N_(" Selected: training sample %d of %d, a %s; the model gives its class %s."))
                      : xl_tr(tr, N_(" Selected: training sample %d of %d, a handwritten %s; the model gives its "
                                     "class %s.")),
                 r + 1, st->n_train, st->raw.class_names[y], said);
    }
    return 2;
}
