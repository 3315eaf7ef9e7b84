/* xl_dataset: a labelled data set parsed from the bytes of a CSV file, its seeded
 * stratified train/test split and its standardisation on the train part.
 *
 * Pure C11, no I/O: the app reads the file (ui_assets.c, xl_scenario_data) and hands the
 * bytes over; these functions parse them into caller storage of a fixed size. The two
 * formats are the ones Debian's python3-sklearn ships (assets/data/README.md):
 *   iris.csv    a header "150,4,setosa,versicolor,virginica" (row count, feature count,
 *               class names), then one row a line: 4 measurements in cm, the class index.
 *   digits.csv  no header; one 8x8 image a line: 64 pixel counts 0..16 row by row, then
 *               the digit 0..9 (65 whole numbers).
 * Numbers are read by hand ("5.1" = 51 / 10, one correctly rounded division: the same
 * double strtod gives, without its dependence on the locale). Lines end in "\n" or
 * "\r\n"; the last one may lack its newline.
 *
 * Errors: every refusal returns -1 and writes one sentence into err[errlen] (may be
 * NULL), starting with the line it is about: "line 37: 4 values, expected 5". The caller
 * puts the file's path in front (xl_dataset_read does, with the name it is given).
 */
#ifndef XL_DATASET_H
#define XL_DATASET_H

#include <stddef.h>
#include <stdint.h>

enum {
    XL_DATASET_ROWS_MAX = 2048,
    XL_DATASET_FEATURES_MAX = 64,
    XL_DATASET_CLASSES_MAX = 10,
    XL_DATASET_NAME_MAX = 24,   /* bytes of a class or feature name, with its NUL */
    XL_IRIS_ROWS = 150,
    XL_IRIS_FEATURES = 4,
    XL_IRIS_CLASSES = 3,
    XL_DIGITS_ROWS = 1797,
    XL_DIGITS_FEATURES = 64,
    XL_DIGITS_CLASSES = 10,
    XL_DIGITS_SIDE = 8          /* feature r * 8 + c is pixel (r, c), row r from the top */
};

/* SHA-256 of the shipped files (assets/data/README.md gives the same values and how to
 * re-extract the files from the Debian package). One place holds them: a scenario passes
 * them to xl_dataset_read. */
#define XL_IRIS_FILE "iris.csv"
#define XL_DIGITS_FILE "digits.csv"
#define XL_IRIS_SHA256 "f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449"
#define XL_DIGITS_SHA256 "6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8"
/* The sentence the CC BY 4.0 licence of the digits asks for: shown wherever the program
 * shows that data (its panel or help, the end of an exported video). */
#define XL_DIGITS_ATTRIBUTION \
    "Digits: E. Alpaydin and C. Kaynak (1998), Optical Recognition of Handwritten Digits, " \
    "UCI Machine Learning Repository, doi:10.24432/C50P49, CC BY 4.0."
/* Fisher's iris is in the public domain; credited all the same. */
/* The same in a line: the strip under a focused panel and the end of a video. */
#define XL_DIGITS_CREDIT "Digits: E. Alpaydin and C. Kaynak (1998), UCI ML Repository, CC BY 4.0"
#define XL_IRIS_ATTRIBUTION "Iris: R. A. Fisher (1936), measurements by E. Anderson; public domain."
/* The compressed original in the package (digits.csv.gz), for the record only. */
#define XL_DIGITS_GZ_SHA256 "46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a"

/* The data set: n rows of d features and a label each, k classes. Plain data with no
 * pointers (about 1.1 MB), so a scenario's state may hold it and a snapshot copies it;
 * all storage is the caller's: in a state or static storage, never a local variable (the
 * web build's stack is small). Parsing the digits takes about 2 ms and their checksum
 * about 2 ms on the development machine, so init may do both each time. */
typedef struct xl_dataset {
    int n;                      /* rows, 1..XL_DATASET_ROWS_MAX */
    int d;                      /* features, 1..XL_DATASET_FEATURES_MAX */
    int k;                      /* classes, 1..XL_DATASET_CLASSES_MAX */
    char class_names[XL_DATASET_CLASSES_MAX][XL_DATASET_NAME_MAX];   /* "setosa"; digits "0".."9" */
    char feature_names[XL_DATASET_FEATURES_MAX][XL_DATASET_NAME_MAX];/* sklearn's "sepal length (cm)";
                                                                     * digits "pixel 0,0" (row, column) */
    double x[XL_DATASET_ROWS_MAX * XL_DATASET_FEATURES_MAX];          /* row-major: x[i * d + j] */
    int y[XL_DATASET_ROWS_MAX];                                       /* labels 0..k-1 */
} xl_dataset;

/* Row i's d features (borrowed from d; valid while d is). */
static inline const double *xl_dataset_row(const xl_dataset *d, int i) { return d->x + (size_t)i * (size_t)d->d; }

/* ---- Parsing ----------------------------------------------------------------------- */

/* Parse sklearn's iris.csv from bytes[0..n-1] (no NUL needed) into *out. The header must
 * give 1..XL_DATASET_ROWS_MAX rows, XL_IRIS_FEATURES features and 1..XL_DATASET_CLASSES_MAX
 * class names (each 1..23 bytes); then exactly that many rows of 4 numbers (finite,
 * 0..1000 cm) and a whole class index 0..k-1. Refused, with the line: a row with too few
 * or too many values, a value that is not a number, one out of range, fewer or more rows
 * than the header counts. Returns 0, or -1 with err; *out is undefined after -1. */
