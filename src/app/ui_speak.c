/* ui_speak: text said aloud through speech-dispatcher (see ui_speak.h). */
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
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

struct ui_speaker {
    pid_t pid;          /* the request's child, or 0 */
    int why_fd;         /* the read end of its pipe: the reason it failed, if it did */
    Uint64 started;     /* SDL_GetTicks64 at its start */
    int pending;        /* a result not yet reported: 1 said, -1 not */
    char why[UI_SPEAK_WHY];
    long said;
};

/* The child's exit statuses. */
enum { CHILD_SAID = 0, CHILD_NO_SERVICE = 2, CHILD_REFUSED = 3 };

int ui_speak_built(void)
{
    return 1;
}

ui_speaker *ui_speak_create(char *err, size_t n)
{
    ui_speaker *sp = calloc(1, sizeof *sp);
    if (!sp) snprintf(err, n, "out of memory");
    if (sp) sp->why_fd = -1;
    return sp;
}

/* End the running child (ours: its pid), and reap it. */
static void end_child(ui_speaker *sp)
{
    if (sp->pid > 0) {
        kill(sp->pid, SIGKILL);
        while (waitpid(sp->pid, NULL, 0) < 0 && errno == EINTR) continue;
    }
    sp->pid = 0;
    if (sp->why_fd >= 0) close(sp->why_fd);
    sp->why_fd = -1;
}

void ui_speak_destroy(ui_speaker *sp)
{
    if (!sp) return;
    end_child(sp);
    free(sp);
}

/* The child: connect, say, exit. Its stdout goes nowhere (libspeechd prints its fatal
 * errors there, and the program's stdout is --trace's; the parent says why instead); its
 * reason for failing goes down the pipe. Only _exit: the parent's atexit handlers and
 * stdio buffers are not the child's to run. */
static void child(const char *text, int why_fd)
{
    const int null_fd = open("/dev/null", O_WRONLY);
    if (null_fd >= 0) dup2(null_fd, STDOUT_FILENO);
    char *error = NULL;
    const char *addr = getenv("SPEECHD_ADDRESS");
    const int autospawn = addr == NULL || addr[0] == '\0';
    SPDConnection *c = spd_open2("xentlab", "describe", NULL, SPD_MODE_SINGLE, NULL, autospawn, &error);
    if (!c) {
        const char *why = error ? error : "cannot connect to speech-dispatcher";
        ssize_t w = write(why_fd, why, strlen(why));
        (void)w;
        _exit(CHILD_NO_SERVICE);
    }
    /* TEXT: a newer description cuts this one off rather than waiting behind it. */
    const int id = spd_say(c, SPD_TEXT, text);
    if (id < 0) {
        static const char why[] = "speech-dispatcher did not take the text";
        ssize_t w = write(why_fd, why, sizeof why - 1);
        (void)w;
        _exit(CHILD_REFUSED);
    }
    spd_close(c);
    _exit(CHILD_SAID);
}

int ui_speak_say(ui_speaker *sp, const char *text)
{
    if (!sp || !text) return 0;
    ui_speak_poll(sp, NULL, 0); /* the last request, if it has ended, counts */
    end_child(sp);              /* if it still runs, it is stuck: this one replaces it */
    sp->pending = 0;
    char *copy = NULL;
    size_t len = strlen(text);
    if (len > UI_SPEAK_TEXT_MAX - 1) len = UI_SPEAK_TEXT_MAX - 1;
    while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80) len--; /* a whole character */
    copy = malloc(len + 1);
    int fds[2] = {-1, -1};
    if (!copy || pipe(fds) != 0) {
        free(copy);
        sp->pending = -1;
        snprintf(sp->why, sizeof sp->why, "cannot start speaking: %s", strerror(errno));
        return 0;
    }
    memcpy(copy, text, len);
    copy[len] = '\0';
    fflush(stdout); /* what is buffered is the parent's to write, once */
    fflush(stderr);
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        child(copy, fds[1]);
    }
    free(copy);
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        sp->pending = -1;
        snprintf(sp->why, sizeof sp->why, "cannot start speaking: %s", strerror(errno));
        return 0;
    }
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    sp->pid = pid;
    sp->why_fd = fds[0];
    sp->started = SDL_GetTicks64();
    return 1;
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
                                     WEXITSTATUS(status) != CHILD_REFUSED
                                 ? "speech-dispatcher's reply was not SSIP"
                                 : "speech-dispatcher failed");
            }
            close(sp->why_fd);
            sp->why_fd = -1;
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

int ui_speak_say(ui_speaker *sp, const char *text)
{
    (void)sp, (void)text;
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

#endif
