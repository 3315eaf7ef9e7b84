/* ui_speak: text said aloud through speech-dispatcher (see ui_speak.h). */
#define _GNU_SOURCE /* pipe2, SOCK_CLOEXEC */
#include "ui_speak.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef XL_HAVE_SPEECHD
#define XL_HAVE_SPEECHD 0
#endif

#if XL_HAVE_SPEECHD
#include <SDL.h>
#include <errno.h>
#include <fcntl.h>
#include <libspeechd.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

enum { WHY_FD = 3 }; /* the helper's descriptor for its reason */

struct ui_speaker {
    char exe[4096];     /* the program to run as the helper: this one */
    pid_t pid;          /* the request's helper, or 0 */
    int why_fd;         /* the read end of its reason's pipe */
    int text_fd;        /* our end of its standard input while text is left to send, or -1 */
    char *text;         /* the text being sent, and how much of it has gone */
    size_t text_len, text_sent;
    Uint64 started;     /* SDL_GetTicks64 at its start */
    int pending;        /* a result not yet reported: 1 said, -1 not */
    char why[UI_SPEAK_WHY];
    long said;
};

/* The helper's exit statuses. */
enum { CHILD_SAID = 0, CHILD_NO_SERVICE = 2, CHILD_REFUSED = 3, CHILD_MISUSED = 4 };

int ui_speak_built(void)
{
    return 1;
}

ui_speaker *ui_speak_create(char *err, size_t n)
{
    ui_speaker *sp = calloc(1, sizeof *sp);
    if (!sp) {
        snprintf(err, n, "out of memory");
        return NULL;
    }
    sp->why_fd = -1;
    sp->text_fd = -1;
    /* The helper is this program: found through the kernel, whatever the folder or the
     * name it was started by (the build tree, an installed prefix, a symlink). */
    const ssize_t k = readlink("/proc/self/exe", sp->exe, sizeof sp->exe - 1);
    if (k <= 0 || (size_t)k >= sizeof sp->exe - 1) {
        snprintf(err, n, "cannot find this program to start its speech helper (/proc/self/exe)");
        free(sp);
        return NULL;
    }
    sp->exe[k] = '\0';
    return sp;
}

static void close_fd(int *fd)
{
    if (*fd >= 0) close(*fd);
    *fd = -1;
}

/* The text's sending is over (all sent, or the helper gone). */
static void end_text(ui_speaker *sp)
{
    close_fd(&sp->text_fd);
    free(sp->text);
    sp->text = NULL;
    sp->text_len = sp->text_sent = 0;
}

/* End the running helper (ours: its pid), and reap it. */
static void end_child(ui_speaker *sp)
{
    if (sp->pid > 0) {
        kill(sp->pid, SIGKILL);
        while (waitpid(sp->pid, NULL, 0) < 0 && errno == EINTR) continue;
    }
    sp->pid = 0;
    close_fd(&sp->why_fd);
    end_text(sp);
}

void ui_speak_destroy(ui_speaker *sp)
{
    if (!sp) return;
    end_child(sp);
    free(sp);
}

/* Send what the helper's standard input takes now (never waiting); close it when all is
 * sent, so the helper reads its end. MSG_NOSIGNAL: a helper gone early is an error
 * here, not a SIGPIPE. */
static void send_text(ui_speaker *sp)
{
    while (sp->text_fd >= 0 && sp->text_sent < sp->text_len) {
        const ssize_t w = send(sp->text_fd, sp->text + sp->text_sent, sp->text_len - sp->text_sent,
                               MSG_NOSIGNAL | MSG_DONTWAIT);
        if (w > 0) sp->text_sent += (size_t)w;
        else if (w < 0 && errno == EINTR) continue;
        else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return; /* the next turn */
        else break; /* the helper is gone: its exit says why */
    }
    end_text(sp);
}

static int fail_start(ui_speaker *sp, const char *what, int e, int fds[4])
{
    for (int i = 0; i < 4; i++)
        if (fds[i] >= 0) close(fds[i]);
    sp->pending = -1;
    snprintf(sp->why, sizeof sp->why, "cannot start speaking: %.120s: %.120s", what, strerror(e));
    return 0;
}

/* A language code SSIP can carry: 2 or 3 lower-case letters. */
static int plain_lang(const char *lang)
{
    size_t k = 0;
    while (lang && lang[k] >= 'a' && lang[k] <= 'z') k++;
    return lang && (k == 2 || k == 3) && lang[k] == '\0';
}

