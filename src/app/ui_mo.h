/* ui_mo: a compiled gettext catalogue (a .mo file, as msgfmt writes it) read without
 * libintl. The browser build has no libintl, and on a desktop glibc's gettext shows
 * English unless the user's locale (de_DE.UTF-8, say) was generated, which a bare
 * machine has not done: so both builds read the catalogues with this one loader.
 *
 * A .mo file is input anyone can hand the program (a file beside the binary, in
 * share/locale): every offset and length is checked against the file's size before it
 * is read, and a file that fails a check is refused whole with a reason (the caller
 * falls back to English). One entry whose translation would crash or garble a printf
 * (its conversions differ from the original's: "%d" turned into "%s") or that is not
 * UTF-8 is dropped alone, and the English original is shown for it.
 *
 * Lookups are a binary search over the originals, sorted once at load (msgfmt sorts
 * them already, but a file need not be trusted to). Owned by the caller: ui_mo_free. */
#ifndef UI_MO_H
#define UI_MO_H

#include <stddef.h>

/* A catalogue larger than this is refused (the interface's is ~40 kB). */
enum { UI_MO_MAX_BYTES = 4 << 20 };

typedef struct ui_mo ui_mo;

/* A catalogue from len bytes at data (copied), or NULL with the reason in err. */
ui_mo *ui_mo_parse(const void *data, size_t len, char *err, size_t errlen);

/* The catalogue in the file at path, or NULL with the reason in err (which names the
 * file). */
ui_mo *ui_mo_load(const char *path, char *err, size_t errlen);

/* The translation of msgid, or NULL when the catalogue has none (or mo is NULL). For a
 * plural entry, the singular's translation. */
const char *ui_mo_lookup(const ui_mo *mo, const char *msgid);

/* The entries kept, and those dropped for a bad translation (see above). */
size_t ui_mo_count(const ui_mo *mo);
size_t ui_mo_dropped(const ui_mo *mo);

void ui_mo_free(ui_mo *mo);

/* 1 when fmt and tr ask printf for the same arguments in the same order (the same
 * conversions, "%%" and flags aside). Exposed for the tests. */
int ui_mo_same_conversions(const char *fmt, const char *tr);

#endif
