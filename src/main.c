/* xentlab: a cross-entropy lab. The command line, then hand-off to the front end. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ui_app.h"
#include "ui_assets.h"
#include "ui_cli.h"
#include "ui_speak.h"

/* The trace, --help and the lists are the program's output: a write that failed (a
 * full disk, a closed pipe) must not end in status 0. stdio keeps the error until the
 * stream is flushed and closed, so check both, as GNU's close_stdout does. */
static int close_stdout(int status)
{
    errno = 0;
    int failed = ferror(stdout) != 0 || fflush(stdout) != 0;
    /* Once flushed nothing is pending, so EBADF from the close only means that no
     * standard output was given (xentlab >&-) and none was written: not an error. */
    if (fclose(stdout) != 0 && errno != EBADF) failed = 1;
    if (!failed) return status;
    if (errno) fprintf(stderr, "xentlab: write error on standard output: %s\n", strerror(errno));
    else fprintf(stderr, "xentlab: write error on standard output\n");
    return status ? status : 1;
}

int main(int argc, char **argv)
{
    ui_options opt;
    /* F9's speech helper (ui_speak.h): this program started again by itself, to say one
     * text through speech-dispatcher and exit. Nothing else of the program runs. */
    if (argc >= 2 && strcmp(argv[1], "--speak-child") == 0) return ui_speak_child_main(argc, argv);
    /* Before the command line: its checks start sessions, which read the data. */
    ui_assets_load_scenario_data();
    switch (ui_cli_parse(argc, argv, &opt, stdout, stderr)) {
    case UI_CLI_DONE: return close_stdout(0);
    case UI_CLI_USAGE: return close_stdout(2);
    case UI_CLI_RUN: break;
    }
    return close_stdout(ui_app_run(&opt));
}
