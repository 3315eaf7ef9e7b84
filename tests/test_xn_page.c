/* Tests for xn_page: the phone's page in each state (what a person sees: the question,
 * the buttons, the vote marked in words, the right answer after the reveal), lesson text
 * escaped wherever it goes, the size bound, the JSON the page's script polls, and the
 * short pages (the code form, the class full). */
#include "check_main.h"
#include <stdio.h>
#include <string.h>

#include "xn_page.h"

static char buf[XN_PAGE_CAP];

static void fill_open(xn_public *p)
{
    memset(p, 0, sizeof *p);
    p->show = XN_SHOW_OPEN;
    strcpy(p->title, "Surprise");
    p->page = 3;
    p->pages = 9;
    strcpy(p->qid, "3.1");
    strcpy(p->question, "Which coin surprises you more?");
    p->noptions = 3;
    strcpy(p->options[0], "The fair one");
    strcpy(p->options[1], "The biased one");
    strcpy(p->options[2], "Both the same");
    p->right = -1;
    strcpy(p->lang, "en");
    memset(p->choice, -1, sizeof p->choice);
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *s = strstr(hay, needle); s; s = strstr(s + 1, needle)) n++;
    return n;
}

START_TEST(test_open)
{
    xn_public p;
    fill_open(&p);
    size_t n = xn_page_html(&p, "4821", 1, -1, buf, sizeof buf);
    ck_assert_uint_gt(n, 0);
    ck_assert_uint_eq(n, strlen(buf));
    ck_assert_uint_lt(n, 8192);
    ck_assert_ptr_nonnull(strstr(buf, "<!DOCTYPE html>"));
    ck_assert_ptr_nonnull(strstr(buf, "<html lang=\"en\">"));
    ck_assert_ptr_nonnull(strstr(buf, "<h1>Which coin surprises you more?</h1>"));
    ck_assert_ptr_nonnull(strstr(buf, "Surprise \xc2\xb7 Page 3 of 9"));
    ck_assert_ptr_nonnull(strstr(buf, "<form method=post action=\"/v\">"));
    ck_assert_ptr_nonnull(strstr(buf, "name=c value=\"4821\""));
    ck_assert_ptr_nonnull(strstr(buf, "name=q value=\"3.1\""));
    ck_assert_int_eq(count(buf, "<button type=submit name=k value="), 3);
    /* The vote marked by words and aria-pressed, on the second button only. */
    ck_assert_ptr_nonnull(strstr(buf, "value=\"2\" aria-pressed=\"true\">The biased one<span class=m>\xe2\x9c\x93 your vote</span>"));
    ck_assert_ptr_nonnull(strstr(buf, "value=\"1\" aria-pressed=\"false\">The fair one<span class=m></span>"));
    ck_assert_int_eq(count(buf, "aria-pressed=\"true\""), 1);
    /* The script and what it reads. */
    ck_assert_ptr_nonnull(strstr(buf, "data-c=\"4821\" data-k=\"o/3/3.1\" data-q=\"3.1\""));
    ck_assert_ptr_nonnull(strstr(buf, "'/s?c='+c"));
    ck_assert_ptr_nonnull(strstr(buf, "js=1"));
    ck_assert_ptr_nonnull(strstr(buf, "setTimeout(tick,P)"));
    ck_assert_ptr_nonnull(strstr(buf, "P=500"));
    /* Refusals are said: a poll's 403 (the class ended or restarted) above, polls slowed to
     * 5 s; a vote's 403/409/429/503 under the buttons, its "sent" mark taken back. */
    ck_assert_ptr_nonnull(strstr(buf, "if(st==403){P=5000;say(Z)}else if(/full/.test(t||'')){P=5000;say(F)}"));
    ck_assert_ptr_nonnull(strstr(buf, "data-e=\"This class has ended or restarted: scan the new code.\""));
    ck_assert_ptr_nonnull(strstr(buf, "</form>\n<p id=e role=alert hidden data-403=\"This class has ended"));
    ck_assert_ptr_nonnull(strstr(buf, "data-409=\"Voting is closed: look at the screen.\" "
                                      "data-429=\"Too fast: try again.\" data-503=\"The class is busy"));
    ck_assert_ptr_nonnull(strstr(buf, "function refused(st){err("));
    ck_assert_ptr_nonnull(strstr(buf, ";unsent()}"));
    ck_assert_ptr_nonnull(strstr(buf, "x.setRequestHeader('Accept','application/json')"));
    /* Without JavaScript the page reloads itself to follow the lesson. */
    ck_assert_ptr_nonnull(strstr(buf, "<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>"));
    /* A vote sent but not counted says so; nothing counted: no button pressed. */
    xn_page_html(&p, "4821", -1, 2, buf, sizeof buf);
    ck_assert_int_eq(count(buf, "aria-pressed=\"true\""), 0);
    ck_assert_ptr_nonnull(strstr(buf, "Both the same<span class=m>\xe2\x80\xa6 sent</span>"));
}
END_TEST