int ui_speak_say(ui_speaker *sp, const char *lang, const char *text)
{
    if (!sp || !text) return 0;
    ui_speak_poll(sp, NULL, 0); /* the last request, if it has ended, counts */
    end_child(sp);              /* if it still runs, it is stuck: this one replaces it */
    sp->pending = 0;
    size_t len = strlen(text);
    if (len > UI_SPEAK_TEXT_MAX - 1) len = UI_SPEAK_TEXT_MAX - 1;
    while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80) len--; /* a whole character */
    /* fds: the text's socket pair (ours, the helper's), the reason's pipe (read, write).
     * Ours are close-on-exec; the helper's ends become its 0 and 3. */
    int fds[4] = {-1, -1, -1, -1};
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return fail_start(sp, "socketpair", errno, fds);
    if (pipe2(fds + 2, O_CLOEXEC) != 0) return fail_start(sp, "pipe", errno, fds);
    sp->text = malloc(len + 1);
    if (!sp->text) return fail_start(sp, "out of memory", ENOMEM, fds);
    memcpy(sp->text, text, len);
    sp->text[len] = '\0';
    sp->text_len = len;
    sp->text_sent = 0;

    posix_spawn_file_actions_t fa;
    if (posix_spawn_file_actions_init(&fa) != 0) {
        end_text(sp);
        return fail_start(sp, "posix_spawn", ENOMEM, fds);
    }
    /* Its standard output goes nowhere (libspeechd prints its fatal errors there, and the
     * program's stdout is --trace's); its standard error is ours. */
    posix_spawn_file_actions_adddup2(&fa, fds[1], STDIN_FILENO);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, fds[3], WHY_FD);
    char arg_lang[8];
    snprintf(arg_lang, sizeof arg_lang, "%s", plain_lang(lang) ? lang : "-");
    char *argv[] = {sp->exe, "--speak-child", arg_lang, NULL};
    fflush(stdout); /* nothing buffered is written twice, whatever the helper does */
    fflush(stderr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, sp->exe, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        end_text(sp);
        return fail_start(sp, sp->exe, rc, fds);
    }
    close(fds[1]);
    close(fds[3]);
    sp->pid = pid;
    sp->text_fd = fds[0];
    sp->why_fd = fds[2];
    fcntl(sp->why_fd, F_SETFL, O_NONBLOCK);
    sp->started = SDL_GetTicks64();
    send_text(sp);
    return 1;
}

/* The helper: see ui_speak.h. */
static int child_fail(int status, const char *why)
{
    /* Run by hand (no descriptor 3), the reason goes to standard error instead. */
    if (write(WHY_FD, why, strlen(why)) < 0) fprintf(stderr, "xentlab: --speak-child: %s\n", why);
    return status;
}

int ui_speak_child_main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[2], "-") != 0 && !plain_lang(argv[2])))
        return child_fail(CHILD_MISUSED, "usage: xentlab --speak-child LANG (the text on standard input)");
    /* Run by hand, nothing else ends it: a standard input never closed or a service that
     * never answers ends it (SIGALRM's default) a little after the parent would have. */
    alarm(UI_SPEAK_TIMEOUT_MS / 1000 + 2);
    static char text[UI_SPEAK_TEXT_MAX];
    size_t len = 0;
    for (;;) { /* to the end of the input, or the bound */
        const ssize_t r = read(STDIN_FILENO, text + len, sizeof text - 1 - len);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        len += (size_t)r;
        if (len == sizeof text - 1) break;
    }
    if (len == sizeof text - 1) { /* cut at the bound: at a whole character, as ui_speak_say cuts */
        size_t lead = len;
        while (lead > 0 && len - lead < 4 && ((unsigned char)text[lead - 1] & 0xC0) == 0x80) lead--;
        if (lead > 0) {
            const unsigned char b = (unsigned char)text[lead - 1];
            const size_t need = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            if (len - (lead - 1) < need) len = lead - 1; /* the last character is not all there */
        }
    }
    text[len] = '\0';
    char *error = NULL;
    const char *addr = getenv("SPEECHD_ADDRESS");
    const int autospawn = addr == NULL || addr[0] == '\0';
    /* Set but empty is unset (libspeechd 0.11 reads a NULL address part from it). */
    if (addr && addr[0] == '\0') unsetenv("SPEECHD_ADDRESS");
    SPDConnection *c = spd_open2("xentlab", "describe", NULL, SPD_MODE_SINGLE, NULL, autospawn, &error);
    if (!c) {
        char why[UI_SPEAK_WHY];
        snprintf(why, sizeof why, "%s", error ? error : "cannot connect to speech-dispatcher");
        free(error); /* libspeechd's, malloc'd */
        return child_fail(CHILD_NO_SERVICE, why);
    }
    free(error);
    /* The interface's language: a German text read by a German voice. A service without
     * that language keeps its own (the text is still said). */
    if (strcmp(argv[2], "-") != 0) spd_set_language(c, argv[2]);
    /* TEXT: a newer description cuts this one off rather than waiting behind it. */
    const int said = spd_say(c, SPD_TEXT, text);
    spd_close(c);
    return said < 0 ? child_fail(CHILD_REFUSED, "speech-dispatcher did not take the text") : CHILD_SAID;
}

