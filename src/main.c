/* xentlab: a cross-entropy lab. The command line, then hand-off to the front end. */
#include <stdio.h>

#include "ui_app.h"
#include "ui_cli.h"

int main(int argc, char **argv)
{
    ui_options opt;
    switch (ui_cli_parse(argc, argv, &opt, stdout, stderr)) {
    case UI_CLI_DONE: return 0;
    case UI_CLI_USAGE: return 2;
    case UI_CLI_RUN: break;
    }
    return ui_app_run(&opt);
}
