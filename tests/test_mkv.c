/* test_mkv: the Matroska bytes the exporter hands ffmpeg (ui_mkv.h), read back by a small
 * EBML reader written here from the specification: every element where it belongs with
 * its value, sizes that add up, and frame times that give each frame number back exactly
 * in a time base of 1/fps (the encoder's) at every frame rate the program accepts.
 * test_export_vfr.py has ffmpeg read the same stream. */
#include "check_main.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "ui_mkv.h"

/* An EBML variable-length integer at p (at most 8 bytes): its value (the marker bit
 * removed unless keep_marker, as IDs keep it) and its length in *len; 0 on a bad one. */
static uint64_t vint(const uint8_t *p, int keep_marker, int *len)
{
    int n = 1;
    while (n <= 8 && !(p[0] & (0x80 >> (n - 1)))) n++;
    if (n > 8) {
        *len = 0;
        return 0;
    }
    uint64_t v = keep_marker ? p[0] : (p[0] & (0xFF >> n));
    for (int i = 1; i < n; i++) v = (v << 8) | p[i];
    *len = n;
    return v;
}

typedef struct elem {
    uint32_t id;
    uint64_t size;      /* the payload's */
    const uint8_t *data;
    int head;           /* the ID's and size's bytes */
} elem;

static elem read_elem(const uint8_t *p)
{
    elem e = {0};
    int a = 0, b = 0;
    e.id = (uint32_t)vint(p, 1, &a);
    e.size = vint(p + a, 0, &b);
    e.head = a + b;
    e.data = p + a + b;
    return e;
}

static uint64_t be(const uint8_t *p, uint64_t n)
{
    uint64_t v = 0;
    for (uint64_t i = 0; i < n; i++) v = (v << 8) | p[i];
    return v;
}

/* The child of the master [p, p+n) with this id; found 0 if none. */
static elem child(const uint8_t *p, uint64_t n, uint32_t id, int *found)
{
    const uint8_t *end = p + n;
    while (p < end) {
        elem e = read_elem(p);
        ck_assert_int_gt(e.head, 0);
        ck_assert(e.data + e.size <= end);
        if (e.id == id) {
            *found = 1;
            return e;
        }
        p = e.data + e.size;
    }
    *found = 0;
    return (elem){0};
}

static uint64_t uint_child(const elem *m, uint32_t id)
{
    int found = 0;
    elem e = child(m->data, m->size, id, &found);
    ck_assert_msg(found, "element 0x%X missing in 0x%X", id, m->id);
    return be(e.data, e.size);
}

START_TEST(header_reads_back)
{
    static const int sizes[][3] = {{640, 360, 10}, {1920, 1080, 30}, {2, 2, 1}, {16384, 16384, 120}, {1280, 720, 60}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        const int w = sizes[k][0], h = sizes[k][1], fps = sizes[k][2];
        uint8_t buf[UI_MKV_HEADER_MAX + 16];
        memset(buf, 0xAA, sizeof buf);
        const size_t n = ui_mkv_header(buf, w, h, fps);
        ck_assert_uint_le(n, UI_MKV_HEADER_MAX);
        ck_assert_uint_eq(buf[UI_MKV_HEADER_MAX], 0xAA); /* nothing past the limit */
        /* EBML header: Matroska, read version 2. */
        elem ebml = read_elem(buf);
        ck_assert_uint_eq(ebml.id, 0x1A45DFA3);
        int found = 0;
        elem doctype = child(ebml.data, ebml.size, 0x4282, &found);
        ck_assert(found && doctype.size == 8 && memcmp(doctype.data, "matroska", 8) == 0);
        ck_assert_uint_eq(uint_child(&ebml, 0x4285), 2);
        /* The Segment: unknown size (all ones), Info and Tracks to the header's end. */
        const uint8_t *p = ebml.data + ebml.size;
        ck_assert_uint_eq(be(p, 4), 0x18538067);
        ck_assert_uint_eq(p[4], 0x01);
        for (int i = 5; i < 12; i++) ck_assert_uint_eq(p[i], 0xFF);
        p += 12;
        elem info = read_elem(p);
        ck_assert_uint_eq(info.id, 0x1549A966);
        ck_assert_uint_eq(uint_child(&info, 0x2AD7B1), 1000); /* µs */
        elem tracks = read_elem(info.data + info.size);
        ck_assert_uint_eq(tracks.id, 0x1654AE6B);
        ck_assert_ptr_eq(tracks.data + tracks.size, buf + n);
        elem entry = child(tracks.data, tracks.size, 0xAE, &found);
        ck_assert(found);
        ck_assert_uint_eq(uint_child(&entry, 0xD7), 1); /* track 1 */
        ck_assert_uint_eq(uint_child(&entry, 0x83), 1); /* video */
        ck_assert_uint_eq(uint_child(&entry, 0x23E383), (uint64_t)llround(1e9 / fps));
        elem codec = child(entry.data, entry.size, 0x86, &found);
        ck_assert(found && codec.size == 14 && memcmp(codec.data, "V_UNCOMPRESSED", 14) == 0);
        elem video = child(entry.data, entry.size, 0xE0, &found);
        ck_assert(found);
        ck_assert_uint_eq(uint_child(&video, 0xB0), (uint64_t)w);
        ck_assert_uint_eq(uint_child(&video, 0xBA), (uint64_t)h);
        elem cs = child(video.data, video.size, 0x2EB524, &found);
        ck_assert(found && cs.size == 4 && memcmp(cs.data, "I420", 4) == 0);
    }
}
END_TEST

