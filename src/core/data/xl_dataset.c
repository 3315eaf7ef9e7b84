/* xl_dataset: parsing, verification, split and standardisation (see xl_dataset.h).
 *
 * The parser walks the bytes line by line and each line field by field (no copy, no NUL
 * needed), so a refusal can name the line and the value it is about. Numbers are a sign,
 * digits and an optional fraction, at most 15 significant digits: the digits make an
 * integer m < 10^15 < 2^53 and the value is m / 10^f with 10^f exact for f <= 22, one
 * correctly rounded division, which is what strtod returns, without strtod's locale.
 */
#include "xl_dataset.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "xl_rng.h"
#include "xl_sha256.h"

static const char *const iris_features[XL_IRIS_FEATURES] = {
    "sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"};

enum { MAX_SIGNIFICANT = 15, MAX_FIELDS = XL_DATASET_FEATURES_MAX + 2 };

static void fail(char *err, size_t errlen, const char *fmt, ...)
{
    if (err == NULL || errlen == 0) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* ---- Lines and fields ---------------------------------------------------------------- */

typedef struct cursor {
    const char *bytes;
    size_t n, pos;
    long line;  /* number of the line last taken, from 1 */
} cursor;

typedef struct span {
    const char *s;
    size_t len;
} span;

/* The next line without its "\n" or "\r\n"; 0 at the end of the bytes. *last is 1 when the
 * line had no newline (the file ends inside it). */
static int next_line(cursor *c, span *out, int *last)
{
    if (c->pos >= c->n) return 0;
    const char *start = c->bytes + c->pos;
    const char *nl = memchr(start, '\n', c->n - c->pos);
    size_t len = nl ? (size_t)(nl - start) : c->n - c->pos;
    c->pos += len + (nl ? 1 : 0);
    *last = nl == NULL;
    if (len > 0 && start[len - 1] == '\r') len--;
    out->s = start;
    out->len = len;
    c->line++;
    return 1;
}

static int is_blank(span l)
{
    for (size_t i = 0; i < l.len; i++)
        if (l.s[i] != ' ' && l.s[i] != '\t' && l.s[i] != '\r') return 0;
    return 1;
}

/* Whether only blank lines are left. */
static int rest_blank(const cursor *c)
{
    for (size_t i = c->pos; i < c->n; i++)
        if (c->bytes[i] != ' ' && c->bytes[i] != '\t' && c->bytes[i] != '\r' && c->bytes[i] != '\n') return 0;
    return 1;
}

/* Split a line at commas into f[0..cap-1]; returns the number of fields (which may be more
 * than cap: the rest are counted, not stored). */
static int split_fields(span l, span *f, int cap)
{
    int count = 0;
    size_t start = 0;
    for (size_t i = 0; i <= l.len; i++) {
        if (i == l.len || l.s[i] == ',') {
            if (count < cap) {
                f[count].s = l.s + start;
                f[count].len = i - start;
            }
            count++;
            start = i + 1;
        }
    }
    return count;
}

/* The field's text for a message: up to 16 bytes, non-printing ones as '?'. */
static void quote(span f, char out[20])
{
    size_t k = 0;
    for (size_t i = 0; i < f.len && k < 16; i++)
        out[k++] = (f.s[i] >= 0x20 && f.s[i] < 0x7f) ? f.s[i] : '?';
    if (f.len > 16) out[k - 1] = '~';
    out[k] = '\0';
}

/* A decimal number (see the top of the file); 0 and *v, or -1. */
static int parse_number(span f, double *v)
{
    static const double pow10[MAX_SIGNIFICANT + 8] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    size_t i = 0;
    int negative = 0;
    if (i < f.len && (f.s[i] == '-' || f.s[i] == '+')) negative = f.s[i++] == '-';
    uint64_t m = 0;
    int significant = 0, digits = 0, frac = 0, point = 0;
    for (; i < f.len; i++) {
        char ch = f.s[i];
        if (ch == '.' && !point) {
            point = 1;
            continue;
        }
        if (ch < '0' || ch > '9') return -1;
        digits++;
        if (point) frac++;
        if (m == 0 && ch == '0') {
            if (frac > (int)(sizeof pow10 / sizeof pow10[0]) - 1) return -1;
            continue;  /* a leading zero is not significant */
        }
        if (++significant > MAX_SIGNIFICANT || frac > (int)(sizeof pow10 / sizeof pow10[0]) - 1) return -1;
        m = m * 10u + (uint64_t)(ch - '0');
    }
    if (digits == 0) return -1;
    double x = (double)m / pow10[frac];
    *v = negative ? -x : x;
    return 0;
}

/* A whole number in [lo, hi] written without a fraction ("3", not "3.0"): 0 and *v; -1 with
 * the reason in err (after "line L: "). what names it ("class", "value 7"). */
static int parse_whole(span f, long line, const char *what, int lo, int hi, int *v, char *err, size_t errlen)
{
    char q[20];
    quote(f, q);
    double x = 0.0;
    if (f.len == 0) {
        fail(err, errlen, "line %ld: %s is empty", line, what);
        return -1;
    }
    if (parse_number(f, &x) != 0) {
        fail(err, errlen, "line %ld: %s \"%s\" is not a number", line, what, q);
        return -1;
    }
    if (memchr(f.s, '.', f.len) != NULL || x != floor(x)) {
        fail(err, errlen, "line %ld: %s \"%s\" is not a whole number", line, what, q);
        return -1;
    }
    if (x < lo || x > hi) {
        fail(err, errlen, "line %ld: %s = %s out of range %d..%d", line, what, q, lo, hi);
        return -1;
    }
    *v = (int)x;
    return 0;
}

static const char *cut_note(int last) { return last ? " (the file ends inside this line: cut short?)" : ""; }

/* ---- The two formats ----------------------------------------------------------------- */

int xl_dataset_parse_iris(const char *bytes, size_t n, xl_dataset *out, char *err, size_t errlen)
{
    assert(out != NULL && (bytes != NULL || n == 0));
    cursor c = {bytes, n, 0, 0};
    span l = {NULL, 0}, f[MAX_FIELDS];
    int last = 0;
    if (!next_line(&c, &l, &last)) {
        fail(err, errlen, "line 1: the file is empty; expected a header \"rows,features,class names\"");
        return -1;
    }
    int nf = split_fields(l, f, MAX_FIELDS);
    if (nf < 3) {
        fail(err, errlen, "line 1: %d values in the header, expected rows, features and class names", nf);
        return -1;
    }
    int rows = 0, features = 0;
    if (parse_whole(f[0], 1, "the header's row count", 1, XL_DATASET_ROWS_MAX, &rows, err, errlen) != 0 ||
        parse_whole(f[1], 1, "the header's feature count", XL_IRIS_FEATURES, XL_IRIS_FEATURES, &features, err,
                    errlen) != 0)
        return -1;
    int k = nf - 2;
    if (k > XL_DATASET_CLASSES_MAX) {
        fail(err, errlen, "line 1: %d class names, at most %d", k, XL_DATASET_CLASSES_MAX);
        return -1;
    }
    memset(out->class_names, 0, sizeof out->class_names);
    memset(out->feature_names, 0, sizeof out->feature_names);
    for (int j = 0; j < k; j++) {
        span name = f[2 + j];
        if (name.len == 0 || name.len >= XL_DATASET_NAME_MAX) {
            fail(err, errlen, "line 1: class name %d is %s (1 to %d characters)", j + 1,
                 name.len == 0 ? "empty" : "too long", XL_DATASET_NAME_MAX - 1);
            return -1;
        }
        for (size_t i = 0; i < name.len; i++)
            if (name.s[i] < 0x20 || name.s[i] >= 0x7f) {
                fail(err, errlen, "line 1: class name %d has a character that is not printable ASCII", j + 1);
                return -1;
            }
        memcpy(out->class_names[j], name.s, name.len);
    }
    for (int j = 0; j < XL_IRIS_FEATURES; j++) snprintf(out->feature_names[j], XL_DATASET_NAME_MAX, "%s", iris_features[j]);
    out->n = rows;
    out->d = features;
    out->k = k;
    for (int r = 0; r < rows; r++) {
        if (!next_line(&c, &l, &last)) {
            fail(err, errlen, "line %ld: the file ends after %d rows; the header counts %d", c.line + 1, r, rows);
            return -1;
        }
        if (is_blank(l)) {
            fail(err, errlen, "line %ld: empty line, expected row %d of %d", c.line, r + 1, rows);
            return -1;
        }
        nf = split_fields(l, f, MAX_FIELDS);
        if (nf != features + 1) {
            fail(err, errlen, "line %ld: %d values, expected %d%s", c.line, nf, features + 1, cut_note(last));
            return -1;
        }
        for (int j = 0; j < features; j++) {
            double v = 0.0;
            char q[20];
            quote(f[j], q);
            if (f[j].len == 0) {
                fail(err, errlen, "line %ld: value %d is empty", c.line, j + 1);
                return -1;
            }
            if (parse_number(f[j], &v) != 0) {
                fail(err, errlen, "line %ld: value %d \"%s\" is not a number", c.line, j + 1, q);
                return -1;
            }
            if (!(v >= 0.0 && v <= 1000.0)) {
                fail(err, errlen, "line %ld: value %d (%s) out of range 0..1000 cm", c.line, j + 1, q);
                return -1;
            }
            out->x[(size_t)r * (size_t)features + (size_t)j] = v;
        }
        if (parse_whole(f[features], c.line, "class", 0, k - 1, &out->y[r], err, errlen) != 0) return -1;
    }
    if (!rest_blank(&c)) {
        fail(err, errlen, "line %ld: more rows than the %d the header counts", c.line + 1, rows);
        return -1;
    }
    return 0;
}

int xl_dataset_parse_digits(const char *bytes, size_t n, int rows, xl_dataset *out, char *err, size_t errlen)
{
    assert(out != NULL && (bytes != NULL || n == 0) && rows >= 0 && rows <= XL_DATASET_ROWS_MAX);
    enum { VALUES = XL_DIGITS_FEATURES + 1 };
    cursor c = {bytes, n, 0, 0};
    span l = {NULL, 0}, f[MAX_FIELDS];
    int last = 0, r = 0;
    out->d = XL_DIGITS_FEATURES;
    out->k = XL_DIGITS_CLASSES;
    memset(out->class_names, 0, sizeof out->class_names);
    memset(out->feature_names, 0, sizeof out->feature_names);
    for (int j = 0; j < XL_DIGITS_CLASSES; j++) snprintf(out->class_names[j], XL_DATASET_NAME_MAX, "%d", j);
    for (int j = 0; j < XL_DIGITS_FEATURES; j++)
        snprintf(out->feature_names[j], XL_DATASET_NAME_MAX, "pixel %d,%d", j / XL_DIGITS_SIDE, j % XL_DIGITS_SIDE);
    while (rows == 0 || r < rows) {
        if (!next_line(&c, &l, &last)) break;
        if (is_blank(l)) {
            if (rows == 0 && rest_blank(&c)) break;
            fail(err, errlen, "line %ld: empty line, expected an image of %d values", c.line, VALUES);
            return -1;
        }
        if (r >= XL_DATASET_ROWS_MAX) {
            fail(err, errlen, "line %ld: more than %d rows", c.line, XL_DATASET_ROWS_MAX);
            return -1;
        }
        int nf = split_fields(l, f, MAX_FIELDS);
        if (nf != VALUES) {
            fail(err, errlen, "line %ld: %d values, expected %d%s", c.line, nf, VALUES, cut_note(last));
            return -1;
        }
        for (int j = 0; j < XL_DIGITS_FEATURES; j++) {
            char what[32];
            int v = 0;
            snprintf(what, sizeof what, "value %d", j + 1);
            if (parse_whole(f[j], c.line, what, 0, 16, &v, err, errlen) != 0) return -1;
            out->x[(size_t)r * XL_DIGITS_FEATURES + (size_t)j] = v;
        }
        if (parse_whole(f[XL_DIGITS_FEATURES], c.line, "digit", 0, XL_DIGITS_CLASSES - 1, &out->y[r], err, errlen) != 0)
            return -1;
        r++;
    }
    if (r == 0) {
        fail(err, errlen, "line 1: the file is empty; expected images of %d values a line", VALUES);
        return -1;
    }
    if (rows > 0 && r < rows) {
        fail(err, errlen, "line %ld: the file ends after %d rows; expected %d", c.line + 1, r, rows);
        return -1;
    }
    if (!rest_blank(&c)) {
        fail(err, errlen, "line %ld: more rows than the %d expected", c.line + 1, rows);
        return -1;
    }
    out->n = r;
    return 0;
}

/* ---- Verification -------------------------------------------------------------------- */

int xl_dataset_verify(const void *bytes, size_t n, const char *sha256_hex, char *err, size_t errlen)
{
    assert((bytes != NULL || n == 0) && sha256_hex != NULL);
    char found[XL_SHA256_HEX];
    xl_sha256_hex(bytes, n, found);
    int same = strlen(sha256_hex) == 64;
    for (int i = 0; same && i < 64; i++) {
        char e = sha256_hex[i];
        if (e >= 'A' && e <= 'F') e = (char)(e - 'A' + 'a');
        same = e == found[i];
    }
    if (same) return 0;
    /* Short enough for the session's message line with a path in front: the first 12 hex
     * digits of each say which file this is (assets/data/README.md has the whole values). */
    fail(err, errlen, "checksum differs: the file was changed or damaged (SHA-256 %.12s..., expected %.12s...)", found,
         sha256_hex);
    return -1;
}

int xl_dataset_read(xl_dataset_format format, const void *bytes, size_t n, const char *name, const char *sha256_hex,
                    xl_dataset *out, char *err, size_t errlen)
{
    assert(out != NULL);
    if (name == NULL) name = format == XL_DATASET_IRIS ? XL_IRIS_FILE : XL_DIGITS_FILE;
    char why[512] = "";
    int rc = 0;
    if (bytes == NULL) {
        fail(err, errlen, "%s: not found", name);
        return -1;
    }
    if (format == XL_DATASET_IRIS)
        rc = xl_dataset_parse_iris(bytes, n, out, why, sizeof why);
    else
        rc = xl_dataset_parse_digits(bytes, n, XL_DIGITS_ROWS, out, why, sizeof why);
    if (rc == 0 && sha256_hex != NULL) rc = xl_dataset_verify(bytes, n, sha256_hex, why, sizeof why);
    if (rc != 0) fail(err, errlen, "%s: %s", name, why);
    return rc;
}

/* ---- Split --------------------------------------------------------------------------- */

/* Class c's generator: the seed moved by c golden-ratio steps (splitmix64's own
 * increment), so classes draw from unrelated streams and class c's shuffle depends only on
 * the seed and its own rows. */
static xl_rng class_rng(uint64_t seed, int c)
{
    return xl_rng_make(seed + UINT64_C(0x9E3779B97F4A7C15) * (uint64_t)(c + 1) * UINT64_C(0x100000001));
}

int xl_dataset_split(const xl_dataset *d, double train_frac, uint64_t seed, int *train_idx, int *n_train, int *test_idx,
                     int *n_test)
{
    assert(d != NULL && train_idx != NULL && n_train != NULL && test_idx != NULL && n_test != NULL);
    if (!(train_frac >= 0.0 && train_frac <= 1.0)) return -1;
    int rows[XL_DATASET_ROWS_MAX];
    int ntr = 0, nte = 0;
    for (int c = 0; c < d->k; c++) {
        int m = 0;
        for (int i = 0; i < d->n; i++)
            if (d->y[i] == c) rows[m++] = i;
        xl_rng rng = class_rng(seed, c);
        for (int i = m - 1; i > 0; i--) {
            int j = (int)(xl_rng_next(&rng) % (uint64_t)(i + 1));
            int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
        int take = (int)round(train_frac * m);
        if (take > m) take = m;
        for (int i = 0; i < m; i++) {
            if (i < take)
                train_idx[ntr++] = rows[i];
            else
                test_idx[nte++] = rows[i];
        }
    }
    *n_train = ntr;
    *n_test = nte;
    return 0;
}

int xl_dataset_take_per_class(const xl_dataset *d, const int *idx, int n, int m, int *out)
{
    assert(d != NULL && (idx != NULL || n == 0) && (out != NULL || n == 0));
    int seen[XL_DATASET_CLASSES_MAX] = {0};
    int kept = 0;
    for (int i = 0; i < n; i++) {
        int c = d->y[idx[i]];
        assert(c >= 0 && c < XL_DATASET_CLASSES_MAX);
        if (seen[c] < m) {
            seen[c]++;
            out[kept++] = idx[i];  /* kept <= i: writing in place is safe */
        }
    }
    return kept;
}

void xl_dataset_class_counts(const xl_dataset *d, const int *idx, int n, int *counts)
{
    assert(d != NULL && counts != NULL);
    for (int c = 0; c < d->k; c++) counts[c] = 0;
    for (int i = 0; i < n; i++) counts[d->y[idx[i]]]++;
}

/* ---- Standardisation ----------------------------------------------------------------- */

int xl_dataset_scaler_fit(const xl_dataset *d, const int *train_idx, int n_train, xl_dataset_scaler *out)
{
    assert(d != NULL && out != NULL && (train_idx != NULL || n_train < 1));
    if (n_train < 1) return -1;
    out->d = d->d;
    for (int j = 0; j < d->d; j++) {
        /* Two passes (the mean, then the squared deviations from it) rather than
         * E[x^2] - E[x]^2, which cancels badly when the spread is small against the mean. */
        double first = d->x[(size_t)train_idx[0] * (size_t)d->d + (size_t)j];
        double sum = 0.0;
        int constant = 1;
        for (int i = 0; i < n_train; i++) {
            double v = d->x[(size_t)train_idx[i] * (size_t)d->d + (size_t)j];
            sum += v;
            constant &= v == first;
        }
        if (constant) {
            /* Every train value equal: the mean is that value exactly (sum / n may not be),
             * so the feature centres to exactly 0, and it is not scaled. */
            out->mean[j] = first;
            out->scale[j] = 1.0;
            out->constant[j] = 1;
            continue;
        }
        double mean = sum / n_train, ss = 0.0;
        for (int i = 0; i < n_train; i++) {
            double e = d->x[(size_t)train_idx[i] * (size_t)d->d + (size_t)j] - mean;
            ss += e * e;
        }
        out->mean[j] = mean;
        out->scale[j] = sqrt(ss / n_train);
        out->constant[j] = 0;
    }
    for (int j = d->d; j < XL_DATASET_FEATURES_MAX; j++) {
        out->mean[j] = 0.0;
        out->scale[j] = 1.0;
        out->constant[j] = 0;
    }
    return 0;
}

void xl_dataset_scaler_apply(const xl_dataset_scaler *s, const double *row, double *out)
{
    assert(s != NULL && row != NULL && out != NULL);
    for (int j = 0; j < s->d; j++) out[j] = (row[j] - s->mean[j]) / s->scale[j];
}

int xl_dataset_standardize(xl_dataset *d, const int *train_idx, int n_train, xl_dataset_scaler *scaler)
{
    xl_dataset_scaler s;
    if (xl_dataset_scaler_fit(d, train_idx, n_train, &s) != 0) return -1;
    for (int i = 0; i < d->n; i++) {
        double *row = d->x + (size_t)i * (size_t)d->d;
        xl_dataset_scaler_apply(&s, row, row);
    }
    if (scaler) *scaler = s;
    return 0;
}
