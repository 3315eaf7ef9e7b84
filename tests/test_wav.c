/* test_wav: 16-bit PCM WAV files (ui_wav). What is written reads back sample for sample
 * with the canonical header bytes; a stream is a whole file at every flush; the 4 GB
 * limit keeps whole frames and says so; hostile files are each refused with their
 * reason, and the harmless variants other writers make (extensible PCM, LIST chunks,
 * odd chunks with their pad byte, bytes after the RIFF chunk) are read. */
#include "check_main.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ui_mic.h"
#include "ui_wav.h"

static void tmp_path(char *out, size_t n, const char *name)
{
    const char *dir = getenv("TMPDIR");
    snprintf(out, n, "%s/xl-wav-%ld-%s.wav", dir && dir[0] ? dir : "/tmp", (long)getpid(), name);
}

static long file_size(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fclose(f);
    return n;
}

static void put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, uint32_t v)
{
    put16(p, v & 0xFFFF);
    put16(p + 2, v >> 16);
}

START_TEST(mono_round_trip)
{
    char path[512];
    tmp_path(path, sizeof path, "mono");
    int16_t s[1000];
    for (int i = 0; i < 1000; i++) s[i] = (int16_t)((i * 7919) % 65536 - 32768);
    s[0] = -32768;
    s[1] = 32767;
    s[2] = -1;
    char err[256] = "";
    ck_assert_msg(ui_wav_write(path, s, 1000, 48000, 1, err, sizeof err) == 0, "write: %s", err);
    ck_assert_int_eq(file_size(path), 44 + 2000);

    /* The canonical header, byte for byte. */
    unsigned char h[44];
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq((int)fread(h, 1, 44, f), 44);
    unsigned char first[4];
    ck_assert_int_eq((int)fread(first, 1, 4, f), 4);
    fclose(f);
    unsigned char want[44];
    memcpy(want, "RIFF", 4);
    put32(want + 4, 36 + 2000);
    memcpy(want + 8, "WAVEfmt ", 8);
    put32(want + 16, 16);
    put16(want + 20, 1);
    put16(want + 22, 1);
    put32(want + 24, 48000);
    put32(want + 28, 96000);
    put16(want + 32, 2);
    put16(want + 34, 16);
    memcpy(want + 36, "data", 4);
    put32(want + 40, 2000);
    for (int i = 0; i < 44; i++) ck_assert_msg(h[i] == want[i], "header byte %d is %u, want %u", i, h[i], want[i]);
    /* Little-endian samples: -32768 is 00 80, 32767 is FF 7F. */
    ck_assert_msg(first[0] == 0x00 && first[1] == 0x80 && first[2] == 0xFF && first[3] == 0x7F,
                  "first samples' bytes %02x %02x %02x %02x", first[0], first[1], first[2], first[3]);

    ui_wav w;
    ck_assert_msg(ui_wav_load(path, &w, 1000, err, sizeof err) == 0, "load: %s", err);
    ck_assert_int_eq(w.rate, 48000);
    ck_assert_int_eq(w.channels, 1);
    ck_assert_uint_eq(w.frames, 1000);
    for (int i = 0; i < 1000; i++) ck_assert_msg(w.samples[i] == s[i], "sample %d: %d, want %d", i, w.samples[i], s[i]);
    ui_wav_free(&w);
    /* One frame less than the file holds is refused, before anything is read. */
    ck_assert_int_eq(ui_wav_load(path, &w, 999, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "1000 sample frames, more than the 999 accepted"), "%s", err);
    ck_assert_ptr_null(w.samples);
    remove(path);
}
END_TEST