int ui_speak_busy(const ui_speaker *sp)
{
    return sp && sp->pid > 0;
}

/* The child's reason, from its pipe (it has exited: what it wrote is all there). */
static void read_why(ui_speaker *sp, const char *fallback)
{
    char buf[UI_SPEAK_WHY] = "";
    ssize_t got = sp->why_fd >= 0 ? read(sp->why_fd, buf, sizeof buf - 1) : -1;
    if (got > 0) {
        buf[got] = '\0';
        for (char *c = buf; *c; c++)
            if (*c == '\n' || *c == '\r') *c = ' ';
        snprintf(sp->why, sizeof sp->why, "%s", buf);
    } else {
        snprintf(sp->why, sizeof sp->why, "%s", fallback);
    }
}

int ui_speak_poll(ui_speaker *sp, char *why, size_t n)
{
    if (!sp) return 0;
    if (sp->text_fd >= 0) send_text(sp);
    if (sp->pid > 0) {
        int status = 0;
        const pid_t r = waitpid(sp->pid, &status, WNOHANG);
        if (r == sp->pid) {
            sp->pid = 0;
            if (WIFEXITED(status) && WEXITSTATUS(status) == CHILD_SAID) {
                sp->pending = 1;
                sp->said++;
            } else {
                sp->pending = -1;
                read_why(sp, WIFEXITED(status) && WEXITSTATUS(status) != CHILD_NO_SERVICE &&
                                     WEXITSTATUS(status) != CHILD_REFUSED && WEXITSTATUS(status) != CHILD_MISUSED
                                 ? "speech-dispatcher's reply was not SSIP"
                                 : "speech-dispatcher failed");
            }
            close_fd(&sp->why_fd);
            end_text(sp);
        } else if (SDL_GetTicks64() - sp->started > UI_SPEAK_TIMEOUT_MS) {
            end_child(sp);
            sp->pending = -1;
            snprintf(sp->why, sizeof sp->why, "speech-dispatcher did not answer in %d s", UI_SPEAK_TIMEOUT_MS / 1000);
        }
    }
    const int result = sp->pending;
    sp->pending = 0;
    if (result < 0 && why && n) snprintf(why, n, "%s", sp->why);
    return result;
}

int ui_speak_wait(ui_speaker *sp, int ms, char *why, size_t n)
{
    const Uint64 until = SDL_GetTicks64() + (Uint64)(ms > 0 ? ms : 0);
    for (;;) {
        const int r = ui_speak_poll(sp, why, n);
        if (r != 0 || !ui_speak_busy(sp) || SDL_GetTicks64() >= until) return r;
        SDL_Delay(10);
    }
}

long ui_speak_said(const ui_speaker *sp)
{
    return sp ? sp->said : 0;
}

#else /* no libspeechd */

struct ui_speaker {
    int unused;
};

int ui_speak_built(void)
{
    return 0;
}

ui_speaker *ui_speak_create(char *err, size_t n)
{
    snprintf(err, n, "this build has no speech-dispatcher client (libspeechd)");
    return NULL;
}

void ui_speak_destroy(ui_speaker *sp)
{
    (void)sp;
}

int ui_speak_say(ui_speaker *sp, const char *lang, const char *text)
{
    (void)sp, (void)lang, (void)text;
    return 0;
}

int ui_speak_busy(const ui_speaker *sp)
{
    (void)sp;
    return 0;
}

int ui_speak_poll(ui_speaker *sp, char *why, size_t n)
{
    (void)sp, (void)why, (void)n;
    return 0;
}

int ui_speak_wait(ui_speaker *sp, int ms, char *why, size_t n)
{
    (void)sp, (void)ms, (void)why, (void)n;
    return 0;
}

long ui_speak_said(const ui_speaker *sp)
{
    (void)sp;
    return 0;
}

int ui_speak_child_main(int argc, char **argv)
{
    (void)argc, (void)argv;
    fprintf(stderr, "xentlab: --speak-child: this build has no speech-dispatcher client (libspeechd)\n");
    return 2;
}

#endif
