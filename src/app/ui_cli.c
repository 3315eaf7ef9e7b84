/* ui_cli: flags (see ui_cli.h and --help). Flags are first collected raw, then
 * resolved together, because the number of classes can come from --classes, --true,
 * --names or --logits and every list must agree with it. */
#include "ui_cli.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifndef XL_VERSION
#define XL_VERSION "0.0.0"
#endif

enum { MIN_W = 640, MIN_H = 480, MAX_W = 7680, MAX_H = 4320 };
#define MAX_LR 100.0
#define MAX_STEPS 100000000L

typedef struct raw_flags {
    int classes;                          /* 0: not given */
    int names_count;
    char names[XL_MAX_CLASSES][XL_NAME_MAX];
    int true_count;                       /* 0: not given */
    double true_w[XL_MAX_CLASSES];
    int onehot;                           /* 1-based; 0: not given */
    int logits_count;
    double logits[XL_MAX_CLASSES];
    double lr;                            /* 0: not given */
    uint64_t seed;
} raw_flags;

static void usage(FILE *f)
{
    fprintf(f,
"Usage: xentlab [OPTION]...\n"
"Watch gradient descent pull a predicted distribution Q = softmax(z) toward a true\n"
"distribution P, with surprise, entropy, cross-entropy and KL divergence live.\n"
"\n"
"  -h, --help             show this help and exit\n"
"      --version          show the version and exit\n"
"  -s, --size WxH         window or frame size in pixels (default 1280x720;\n"
"                         %dx%d to %dx%d)\n"
"      --headless         draw with the software renderer, no window or display\n"
"  -n, --steps N          run N gradient steps before the first frame (default 0)\n"
"  -o, --screenshot FILE.png\n"
"                         write the last frame as PNG and exit (headless: the frame\n"
"                         after --steps; with a window: the frame shown at quit)\n"
"      --trace            print one JSON object per step on stdout:\n"
"                         {\"step\",\"loss\",\"entropy\",\"kl\",\"lr\",...}, values in nats\n"
"  -c, --classes N        number of classes, 2 to %d (default 5 birds)\n"
"      --names a,b,c      class names, one per class\n"
"  -p, --true LIST        true distribution P as comma-separated weights (normalized);\n"
"                         its length sets N when --classes is not given\n"
"      --true onehot:K    P one-hot on class K (1-based)\n"
"  -z, --logits LIST      initial logits z, one per class, each from -1e300 to 1e300\n"
"                         (default: from --seed)\n"
"  -l, --lr X             learning rate, 0 < X <= %g (default %g)\n"
"      --seed N           draw the initial logits at random from seed N; 0, the\n"
"                         default, is the built-in scene (the model starts out sure\n"
"                         the song is a blackbird)\n"
"      --theme NAME       projector (light, default) or dark\n"
"      --do LIST          apply commands before the steps, as if their keys were\n"
"                         pressed, separated by ';' (or ',' between commands that\n"
"                         take no list): e.g. --do 'select 2,p-up,unit,help' or\n"
"                         --do 'set-p 0.5,0.3,0.2;set-lr 0.1;optimizer adam'\n"
"                         (--list-commands shows every command)\n"
"\n"
"Keys in the window: press H for the full list. Space play/pause, N step, R reset,\n"
"+/- learning rate, 1-9 or Shift+Left/Right select class, Up/Down its p, P restore\n"
"the starting P, L nats/bits, T theme, Q quit.\n"
"\n"
"Exit status: 0 ok, 1 runtime error (e.g. assets not found), 2 bad command line.\n",
            MIN_W, MIN_H, MAX_W, MAX_H, XL_MAX_CLASSES, MAX_LR, XL_DEFAULT_LR);
}

static int fail(FILE *err, const char *flag, const char *what, const char *got)
{
    fprintf(err, "xentlab: %s: %s, got '%s'\nTry 'xentlab --help'.\n", flag, what, got);
    return -1;
}

/* Whole numbers are ASCII digits and nothing else, up to `hi`. strtol and strtoull
 * would skip leading blanks and take a sign (" -1" became 2^64 - 1 for --seed), so
 * the digits are read here. */
static int parse_whole_n(const char *s, size_t len, uint64_t hi, uint64_t *out)
{
    if (len == 0) return -1;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (UINT64_MAX - d) / 10) return -1;
        v = v * 10 + d;
    }
    if (v > hi) return -1;
    *out = v;
    return 0;
}