START_TEST(test_wait_closed)
{
    xn_public p;
    fill_open(&p);
    p.show = XN_SHOW_WAIT;
    p.page = 4;
    ck_assert_uint_gt(xn_page_html(&p, "4821", -1, -1, buf, sizeof buf), 0);
    ck_assert_ptr_nonnull(strstr(buf, "<h1>Look at the screen.</h1>"));
    ck_assert_ptr_nonnull(strstr(buf, "Page 4 of 9"));
    ck_assert_ptr_null(strstr(buf, "<button"));
    ck_assert_ptr_null(strstr(buf, "Which coin"));
    ck_assert_ptr_nonnull(strstr(buf, "data-k=\"w/4/\""));

    fill_open(&p);
    p.show = XN_SHOW_CLOSED;
    p.right = 0;
    ck_assert_uint_gt(xn_page_html(&p, "4821", 1, -1, buf, sizeof buf), 0);
    ck_assert_ptr_nonnull(strstr(buf, "<h1>Which coin surprises you more?</h1>"));
    ck_assert_ptr_nonnull(strstr(buf, "Voting closed."));
    ck_assert_ptr_null(strstr(buf, "<button"));
    ck_assert_ptr_nonnull(strstr(buf, "<li class=r>The fair one <strong>\xe2\x9c\x93 right answer</strong></li>"));
    ck_assert_ptr_nonnull(strstr(buf, "<li>The biased one <strong>\xe2\x9c\x93 your vote</strong></li>"));
    ck_assert_int_eq(count(buf, "right answer"), 1);
    ck_assert_ptr_nonnull(strstr(buf, "data-k=\"c/3/3.1\""));

    /* No lesson yet. */
    memset(&p, 0, sizeof p);
    ck_assert_uint_gt(xn_page_html(&p, "4821", -1, -1, buf, sizeof buf), 0);
    ck_assert_ptr_nonnull(strstr(buf, "No lesson is open."));
    ck_assert_ptr_nonnull(strstr(buf, "<html lang=\"en\">"));
}
END_TEST

