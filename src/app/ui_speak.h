/* ui_speak: text said aloud by the desktop's speech service, speech-dispatcher (the
 * service the Orca screen reader uses), through its client library libspeechd.
 *
 * Saying a text is one short-lived helper process per request: the program itself run as
 * "xentlab --speak-child LANG" (/proc/self/exe, so the same binary from the build folder
 * and after `meson install`; ui_speak_child_main), started with posix_spawn (a fresh
 * program: nothing of the threaded parent's state, its locks or its SDL, is carried into
 * it, as a fork would). It reads the text on its standard input (a socket: a helper that
 * dies early cannot raise SIGPIPE in the window), connects, sets the language, sends the
 * text and exits; its reason for failing comes back on its descriptor 3. The window only
 * starts it (no waiting) and looks at it once a turn (ui_speak_poll). So nothing that can block runs on the frame path (libspeechd's
 * connect, the service started on demand, its first reply: none has a timeout), and
 * nothing a service says can end the program (libspeechd exits the process it runs in
 * on a malformed reply: here that is the child, whose exit is read as "no service"). A
 * connection is tried once per request, never again on its own. A child still running
 * after UI_SPEAK_TIMEOUT_MS (a service that accepts and never answers) is ended, and so
 * is one still running when the next request comes.
 *
 * The language is the interface's (ui_lang_code: SSIP's "SET self LANGUAGE de"), so a
 * German description is read by speech-dispatcher's German voice. The text goes at SSIP's
 * "text" priority, so a new description cuts off the one still
 * being said instead of queueing behind it. The service is started on demand
 * (libspeechd's autospawn) only for its default address; an address set by
 * SPEECHD_ADDRESS ("unix_socket:/path", "inet_socket:host:port") is used as it is.
 *
 * Built without libspeechd (no speech-dispatcher package, or the browser, where the
 * page's live region speaks through the screen reader) ui_speak_create returns NULL
 * with the reason, and the caller prints the text instead.
 */
#ifndef UI_SPEAK_H
#define UI_SPEAK_H

#include <stddef.h>

enum { UI_SPEAK_TIMEOUT_MS = 3000, UI_SPEAK_TEXT_MAX = 16384, UI_SPEAK_WHY = 320 };

typedef struct ui_speaker ui_speaker;

/* 1 when this build can speak through speech-dispatcher. */
int ui_speak_built(void);

/* A speaker (nothing is connected yet), or NULL with the reason in err. */
ui_speaker *ui_speak_create(char *err, size_t n);
/* Ends a request still running. */
void ui_speak_destroy(ui_speaker *sp);

/* Start saying text (UTF-8; cut at UI_SPEAK_TEXT_MAX - 1 bytes, at a character) in
 * language lang ("en", "de", "es"; NULL: the service's default): a request still running
 * is ended first. Returns at once: 1 started, 0 not (with the reason for ui_speak_poll). */
int ui_speak_say(ui_speaker *sp, const char *lang, const char *text);

/* 1 while a request runs (the window looks again soon). */
int ui_speak_busy(const ui_speaker *sp);

/* What became of the request: 0 nothing new (none, or still running), 1 said (handed to
 * speech-dispatcher, which took it), -1 not said, with the reason in why[n]. A request
 * running past UI_SPEAK_TIMEOUT_MS is ended here and reported -1. */
int ui_speak_poll(ui_speaker *sp, char *why, size_t n);

/* ui_speak_poll until the request ends or ms pass (for a run without a window, and
 * tests); its result, 0 when still running then. */
int ui_speak_wait(ui_speaker *sp, int ms, char *why, size_t n);

/* Requests said so far. */
long ui_speak_said(const ui_speaker *sp);

/* The helper's own main (src/main.c runs it for "xentlab --speak-child LANG", before
 * anything else): the text from standard input (at most UI_SPEAK_TEXT_MAX - 1 bytes),
 * said through speech-dispatcher in LANG ("-": the default), the reason for a failure
 * written to descriptor 3. Returns the exit status: 0 said, 2 no service, 3 refused, 4
 * misused (no LANG, or a LANG that is not 2 or 3 letters). Run by hand, it ends itself
 * (SIGALRM) UI_SPEAK_TIMEOUT_MS / 1000 + 2 s after its start, whatever it waits for. */
int ui_speak_child_main(int argc, char **argv);

#endif
