/* ui_panel_diffusion: the Bayesian Second Law panel (see ui_panel_diffusion.h).
 *
 * Two small charts side by side, the start on the left and the moment of measurement on
 * the right, because the law compares the two: at each, the assumed distribution (blue,
 * the truth's colour: what the observer's dynamics say) and, once a cell was measured,
 * the updated one (orange) in paired bars over the cells. Under each chart its
 * cross-entropy H(updated, assumed); under both, the inequality with its two numbers
 * and whether it holds, in words. Before any measurement the right chart shows rho(t)
 * now and the panel says how to take one. The measured cell is marked under the right
 * chart. Charts share one y scale so heights compare across them.
 *
 * On a flat ring no heat flows: the panel says <Q> = 0 and gives the essay's reading of
 * the law for zero heat, that H(rho_m, rho) is the expected surprise of the assumed rho
 * on being told the true cell (the microstate) drawn from rho_m, larger at the reading
 * than at the start. With energies the cells' energies are drawn as a profile under each
 * chart, and the law is shown with its heat term, H(rho_m(t), rho(t)) - H(rho_m(0),
 * rho(0)) + <Q> >= 0; the told-the-microstate reading, which the essay gives for zero
 * heat, is not shown there.
 */
#include "ui_panel_diffusion.h"
#include "ui_lang.h"

#include <math.h>
#include <stdio.h>

#include "ui_draw.h"
#include "ui_own_panels.h"
#include "xl_scn_diffusion.h"

/* The energy profile under a chart: each cell's E_x as a step of a filled band `band`
 * high, from the lowest energy (the band's floor) to the highest (its top). */
static void energy_profile(const ui_ctx *ctx, SDL_Rect band, const double *e, int k)
{
    const ui_theme *th = ctx->theme;
    double lo = e[0], hi = e[0];
    for (int x = 1; x < k; x++) {
        if (e[x] < lo) lo = e[x];
        if (e[x] > hi) hi = e[x];
    }
    const double span = hi > lo ? hi - lo : 1.0;
    float slot = (float)band.w / k;
    float lw = ui_lw(ctx, 1.0f);
    for (int x = 0; x < k; x++) {
        int h = 1 + (int)((e[x] - lo) / span * (band.h - 1) + 0.5);
        SDL_Rect cell = {band.x + (int)(x * slot), band.y + band.h - h, (int)ceilf(slot), h};
        ui_draw_fill(ctx->r, cell, th->grid);
        ui_draw_line(ctx->r, cell.x, cell.y, cell.x + cell.w, cell.y, lw, th->axis);
        char l0[48], l1[64];
        snprintf(l0, sizeof l0, _("cell %d"), x + 1);
        snprintf(l1, sizeof l1, _("energy E = %.4g"), e[x]);
        ui_hit_add(ctx, (SDL_Rect){cell.x, band.y, cell.w, band.h}, l0, l1, NULL);
    }
    ui_draw_line(ctx->r, band.x, band.y + band.h, band.x + band.w, band.y + band.h, lw, th->axis);
}

/* One chart: paired bars of a (assumed) and, if b is not NULL, b (updated) over k cells,
 * in box, up to y_max; `mark` is a cell to mark under the axis, or -1; `e` the cells'
 * energies, drawn as a profile under the cell numbers, or NULL on a flat ring. */