static int parse_long(const char *s, long lo, long hi, long *out)
{
    uint64_t v;
    if (parse_whole_n(s, strlen(s), (uint64_t)hi, &v) != 0 || v < (uint64_t)lo) return -1;
    *out = (long)v;
    return 0;
}

typedef enum num_status {
    NUM_OK = 0,     /* a finite decimal number (possibly rounded to a denormal or 0) */
    NUM_SYNTAX,     /* not a plain decimal number */
    NUM_HUGE        /* beyond the largest double (1e999, 0x1p2000 never gets here) */
} num_status;

/* A plain decimal number: [+-]digits[.digits][(e|E)[+-]digits] with at least one
 * mantissa digit, exactly len bytes. Checked before strtod, which would also take
 * blanks, hex ("0x1p2000"), "nan" and "inf"/"infinity". */
static int decimal_syntax(const char *s, size_t len)
{
    size_t i = 0, digits = 0;
    if (i < len && (s[i] == '+' || s[i] == '-')) i++;
    while (i < len && s[i] >= '0' && s[i] <= '9') { i++; digits++; }
    if (i < len && s[i] == '.') {
        i++;
        while (i < len && s[i] >= '0' && s[i] <= '9') { i++; digits++; }
    }
    if (digits == 0) return 0;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-')) i++;
        size_t exp_digits = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9') { i++; exp_digits++; }
        if (exp_digits == 0) return 0;
    }
    return i == len;
}

/* The decimal number in s[0..len-1], which must be followed by ',' or the end. A value
 * too small for a double rounds to a denormal or to 0 (the caller decides whether 0
 * is acceptable); one too large is NUM_HUGE. */
static num_status parse_decimal(const char *s, size_t len, double *out)
{
    if (!decimal_syntax(s, len)) return NUM_SYNTAX;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end != s + len) return NUM_SYNTAX;
    /* strtod sets ERANGE on underflow too (1e-320 is a valid denormal): only an
     * infinite result is out of range. */
    if (!isfinite(v)) return NUM_HUGE;
    *out = v;
    return NUM_OK;
}

/* Split a comma-separated list of numbers without copying it (no length limit but
 * the count). Returns the count, or -1 for an empty field or a bad number, -2 for
 * more than cap numbers, -3 for a number beyond the largest double. */
static int parse_numbers(const char *s, double *out, int cap)
{
    int n = 0;
    for (const char *p = s;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (n >= cap) return -2;
        switch (parse_decimal(p, len, &out[n])) {
        case NUM_OK: break;
        case NUM_SYNTAX: return -1;
        case NUM_HUGE: return -3;
        }
        n++;
        if (!comma) return n;
        p = comma + 1;
    }
}

static int parse_names(const char *s, raw_flags *raw, FILE *err)
{
    const char *p = s;
    raw->names_count = 0;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == 0)
            return fail(err, "--names", "expected non-empty comma-separated names", s);
        if (len >= XL_NAME_MAX)
            return fail(err, "--names", "each name must be at most 23 bytes", s);
        if (raw->names_count >= XL_MAX_CLASSES)
            return fail(err, "--names", "at most 32 names", s);
        memcpy(raw->names[raw->names_count], p, len);
        raw->names[raw->names_count][len] = '\0';
        raw->names_count++;
        if (!comma) return 0;
        p = comma + 1;
    }
}

static int parse_size(const char *s, int *w, int *h)
{
    const char *x = strchr(s, 'x');
    if (!x) x = strchr(s, 'X');
    if (!x) return -1;
    uint64_t lw, lh;
    if (parse_whole_n(s, (size_t)(x - s), MAX_W, &lw) != 0 || lw < MIN_W ||
        parse_whole_n(x + 1, strlen(x + 1), MAX_H, &lh) != 0 || lh < MIN_H)
        return -1;
    *w = (int)lw;
    *h = (int)lh;
    return 0;
}

/* Append the commands of --do to o->commands. Commands are separated by ';', or by a
 * comma where the command read so far takes no list: "select 2,p-up,unit" is three
 * commands, "set-p 0.5,0.3,0.2;step" two (a list runs to the next ';'). */