START_TEST(test_escaping)
{
    xn_public p;
    fill_open(&p);
    strcpy(p.title, "<script>alert(1)</script>");
    strcpy(p.question, "a & b < c > d \"e\" 'f'");
    strcpy(p.options[0], "\"><img src=x onerror=alert(1)>");
    strcpy(p.qid, "3.1\"><x>");
    strcpy(p.lang, "en\"><x");
    ck_assert_uint_gt(xn_page_html(&p, "48\"1", 0, -1, buf, sizeof buf), 0);
    ck_assert_ptr_null(strstr(buf, "<script>alert"));
    ck_assert_ptr_null(strstr(buf, "<img"));
    ck_assert_ptr_null(strstr(buf, "<x"));
    ck_assert_ptr_nonnull(strstr(buf, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    ck_assert_ptr_nonnull(strstr(buf, "<h1>a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;</h1>"));
    ck_assert_ptr_nonnull(strstr(buf, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    ck_assert_ptr_nonnull(strstr(buf, "data-c=\"48&quot;1\""));
    /* The only '<script' is the page's own. */
    ck_assert_int_eq(count(buf, "<script"), 1);

    /* The JSON: the qid as a string with < > & " made inert. */
    ck_assert_uint_gt(xn_page_json(&p, 0, -1, buf, sizeof buf), 0);
    ck_assert_ptr_null(strstr(buf, "<x>"));
    ck_assert_ptr_nonnull(strstr(buf, "\"qid\":\"3.1\\\"\\u003e\\u003cx\\u003e\""));

    /* A text without its NUL (the app's bug) is read only to its field's end. */
    fill_open(&p);
    memset(p.question, 'Q', sizeof p.question);
    memset(p.options[3], 'D', sizeof p.options[3]);
    ck_assert_uint_gt(xn_page_html(&p, "4821", -1, -1, buf, sizeof buf), 0);
    ck_assert_int_eq(count(buf, "<h1>"), 1);
}
END_TEST

START_TEST(test_size)
{
    /* The worst a lesson can send: every text at its longest, all of it characters that
     * are escaped to six bytes. It still fits XN_PAGE_CAP; a smaller buffer gets 0, not
     * a cut page. */
    xn_public p;
    fill_open(&p);
    p.noptions = 4;
    memset(p.title, '"', sizeof p.title - 1);
    p.title[sizeof p.title - 1] = '\0';
    memset(p.question, '"', sizeof p.question - 1);
    p.question[sizeof p.question - 1] = '\0';
    for (int i = 0; i < 4; i++) {
        memset(p.options[i], '"', sizeof p.options[i] - 1);
        p.options[i][sizeof p.options[i] - 1] = '\0';
    }
    size_t n = xn_page_html(&p, "4821", 0, -1, buf, sizeof buf);
    ck_assert_uint_gt(n, 8192);
    ck_assert_uint_lt(n, XN_PAGE_CAP);
    static char small[4096];
    ck_assert_uint_eq(xn_page_html(&p, "4821", 0, -1, small, sizeof small), 0);
    ck_assert_str_eq(small, "");
    /* A lesson's usual page at its longest plain text: under 8 KB. */
    fill_open(&p);
    p.noptions = 4;
    memset(p.question, 'q', sizeof p.question - 1);
    p.question[sizeof p.question - 1] = '\0';
    for (int i = 0; i < 4; i++) {
        memset(p.options[i], 'o', sizeof p.options[i] - 1);
        p.options[i][sizeof p.options[i] - 1] = '\0';
    }
    n = xn_page_html(&p, "4821", 0, -1, buf, sizeof buf);
    ck_assert_msg(n > 0 && n < 8192, "a page of plain text at its longest: %zu bytes", n);
}
END_TEST

START_TEST(test_json)
{
    xn_public p;
    fill_open(&p);
    ck_assert_uint_gt(xn_page_json(&p, 2, 1, buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "{\"key\":\"o/3/3.1\",\"show\":\"open\",\"page\":3,\"pages\":9,\"qid\":\"3.1\",\"n\":3,"
                          "\"choice\":2,\"sent\":1,\"right\":-1,\"joined\":1}");
    /* Sent and counted the same: nothing pending. */
    xn_page_json(&p, 1, 1, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "\"choice\":1,\"sent\":-1"));
    p.show = XN_SHOW_CLOSED;
    p.right = 2;
    xn_page_json(&p, 1, -1, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "\"key\":\"c/3/3.1\",\"show\":\"closed\""));
    ck_assert_ptr_nonnull(strstr(buf, "\"right\":2,\"joined\":1}"));
    p.show = XN_SHOW_WAIT;
    xn_page_json(&p, -1, -1, buf, sizeof buf);
    ck_assert_str_eq(buf, "{\"key\":\"w/3/\",\"show\":\"wait\",\"page\":3,\"pages\":9,\"qid\":\"\",\"n\":0,"
                          "\"choice\":-1,\"sent\":-1,\"right\":-1,\"joined\":1}");
    /* A request that brought no known token back: not joined (the browser keeps no cookies). */
    xn_page_json(&p, XN_PAGE_PENDING, -1, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "\"choice\":-1,\"sent\":-1,\"right\":-1,\"joined\":0}"));
    /* The page for a browser not yet a device says cookies are needed; a device's keeps the
     * words hidden for its script, no vote marked either way. */
    fill_open(&p);
    ck_assert_uint_gt(xn_page_html(&p, "4821", XN_PAGE_PENDING, -1, buf, sizeof buf), 0);
    ck_assert_ptr_nonnull(strstr(buf, "\">If this message stays after the page reloads, this browser is not keeping "
                                      "cookies"));
    ck_assert_ptr_null(strstr(buf, "aria-pressed=\"true\""));
    ck_assert_ptr_nonnull(strstr(buf, "value=\"1\" aria-pressed=\"false\""));
    xn_page_html(&p, "4821", -1, -1, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "another browser.\" hidden></p>"));
    p.show = XN_SHOW_WAIT;
    char tiny[16];
    ck_assert_uint_eq(xn_page_json(&p, -1, -1, tiny, sizeof tiny), 0);
    /* The key changes with what the page shows, and only with that. */
    char k1[XN_PAGE_KEY_MAX], k2[XN_PAGE_KEY_MAX];
    fill_open(&p);
    xn_page_key(&p, k1);
    p.choice[7] = 2;
    strcpy(p.options[0], "other text");
    xn_page_key(&p, k2);
    ck_assert_str_eq(k1, k2);
    p.page = 4;
    xn_page_key(&p, k2);
    ck_assert_str_ne(k1, k2);
}
END_TEST

START_TEST(test_short_pages)
{
    ck_assert_uint_gt(xn_page_code_form("en", 0, buf, sizeof buf), 0);
    ck_assert_ptr_nonnull(strstr(buf, "<h1>Join the class</h1>"));
    ck_assert_ptr_nonnull(strstr(buf, "<form method=get action=\"/\">"));
    ck_assert_ptr_nonnull(strstr(buf, "name=c inputmode=numeric"));
    ck_assert_ptr_nonnull(strstr(buf, "<label for=c>"));
    ck_assert_ptr_null(strstr(buf, "not this class"));
    ck_assert_ptr_null(strstr(buf, "refresh"));   /* a form being typed is not reloaded */
    xn_page_code_form("en", 1, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "not this class"));
    ck_assert_uint_gt(xn_page_full("en", 500, buf, sizeof buf), 0);
    ck_assert_ptr_nonnull(strstr(buf, "<h1>The class is full</h1>"));
    ck_assert_ptr_nonnull(strstr(buf, "(500)"));
    /* The no-script page of a vote refused as closed: a link back, and back by itself in 5 s. */
    ck_assert_uint_gt(xn_page_back("en", "Not accepted", "Closed.", "4821", buf, sizeof buf), 0);
    ck_assert_ptr_nonnull(strstr(buf, "<meta http-equiv=\"refresh\" content=\"5;url=/?c=4821\">"));
    ck_assert_ptr_nonnull(strstr(buf, "<a href=\"/?c=4821\">Back to the question</a>"));
    ck_assert_uint_gt(xn_page_message(NULL, "T<", "x & y", buf, sizeof buf), 0);
    ck_assert_ptr_nonnull(strstr(buf, "<h1>T&lt;</h1>"));
    ck_assert_ptr_nonnull(strstr(buf, "<p>x &amp; y</p>"));
    ck_assert_ptr_nonnull(strstr(buf, "<html lang=\"en\">"));
    /* A language without a table yet: English words, the page still says its language. */
    ck_assert_str_eq(xn_page_words_for("xx")->lang, "en");
    ck_assert_str_eq(xn_page_words_for(NULL)->your_vote, "\xe2\x9c\x93 your vote");
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("xn_page");
    const xl_test_case cases[] = {
        {"open", test_open},         {"wait and closed", test_wait_closed}, {"escaping", test_escaping},
        {"size", test_size},         {"json", test_json},                   {"short pages", test_short_pages},
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}
