/* fuzz_state: libFuzzer target for the state text's reader (issue 21). Any bytes, any
 * length: xl_state_text_open must not crash, read past its input or work without bound
 * (the work limit is small here, so a slow input is a finding too); a text it opens must
 * write back to a text that opens to the same state hash, and a refusal must say why.
 * The lesson-link reader gets the same bytes. Built and run by scripts/fuzz.sh state
 * (clang's -fsanitize=fuzzer,address,undefined); seed corpus: tests/data/state/. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xl_state_text.h"

static void must(int ok)
{
    if (!ok) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A copy of exactly `size` bytes, so a read past the end is caught by ASan. */
    char *copy = malloc(size ? size : 1);
    if (!copy) return 0;
    memcpy(copy, data, size);
    char err[256] = "";
    xl_session *s = xl_state_text_open(copy, size, 8, 1e6, err, sizeof err);
    must(memchr(err, '\0', sizeof err) != NULL);
    if (s == NULL) {
        must(err[0] != '\0');
    } else {
        char *text = malloc(XL_STATE_TEXT_MAX);
        must(text != NULL);
        long len = xl_state_text_write(s, text, XL_STATE_TEXT_MAX, err, sizeof err);
        if (len > 0) {
            xl_session *t = xl_state_text_open(text, (size_t)len, 8, 1e7, err, sizeof err);
            must(t != NULL && xl_state_hash(t) == xl_state_hash(s));
            xl_session_destroy(t);
        }
        free(text);
        xl_session_destroy(s);
    }
    char name[XL_STATE_LESSON_MAX];
    int page = -1;
    int lesson = xl_state_text_lesson(copy, size, name, sizeof name, &page, err, sizeof err);
    must(lesson >= -1 && lesson <= 1 && memchr(name, '\0', sizeof name) != NULL);
    must(lesson != 1 || (page >= 1 && name[0] != '\0'));
    free(copy);
    return 0;
}
