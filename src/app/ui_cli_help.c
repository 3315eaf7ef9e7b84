/* ui_cli_help: what the command line prints (see ui_cli_help.h). */
#include "ui_cli_help.h"

#include "ui_cli.h"
#include "ui_input.h"
#include "ui_lang.h"
#include "ui_scene.h"

void ui_cli_help_usage(FILE *f)
{
    fprintf(f, _(
"Usage: xentlab [OPTION]...\n"
"Watch gradient descent pull a predicted distribution Q = softmax(z) toward a true\n"
"distribution P, with surprise, entropy, cross-entropy and KL divergence live.\n"
"\n"
"  -h, --help             show this help and exit\n"
"      --version          show the version and exit\n"
"  -s, --size WxH         window or frame size in pixels (default 1280x720;\n"
"                         %dx%d, or %dx%d upright, to %dx%d)\n"
"      --headless         draw with the software renderer, no window or display\n"
"  -n, --steps N          run N gradient steps before the first frame (default 0)\n"
"  -o, --screenshot FILE.png\n"
"                         write the last frame as PNG and exit (headless: the frame\n"
"                         after --steps; with a window: the frame shown at quit)\n"
"      --zoom F           type and lines F times larger, 0.6 to 2 (the window's\n"
"                         Ctrl + / Ctrl - / Ctrl 0); past 1.3 the panels reflow\n"
"      --shots DIR        where F12 saves screenshots (default: the current folder)\n"
"      --reduced-motion   focus changes (F2) are cuts, not 0.3 s animations; in a\n"
"                         recording, page turns and cards are cuts too\n"
"      --pixel-ratio R    a headless frame drawn as for R pixels a point (a\n"
"                         browser's devicePixelRatio): the strip's 44-point floor\n"
"      --no-controls      hide the control strip (play, step, reset, speed, lr,\n"
"                         optimizer, scenario buttons); F3 shows it again\n"
"      --lang CODE        the interface's language: en, de or es (default: from\n"
"                         LANGUAGE, LC_ALL, LC_MESSAGES or LANG; else English)\n"
"      --lesson NAME      open a lesson: its number (4), name (cross-entropy) or\n"
"                         a .lesson file; PageDown/PageUp or Right/Left move through\n"
"                         it, M lists the lessons (lessons/README.md)\n"
"      --page K           with --lesson: start on page K (e.g. with --headless -o)\n"
"      --presenter        with --lesson: a second window with the speaker notes,\n"
"                         the next page and a timer (headless: draw that view)\n"
"      --list-lessons     list the lessons with their titles and exit\n"
"      --class            the class votes from their phones on the lesson's\n"
"                         questions: a small web server on this network, a QR\n"
"                         code to join (F7), the split of the votes (F8);\n"
"                         desktop only (docs/class.md)\n"
"      --class-port N     the class's port, 1024 to 65535 (default 8321);\n"
"                         starts a class, as the two below do\n"
"      --class-bind WHERE the network phones reach, an address of\n"
"                         this computer or an interface (default: the one the\n"
"                         default route leaves by)\n"
"      --class-log FILE   a CSV row of counts for each round of votes on a\n"
"                         question (no names, no addresses)\n"
"      --record OUT       with --lesson: record the lesson, no window: OUT.mp4\n"
"                         (H.264) or OUT.webm (VP9) through ffmpeg, or a folder of\n"
"                         PNG frames; captions (.srt, .vtt; in the video as a\n"
"                         subtitle track) and chapters beside it\n"
"      --fps N            with --record: frames per second, 1 to 120 (default 30;\n"
"                         the size defaults to 1920x1080)\n"
"      --force            with --record: replace OUT if it exists\n"
"      --cards WHICH      with --record and --lesson: the title card before the\n"
"                         lesson and the end card (the next lesson) after it:\n"
"                         none, title, end or both (default both, 3 s each)\n"
"      --voice            with --record and --lesson: the synthesized voice (flite;\n"
"                         eSpeak NG for a German or Spanish lesson) reads each\n"
"                         page; pages last as long as it speaks, plays\n"
"                         start after the sentence that announces them, captions\n"
"                         follow the speech (formulas read as @say lines say)\n"
"      --sound            the sound that follows the loss, on from the start (F10\n"
"                         toggles it): a soft tone at 220 Hz x 2^(gap / 1 nat),\n"
"                         220 to 880 Hz, a tick a step, chimes; with --record, the\n"
"                         video's track (under --voice or --narration)\n"
"      --record-input FILE  write every input of this window session (keys, the\n"
"                         mouse's commands, lesson moves, time, window sizes) to FILE\n"
"      --mic              with --record-input FILE: record the microphone too, into\n"
"                         FILE's name with .wav, time-stamped against the inputs (a\n"
"                         red \"mic\" mark shows while it records); a --replay of FILE\n"
"                         plays the voice with it, and puts it in sync in a video\n"
"      --replay FILE      play a --record-input file back to the same state: in the\n"
"                         window, with --headless (-o, --trace), or with --record OUT\n"
"      --narration FILE   with --record: a sound track (WAV, FLAC, any file ffmpeg\n"
"                         reads) over the video, loudness -16 LUFS, fitted to its\n"
"                         length: AAC in mp4, Opus in webm, narration.wav in a folder\n"
"      --narration-offset SECONDS  where FILE starts in the video (default 0;\n"
"                         negative: that much of FILE's start is cut)\n"
"      --state TEXT       open the scene a state text describes (F4 copies it; the\n"
"                         browser's link holds it): the same numbers, step and view,\n"
"                         or a lesson at its page; sets the scene, so not with\n"
"                         --scenario, --lesson, --replay or the scene's flags\n"
"      --check FILE...    check lesson files: every error as FILE:LINE:COLUMN; exit 0\n"
"                         when all are valid, 1 otherwise (lessons/README.md)\n"
"      --play             with --check: also play every page headless and check every\n"
"                         expect line against the numbers the program computes\n"
"      --pointer X,Y      draw the frame as if the pointer were at pixel (X, Y):\n"
"                         the tooltip of what lies there (for screenshots)\n"
"      --trace            print one JSON object per step on stdout: {\"trace\":2,\n"
"                         \"step\",\"readouts\":{\"loss\",...},\"lr\",...}, values in nats\n"
"      --describe         print the scene in words (what F9 reads aloud) at the start\n"
"                         and after each --do command and --steps: a line of text, or\n"
"                         with --trace a line {\"trace\":2,\"step\",\"description\"}\n"
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
"      --scenario NAME    what to learn: softmax (default) or another of\n"
"                         --list-scenarios; --scenario NAME --help lists its\n"
"                         parameters\n"
"      --param NAME=X     a scenario parameter (repeatable), e.g. classes=8\n"
"      --optimizer NAME   gd (default), momentum, nesterov or adam\n"
"      --mu X             momentum coefficient, 0 < X < 1 (default 0.9)\n"
"      --beta1 X, --beta2 X, --eps X\n"
"                         Adam's (defaults 0.9, 0.999, 1e-8, as in the paper)\n"
"      --race LIST        race 2 to 4 optimizers from the same start, e.g.\n"
"                         --race gd,momentum,adam\n"
"      --list-scenarios   list the scenarios and exit\n"
"      --list-commands    list every command --do (and lessons) accept, and exit\n"
"      --do LIST          apply commands before the steps, as if their keys were\n"
"                         pressed, separated by ';' (or ',' between commands that\n"
"                         take no list): e.g. --do 'select 2,p-up,unit,help' or\n"
"                         --do 'set-p 0.4,0.3,0.1,0.1,0.1;set-lr 0.1;optimizer adam'\n"
"                         (--list-commands shows every command)\n"
"\n"
"Keys in the window: press H for the full list. Space play/pause, N step, R reset,\n"
"+/- learning rate, G optimizer, C race, S scenario, V landscape slice or plane,\n"
"1-9 or Shift+Left/Right select, Up/Down the selected p (or P's mean), P restore\n"
"the starting P, L nats/bits, T theme, Q quit. Microstates: I all heads/random,\n"
"J/Shift+J more/fewer coins, Z/Shift+Z flips per step. Diffusion: D learn,\n"
"Enter measure the selected cell, W/Shift+W detector width, I starting shape.\n"
"Ctrl+Z/Ctrl+Y undo/redo, Backspace one step back, F12 screenshot, Ctrl+/-/0 zoom\n"
"(to 2x). Comma/Shift+Comma the landscape's pair of parameters (Tab means nothing).\n"
"The mouse: hover for exact values, drag P bars, click or Ctrl+click the landscape,\n"
"drag in the history to rewind; each has a key: Shift+Up/Down the selected p,\n"
"Ctrl+arrows pan, Ctrl+Shift+Up/Down zoom, Ctrl+Home fit the landscape, Alt+arrows\n"
"move its point, Ctrl+Enter start there, Shift/Ctrl+Backspace ten steps back/on.\n"
"M: the lessons. In a lesson: PageDown/Right next,\n"
"PageUp/Left back, Home first page, F5 page again, Shift+F5 from page 1, B or . blank, 1-4 answer, P presenter\n"
"view, Esc the sandbox.\n"
"\n"
"Exit status: 0 ok, 1 runtime error (e.g. assets not found, a lesson with errors),\n"
"2 bad command line, 130 a recording interrupted.\n"),
            UI_MIN_W, UI_MIN_H, UI_MIN_H, UI_MIN_W, UI_FRAME_MAX_W, UI_FRAME_MAX_H, XL_COMMAND_LIST_MAX, UI_CLI_MAX_LR,
            XL_DEFAULT_LR);
}

