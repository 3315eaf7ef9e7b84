/* ui_captions: SRT and WebVTT files (see ui_captions.h). */
#include "ui_captions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_time(FILE *f, long long ms, char sep)
{
    if (ms < 0) ms = 0;
    fprintf(f, "%02lld:%02lld:%02lld%c%03lld", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, sep, ms % 1000);
}

static void put_text(FILE *f, const char *s, ui_captions_format format)
{
    for (; *s; s++) {
        if (strncmp(s, "-->", 3) == 0 && format == UI_CAPTIONS_SRT) {
            fputs("→", f);
            s += 2;
        } else if (format == UI_CAPTIONS_VTT && *s == '&') {
            fputs("&amp;", f);
        } else if (format == UI_CAPTIONS_VTT && *s == '<') {
            fputs("&lt;", f);
        } else if (format == UI_CAPTIONS_VTT && *s == '>') {
            fputs("&gt;", f);
        } else {
            fputc(*s, f);
        }
    }
}

int ui_captions_count(const xl_caption_track *const *tracks, int n)
{
    int count = 0;
    for (int k = 0; k < n; k++) count += tracks[k] ? tracks[k]->n : 0;
    return count;
}

int ui_captions_write(const char *path, ui_captions_format format, const xl_caption_track *const *tracks, int n,
                      long long offset_ms)
{
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    const char sep = format == UI_CAPTIONS_SRT ? ',' : '.';
    if (format == UI_CAPTIONS_VTT) fputs("WEBVTT\n\n", f);
    int number = 0;
    for (int k = 0; k < n; k++) {
        if (!tracks[k]) continue;
        for (int i = 0; i < tracks[k]->n; i++) {
            const xl_cue *c = &tracks[k]->cues[i];
            fprintf(f, "%d\n", ++number);
            put_time(f, offset_ms + c->start_ms, sep);
            fputs(" --> ", f);
            put_time(f, offset_ms + c->end_ms, sep);
            fputc('\n', f);
            put_text(f, c->text, format);
            fputs("\n\n", f);
        }
    }
    const int failed = ferror(f);
    return fclose(f) == 0 && !failed ? 0 : -1;
}

/* ISO BMFF (MP4) boxes: a 32-bit big-endian size (1: a 64-bit size follows; 0: to the end)
 * and a four-character type. */
static unsigned long long be(const unsigned char *p, int n)
{
    unsigned long long v = 0;
    for (int i = 0; i < n; i++) v = v << 8 | p[i];
    return v;
}

/* The box at buf[at..end): its type, header length and total size; 0 if malformed. */
static int box_at(const unsigned char *buf, size_t at, size_t end, char type[5], size_t *header, size_t *size)
{
    if (end - at < 8) return 0;
    unsigned long long sz = be(buf + at, 4);
    *header = 8;
    if (sz == 1) {
        if (end - at < 16) return 0;
        sz = be(buf + at + 8, 8);
        *header = 16;
    } else if (sz == 0) {
        sz = end - at;
    }
    if (sz < *header || sz > end - at) return 0;
    memcpy(type, buf + at + 4, 4);
    type[4] = '\0';
    *size = (size_t)sz;
    return 1;
}

/* The first child of type `want` inside buf[from..end), or 0. */
static int child(const unsigned char *buf, size_t from, size_t end, const char *want, size_t *at, size_t *size)
{
    char type[5];
    size_t header = 0, sz = 0;
    for (size_t p = from; p < end && box_at(buf, p, end, type, &header, &sz); p += sz)
        if (strcmp(type, want) == 0) {
            *at = p;
            *size = sz;
            return 1;
        }
    return 0;
}

int ui_captions_mp4_optional(const char *path)
{
    FILE *f = fopen(path, "r+b");
    if (!f) return -1;
    /* Find the moov box among the top-level ones (after ftyp with +faststart). */
    unsigned char head[16];
    long long pos = 0;
    size_t moov_size = 0;
    int found = 0;
    while (fseek(f, (long)pos, SEEK_SET) == 0 && fread(head, 1, 16, f) >= 8) {
        unsigned long long sz = be(head, 4);
        if (sz == 1) sz = be(head + 8, 8);
        if (sz < 8) break;
        if (memcmp(head + 4, "moov", 4) == 0) {
            moov_size = (size_t)sz;
            found = 1;
            break;
        }
        pos += (long long)sz;
    }
    int patched = 0;
    unsigned char *moov = found && moov_size < (64u << 20) ? malloc(moov_size) : NULL;
    if (moov && fseek(f, (long)pos, SEEK_SET) == 0 && fread(moov, 1, moov_size, f) == moov_size) {
        char type[5];
        size_t header = 0, sz = 0;
        box_at(moov, 0, moov_size, type, &header, &sz);
        for (size_t p = header; p < moov_size && box_at(moov, p, moov_size, type, &header, &sz); p += sz) {
            if (strcmp(type, "trak") != 0) continue;
            size_t tkhd = 0, tkhd_size = 0, mdia = 0, mdia_size = 0, hdlr = 0, hdlr_size = 0;
            if (!child(moov, p + header, p + sz, "tkhd", &tkhd, &tkhd_size) ||
                !child(moov, p + header, p + sz, "mdia", &mdia, &mdia_size) ||
                !child(moov, mdia + 8, mdia + mdia_size, "hdlr", &hdlr, &hdlr_size) || hdlr_size < 20 ||
                tkhd_size < 12)
                continue;
            /* hdlr: header, version and flags, pre_defined, then the handler type. */
            if (memcmp(moov + hdlr + 16, "sbtl", 4) != 0) continue;
            /* tkhd: header, version, 24 bits of flags; bit 0 is "track enabled". */
            unsigned char flags = moov[tkhd + 11];
            if (!(flags & 1)) continue;
            flags &= (unsigned char)~1u;
            if (fseek(f, (long)(pos + (long long)tkhd + 11), SEEK_SET) != 0 || fwrite(&flags, 1, 1, f) != 1) {
                patched = -1;
                break;
            }
            patched++;
        }
    }
    free(moov);
    if (fclose(f) != 0) return -1;
    return patched;
}