static void chart(const ui_ctx *ctx, SDL_Rect box, const char *title, const char *when, const double *a,
                  const double *b, int k, double y_max, int mark, const double *e)
{
    const ui_theme *th = ctx->theme;
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    char cut[128];
    ui_text_fit(ctx->text, UI_FONT_LABEL, title, box.w, cut, sizeof cut);
    ui_text_draw(ctx->text, UI_FONT_LABEL, box.x, box.y, UI_ALIGN_LEFT, th->text, cut);
    /* The energies, under the numbers: a sixth of the chart, so the well or the tilt that
     * the heat flows down reads from the back of a room. */
    int band_h = e ? (box.h / 6 > tick_h + ctx->pad / 4 ? box.h / 6 : tick_h + ctx->pad / 4) : 0;
    SDL_Rect plot = {box.x, box.y + lh + ctx->pad / 3, box.w,
                     box.h - lh - ctx->pad / 3 - tick_h - ctx->pad / 3 - band_h};
    if (plot.h < 10 || plot.w < 2 * k) return;
    if (e) energy_profile(ctx, (SDL_Rect){plot.x, box.y + box.h - band_h, plot.w, band_h}, e, k);
    ui_draw_line(ctx->r, plot.x, plot.y + plot.h, plot.x + plot.w, plot.y + plot.h, ui_lw(ctx, 1.0f), th->axis);
    float slot = (float)plot.w / k;
    float bw = b ? slot * 0.4f : slot * 0.7f;
    for (int x = 0; x < k; x++) {
        /* Each cell's column tells its numbers under the pointer. */
        char l0[64], l1[64], l2[64];
        snprintf(l0, sizeof l0, _("cell %d%s, %s"), x + 1, x == mark ? _(" (read)") : "", when);
        snprintf(l1, sizeof l1, _("assumed ρ = %.4f"), a[x]);
        if (b) snprintf(l2, sizeof l2, _("updated ρₘ = %.4f"), b[x]);
        ui_hit_add(ctx, (SDL_Rect){plot.x + (int)(x * slot), plot.y, (int)ceilf(slot), plot.h}, l0, l1, b ? l2 : NULL);
        float x0 = plot.x + x * slot + (slot - (b ? 2 * bw : bw)) / 2.0f;
        double va = fmin(a[x] / y_max, 1.0);
        int ha = (int)(va * plot.h + 0.5);
        ui_draw_fill(ctx->r, (SDL_Rect){(int)x0, plot.y + plot.h - ha, (int)fmaxf(bw, 1.0f), ha}, th->truth);
        if (b) {
            double vb = fmin(b[x] / y_max, 1.0);
            int hb = (int)(vb * plot.h + 0.5);
            ui_draw_fill(ctx->r, (SDL_Rect){(int)(x0 + bw), plot.y + plot.h - hb, (int)fmaxf(bw, 1.0f), hb},
                         th->model);
        }
    }
    /* Cell numbers where they fit: every one, else the first, the marked and the last. */
    char label[16];
    int num_w = ui_text_width(ctx->text, UI_FONT_TICK, "32");
    int every = num_w + ctx->pad / 2 <= slot ? 1 : 0;
    int last_right = plot.x - ctx->pad;
    for (int x = 0; x < k; x++) {
        if (!every && x != 0 && x != k - 1 && x != mark) continue;
        snprintf(label, sizeof label, "%d", x + 1);
        int w = ui_text_width(ctx->text, UI_FONT_TICK, label);
        int lx = (int)(plot.x + (x + 0.5f) * slot) - w / 2;
        if (lx < last_right + ctx->pad / 3 || lx + w > box.x + box.w) continue;
        last_right = lx + w;
        ui_text_draw(ctx->text, UI_FONT_TICK, lx, plot.y + plot.h + ctx->pad / 4, UI_ALIGN_LEFT,
                     x == mark ? th->text : th->text_dim, label);
    }
    if (mark >= 0) {
        float cx = plot.x + (mark + 0.5f) * slot;
        int tick_w = ui_text_width(ctx->text, UI_FONT_TICK, "m");
        ui_text_draw(ctx->text, UI_FONT_TICK, (int)cx - tick_w / 2, plot.y, UI_ALIGN_LEFT, th->text, "m");
        ui_draw_dashed(ctx->r, cx, plot.y + tick_h, cx, plot.y + plot.h, ui_lw(ctx, 1.0f), 3.0f * ctx->scale,
                       3.0f * ctx->scale, th->text_dim);
    }
}