START_TEST(frame_head_reads_back)
{
    const size_t pixels = (size_t)1920 * 1080 * 3 / 2;
    const long frames[] = {0, 1, 29, 2306, 30L * 3600 * 24};
    for (size_t k = 0; k < sizeof frames / sizeof frames[0]; k++) {
        uint8_t buf[UI_MKV_FRAME_HEAD];
        ck_assert_uint_eq(ui_mkv_frame_head(buf, frames[k], 30, pixels), UI_MKV_FRAME_HEAD);
        elem cluster = read_elem(buf);
        ck_assert_uint_eq(cluster.id, 0x1F43B675);
        /* The cluster holds its head's rest and the pixels, nothing else. */
        ck_assert_uint_eq(cluster.size, UI_MKV_FRAME_HEAD - (size_t)cluster.head + pixels);
        elem ts = read_elem(cluster.data);
        ck_assert_uint_eq(ts.id, 0xE7);
        ck_assert_uint_eq(be(ts.data, ts.size), (uint64_t)ui_mkv_time_us(frames[k], 30));
        elem block = read_elem(ts.data + ts.size);
        ck_assert_uint_eq(block.id, 0xA3);
        ck_assert_uint_eq(block.size, 4 + pixels);
        ck_assert_uint_eq(block.data[0], 0x81);                 /* track 1 */
        ck_assert_uint_eq(be(block.data + 1, 2), 0);            /* at the cluster's time */
        ck_assert_uint_eq(block.data[3], 0x80);                 /* a keyframe, no lacing */
        ck_assert_ptr_eq(block.data + 4, buf + UI_MKV_FRAME_HEAD); /* the pixels follow */
    }
}
END_TEST

/* Every frame of 24 hours at every rate --fps accepts: its time within 0.5 µs of f/fps,
 * and rescaled to 1/fps (rounded, as ffmpeg rescales) exactly f again. */
START_TEST(times_give_the_frame_back)
{
    for (int fps = 1; fps <= 120; fps++) {
        const long last = (long)fps * 3600 * 24;
        for (long f = 0; f <= last; f += (f < 1000 ? 1 : 9973)) {
            const long long us = ui_mkv_time_us(f, fps);
            const double exact = (double)f * 1e6 / fps;
            ck_assert_msg(fabs((double)us - exact) <= 0.5 + 1e-6, "fps %d frame %ld: %lld µs", fps, f, us);
            const long long back = (us * fps + 500000) / 1000000;
            ck_assert_msg(back == f, "fps %d frame %ld comes back as %lld", fps, f, back);
        }
    }
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("mkv");
    const xl_test_case cases[] = {
        {"the header read back", header_reads_back},
        {"a frame's head read back", frame_head_reads_back},
        {"frame times give the frame back at 1/fps", times_give_the_frame_back},
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}