/* The ids of the scenarios, "softmax, logistic", into buf. */
void ui_cli_help_scenario_ids(char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < xl_scenario_count() && used < n; i++)
        used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? ", " : "", xl_scenario_at(i)->id);
}

static void scenario_help(const xl_scenario_def *def, FILE *f)
{
    fprintf(f, _("\nScenario %s: %s\n  %s\n"), def->id, _(def->title), _(def->summary));
    if (def->param_count == 0) {
        fprintf(f, "%s", _("  (no parameters)\n"));
        return;
    }
    fprintf(f, "%s", _("  Parameters (--param NAME=VALUE, or the command 'param NAME=VALUE'):\n"));
    for (int i = 0; i < def->param_count; i++) {
        const xl_param_def *p = &def->params[i];
        fprintf(f, p->whole ? _("    %-10s %s; default %g, whole numbers %g to %g\n") : _("    %-10s %s; default %g, from %g to %g\n"),
                p->name, _(p->meaning), p->def, p->lo, p->hi);
    }
    fprintf(f, "%s", _("  Readouts (--trace \"readouts\", lesson expect names):"));
    for (int i = 0; i < def->readout_count; i++) fprintf(f, " %s", def->readouts[i].name);
    fputc('\n', f);
}

void ui_cli_help_print(const xl_scenario_def *def, int help, int scenarios, int commands, FILE *out)
{
    if (help) {
        ui_cli_help_usage(out);
        if (def) scenario_help(def, out);
    }
    if (scenarios)
        for (int i = 0; i < xl_scenario_count(); i++)
            fprintf(out, "%-12s %s\n", xl_scenario_at(i)->id, _(xl_scenario_at(i)->summary));
    if (commands) ui_input_list_commands(out);
}