/* The largest value of up to four distributions, rounded up nicely. */
static double top_of(const double *const *d, int count, int k)
{
    double m = 0.0;
    for (int i = 0; i < count; i++)
        for (int x = 0; x < k; x++)
            if (d[i] && d[i][x] > m) m = d[i][x];
    double nice = ui_nice_ceil(m);
    return nice > 0.0 && isfinite(nice) ? nice : 1.0;
}

/* Lines of text from the top of `y`, each the first wording that fits `w`; returns the
 * y after them, or stops before `bottom`. */
static int say(const ui_ctx *ctx, int x, int y, int w, int bottom, SDL_Color colour, const char *const *wordings,
               int n)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    if (y + lh > bottom) return y;
    for (int i = 0; i < n; i++)
        if (ui_text_width(ctx->text, UI_FONT_LABEL, wordings[i]) <= w) {
            ui_text_draw(ctx->text, UI_FONT_LABEL, x, y, UI_ALIGN_LEFT, colour, wordings[i]);
            return y + lh;
        }
    return y;
}

/* Under the charts once a cell was read, on a flat ring: <Q> = 0, the law and the
 * essay's reading of it for zero heat. */
static int say_flat_law(const ui_ctx *ctx, int y, SDL_Rect in, int bottom, const xl_ring_measurement *m,
                        double k_unit, const char *unit)
{
    const ui_theme *th = ctx->theme;
    const double diff = m->ce_final - m->ce_initial;
    const int holds = diff >= -1e-12;
    char c[200], c2[160], c3[120];
    snprintf(c, sizeof c, _("%s %.4f ≤ %.4f: ⟨Q⟩ = 0 (symmetric hops), and the cross-entropy grew by %.4f %s"),
             holds ? "✓" : "✗", m->ce_initial * k_unit, m->ce_final * k_unit, diff * k_unit, unit);
    snprintf(c2, sizeof c2, _("%s %.4f ≤ %.4f with ⟨Q⟩ = 0: grew by %.4f %s"), holds ? "✓" : "✗",
             m->ce_initial * k_unit, m->ce_final * k_unit, diff * k_unit, unit);
    snprintf(c3, sizeof c3, "%s %.4f ≤ %.4f, ⟨Q⟩ = 0 (+%.4f)", holds ? "✓" : "✗", m->ce_initial * k_unit,
             m->ce_final * k_unit, diff * k_unit);
    const char *check[3] = {c, c2, c3};
    y = say(ctx, in.x, y, in.w, bottom, holds ? th->inherent : th->surprise, check, 3);
    /* The essay (000) for zero heat: what being told the true microstate would teach, in
     * two lines so that neither half is dropped where the panel is narrow. */
    const char *what[3] = {
        _("H(ρₘ, ρ): the expected surprise of one who assumed ρ, told the true cell (the microstate) drawn from ρₘ"),
        _("H(ρₘ, ρ): the surprise of assumed ρ when told the true cell, drawn from ρₘ"),
        _("H(ρₘ, ρ): surprise when told the true cell"),
    };
    y = say(ctx, in.x, y, in.w, bottom, th->text, what, 3);
    const char *when[3] = {
        _("With no heat, being told the microstate teaches more at the reading than at the start."),
        _("no heat: being told it teaches more at the reading than at the start"),
        _("no heat: it teaches more at the reading"),
    };
    return say(ctx, in.x, y, in.w, bottom, th->text, when, 3);
}

