/* Tests for the data sets (issue 23): SHA-256 against the FIPS 180-2 vectors and against
 * sha256sum of the shipped files; the two parsers on the real files (Fisher's values of
 * samples 35 and 38, the class counts, the digits' blank corner pixel) and on truncated and
 * corrupted copies (refused, naming the line, or by the checksum); the stratified split
 * (per-class counts round(0.7 n_c), disjoint, covering, deterministic for a seed) and the
 * per-class take; standardisation fitted on the train part only. The files are read from
 * the source tree (DATA_DIR, set by tests/meson.build). */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_dataset.h"
#include "xl_sha256.h"

#ifndef DATA_DIR
#define DATA_DIR "assets/data"
#endif

static const double TOL = 1e-12;

/* The whole file, NUL-terminated (for strstr in the edits), or a failed test. */
static char *slurp(const char *name, size_t *n)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", DATA_DIR, name);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
    long len = ftell(f);
    ck_assert_int_gt(len, 0);
    rewind(f);
    char *b = malloc((size_t)len + 1);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq((long)fread(b, 1, (size_t)len, f), len);
    fclose(f);
    b[len] = '\0';
    *n = (size_t)len;
    return b;
}

/* Big (1.1 MB each): static, not on the stack. */
static xl_dataset iris, digits, work;

static void load_both(void)
{
    size_t n = 0;
    char err[512] = "";
    char *b = slurp(XL_IRIS_FILE, &n);
    ck_assert_msg(xl_dataset_read(XL_DATASET_IRIS, b, n, "iris.csv", XL_IRIS_SHA256, &iris, err, sizeof err) == 0, "%s",
                  err);
    free(b);
    b = slurp(XL_DIGITS_FILE, &n);
    ck_assert_msg(xl_dataset_read(XL_DATASET_DIGITS, b, n, "digits.csv", XL_DIGITS_SHA256, &digits, err, sizeof err) == 0,
                  "%s", err);
    free(b);
}

/* ---- SHA-256 ---- */

