/* ui_sound: the sound that follows the loss, played by SDL (see ui_sound.h). */
#include "ui_sound.h"

#include <SDL.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ui_audio_dev.h"
#include "xl_scenario.h"
#include "xl_sim.h"

enum { SOUND_BUFFER = 512 };

void ui_sound_probe_init(ui_sound_probe *pr)
{
    memset(pr, 0, sizeof *pr);
    pr->measure = NAN;
    pr->measure_index = -1;
    pr->page = -1;
}

/* The readout a measurement changes ("p_measure": the probability of the reading just
 * taken), or -1. */
static int measure_readout(const xl_scenario_def *def)
{
    for (int i = 0; i < def->readout_count && i < XL_READOUTS_MAX; i++)
        if (def->readouts[i].name && strcmp(def->readouts[i].name, "p_measure") == 0) return i;
    return -1;
}

/* Questions of page k revealed (answered or shown) now. */
static int revealed_count(const xl_player *p, int page)
{
    const xl_lesson *l = xl_player_lesson(p);
    if (!l || page < 0 || page >= l->npages) return 0;
    int n = 0;
    for (int q = 0; q < l->pages[page].nquestions; q++) n += xl_player_question_revealed(p, q) != 0;
    return n;
}

void ui_sound_probe_take(ui_sound_probe *pr, const xl_session *s, const xl_player *p, int on, xl_sonify_input *out)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    double values[XL_READOUTS_MAX];
    for (int i = 0; i < XL_READOUTS_MAX; i++) values[i] = NAN;
    xl_session_readouts(s, values);
    *out = (xl_sonify_input){.on = on, .gap = def->readout_count > 2 ? values[2] : NAN,
                             .steps = xl_sim_steps(xl_session_sim(s)), .measured = 0};
    /* A measurement: a command of the measure verbs ("measure K", "measure-selected")
     * logged since the frame before, and a reading's probability to show for it (a
     * refused one leaves none: no chime). The same reading taken twice chimes twice. */
    const int mi = (const void *)def == pr->scenario ? pr->measure_index : measure_readout(def);
    const double m = mi >= 0 ? values[mi] : NAN;
    const int logged = xl_session_log_count(s);
    if (pr->fed && mi >= 0 && !isnan(m))
        for (int i = pr->logged; i < logged; i++) {
            const char *c = xl_session_log_at(s, i).command;
            if (c && strncmp(c, "measure", 7) == 0 && (c[7] == '\0' || c[7] == ' ' || c[7] == '-')) out->measured = 1;
        }
    pr->logged = logged;
    /* A revealed answer: more questions of the same page revealed than a frame ago. */
    const int page = p ? xl_player_page(p) : -1;
    const int revealed = p ? revealed_count(p, page) : 0;
    if (pr->fed && page == pr->page && revealed > pr->revealed) out->measured = 1;
    pr->fed = 1;
    pr->scenario = def;
    pr->measure_index = mi;
    pr->measure = m;
    pr->page = page;
    pr->revealed = revealed;
}

struct ui_sound {
    xl_sonify syn;      /* rendered by the callback, fed by the window under the lock */
    ui_sound_probe probe;
    SDL_AudioDeviceID dev; /* opened (ui_audio_dev) when the sound is first on */
    int failed;
    int playing;        /* the device is unpaused */
};

ui_sound *ui_sound_create(void)
{
    ui_sound *snd = calloc(1, sizeof *snd);
    if (!snd) return NULL;
    xl_sonify_init(&snd->syn, XL_SONIFY_RATE);
    ui_sound_probe_init(&snd->probe);
    return snd;
}

void ui_sound_destroy(ui_sound *snd)
{
    if (!snd) return;
    ui_audio_dev_close(snd->dev);
    free(snd);
}

/* SDL's audio thread: the next buffer from the synthesizer. */
static void on_play(void *userdata, Uint8 *stream, int len)
{
    ui_sound *snd = userdata;
    xl_sonify_render_s16(&snd->syn, (int16_t *)(void *)stream, (size_t)len / sizeof(int16_t));
}

static int open_device(ui_sound *snd, char *msg, size_t n)
{
    ui_audio_dev_error e;
    snd->dev = ui_audio_dev_open(0, XL_SONIFY_RATE, 1, SOUND_BUFFER, on_play, snd, &e);
    if (snd->dev != 0) return 0;
    if (!e.no_device)
        snprintf(msg, n, "xentlab: sound: no sound system to play on (SDL: %s); going on silent", e.sdl);
    else
        snprintf(msg, n, "xentlab: sound: no sound output could be opened (SDL's %s driver: %s); going on silent",
                 e.driver, e.sdl);
    return -1;
}

int ui_sound_turn(ui_sound *snd, const xl_session *s, const xl_player *p, int on, char *msg, size_t n)
{
    if (!snd || snd->failed) return 0;
    if (on && !snd->dev) {
        if (open_device(snd, msg, n) != 0) {
            snd->failed = 1;
            return 1;
        }
        /* The state the sound starts from: fed before the first buffer plays. */
        xl_sonify_input in;
        ui_sound_probe_take(&snd->probe, s, p, 1, &in);
        xl_sonify_feed(&snd->syn, &in);
        SDL_PauseAudioDevice(snd->dev, 0);
        snd->playing = 1;
        return 0;
    }
    xl_sonify_input in;
    ui_sound_probe_take(&snd->probe, s, p, on, &in);
    if (!snd->dev) return 0;
    SDL_LockAudioDevice(snd->dev);
    xl_sonify_feed(&snd->syn, &in);
    const int audible = xl_sonify_audible(&snd->syn);
    SDL_UnlockAudioDevice(snd->dev);
    /* Off and faded out: the device rests (SDL plays silence without calling back), so a
     * sound turned off costs nothing; on again, it goes on from the state fed. */
    if (audible != snd->playing) {
        SDL_PauseAudioDevice(snd->dev, !audible);
        snd->playing = audible;
    }
    return 0;
}

int ui_sound_failed(const ui_sound *snd)
{
    return snd && snd->failed;
}
