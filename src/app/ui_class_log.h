/* ui_class_log: the class's CSV log (--class-log FILE, part 12): one row each time a
 * question's voting closes (answered, revealed, or its page left), for the teacher to
 * read after the lesson. Nothing personal: counts only, no device, name or address.
 *
 *   time,lesson,page,question,text,joined,voted,count_1,count_2,count_3,count_4,right
 *   2026-12-06T21:05:03+01:00,01-surprise.lesson,2,1,"Another model said rain ...",24,19,5,3,11,,1
 *
 * time: local time, ISO 8601 with its offset; lesson: the lesson file's name without its
 * folders; page, question and right from 1 (right empty when the question has none);
 * count_K empty for answers the question does not have; text always in double quotes,
 * a quote in it doubled, CR and LF left out (RFC 4180). The lesson's name is quoted only
 * when it must be (a comma, a quote). A file that exists is appended to, its header not
 * written again, so a term's lessons can share one. Each row is flushed as written.
 * The caller (ui_class, the lead's glue) writes a row when a tally's times_closed grows. */
#ifndef UI_CLASS_LOG_H
#define UI_CLASS_LOG_H

#include <stddef.h>
#include <time.h>

#include "xl_poll.h"

typedef struct ui_class_log ui_class_log;

/* Open path for appending (made if missing), the header written if it is empty. NULL on
 * failure with the reason in err. */
ui_class_log *ui_class_log_open(const char *path, char *err, size_t errlen);
/* Close it (NULL: nothing). Returns 0, or -1 if a write failed at any time. */
int ui_class_log_close(ui_class_log *log);

/* One row for tally t (its page, question, voted and counts) of the lesson whose file is
 * lesson_path, asked as `text` with right answer `right` (0-based; -1 none), joined
 * phones, at `when` (ui_class_log_time). Returns 0, or -1 if the write failed. */
int ui_class_log_row(ui_class_log *log, const char *when, const char *lesson_path, const char *text, int right,
                     int joined, const xl_poll_tally *t);

/* t as local time in ISO 8601 with its offset ("2026-12-06T21:05:03+01:00") into buf
 * (at least 32 bytes); "" if the time cannot be written. */
void ui_class_log_time(time_t t, char *buf, size_t n);

/* The CSV header's line, without its end. */
extern const char ui_class_log_header[];

#endif