START_TEST(sha256_fips_vectors)
{
    char hex[XL_SHA256_HEX];
    xl_sha256_hex("abc", 3, hex);
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    ck_assert_uint_eq(strlen(m448) * 8, 448);
    xl_sha256_hex(m448, strlen(m448), hex);
    ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    xl_sha256_hex("", 0, hex);
    ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    /* A million 'a', fed in pieces of odd sizes (crossing the 64-byte blocks every way). */
    static char a[1000000];
    memset(a, 'a', sizeof a);
    xl_sha256_hex(a, sizeof a, hex);
    ck_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    xl_sha256 s;
    xl_sha256_init(&s);
    size_t at = 0, piece = 1;
    while (at < sizeof a) {
        size_t take = piece < sizeof a - at ? piece : sizeof a - at;
        xl_sha256_update(&s, a + at, take);
        at += take;
        piece = piece * 7 % 131 + 1;
    }
    unsigned char d[XL_SHA256_BYTES];
    xl_sha256_final(&s, d);
    ck_assert_uint_eq(d[0], 0xcd);
    ck_assert_uint_eq(d[31], 0xd0);
    /* Lengths around the padding's edge (55, 56, 63, 64 bytes) against sha256 of 'a'*n. */
    static const struct { size_t n; const char *hex; } edge[] = {
        {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
        {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
        {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
    };
    for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++) {
        xl_sha256_hex(a, edge[i].n, hex);
        ck_assert_msg(strcmp(hex, edge[i].hex) == 0, "'a' x %zu: %s, expected %s", edge[i].n, hex, edge[i].hex);
    }
}
END_TEST

/* The shipped files: our digest, the header's macros and sha256sum's output agree. */
START_TEST(sha256_of_the_shipped_files)
{
    static const struct { const char *file, *sha; } files[] = {{XL_IRIS_FILE, XL_IRIS_SHA256},
                                                               {XL_DIGITS_FILE, XL_DIGITS_SHA256}};
    for (int i = 0; i < 2; i++) {
        size_t n = 0;
        char *b = slurp(files[i].file, &n);
        char hex[XL_SHA256_HEX];
        xl_sha256_hex(b, n, hex);
        ck_assert_msg(strcmp(hex, files[i].sha) == 0, "%s: %s, the header says %s", files[i].file, hex, files[i].sha);
        char err[256] = "";
        ck_assert_int_eq(xl_dataset_verify(b, n, files[i].sha, err, sizeof err), 0);
        free(b);
        char cmd[1200], line[256] = "";
        snprintf(cmd, sizeof cmd, "sha256sum '%s/%s' 2>/dev/null", DATA_DIR, files[i].file);
        FILE *p = popen(cmd, "r");
        if (p != NULL && fgets(line, sizeof line, p) != NULL)
            ck_assert_msg(strncmp(line, hex, 64) == 0, "sha256sum says %.64s, we say %s", line, hex);
        else
            fprintf(stderr, "test_dataset: sha256sum not run; the header's value is checked\n");
        if (p) pclose(p);
    }
}
END_TEST

/* ---- The real files ---- */

START_TEST(iris_as_fisher_published_it)
{
    load_both();
    ck_assert_int_eq(iris.n, 150);
    ck_assert_int_eq(iris.d, 4);
    ck_assert_int_eq(iris.k, 3);
    ck_assert_str_eq(iris.class_names[0], "setosa");
    ck_assert_str_eq(iris.class_names[1], "versicolor");
    ck_assert_str_eq(iris.class_names[2], "virginica");
    ck_assert_str_eq(iris.feature_names[0], "sepal length (cm)");
    ck_assert_str_eq(iris.feature_names[3], "petal width (cm)");
    /* Exactly the doubles the literals are (the parser rounds once, as strtod). */
    const double *r0 = xl_dataset_row(&iris, 0);
    ck_assert(r0[0] == 5.1 && r0[1] == 3.5 && r0[2] == 1.4 && r0[3] == 0.2);
    /* Samples 35 and 38 (rows 34 and 37) as in Fisher's paper, not the UCI file. */
    const double *r34 = xl_dataset_row(&iris, 34), *r37 = xl_dataset_row(&iris, 37);
    ck_assert_msg(r34[0] == 4.9 && r34[1] == 3.1 && r34[2] == 1.5 && r34[3] == 0.2, "sample 35: %g %g %g %g", r34[0],
                  r34[1], r34[2], r34[3]);
    ck_assert_msg(r37[0] == 4.9 && r37[1] == 3.6 && r37[2] == 1.4 && r37[3] == 0.1, "sample 38: %g %g %g %g", r37[0],
                  r37[1], r37[2], r37[3]);
    const double *last = xl_dataset_row(&iris, 149);
    ck_assert(last[0] == 5.9 && last[1] == 3.0 && last[2] == 5.1 && last[3] == 1.8 && iris.y[149] == 2);
    int all[150], counts[3];
    for (int i = 0; i < 150; i++) all[i] = i;
    xl_dataset_class_counts(&iris, all, 150, counts);
    ck_assert(counts[0] == 50 && counts[1] == 50 && counts[2] == 50);
}
END_TEST

START_TEST(digits_the_uci_test_set)
{
    load_both();
    ck_assert_int_eq(digits.n, 1797);
    ck_assert_int_eq(digits.d, 64);
    ck_assert_int_eq(digits.k, 10);
    ck_assert_str_eq(digits.class_names[7], "7");
    ck_assert_str_eq(digits.feature_names[0], "pixel 0,0");
    ck_assert_str_eq(digits.feature_names[13], "pixel 1,5");
    ck_assert_str_eq(digits.feature_names[63], "pixel 7,7");
    static const double first[8] = {0, 0, 5, 13, 9, 1, 0, 0};
    for (int j = 0; j < 8; j++) ck_assert(xl_dataset_row(&digits, 0)[j] == first[j]);
    ck_assert_int_eq(digits.y[0], 0);
    static const int per_class[10] = {178, 182, 177, 183, 181, 182, 181, 179, 174, 180};
    static int all[XL_DATASET_ROWS_MAX];
    int counts[10];
    for (int i = 0; i < digits.n; i++) all[i] = i;
    xl_dataset_class_counts(&digits, all, digits.n, counts);
    for (int c = 0; c < 10; c++) ck_assert_msg(counts[c] == per_class[c], "digit %d: %d", c, counts[c]);
    double hi = 0.0, corner = 0.0;
    for (int i = 0; i < digits.n; i++) {
        for (int j = 0; j < 64; j++) hi = fmax(hi, xl_dataset_row(&digits, i)[j]);
        corner = fmax(corner, xl_dataset_row(&digits, i)[0]);
    }
    ck_assert(hi == 16.0);
    ck_assert(corner == 0.0); /* pixel 0,0 is blank in every image */
}
END_TEST

/* ---- Damaged files ---- */

/* bytes with the first occurrence of from replaced by to (same length or not). */
static char *edited(const char *bytes, const char *from, const char *to, size_t *n)
{
    const char *at = strstr(bytes, from);
    ck_assert_msg(at != NULL, "'%s' not in the file", from);
    size_t pre = (size_t)(at - bytes), fl = strlen(from), tl = strlen(to), total = strlen(bytes);
    char *out = malloc(total - fl + tl + 1);
    memcpy(out, bytes, pre);
    memcpy(out + pre, to, tl);
    memcpy(out + pre + tl, at + fl, total - pre - fl + 1);
    *n = total - fl + tl;
    return out;
}

/* The byte offset where line `line` (from 1) starts. */
static size_t line_start(const char *b, int line)
{
    size_t at = 0;
    for (int l = 1; l < line; l++) at = (size_t)(strchr(b + at, '\n') - b) + 1;
    return at;
}

static void expect_refusal(int rc, const char *err, const char *want)
{
    ck_assert_int_eq(rc, -1);
    ck_assert_msg(strstr(err, want) != NULL, "message \"%s\" lacks \"%s\"", err, want);
}

START_TEST(truncated_files_refused_with_the_line)
{
    size_t n = 0;
    char err[512] = "";
    char *b = slurp(XL_IRIS_FILE, &n);
    /* Cut in the middle of sample 37 (line 38), after its third value. */
    size_t cut = line_start(b, 38) + strlen("5.5,3.5,1.3");
    ck_assert_int_eq(strncmp(b + line_start(b, 38), "5.5,3.5,1.3,0.2,0", 17), 0);
    expect_refusal(xl_dataset_read(XL_DATASET_IRIS, b, cut, "/x/data/iris.csv", XL_IRIS_SHA256, &work, err, sizeof err),
                   err, "/x/data/iris.csv: line 38: 3 values, expected 5 (the file ends inside this line");
    /* Cut inside a number at a value's end keeps 4 values: still refused, same line. */
    expect_refusal(xl_dataset_parse_iris(b, cut + 4, &work, err, sizeof err), err, "line 38: 4 values, expected 5");
    /* Cut at a row's end: 100 rows where the header counts 150. */
    expect_refusal(xl_dataset_parse_iris(b, line_start(b, 102), &work, err, sizeof err), err,
                   "line 102: the file ends after 100 rows; the header counts 150");
    expect_refusal(xl_dataset_parse_iris(b, 0, &work, err, sizeof err), err, "line 1: the file is empty");
    free(b);

    b = slurp(XL_DIGITS_FILE, &n);
    cut = line_start(b, 1000) + 20;
    expect_refusal(xl_dataset_read(XL_DATASET_DIGITS, b, cut, "digits.csv", XL_DIGITS_SHA256, &work, err, sizeof err),
                   err, "digits.csv: line 1000: ");
    ck_assert_msg(strstr(err, "values, expected 65 (the file ends inside this line") != NULL, "%s", err);
    expect_refusal(xl_dataset_read(XL_DATASET_DIGITS, b, line_start(b, 1000), "digits.csv", NULL, &work, err, sizeof err),
                   err, "digits.csv: line 1000: the file ends after 999 rows; expected 1797");
    /* Without an expected count the short file parses; the checksum still refuses it. */
    ck_assert_int_eq(xl_dataset_parse_digits(b, line_start(b, 1000), 0, &work, err, sizeof err), 0);
    ck_assert_int_eq(work.n, 999);
    expect_refusal(xl_dataset_verify(b, line_start(b, 1000), XL_DIGITS_SHA256, err, sizeof err), err,
                   "checksum differs: the file was changed or damaged");
    free(b);
}
END_TEST

START_TEST(corrupted_files_refused)
{
    size_t n = 0, m = 0;
    char err[512] = "";
    char *b = slurp(XL_IRIS_FILE, &n);
    /* A digit changed: a valid file, so only the checksum can tell. */
    char *e = edited(b, "\n5.1,3.5,1.4,0.2,0", "\n5.1,3.5,1.4,0.3,0", &m);
    ck_assert_int_eq(xl_dataset_parse_iris(e, m, &work, err, sizeof err), 0);
    expect_refusal(xl_dataset_read(XL_DATASET_IRIS, e, m, "data/iris.csv", XL_IRIS_SHA256, &work, err, sizeof err), err,
                   "data/iris.csv: checksum differs: the file was changed or damaged (SHA-256 ");
    free(e);
    /* A letter in a number: the parser names the line and the value. */
    e = edited(b, "4.7,3.2,1.3,0.2,0", "4.7,3.2,1.3,0.2x,0", &m);
    expect_refusal(xl_dataset_read(XL_DATASET_IRIS, e, m, "iris.csv", XL_IRIS_SHA256, &work, err, sizeof err), err,
                   "iris.csv: line 4: value 4 \"0.2x\" is not a number");
    free(e);
    e = edited(b, "4.6,3.1,1.5,0.2,0", "4.6,3.1,1.5,0", &m);
    expect_refusal(xl_dataset_parse_iris(e, m, &work, err, sizeof err), err, "line 5: 4 values, expected 5");
    free(e);
    e = edited(b, "\n5.0,3.6,1.4,0.2,0", "\n5.0,3.6,1.4,0.2,3", &m);
    expect_refusal(xl_dataset_parse_iris(e, m, &work, err, sizeof err), err, "line 6: class = 3 out of range 0..2");
    free(e);
    e = edited(b, "\n5.0,3.6,1.4,0.2,0", "\n5.0,-3.6,1.4,0.2,0", &m);
    expect_refusal(xl_dataset_parse_iris(e, m, &work, err, sizeof err), err, "line 6: value 2 (-3.6) out of range");
    free(e);
    e = edited(b, "150,4,", "151,4,", &m);
    expect_refusal(xl_dataset_parse_iris(e, m, &work, err, sizeof err), err,
                   "line 152: the file ends after 150 rows; the header counts 151");
    free(e);
    e = edited(b, "150,4,", "149,4,", &m);
    expect_refusal(xl_dataset_parse_iris(e, m, &work, err, sizeof err), err,
                   "line 151: more rows than the 149 the header counts");
    free(e);
    e = edited(b, "150,4,", "15O,4,", &m);
    expect_refusal(xl_dataset_parse_iris(e, m, &work, err, sizeof err), err,
                   "line 1: the header's row count \"15O\" is not a number");
    free(e);
    /* Windows line ends are not damage: the same data set. */
    static char crlf[8192];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (b[i] == '\n') crlf[k++] = '\r';
        crlf[k++] = b[i];
    }
    ck_assert_int_eq(xl_dataset_parse_iris(crlf, k, &work, err, sizeof err), 0);
    load_both();
    ck_assert_int_eq(memcmp(work.x, iris.x, sizeof(double) * 600), 0);
    ck_assert_int_eq(memcmp(work.y, iris.y, sizeof(int) * 150), 0);
    free(b);

    b = slurp(XL_DIGITS_FILE, &n);
    e = edited(b, "0,0,5,13,9,1,0,0,", "0,0,5,17,9,1,0,0,", &m);
    expect_refusal(xl_dataset_parse_digits(e, m, XL_DIGITS_ROWS, &work, err, sizeof err), err,
                   "line 1: value 4 = 17 out of range 0..16");
    free(e);
    e = edited(b, "0,0,5,13,9,1,0,0,", "0,0,5,1.5,9,1,0,0,", &m);
    expect_refusal(xl_dataset_parse_digits(e, m, XL_DIGITS_ROWS, &work, err, sizeof err), err,
                   "line 1: value 4 \"1.5\" is not a whole number");
    free(e);
    e = edited(b, "0,0,5,13,9,1,0,0,", "0,0,5,1e,9,1,0,0,", &m);
    expect_refusal(xl_dataset_parse_digits(e, m, XL_DIGITS_ROWS, &work, err, sizeof err), err,
                   "line 1: value 4 \"1e\" is not a number");
    free(e);
    e = edited(b, ",0,0,0\n0,0,0,12", ",0,0,10\n0,0,0,12", &m);
    expect_refusal(xl_dataset_parse_digits(e, m, XL_DIGITS_ROWS, &work, err, sizeof err), err,
                   "line 1: digit = 10 out of range 0..9");
    free(e);
    /* One more row than the file should have. */
    char *more = malloc(n + 200);
    memcpy(more, b, n);
    size_t l1 = strchr(b, '\n') - b + 1;
    memcpy(more + n, b, l1);
    expect_refusal(xl_dataset_parse_digits(more, n + l1, XL_DIGITS_ROWS, &work, err, sizeof err), err,
                   "line 1798: more rows than the 1797 expected");
    free(more);
    free(b);
    expect_refusal(xl_dataset_read(XL_DATASET_DIGITS, NULL, 0, "/usr/share/xentlab/data/digits.csv", XL_DIGITS_SHA256,
                                   &work, err, sizeof err),
                   err, "/usr/share/xentlab/data/digits.csv: not found");
    expect_refusal(xl_dataset_verify("abc", 3, XL_IRIS_SHA256, err, sizeof err), err,
                   "(SHA-256 ba7816bf8f01..., expected f13ffa8fdd56...)");
    ck_assert_int_eq(xl_dataset_verify("abc", 3, "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", err,
                                       sizeof err),
                     0);
}
END_TEST

/* ---- The split ---- */

static int train_a[XL_DATASET_ROWS_MAX], test_a[XL_DATASET_ROWS_MAX];
static int train_b[XL_DATASET_ROWS_MAX], test_b[XL_DATASET_ROWS_MAX];

static void check_split(const xl_dataset *d, const int *want_train)
{
    int ntr = 0, nte = 0;
    ck_assert_int_eq(xl_dataset_split(d, XL_DATASET_TRAIN_FRAC, 7, train_a, &ntr, test_a, &nte), 0);
    ck_assert_int_eq(ntr + nte, d->n);
    /* Every row exactly once: disjoint and covering. */
    static int seen[XL_DATASET_ROWS_MAX];
    memset(seen, 0, sizeof seen);
    for (int i = 0; i < ntr; i++) seen[train_a[i]]++;
    for (int i = 0; i < nte; i++) seen[test_a[i]]++;
    for (int i = 0; i < d->n; i++) ck_assert_msg(seen[i] == 1, "row %d appears %d times", i, seen[i]);
    int ctr[XL_DATASET_CLASSES_MAX], cte[XL_DATASET_CLASSES_MAX], all[XL_DATASET_CLASSES_MAX];
    xl_dataset_class_counts(d, train_a, ntr, ctr);
    xl_dataset_class_counts(d, test_a, nte, cte);
    for (int c = 0; c < d->k; c++) {
        all[c] = ctr[c] + cte[c];
        ck_assert_msg(ctr[c] == want_train[c], "class %d: %d train rows, expected %d", c, ctr[c], want_train[c]);
        ck_assert_int_eq(ctr[c], (int)round(0.7 * all[c]));
    }
    /* Grouped by class, class 0 first. */
    for (int i = 1; i < ntr; i++) ck_assert_int_le(d->y[train_a[i - 1]], d->y[train_a[i]]);
    /* The same seed: the same split. Another seed: another one (the same counts). */
    int ntr2 = 0, nte2 = 0;
    xl_dataset_split(d, XL_DATASET_TRAIN_FRAC, 7, train_b, &ntr2, test_b, &nte2);
    ck_assert_int_eq(ntr2, ntr);
    ck_assert_int_eq(memcmp(train_a, train_b, sizeof(int) * (size_t)ntr), 0);
    ck_assert_int_eq(memcmp(test_a, test_b, sizeof(int) * (size_t)nte), 0);
    xl_dataset_split(d, XL_DATASET_TRAIN_FRAC, 8, train_b, &ntr2, test_b, &nte2);
    ck_assert_int_eq(ntr2, ntr);
    int moved = 0;
    for (int i = 0; i < ntr; i++) moved += train_a[i] != train_b[i];
    ck_assert_msg(moved > ntr / 2, "seed 8 changes only %d of %d train rows", moved, ntr);
    /* Shuffled, not file order: the first train rows of class 0 are not rows 0, 1, 2, ... */
    int in_order = 0;
    for (int i = 0; i < 10; i++) in_order += train_a[i] == i;
    ck_assert_int_lt(in_order, 5);
}

START_TEST(split_stratified_and_deterministic)
{
    load_both();
    static const int iris_train[3] = {35, 35, 35};
    check_split(&iris, iris_train);
    int ntr = 0, nte = 0, c[3];
    xl_dataset_split(&iris, 0.7, 1, train_a, &ntr, test_a, &nte);
    xl_dataset_class_counts(&iris, test_a, nte, c);
    ck_assert(c[0] == 15 && c[1] == 15 && c[2] == 15);
    static const int digits_train[10] = {125, 127, 124, 128, 127, 127, 127, 125, 122, 126};
    check_split(&digits, digits_train);
    /* The edges of the fraction, and what is refused. */
    ck_assert_int_eq(xl_dataset_split(&iris, 1.0, 1, train_a, &ntr, test_a, &nte), 0);
    ck_assert(ntr == 150 && nte == 0);
    ck_assert_int_eq(xl_dataset_split(&iris, 0.0, 1, train_a, &ntr, test_a, &nte), 0);
    ck_assert(ntr == 0 && nte == 150);
    ck_assert_int_eq(xl_dataset_split(&iris, 1.5, 1, train_a, &ntr, test_a, &nte), -1);
    ck_assert_int_eq(xl_dataset_split(&iris, NAN, 1, train_a, &ntr, test_a, &nte), -1);
}
END_TEST

START_TEST(take_per_class_nested)
{
    load_both();
    int ntr = 0, nte = 0;
    xl_dataset_split(&digits, 0.7, 3, train_a, &ntr, test_a, &nte);
    static int five[XL_DATASET_ROWS_MAX], twenty[XL_DATASET_ROWS_MAX];
    int n5 = xl_dataset_take_per_class(&digits, train_a, ntr, 5, five);
    int n20 = xl_dataset_take_per_class(&digits, train_a, ntr, 20, twenty);
    ck_assert_int_eq(n5, 50);
    ck_assert_int_eq(n20, 200);
    int c[10];
    xl_dataset_class_counts(&digits, five, n5, c);
    for (int k = 0; k < 10; k++) ck_assert_int_eq(c[k], 5);
    /* The 5 of a class are the first 5 of its 20: a smaller set is inside a larger one. */
    for (int k = 0; k < 10; k++)
        for (int i = 0; i < 5; i++) ck_assert_int_eq(five[5 * k + i], twenty[20 * k + i]);
    /* More than a class has keeps all of it; in place works; m = 0 keeps none. */
    ck_assert_int_eq(xl_dataset_take_per_class(&digits, train_a, ntr, 1000, twenty), ntr);
    ck_assert_int_eq(memcmp(twenty, train_a, sizeof(int) * (size_t)ntr), 0);
    ck_assert_int_eq(xl_dataset_take_per_class(&digits, twenty, ntr, 5, twenty), 50);
    ck_assert_int_eq(memcmp(twenty, five, sizeof(int) * 50), 0);
    ck_assert_int_eq(xl_dataset_take_per_class(&digits, train_a, ntr, 0, twenty), 0);
}
END_TEST

/* ---- Standardisation ---- */

static void check_train_moments(const xl_dataset *z, const xl_dataset_scaler *s, const int *idx, int n)
{
    for (int j = 0; j < z->d; j++) {
        double sum = 0.0, ss = 0.0;
        for (int i = 0; i < n; i++) sum += xl_dataset_row(z, idx[i])[j];
        double mean = sum / n;
        for (int i = 0; i < n; i++) ss += (xl_dataset_row(z, idx[i])[j] - mean) * (xl_dataset_row(z, idx[i])[j] - mean);
        double sd = sqrt(ss / n);
        ck_assert_msg(fabs(mean) < TOL, "feature %d: train mean %g", j, mean);
        if (s->constant[j])
            ck_assert_msg(sd == 0.0 && s->scale[j] == 1.0, "constant feature %d: sd %g scale %g", j, sd, s->scale[j]);
        else
            ck_assert_msg(fabs(sd - 1.0) < TOL, "feature %d: train sd %.17g", j, sd);
    }
}

START_TEST(standardised_on_the_train_part_only)
{
    load_both();
    int ntr = 0, nte = 0;
    xl_dataset_split(&iris, 0.7, 11, train_a, &ntr, test_a, &nte);
    work = iris;
    xl_dataset_scaler s;
    ck_assert_int_eq(xl_dataset_standardize(&work, train_a, ntr, &s), 0);
    check_train_moments(&work, &s, train_a, ntr);
    for (int j = 0; j < 4; j++) ck_assert(!s.constant[j] && s.scale[j] > 0.1);
    /* Back to the raw values: x = x' * scale + mean. */
    for (int i = 0; i < iris.n; i++)
        for (int j = 0; j < 4; j++)
            ck_assert(fabs(xl_dataset_row(&work, i)[j] * s.scale[j] + s.mean[j] - xl_dataset_row(&iris, i)[j]) < 1e-12);

    /* Digits: pixel 0,0 is 0 everywhere: centred (to exactly 0) and scale 1. */
    xl_dataset_split(&digits, 0.7, 11, train_a, &ntr, test_a, &nte);
    work = digits;
    ck_assert_int_eq(xl_dataset_standardize(&work, train_a, ntr, &s), 0);
    check_train_moments(&work, &s, train_a, ntr);
    ck_assert(s.constant[0] && s.scale[0] == 1.0 && s.mean[0] == 0.0);
    ck_assert(!s.constant[1] && s.scale[1] > 0.0);
    for (int i = 0; i < work.n; i++) ck_assert(xl_dataset_row(&work, i)[0] == 0.0);

    /* The test part is not used: change a test row (and make pixel 0,0 non-zero there)
     * and the fit is the same bytes; change a train row and it is not. */
    xl_dataset_scaler fit0, fit1;
    xl_dataset_scaler_fit(&digits, train_a, ntr, &fit0);
    work = digits;
    for (int j = 0; j < 64; j++) work.x[(size_t)test_a[0] * 64 + (size_t)j] = 16.0 - work.x[(size_t)test_a[0] * 64 + (size_t)j];
    xl_dataset_scaler_fit(&work, train_a, ntr, &fit1);
    ck_assert_int_eq(memcmp(fit0.mean, fit1.mean, sizeof fit0.mean), 0);
    ck_assert_int_eq(memcmp(fit0.scale, fit1.scale, sizeof fit0.scale), 0);
    ck_assert_int_eq(memcmp(fit0.constant, fit1.constant, sizeof fit0.constant), 0);
    /* That test row standardises with the train part's numbers: pixel 0,0 = 16 stays 16. */
    xl_dataset_standardize(&work, train_a, ntr, NULL);
    ck_assert(xl_dataset_row(&work, test_a[0])[0] == 16.0);
    work = digits;
    work.x[(size_t)train_a[0] * 64 + 0] = 16.0;
    xl_dataset_scaler_fit(&work, train_a, ntr, &fit1);
    ck_assert(!fit1.constant[0] && fit1.mean[0] != 0.0 && fit1.scale[0] != 1.0);
    ck_assert_int_eq(xl_dataset_scaler_fit(&digits, train_a, 0, &fit1), -1);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("dataset");
    const xl_test_case cases[] = {
        {"sha256: FIPS 180-2 vectors", sha256_fips_vectors},
        {"sha256: the shipped files", sha256_of_the_shipped_files},
        {"iris as Fisher published it", iris_as_fisher_published_it},
        {"digits: the UCI test set", digits_the_uci_test_set},
        {"truncated files refused with the line", truncated_files_refused_with_the_line},
        {"corrupted files refused", corrupted_files_refused},
        {"split: stratified and deterministic", split_stratified_and_deterministic},
        {"take per class: nested", take_per_class_nested},
        {"standardised on the train part only", standardised_on_the_train_part_only},
    };
    xl_test_add_cases(s, cases, sizeof cases / sizeof cases[0], 60);
    return s;
}
