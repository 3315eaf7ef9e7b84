/* xl_scn_regression_view: the side place's view of the regression (see
 * xl_scn_regression_view.h). */
#include "xl_scn_regression_view.h"

#include <stdio.h>
#include <string.h>

static const char *const names[XL_REGRESSION_VIEWS] = {"update", "confusion", "calibration", "curves", "landscape"};

const char *xl_regression_view_name(int view)
{
    return view >= 0 && view < XL_REGRESSION_VIEWS ? names[view] : NULL;
}

int xl_regression_view_count(unsigned panels)
{
    return panels & XL_PANEL_LANDSCAPE ? XL_REGRESSION_VIEWS : XL_REGRESSION_VIEW_LANDSCAPE;
}

xl_apply_result xl_regression_view_apply(int *view, unsigned panels, const char *name, char *err, size_t errlen)
{
    const int n = xl_regression_view_count(panels);
    if (!name || !name[0]) {
        *view = *view >= 0 && *view + 1 < n ? *view + 1 : 0;
        return XL_APPLY_DONE;
    }
    for (int v = 0; v < n; v++)
        if (strcmp(name, names[v]) == 0) {
            *view = v;
            return XL_APPLY_DONE;
        }
    snprintf(err, errlen, "no view '%s': the views are update, confusion, calibration, curves%s", name,
             n > XL_REGRESSION_VIEW_LANDSCAPE ? ", landscape" : "");
    return XL_APPLY_REFUSED;
}