static int parse_commands(const char *list, ui_options *o, FILE *err)
{
    const char *p = list;
    for (;;) {
        /* The command's first word decides where it ends. */
        const char *w = p;
        while (*w == ' ') w++;
        size_t wl = strcspn(w, " ,;");
        int long_arg = 0;
        for (int k = 1; k < XL_CMD_COUNT; k++) {
            xl_arg_type t = xl_command_arg_type((xl_command_kind)k);
            if ((t == XL_ARG_LIST || k == XL_CMD_RACE) && strlen(xl_command_name((xl_command_kind)k)) == wl &&
                strncmp(xl_command_name((xl_command_kind)k), w, wl) == 0)
                long_arg = 1;
        }
        size_t len = long_arg ? strcspn(p, ";") : strcspn(p, ",;");
        const char *sep = p[len] ? p + len : NULL;
        /* Longer than any command with its blanks: refused whole, never cut short
         * (a cut "step<70 blanks>junk" would have read as "step"). */
        char item[256];
        if (len >= sizeof item) {
            char what[96];
            snprintf(what, sizeof what, "each command must be at most %d characters", (int)sizeof item - 1);
            return fail(err, "--do", what, list);
        }
        memcpy(item, p, len);
        item[len] = '\0';
        ui_action a;
        char why[160];
        if (ui_action_parse(item, &a, why, sizeof why) != 0) {
            char what[256];
            snprintf(what, sizeof what, "%s (commands are separated by ';' or ',')", why);
            return fail(err, "--do", what, item);
        }
        if (o->command_count >= UI_MAX_COMMANDS)
            return fail(err, "--do", "at most 64 commands", list);
        o->commands[o->command_count++] = a;
        if (!sep) return 0;
        p = sep + 1;
    }
}

/* "select K" must name a class the scene has; checked once N is known. */
static int check_commands(const ui_options *o, FILE *err)
{
    for (int i = 0; i < o->command_count; i++) {
        const xl_command *c = &o->commands[i].cmd;
        if (c->kind != XL_CMD_SELECT || c->n < o->desc.classifier.n) continue;
        char got[32], what[64];
        snprintf(got, sizeof got, "select %ld", c->n + 1);
        snprintf(what, sizeof what, "select K needs K from 1 to %d, the number of classes",
                 o->desc.classifier.n);
        return fail(err, "--do", what, got);
    }
    return 0;
}

/* Turn the raw flags into a session desc, checking that the lists agree. */
static int resolve(const raw_flags *raw, xl_session_desc *d, FILE *err)
{
    char got[64];
    int n = raw->classes;
    const char *n_from = "--classes";
    if (!n && raw->true_count) { n = raw->true_count; n_from = "--true"; }
    if (!n && raw->names_count) { n = raw->names_count; n_from = "--names"; }
    if (!n && raw->logits_count) { n = raw->logits_count; n_from = "--logits"; }
    int custom_n = n != 0;

    xl_session_desc_default(d, raw->seed);
    if (custom_n) {
        if (n < 2 || n > XL_MAX_CLASSES) {
            snprintf(got, sizeof got, "%d", n);
            fail(err, n_from, "the number of classes must be 2 to 32", got);
            return -1;
        }
        xl_session_desc_set_classes(d, n, raw->seed);
    }
    n = d->classifier.n;
    if (raw->names_count) {
        if (raw->names_count != n) {
            snprintf(got, sizeof got, "%d names", raw->names_count);
            char what[96];
            snprintf(what, sizeof what, "expected %d names, one per class (set by %s)", n, n_from);
            return fail(err, "--names", what, got);
        }
        for (int i = 0; i < n; i++) xl_classifier_set_name(&d->classifier, i, raw->names[i]);
    }
    if (raw->true_count) {
        if (raw->true_count != n) {
            snprintf(got, sizeof got, "%d weights", raw->true_count);
            char what[96];
            snprintf(what, sizeof what, "expected %d weights, one per class (set by %s)", n, n_from);
            return fail(err, "--true", what, got);
        }
        double w[XL_MAX_CLASSES];
        memcpy(w, raw->true_w, sizeof(double) * (size_t)n);
        if (xl_normalize(w, n) != 0)
            return fail(err, "--true", "weights must be non-negative and not all zero", "list");
        memcpy(d->classifier.p, w, sizeof(double) * (size_t)n);
    }
    if (raw->onehot) {
        if (raw->onehot > n) {
            snprintf(got, sizeof got, "onehot:%d", raw->onehot);
            char what[96];
            snprintf(what, sizeof what, "onehot:K needs K from 1 to %d", n);
            return fail(err, "--true", what, got);
        }
        xl_classifier_set_onehot(&d->classifier, raw->onehot - 1);
    }
    if (raw->logits_count) {
        if (raw->logits_count != n) {
            snprintf(got, sizeof got, "%d logits", raw->logits_count);
            char what[96];
            snprintf(what, sizeof what, "expected %d logits, one per class (set by %s)", n, n_from);
            return fail(err, "--logits", what, got);
        }
        for (int i = 0; i < n; i++) d->z0[i] = raw->logits[i];
    }
    if (raw->lr > 0) d->lr = raw->lr;
    return 0;
}