/* The same with energies: <Q>, then the law with its heat term. */
static int say_heat_law(const ui_ctx *ctx, int y, SDL_Rect in, int bottom, const xl_ring_measurement *m,
                        double k_unit, const char *unit)
{
    const ui_theme *th = ctx->theme;
    char q[200], q2[160], q3[96];
    const int out = m->heat >= 0.0; /* whole sentences: the verb's place differs by language */
    snprintf(q, sizeof q,
             out ? _("⟨Q⟩ = %+.4f %s: heat released to the surroundings (in k_B T), expected over the updated paths")
                 : _("⟨Q⟩ = %+.4f %s: heat taken from the surroundings (in k_B T), expected over the updated paths"),
             m->heat * k_unit, unit);
    snprintf(q2, sizeof q2,
             out ? _("⟨Q⟩ = %+.4f %s: heat released to the surroundings") : _("⟨Q⟩ = %+.4f %s: heat taken from the surroundings"),
             m->heat * k_unit, unit);
    snprintf(q3, sizeof q3, "⟨Q⟩ = %+.4f %s", m->heat * k_unit, unit);
    const char *heat[3] = {q, q2, q3};
    y = say(ctx, in.x, y, in.w, bottom, th->text, heat, 3);
    const int holds = m->law >= -1e-12;
    const char *mark = holds ? "✓" : "✗", *cmp = holds ? "≥ 0" : "< 0";
    /* The sum with the two cross-entropies above it and <Q>, its sign a true minus. */
    char sum[96];
    snprintf(sum, sizeof sum, "%.4f − %.4f %s %.4f = %.4f", m->ce_final * k_unit, m->ce_initial * k_unit,
             m->heat < 0.0 ? "−" : "+", fabs(m->heat) * k_unit, m->law * k_unit);
    char c[240], c2[160], c3[120];
    snprintf(c, sizeof c, "%s H(ρₘ(t), ρ(t)) − H(ρₘ(0), ρ(0)) + ⟨Q⟩ = %s %s %s", mark, sum, unit, cmp);
    snprintf(c2, sizeof c2, _("%s law: %s %s"), mark, sum, cmp);
    snprintf(c3, sizeof c3, "%s ΔH + ⟨Q⟩ = %.4f %s", mark, m->law * k_unit, cmp);
    const char *check[3] = {c, c2, c3};
    return say(ctx, in.x, y, in.w, bottom, holds ? th->inherent : th->surprise, check, 3);
}

