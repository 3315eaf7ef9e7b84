/* ui_cli_num: the numbers of command-line flags, read strictly: whole numbers as ASCII
 * digits only, decimals as plain [+-]digits[.digits][e[+-]digits] (no blanks, hex, nan or
 * inf, which strtol and strtod would take), lists of them separated by commas. */
#ifndef UI_CLI_NUM_H
#define UI_CLI_NUM_H

#include <stddef.h>
#include <stdint.h>

typedef enum ui_num_status {
    UI_NUM_OK = 0,     /* a finite decimal number (possibly rounded to a denormal or 0) */
    UI_NUM_SYNTAX,     /* not a plain decimal number */
    UI_NUM_HUGE        /* beyond the largest double (1e999, 0x1p2000 never gets here) */
} ui_num_status;

/* The whole number in s[0..len-1], at most hi: 0, or -1. */
int ui_num_whole(const char *s, size_t len, uint64_t hi, uint64_t *out);
/* The whole number s, in [lo, hi] (lo >= 0): 0, or -1. */
int ui_num_long(const char *s, long lo, long hi, long *out);
/* The decimal number in s[0..len-1] (see ui_num_status). */
ui_num_status ui_num_decimal(const char *s, size_t len, double *out);
/* The comma-separated numbers of s into out[cap]: their count, or -1 for an empty field
 * or a bad number, -2 for more than cap, -3 for one beyond the largest double. */
int ui_num_list(const char *s, double *out, int cap);

#endif