int xl_dataset_parse_iris(const char *bytes, size_t n, xl_dataset *out, char *err, size_t errlen);

/* Parse sklearn's digits.csv (decompressed) from bytes[0..n-1] into *out: rows of 64
 * whole pixel counts 0..16 and a digit 0..9. rows: the number of rows the file must hold
 * (XL_DIGITS_ROWS for the shipped file; a short file says so), or 0 for any count from 1
 * to XL_DATASET_ROWS_MAX. Returns 0, or -1 with err as for iris. */
int xl_dataset_parse_digits(const char *bytes, size_t n, int rows, xl_dataset *out, char *err, size_t errlen);

/* Whether bytes[0..n-1] have the SHA-256 sha256_hex (64 hex digits, either case).
 * Returns 0, or -1 with "checksum differs: the file was changed or damaged (SHA-256
 * 1a2b3c4d5e6f..., expected f13ffa8fdd56...)" in err. */
int xl_dataset_verify(const void *bytes, size_t n, const char *sha256_hex, char *err, size_t errlen);

typedef enum xl_dataset_format {
    XL_DATASET_IRIS = 0,  /* xl_dataset_parse_iris */
    XL_DATASET_DIGITS     /* xl_dataset_parse_digits with XL_DIGITS_ROWS */
} xl_dataset_format;

/* What a scenario's init calls: parse bytes (NULL: the file was not found: refused with
 * "<name>: not found") in the format, then verify them against sha256_hex (NULL: no
 * check). Parsing comes first so a damaged file names its line when it can; a file that
 * parses but differs (a digit changed) is refused by the checksum. The message starts
 * with name ("data/iris.csv: line 37: 4 values, expected 5"). Returns 0, or -1 with err. */
int xl_dataset_read(xl_dataset_format format, const void *bytes, size_t n, const char *name,
                    const char *sha256_hex, xl_dataset *out, char *err, size_t errlen);

/* ---- The train/test split ---------------------------------------------------------- */

/* A seeded stratified split: for each class c with n_c rows, its rows (in file order)
 * are shuffled (Fisher-Yates, with a generator of its own, xl_rng_make of seed and c, so
 * one class's order does not depend on the others) and the first round(train_frac * n_c)
 * (C's round: halves away from zero) go to train, the rest to test. The same (data, train_frac, seed) always gives the same split; another seed
 * another one.
 * train_idx and test_idx (caller's, each of capacity d->n) receive row indices grouped
 * by class (class 0's first), within a class in the shuffled order; so the first M of a
 * class in train_idx are a random sample of it, and a smaller M keeps a subset of a larger
 * one (xl_dataset_take_per_class). The two lists are disjoint and together hold every row
 * once. train_frac in [0, 1] (0.7 is XL_DATASET_TRAIN_FRAC); returns 0, or -1 when
 * train_frac is outside [0, 1] or not a number. */
#define XL_DATASET_TRAIN_FRAC 0.7
int xl_dataset_split(const xl_dataset *d, double train_frac, uint64_t seed, int *train_idx, int *n_train,
                     int *test_idx, int *n_test);

/* The training-set size control: keep the first m rows of each class of idx[0..n-1] (a
 * list from xl_dataset_split: its order is kept) into out[] (capacity n; out may be idx
 * itself). A class with fewer than m keeps all of its rows. m <= 0 keeps none. Returns how
 * many were kept. */
int xl_dataset_take_per_class(const xl_dataset *d, const int *idx, int n, int m, int *out);

/* How many of idx[0..n-1] have each label: counts[0..d->k-1]. */
void xl_dataset_class_counts(const xl_dataset *d, const int *idx, int n, int *counts);

/* ---- Standardisation on the train part only ---------------------------------------- */

/* x' = (x - mean) / scale per feature, mean and scale fitted on the training rows only
 * (the test rows must not inform the model: the scaler is part of it). scale is the
 * standard deviation with divisor n (as sklearn's StandardScaler), so the train part's x'
 * has mean 0 and standard deviation 1 exactly up to rounding. A feature constant on the
 * train part (every value equal: several digit pixels are always 0) has scale 1: centred,
 * left unscaled, rather than divided by 0. Value type, the caller's. */
typedef struct xl_dataset_scaler {
    int d;
    double mean[XL_DATASET_FEATURES_MAX];
    double scale[XL_DATASET_FEATURES_MAX];   /* > 0; exactly 1 for a constant feature */
    int constant[XL_DATASET_FEATURES_MAX];   /* 1 where the feature is constant on the train part */
} xl_dataset_scaler;

/* Fit on the rows train_idx[0..n_train-1] of d (n_train >= 1). Returns 0, or -1 for
 * n_train < 1. */
int xl_dataset_scaler_fit(const xl_dataset *d, const int *train_idx, int n_train, xl_dataset_scaler *out);
/* One row: out[j] = (row[j] - mean[j]) / scale[j] for j < s->d (out may be row). */
void xl_dataset_scaler_apply(const xl_dataset_scaler *s, const double *row, double *out);
/* The usual call: fit on the train rows, then standardise every row of d in place (train
 * and test, with the train part's mean and scale); *scaler (may be NULL) receives them,
 * so raw values can be recovered (x = x' * scale + mean). Returns 0, or -1 for
 * n_train < 1 (d unchanged). */
int xl_dataset_standardize(xl_dataset *d, const int *train_idx, int n_train, xl_dataset_scaler *scaler);

#endif