void ui_diffusion_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s)
{
    const ui_theme *th = ctx->theme;
    SDL_Rect in = ui_panel_begin(ctx, area, _("BAYESIAN SECOND LAW"), _("a measurement, forward and back in time"));
    if (xl_session_scenario(s) != &xl_scenario_diffusion) return;
    const xl_diffusion_state *st = xl_session_state(s);
    const xl_ring_dynamics dyn = xl_diffusion_dynamics(st);
    const int flat = xl_ring_is_flat(&dyn);
    const double *energies = flat ? NULL : st->e;
    const double k_unit = xl_unit_scale(ctx->unit);
    const char *unit = xl_unit_name(ctx->unit);
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int bottom = in.y + in.h + ctx->pad / 2;

    /* Legend. */
    int x = in.x;
    x += ui_legend_item(ctx, x, in.y, th->truth, 0, _("assumed ρ"));
    if (st->measured) { /* the long key where it fits in the panel, else the symbol */
        const char *key = _("updated ρₘ after reading cell m");
        int room = in.x + in.w - 2 * lh - (flat ? 0 : ui_text_width(ctx->text, UI_FONT_LABEL, _("energy E")) + 2 * lh);
        if (x + ui_text_width(ctx->text, UI_FONT_LABEL, key) > room) key = _("updated ρₘ");
        x += ui_legend_item(ctx, x, in.y, th->model, 0, key);
    }
    if (!flat) ui_legend_item(ctx, x, in.y, th->axis, 0, _("energy E"));
    int y = in.y + lh + ctx->pad / 2;

    /* Text under the charts: four lines once a cell was read (five on a flat ring, with
     * the reading), three before. */
    int text_h = (st->measured ? (flat ? 5 : 4) : 3) * lh + ctx->pad / 2;
    int chart_h = in.y + in.h - y - text_h;
    int gap = ctx->pad * 2;
    int chart_w = (in.w - gap) / 2;
    char left_title[96], right_title[96];
    const int k = st->k;
    if (st->measured) {
        const xl_ring_measurement *m = &st->meas;
        const double *all[4] = {m->rho_i, m->upd_i, m->rho_f, m->upd_f};
        double y_max = top_of(all, 4, k);
        snprintf(left_title, sizeof left_title, _("at the start, t = 0"));
        snprintf(right_title, sizeof right_title, _("at the reading, t = %ld"), m->t);
        if (chart_h > 3 * lh) {
            chart(ctx, (SDL_Rect){in.x, y, chart_w, chart_h}, left_title, "t = 0", m->rho_i, m->upd_i, k, y_max, -1,
                  energies);
            chart(ctx, (SDL_Rect){in.x + chart_w + gap, y, chart_w, chart_h}, right_title, _("at the reading"), m->rho_f,
                  m->upd_f, k, y_max, m->cell, energies);
            y += chart_h + ctx->pad / 2;
        }
        char a[160], b[160];
        snprintf(a, sizeof a, "H(ρₘ(0), ρ(0)) = %.4f %s", m->ce_initial * k_unit, unit);
        snprintf(b, sizeof b, "H(ρₘ(t), ρ(t)) = %.4f %s", m->ce_final * k_unit, unit);
        int ty = y;
        if (ty + lh <= bottom) {
            /* Each under its chart: without the unit where the type (sized for the room)
             * makes the full form wider than the chart, cut only as a last resort. */
            if (ui_text_width(ctx->text, UI_FONT_LABEL, a) > chart_w + gap / 2 ||
                ui_text_width(ctx->text, UI_FONT_LABEL, b) > chart_w) {
                snprintf(a, sizeof a, "H(ρₘ(0), ρ(0)) = %.4f", m->ce_initial * k_unit);
                snprintf(b, sizeof b, "H(ρₘ(t), ρ(t)) = %.4f", m->ce_final * k_unit);
            }
            char fa[160], fb[160];
            ui_text_fit(ctx->text, UI_FONT_LABEL, a, chart_w + gap / 2, fa, sizeof fa);
            ui_text_fit(ctx->text, UI_FONT_LABEL, b, in.x + in.w - (in.x + chart_w + gap), fb, sizeof fb);
            ui_text_draw(ctx->text, UI_FONT_LABEL, in.x, ty, UI_ALIGN_LEFT, th->text, fa);
            ui_text_draw(ctx->text, UI_FONT_LABEL, in.x + chart_w + gap, ty, UI_ALIGN_LEFT, th->text, fb);
            y += lh;
        }
        y = flat ? say_flat_law(ctx, y, in, bottom, m, k_unit, unit) : say_heat_law(ctx, y, in, bottom, m, k_unit, unit);
        char d[200], d2[160];
        const char *cells = m->width == 1.0 ? _("cell") : _("cells");
        /* The detector is a Gaussian likelihood P(m | x) around the cell read, its σ the
         * width: not a window of that many cells. */
        snprintf(d, sizeof d, _("m = cell %d, read by a detector of Gaussian blur σ = %.3g %s; P(m) = %.4g under ρ(t)"),
                 m->cell + 1, m->width, cells, m->p_m);
        snprintf(d2, sizeof d2, _("m = cell %d, detector σ %.3g %s, P(m) = %.3g"), m->cell + 1, m->width, cells, m->p_m);
        const char *det[2] = {d, d2};
        say(ctx, in.x, y, in.w, bottom, th->text_dim, det, 2);
        return;
    }
    const double *all[2] = {st->rho0, st->c.p};
    double y_max = top_of(all, 2, k);
    snprintf(right_title, sizeof right_title, _("now, t = %ld"), st->t);
    if (chart_h > 3 * lh) {
        chart(ctx, (SDL_Rect){in.x, y, chart_w, chart_h}, _("at the start, ρ(0)"), "t = 0", st->rho0, NULL, k, y_max, -1,
              energies);
        chart(ctx, (SDL_Rect){in.x + chart_w + gap, y, chart_w, chart_h}, right_title, _("now"), st->c.p, NULL, k, y_max,
              xl_session_selected(s), energies);
        y += chart_h + ctx->pad / 2;
    }
    char sel[160], sel2[120];
    const char *cells = st->detector == 1.0 ? _("cell") : _("cells");
    if (ctx->no_keys) { /* a video: nobody presses Enter */
        snprintf(sel, sizeof sel, _("Cell %d is the one to measure (detector blur σ = %.3g %s)."),
                 xl_session_selected(s) + 1, st->detector, cells);
        snprintf(sel2, sizeof sel2, _("Cell %d to measure (detector σ %.3g %s)"), xl_session_selected(s) + 1,
                 st->detector, cells);
    } else {
        snprintf(sel, sizeof sel, _("Select a cell (now %d) and press Enter to measure it (detector blur σ = %.3g %s)."),
                 xl_session_selected(s) + 1, st->detector, cells);
        snprintf(sel2, sizeof sel2, _("Enter measures cell %d (detector σ %.3g %s)"), xl_session_selected(s) + 1,
                 st->detector, cells);
    }
    const char *how[2] = {sel, sel2};
    y = say(ctx, in.x, y, in.w, bottom, th->text, how, 2);
    if (flat) {
        const char *law[3] = {
            _("For every reading m:  H(ρₘ(t), ρ(t)) ≥ H(ρₘ(0), ρ(0))  (symmetric dynamics, no heat)"),
            _("For every reading m:  H(ρₘ(t), ρ(t)) ≥ H(ρₘ(0), ρ(0))"),
            "H(ρₘ(t), ρ(t)) ≥ H(ρₘ(0), ρ(0))",
        };
        y = say(ctx, in.x, y, in.w, bottom, th->text_dim, law, 3);
        const char *why[2] = {
            _("evolution raises the cross-entropy between what we learn and what we assumed"),
            _("evolution raises this cross-entropy"),
        };
        say(ctx, in.x, y, in.w, bottom, th->text_dim, why, 2);
        return;
    }
    const char *law[3] = {
        _("For every reading m:  H(ρₘ(t), ρ(t)) − H(ρₘ(0), ρ(0)) + ⟨Q⟩ ≥ 0  (⟨Q⟩: heat released)"),
        _("For every reading m:  H(ρₘ(t), ρ(t)) − H(ρₘ(0), ρ(0)) + ⟨Q⟩ ≥ 0"),
        "H(ρₘ(t), ρ(t)) − H(ρₘ(0), ρ(0)) + ⟨Q⟩ ≥ 0",
    };
    y = say(ctx, in.x, y, in.w, bottom, th->text_dim, law, 3);
    char e1[200], e2[140], e3[96];
    snprintf(e1, sizeof e1, _("energies %s, β = %.3g: a hop up by ΔE is accepted with e^(−βΔE); ρ ends at π ∝ e^(−βE)"),
             xl_diffusion_energy_name(st->energy), st->beta);
    snprintf(e2, sizeof e2, _("energies %s, β = %.3g: ρ ends at π ∝ e^(−βE)"), xl_diffusion_energy_name(st->energy),
             st->beta);
    snprintf(e3, sizeof e3, _("energies %s, β = %.3g"), xl_diffusion_energy_name(st->energy), st->beta);
    const char *ends[3] = {e1, e2, e3};
    say(ctx, in.x, y, in.w, bottom, th->text_dim, ends, 3);
}

const ui_own_panel ui_diffusion_own_panel = {.scenario = &xl_scenario_diffusion, .draw_side = ui_diffusion_panel_draw};
