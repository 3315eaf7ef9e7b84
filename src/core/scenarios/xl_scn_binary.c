/* xl_scn_binary: the bars of one labelled sample (see xl_scn_binary.h). */
#include "xl_scn_binary.h"
#include "xl_i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xl_format.h"
#include "xl_logistic.h"

void xl_binary_sample_bars(xl_bars *out, int have, int y, double u, const char *title, const char *caption)
{
    static const char *const names[2] = {"y = 1", "y = 0"};
    memset(out, 0, sizeof *out);
    out->n = 2;
    out->names[0] = names[0];
    out->names[1] = names[1];
    out->q_label = N_("Q = (ŷ, 1 − ŷ)");
    if (!have) {
        out->p[0] = out->p[1] = 0.5;
        out->logq[0] = out->logq[1] = -log(2.0);
        out->selected = -1;
        out->title = N_("SAMPLE: P = label vs Q = model");
        out->caption = N_("no sample selected");
        return;
    }
    y = y ? 1 : 0;
    out->p[0] = y;
    out->p[1] = 1 - y;
    /* -ln sigma(u) = softplus(-u), -ln(1 - sigma(u)) = softplus(u). */
    out->logq[0] = -xl_logistic_softplus(-u);
    out->logq[1] = -xl_logistic_softplus(u);
    out->selected = y ? 0 : 1; /* the outcome that happened */
    out->title = title;
    out->caption = caption;
}

void xl_binary_said_selected(const xl_bars *bb, int i, const char *caption, double unit_scale, const char *unit_name,
                             xl_tr_fn tr, char *out, size_t n)
{
    char said[96];
    const int y = bb->selected >= 0 ? bb->selected : 0;
    xl_format_said_outcome(said, sizeof said, bb->logq[y], unit_scale, unit_name, tr);
    snprintf(out, n, xl_tr(tr, N_(" Selected: sample %d, %s; the model gives its label %s.")), i + 1, caption, said);
}