START_TEST(stereo_stream_is_whole_at_every_flush)
{
    char path[512];
    tmp_path(path, sizeof path, "stereo");
    char err[256] = "";
    ui_wav_writer wr;
    ck_assert_msg(ui_wav_writer_open(&wr, path, 22050, 2, err, sizeof err) == 0, "%s", err);
    int16_t chunk[2 * 300];
    long n = 0;
    for (int piece = 0; piece < 5; piece++) {
        int frames = 100 + 50 * piece; /* 100, 150, 200, 250, 300 */
        for (int i = 0; i < frames; i++) {
            chunk[2 * i] = (int16_t)(n + i);
            chunk[2 * i + 1] = (int16_t)-(n + i);
        }
        ck_assert_msg(ui_wav_writer_append(&wr, chunk, (size_t)frames, err, sizeof err) == 0, "%s", err);
        n += frames;
        if (piece == 1) {
            ck_assert_msg(ui_wav_writer_flush(&wr, err, sizeof err) == 0, "%s", err);
            ui_wav probe;
            ck_assert_msg(ui_wav_probe(path, &probe, 1u << 20, err, sizeof err) == 0, "probe: %s", err);
            ck_assert_uint_eq(probe.frames, 250);
            ck_assert_int_eq(probe.channels, 2);
            ck_assert_int_eq(probe.rate, 22050);
            ck_assert_ptr_null(probe.samples);
            ck_assert_int_eq(probe.data_offset, 44);
        }
    }
    ck_assert_uint_eq(wr.frames, 1000);
    ck_assert_msg(ui_wav_writer_close(&wr, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(ui_wav_writer_close(&wr, err, sizeof err), 0); /* closing twice is harmless */
    ui_wav w;
    ck_assert_msg(ui_wav_load(path, &w, 1000, err, sizeof err) == 0, "%s", err);
    ck_assert_uint_eq(w.frames, 1000);
    for (long i = 0; i < 1000; i++) {
        ck_assert_int_eq(w.samples[2 * i], (int16_t)i);
        ck_assert_int_eq(w.samples[2 * i + 1], (int16_t)-i);
    }
    ui_wav_free(&w);
    remove(path);
}
END_TEST

START_TEST(four_gigabytes_is_the_end)
{
    char path[512];
    tmp_path(path, sizeof path, "full");
    char err[256] = "";
    ui_wav_writer wr;
    ck_assert_msg(ui_wav_writer_open(&wr, path, 48000, 2, err, sizeof err) == 0, "%s", err);
    /* As if 4 GB less 10 frames had been written (writing them would take minutes):
     * the next 20 frames keep the 10 that fit, whole. */
    uint64_t limit_frames = UI_WAV_MAX_DATA_BYTES / 4;
    wr.frames = limit_frames - 10;
    int16_t s[40] = {0};
    ck_assert_int_eq(ui_wav_writer_append(&wr, s, 20, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "4 GB limit"), "%s", err);
    ck_assert_uint_eq(wr.frames, limit_frames);
    ck_assert_msg(wr.frames * 4 <= UI_WAV_MAX_DATA_BYTES && 36 + wr.frames * 4 <= 0xFFFFFFFFull,
                  "%llu data bytes", (unsigned long long)(wr.frames * 4));
    ck_assert_int_eq(ui_wav_writer_append(&wr, s, 1, err, sizeof err), -1);
    ck_assert_uint_eq(wr.frames, limit_frames);
    ck_assert_int_eq(ui_wav_writer_close(&wr, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "4 GB limit"), "%s", err);
    remove(path);
}
END_TEST

START_TEST(writer_refusals)
{
    char err[256] = "";
    ui_wav_writer wr;
    ck_assert_int_eq(ui_wav_writer_open(&wr, "/tmp/x.wav", 48000, 3, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "3 channels"), "%s", err);
    ck_assert_int_eq(ui_wav_writer_open(&wr, "/tmp/x.wav", 0, 1, err, sizeof err), -1);
    ck_assert_int_eq(ui_wav_writer_open(&wr, "/nonexistent-dir/x.wav", 48000, 1, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "/nonexistent-dir/x.wav: No such file"), "%s", err);
    int16_t s[2] = {0};
    ck_assert_int_eq(ui_wav_writer_append(&wr, s, 1, err, sizeof err), -1);
    ck_assert_int_eq(ui_wav_writer_close(&wr, err, sizeof err), 0);
}
END_TEST

/* A file made of parts: the RIFF size is computed unless riff_size is given. */
typedef struct wav_bytes {
    unsigned char b[8192];
    size_t n;
} wav_bytes;

static void raw(wav_bytes *w, const void *p, size_t n)
{
    memcpy(w->b + w->n, p, n);
    w->n += n;
}

static void chunk(wav_bytes *w, const char *id, const void *body, uint32_t size, size_t body_bytes)
{
    unsigned char h[8];
    memcpy(h, id, 4);
    put32(h + 4, size);
    raw(w, h, 8);
    if (body_bytes) raw(w, body, body_bytes);
}

static size_t fmt_body(unsigned char *b, unsigned format, unsigned ch, uint32_t rate, unsigned bits)
{
    put16(b, format);
    put16(b + 2, ch);
    put32(b + 4, rate);
    put32(b + 8, rate * ch * (bits / 8));
    put16(b + 12, ch * (bits / 8));
    put16(b + 14, bits);
    return 16;
}

static void start(wav_bytes *w)
{
    w->n = 0;
    raw(w, "RIFF\0\0\0\0WAVE", 12);
}

static void finish(wav_bytes *w)
{
    put32(w->b + 4, (uint32_t)(w->n - 8));
}

static int load_bytes(const wav_bytes *w, const char *name, ui_wav *out, char *err, size_t errlen)
{
    char path[512];
    tmp_path(path, sizeof path, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(w->b, 1, w->n, f), w->n);
    fclose(f);
    int rc = ui_wav_load(path, out, 100000, err, errlen);
    remove(path);
    return rc;
}

static void refused(const wav_bytes *w, const char *name, const char *reason)
{
    ui_wav out;
    char err[256] = "";
    int rc = load_bytes(w, name, &out, err, sizeof err);
    ck_assert_msg(rc == -1, "%s: read, want refused for '%s'", name, reason);
    ck_assert_msg(strstr(err, reason), "%s: the reason is '%s', want '%s'", name, err, reason);
    ck_assert_msg(strstr(err, "xl-wav-"), "%s: the reason '%s' does not name the file", name, err);
    ck_assert_ptr_null(out.samples);
}

START_TEST(hostile_files_refused)
{
    static const unsigned char samples[8] = {1, 0, 2, 0, 3, 0, 4, 0};
    unsigned char fmt[64];
    wav_bytes w;

    w.n = 0;
    refused(&w, "empty", "not a WAV file");
    raw(&w, "RIFF", 4);
    refused(&w, "short", "not a WAV file");
    start(&w);
    memcpy(w.b + 8, "AVI ", 4);
    finish(&w);
    refused(&w, "avi", "no RIFF/WAVE header");

    start(&w);
    chunk(&w, "fmt ", fmt, (uint32_t)fmt_body(fmt, 1, 1, 8000, 16), 16);
    chunk(&w, "data", samples, 8, 8);
    put32(w.b + 4, (uint32_t)w.n); /* 8 more than the file */
    refused(&w, "riff-long", "truncated");

    struct {
        const char *name;
        unsigned format, ch, bits;
        uint32_t rate;
        const char *reason;
    } fmts[] = {
        {"float", 3, 1, 32, 8000, "not PCM audio (format 3"},
        {"8bit", 1, 1, 8, 8000, "8-bit samples"},
        {"24bit", 1, 1, 24, 8000, "24-bit samples"},
        {"3ch", 1, 3, 16, 8000, "3 channels"},
        {"0ch", 1, 0, 16, 8000, "0 channels"},
        {"rate0", 1, 1, 16, 0, "a sample rate of 0 Hz"},
        {"rate-huge", 1, 1, 16, 1000000, "a sample rate of 1000000 Hz"},
    };
    for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
        start(&w);
        chunk(&w, "fmt ", fmt, 16, fmt_body(fmt, fmts[i].format, fmts[i].ch, fmts[i].rate, fmts[i].bits));
        chunk(&w, "data", samples, 8, 8);
        finish(&w);
        refused(&w, fmts[i].name, fmts[i].reason);
    }

    start(&w);
    fmt_body(fmt, 1, 2, 8000, 16);
    put16(fmt + 12, 2); /* block align of mono for stereo */
    chunk(&w, "fmt ", fmt, 16, 16);
    chunk(&w, "data", samples, 8, 8);
    finish(&w);
    refused(&w, "block", "contradicts itself");

    start(&w);
    chunk(&w, "fmt ", fmt, 12, fmt_body(fmt, 1, 1, 8000, 16) - 4);
    chunk(&w, "data", samples, 8, 8);
    finish(&w);
    refused(&w, "fmt-short", "less than 16");

    start(&w);
    chunk(&w, "data", samples, 8, 8);
    chunk(&w, "fmt ", fmt, 16, fmt_body(fmt, 1, 1, 8000, 16));
    finish(&w);
    refused(&w, "data-first", "before the fmt chunk");

    start(&w);
    chunk(&w, "fmt ", fmt, 16, fmt_body(fmt, 1, 1, 8000, 16));
    chunk(&w, "fmt ", fmt, 16, fmt_body(fmt, 1, 1, 8000, 16));
    chunk(&w, "data", samples, 8, 8);
    finish(&w);
    refused(&w, "two-fmt", "two fmt chunks");

    start(&w);
    chunk(&w, "fmt ", fmt, 16, fmt_body(fmt, 1, 2, 8000, 16));
    chunk(&w, "data", samples, 6, 6);
    finish(&w);
    refused(&w, "ragged", "not a whole number of 4-byte frames");

    start(&w);
    chunk(&w, "fmt ", fmt, 16, fmt_body(fmt, 1, 1, 8000, 16));
    chunk(&w, "data", samples, 4000000000u, 8); /* a size far past the file */
    finish(&w);
    refused(&w, "data-long", "runs past the file's end");

    start(&w);
    chunk(&w, "fmt ", fmt, 16, fmt_body(fmt, 1, 1, 8000, 16));
    chunk(&w, "LI\x01T", samples, 0xFFFFFFF0u, 8);
    finish(&w);
    refused(&w, "junk-long", "the 'LI?T' chunk");

    start(&w);
    chunk(&w, "fmt ", fmt, 16, fmt_body(fmt, 1, 1, 8000, 16));
    finish(&w);
    refused(&w, "no-data", "no data chunk");

    start(&w);
    chunk(&w, "fmt ", fmt, 16, fmt_body(fmt, 1, 1, 8000, 16));
    for (int i = 0; i < UI_WAV_MAX_CHUNKS + 5; i++) chunk(&w, "junk", NULL, 0, 0);
    chunk(&w, "data", samples, 8, 8);
    finish(&w);
    refused(&w, "many-chunks", "no data chunk among its first 64 chunks");

    /* Extensible, but IEEE float (subformat 3). */
    start(&w);
    fmt_body(fmt, 0xFFFE, 1, 8000, 16);
    put16(fmt + 16, 22);
    put16(fmt + 18, 16);
    put32(fmt + 20, 4);
    static const unsigned char tail[14] = {0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71};
    put16(fmt + 24, 3);
    memcpy(fmt + 26, tail, 14);
    chunk(&w, "fmt ", fmt, 40, 40);
    chunk(&w, "data", samples, 8, 8);
    finish(&w);
    refused(&w, "ext-float", "an extensible format other than PCM");

    /* A directory is no file. */
    ui_wav out;
    char err[256] = "";
    ck_assert_int_eq(ui_wav_load("/", &out, 10, err, sizeof err), -1);
    ck_assert_int_eq(ui_wav_load("/nonexistent.wav", &out, 10, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "/nonexistent.wav: No such file"), "%s", err);
}
END_TEST

START_TEST(harmless_variants_read)
{
    static const unsigned char samples[8] = {1, 0, 2, 0, 0xFF, 0xFF, 0, 0x80};
    unsigned char fmt[64];
    wav_bytes w;
    ui_wav out;
    char err[256] = "";

    /* Extensible PCM (what ffmpeg writes for some layouts), an odd LIST chunk with its
     * pad byte, then 3 bytes after the RIFF chunk's end. */
    start(&w);
    fmt_body(fmt, 0xFFFE, 2, 44100, 16);
    put16(fmt + 16, 22);
    put16(fmt + 18, 16);
    put32(fmt + 20, 3);
    static const unsigned char tail[14] = {0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71};
    put16(fmt + 24, 1);
    memcpy(fmt + 26, tail, 14);
    chunk(&w, "fmt ", fmt, 40, 40);
    chunk(&w, "LIST", "abcde\0", 5, 6);
    chunk(&w, "data", samples, 8, 8);
    finish(&w);
    raw(&w, "xyz", 3);
    ck_assert_msg(load_bytes(&w, "ext-pcm", &out, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(out.channels, 2);
    ck_assert_int_eq(out.rate, 44100);
    ck_assert_uint_eq(out.frames, 2);
    ck_assert_int_eq(out.samples[0], 1);
    ck_assert_int_eq(out.samples[1], 2);
    ck_assert_int_eq(out.samples[2], -1);
    ck_assert_int_eq(out.samples[3], -32768);
    ck_assert_int_eq(out.data_offset, 12 + 8 + 40 + 8 + 6 + 8); /* after fmt, LIST and its pad byte */
    ui_wav_free(&out);

    /* An empty data chunk is a file of no samples, not an error. */
    start(&w);
    chunk(&w, "fmt ", fmt, 16, fmt_body(fmt, 1, 1, 8000, 16));
    chunk(&w, "data", NULL, 0, 0);
    finish(&w);
    ck_assert_msg(load_bytes(&w, "empty-data", &out, err, sizeof err) == 0, "%s", err);
    ck_assert_uint_eq(out.frames, 0);
    ui_wav_free(&out);
}
END_TEST

/* --mic's file beside the input recording: its extension replaced, never the file itself. */
START_TEST(mic_wav_names)
{
    const char *cases[][2] = {{"demo.txt", "demo.wav"},         {"demo", "demo.wav"},
                              {"dir.v1/demo", "dir.v1/demo.wav"}, {"dir/demo.rec.txt", "dir/demo.rec.wav"},
                              {"take.wav", "take.wav.wav"},       {".hidden", ".hidden.wav"},
                              {"/tmp/x.", "/tmp/x.wav"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[64];
        ui_mic_wav_name(cases[i][0], out, sizeof out);
        ck_assert_msg(strcmp(out, cases[i][1]) == 0, "'%s' gives '%s', want '%s'", cases[i][0], out, cases[i][1]);
    }
}
END_TEST

/* A mic file beside a replay is the replay's author's: a FIFO (or a symlink to one)
 * would block fopen until some writer came, and the window with it. Refused at once,
 * as every file that is not a regular file (a device such as /dev/zero too). */
START_TEST(not_a_regular_file_refused_without_blocking)
{
    char fifo[512], link[512], err[256] = "";
    tmp_path(fifo, sizeof fifo, "fifo");
    tmp_path(link, sizeof link, "fifo-link");
    unlink(fifo);
    unlink(link);
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    ck_assert_int_eq(symlink(fifo, link), 0);
    alarm(5); /* a blocking open fails the test rather than hanging it */
    ui_wav out;
    const char *paths[] = {fifo, link, "/dev/zero", "/dev/null"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        err[0] = '\0';
        ck_assert_int_eq(ui_wav_probe(paths[i], &out, 1000, err, sizeof err), -1);
        ck_assert_msg(strstr(err, "not a regular file"), "%s: %s", paths[i], err);
        ck_assert_int_eq(ui_wav_load(paths[i], &out, 1000, err, sizeof err), -1);
        ck_assert_msg(strstr(err, "not a regular file"), "%s: %s", paths[i], err);
    }
    alarm(0);
    unlink(link);
    unlink(fifo);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("wav");
    const xl_test_case cases[] = {
        {"mono round trip, canonical header", mono_round_trip},
        {"a stereo stream is whole at every flush", stereo_stream_is_whole_at_every_flush},
        {"the 4 GB limit keeps whole frames", four_gigabytes_is_the_end},
        {"the writer's refusals", writer_refusals},
        {"hostile files refused with their reason", hostile_files_refused},
        {"harmless variants read", harmless_variants_read},
        {"--mic's file names", mic_wav_names},
        {"a FIFO or a device refused without blocking", not_a_regular_file_refused_without_blocking},
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}