ui_cli_result ui_cli_parse(int argc, char **argv, ui_options *out, FILE *out_stream,
                           FILE *err_stream)
{
    enum { OPT_VERSION = 256, OPT_HEADLESS, OPT_TRACE, OPT_NAMES, OPT_SEED, OPT_THEME, OPT_DO };
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {"size", required_argument, NULL, 's'},
        {"headless", no_argument, NULL, OPT_HEADLESS},
        {"steps", required_argument, NULL, 'n'},
        {"screenshot", required_argument, NULL, 'o'},
        {"trace", no_argument, NULL, OPT_TRACE},
        {"classes", required_argument, NULL, 'c'},
        {"names", required_argument, NULL, OPT_NAMES},
        {"true", required_argument, NULL, 'p'},
        {"logits", required_argument, NULL, 'z'},
        {"lr", required_argument, NULL, 'l'},
        {"seed", required_argument, NULL, OPT_SEED},
        {"theme", required_argument, NULL, OPT_THEME},
        {"do", required_argument, NULL, OPT_DO},
        {NULL, 0, NULL, 0},
    };
    ui_options o;
    memset(&o, 0, sizeof o);
    o.width = 1280;
    o.height = 720;
    o.theme = UI_THEME_LIGHT;
    raw_flags raw;
    memset(&raw, 0, sizeof raw);
    raw.seed = XL_BUILTIN_SEED;

    optind = 0; /* full re-initialisation, so tests can parse many times */
    opterr = 0;
    int ch;
    long v;
    while ((ch = getopt_long(argc, argv, ":hs:n:o:c:p:z:l:", longopts, NULL)) != -1) {
        switch (ch) {
        case 'h': usage(out_stream); return UI_CLI_DONE;
        case OPT_VERSION: fprintf(out_stream, "xentlab %s\n", XL_VERSION); return UI_CLI_DONE;
        case 's':
            if (parse_size(optarg, &o.width, &o.height) != 0) {
                char what[96];
                snprintf(what, sizeof what, "expected WxH from %dx%d to %dx%d", MIN_W, MIN_H, MAX_W, MAX_H);
                fail(err_stream, "--size", what, optarg);
                return UI_CLI_USAGE;
            }
            break;
        case OPT_HEADLESS: o.headless = 1; break;
        case 'n':
            if (parse_long(optarg, 0, MAX_STEPS, &v) != 0) {
                fail(err_stream, "--steps", "expected a whole number from 0 to 100000000", optarg);
                return UI_CLI_USAGE;
            }
            o.steps = v;
            break;
        case 'o': {
            size_t len = strlen(optarg);
            if (len < 5 || strcmp(optarg + len - 4, ".png") != 0) {
                fail(err_stream, "--screenshot", "expected a file name ending in .png", optarg);
                return UI_CLI_USAGE;
            }
            o.screenshot = optarg;
            break;
        }
        case OPT_TRACE: o.trace = 1; break;
        case 'c':
            if (parse_long(optarg, 2, XL_MAX_CLASSES, &v) != 0) {
                fail(err_stream, "--classes", "expected a whole number from 2 to 32", optarg);
                return UI_CLI_USAGE;
            }
            raw.classes = (int)v;
            break;
        case OPT_NAMES:
            if (parse_names(optarg, &raw, err_stream) != 0) return UI_CLI_USAGE;
            break;
        case 'p':
            raw.true_count = 0;
            raw.onehot = 0;
            if (strncmp(optarg, "onehot:", 7) == 0) {
                if (parse_long(optarg + 7, 1, XL_MAX_CLASSES, &v) != 0) {
                    fail(err_stream, "--true", "expected onehot:K with K from 1 to 32", optarg);
                    return UI_CLI_USAGE;
                }
                raw.onehot = (int)v;
                break;
            }
            raw.true_count = parse_numbers(optarg, raw.true_w, XL_MAX_CLASSES);
            if (raw.true_count == -2) {
                fail(err_stream, "--true", "at most 32 weights, one per class", optarg);
                return UI_CLI_USAGE;
            }
            if (raw.true_count < 2) {
                fail(err_stream, "--true",
                     "expected 2 to 32 comma-separated finite non-negative decimal weights or onehot:K",
                     optarg);
                return UI_CLI_USAGE;
            }
            {
                /* The largest weight, not the sum: 1e308,1e308 sums to infinity yet is a
                 * fine P = (1/2, 1/2) (xl_normalize divides by the largest first). */
                double top = 0;
                for (int i = 0; i < raw.true_count; i++) {
                    if (raw.true_w[i] < 0) {
                        fail(err_stream, "--true", "weights must be non-negative", optarg);
                        return UI_CLI_USAGE;
                    }
                    if (raw.true_w[i] > top) top = raw.true_w[i];
                }
                if (!(top > 0)) {
                    fail(err_stream, "--true", "weights must not all be zero", optarg);
                    return UI_CLI_USAGE;
                }
            }
            break;
        case 'z':
            raw.logits_count = parse_numbers(optarg, raw.logits, XL_MAX_CLASSES);
            if (raw.logits_count == -2) {
                fail(err_stream, "--logits", "at most 32 logits, one per class", optarg);
                return UI_CLI_USAGE;
            }
            if (raw.logits_count < 2) {
                fail(err_stream, "--logits", "expected 2 to 32 comma-separated finite decimal numbers", optarg);
                return UI_CLI_USAGE;
            }
            for (int i = 0; i < raw.logits_count; i++) {
                /* Beyond 1e300 the difference of two logits, the loss and the landscape
                 * range can overflow (1e308 - (-1e308) = inf); see XL_MAX_LOGIT. */
                if (!(fabs(raw.logits[i]) <= XL_MAX_LOGIT)) {
                    fail(err_stream, "--logits", "each logit must be from -1e300 to 1e300", optarg);
                    return UI_CLI_USAGE;
                }
            }
            break;
        case 'l': {
            double lr = 0;
            num_status st = parse_decimal(optarg, strlen(optarg), &lr);
            size_t mantissa = strcspn(optarg, "eE");
            if (st == NUM_OK && lr == 0 && strcspn(optarg, "123456789") < mantissa) {
                /* Nonzero digits that round to 0 (1e-400): say so rather than "not
                 * greater than 0". A denormal such as 1e-320 is valid, if useless. */
                fail(err_stream, "--lr", "too small: it rounds to 0 (the smallest is about 5e-324)", optarg);
                return UI_CLI_USAGE;
            }
            if (st != NUM_OK || !(lr > 0) || lr > MAX_LR) {
                fail(err_stream, "--lr", "expected a decimal number greater than 0 and at most 100", optarg);
                return UI_CLI_USAGE;
            }
            raw.lr = lr;
            break;
        }
        case OPT_SEED: {
            uint64_t seed;
            if (parse_whole_n(optarg, strlen(optarg), UINT64_MAX, &seed) != 0) {
                fail(err_stream, "--seed", "expected a whole number from 0 to 18446744073709551615, digits only",
                     optarg);
                return UI_CLI_USAGE;
            }
            raw.seed = seed;
            break;
        }
        case OPT_THEME:
            if (strcmp(optarg, "projector") == 0 || strcmp(optarg, "light") == 0) o.theme = UI_THEME_LIGHT;
            else if (strcmp(optarg, "dark") == 0) o.theme = UI_THEME_DARK;
            else {
                fail(err_stream, "--theme", "expected projector or dark", optarg);
                return UI_CLI_USAGE;
            }
            break;
        case OPT_DO:
            if (parse_commands(optarg, &o, err_stream) != 0) return UI_CLI_USAGE;
            break;
        case ':':
            fprintf(err_stream, "xentlab: %s: needs a value\nTry 'xentlab --help'.\n", argv[optind - 1]);
            return UI_CLI_USAGE;
        default:
            fprintf(err_stream, "xentlab: unknown option '%s'\nTry 'xentlab --help'.\n", argv[optind - 1]);
            return UI_CLI_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(err_stream, "xentlab: unexpected argument '%s'\nTry 'xentlab --help'.\n", argv[optind]);
        return UI_CLI_USAGE;
    }
    if (resolve(&raw, &o.desc, err_stream) != 0) return UI_CLI_USAGE;
    if (check_commands(&o, err_stream) != 0) return UI_CLI_USAGE;
    *out = o;
    return UI_CLI_RUN;
}
