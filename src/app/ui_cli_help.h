/* ui_cli_help: what the command line prints rather than parses: the --help text, a
 * scenario's parameters and readouts (--scenario NAME --help), --list-scenarios and
 * --list-commands. ui_cli.c, the parser, decides when; the words are here. */
#ifndef UI_CLI_HELP_H
#define UI_CLI_HELP_H

#include <stddef.h>
#include <stdio.h>

#include "xl_scenario.h"

/* The largest learning rate --lr takes (said in --help). */
#define UI_CLI_MAX_LR 100.0

/* The --help text. */
void ui_cli_help_usage(FILE *f);
/* The ids of the scenarios, "softmax, logistic, ...", into buf[n]. */
void ui_cli_help_scenario_ids(char *buf, size_t n);
/* What the flags asked for, in this order: --help (then def's parameters and readouts
 * if def is not NULL), the scenarios, the commands. */
void ui_cli_help_print(const xl_scenario_def *def, int help, int scenarios, int commands, FILE *out);

#endif
