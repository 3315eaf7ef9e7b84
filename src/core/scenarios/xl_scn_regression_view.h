/* xl_scn_regression_view: which analysis view the regression's side place shows (the
 * landscape's place: ui_panel_regression_side), kept in the scenario's state
 * (xl_regression_state.side_view) so a lesson page, a recording and a replay set it
 * as any command: the verb `view NAME`, or `view` alone for the next one (its key).
 * A view, not the truth: the verb is XL_VERB_VIEW (no undo entry). */
#ifndef XL_SCN_REGRESSION_VIEW_H
#define XL_SCN_REGRESSION_VIEW_H

#include <stddef.h>

#include "xl_scenario.h"

typedef enum xl_regression_view {
    XL_REGRESSION_VIEW_UPDATE = 0,  /* the selected sample's (q − y) xᵀ */
    XL_REGRESSION_VIEW_CONFUSION,   /* the confusion matrix on the test part */
    XL_REGRESSION_VIEW_CALIBRATION, /* the reliability diagram and the ECE */
    XL_REGRESSION_VIEW_CURVES,      /* train against test per step */
    XL_REGRESSION_VIEW_LANDSCAPE,   /* the loss landscape over two weights (when the record shows one) */
    XL_REGRESSION_VIEWS
} xl_regression_view;

/* "update", "confusion", "calibration", "curves", "landscape"; NULL out of range. */
const char *xl_regression_view_name(int view);
/* The views there are: all of them when the record has XL_PANEL_LANDSCAPE, else all
 * but the landscape (panels: the record's panels). */
int xl_regression_view_count(unsigned panels);
/* The verb `view`: name "" goes to the next view (wrapping), a view's name to it.
 * *view is the state's field. XL_APPLY_DONE, or XL_APPLY_REFUSED with the names in err. */
xl_apply_result xl_regression_view_apply(int *view, unsigned panels, const char *name, char *err, size_t errlen);

#endif
