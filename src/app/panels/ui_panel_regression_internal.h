/* ui_panel_regression_internal: the regression data panel's two pictures, drawn from
 * plain inputs (numbers, arrays and callbacks) rather than from the scenario's state, so
 * the drawing does not depend on how the state is laid out: ui_panel_regression.c reads
 * the state and fills these; ui_panel_regression_regions.c and
 * ui_panel_regression_digits.c draw them. Not for other modules: ui_panel_regression.h
 * is the panels' API. Everything here is borrowed for the call. */
#ifndef UI_PANEL_REGRESSION_INTERNAL_H
#define UI_PANEL_REGRESSION_INTERNAL_H

#include <SDL.h>

#include "ui_layout.h"
#include "ui_panel.h"
#include "ui_panel_regression.h"

/* One sample as the regions picture shows it. */
typedef struct ui_regression_point {
    double x, y;   /* its values of the two features on the axes, raw units */
    int label;     /* its class */
    int predicted; /* the model's class for the whole sample (all its features) */
    int test;      /* 1: in the test part (a ring), 0: the training part (a disc) */
    int file_row;  /* its row in the data file, from 1 (the pointer's tooltip names it) */
} ui_regression_point;

typedef struct ui_regression_regions_in {
    int classes;                         /* K, 2..UI_REGRESSION_CLASSES_MAX */
    const char *const *class_names;      /* K names */
    const char *x_title, *y_title;       /* the axes' features with their unit: "petal length (cm)" */
    int feature_x, feature_y;            /* for the geometry */
    /* The model's class at the raw point (x, y) of the plane (the other features at
     * the slice), and its max q into *confidence. Must be the model's own arithmetic,
     * so the regions are exact. */
    int (*predict)(const void *user, double x, double y, double *confidence);
    /* Sample i (0..n-1) into *out. */
    void (*sample)(const void *user, int i, ui_regression_point *out);
    const void *user;
    int n;
    int selected;                        /* -1: none */
    /* NULL with two features; else the line saying the plane is a slice, e.g.
     * "slice: sepal length 5.84 cm, sepal width 3.05 cm (the training means)". */
    const char *slice_note;
    const char *slice_note_short;        /* a shorter wording, or NULL */
} ui_regression_regions_in;

typedef struct ui_regression_digits_in {
    int classes;                         /* 10 */
    const double *image;                 /* the selected image's 64 pixels, 0..16, row by row; NULL: none */
    int label, predicted;                /* its classes (-1: none) */
    double q_label, q_predicted;         /* q of each under the model */
    int file_row;                        /* the image's row in the data file, from 1 (0: unknown) */
    /* Template k's weight on pixel p (0..63) is weights[k * stride + p]. NULL: none. */
    const double *weights;
    int stride;
    const char *attribution;             /* the data's attribution sentence; must be shown */
} ui_regression_digits_in;

/* Draw the pictures into `in` (the panel's content box, below its title). claims
 * start empty. geom is filled (never NULL here). */
void ui_regression_regions_draw(const ui_ctx *ctx, SDL_Rect in, const ui_regression_regions_in *v,
                                ui_claims *claims, ui_regression_geom *g);
void ui_regression_digits_draw(const ui_ctx *ctx, SDL_Rect in, const ui_regression_digits_in *v,
                               ui_claims *claims, ui_regression_geom *g);

/* The value at the centre of cell i (column) or j (row) of the regions' plot, as the
 * geometry comment in ui_panel_regression.h defines it. */
double ui_regression_cell_x(const ui_regression_geom *g, int i);
double ui_regression_cell_y(const ui_regression_geom *g, int j);

#endif
