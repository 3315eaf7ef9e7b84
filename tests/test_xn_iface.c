/* Tests for xn_iface: the default route read from /proc/net/route's text, and choosing an
 * address by address, by interface name, and the plain-words errors. The loopback is on
 * every machine the tests run on; the default route may not be (a bare CI container), so
 * that case checks whichever answer the machine gives is well-formed. */
#include "check_main.h"
#include <arpa/inet.h>
#include <string.h>

#include "xn_iface.h"

START_TEST(test_route_text)
{
    static const char routes[] =
        "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
        "eth0\t0000A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n"
        "wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n"
        "eth1\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n"
        "tun0\t00000000\t00000000\t0000\t0\t0\t1\t00000000\t0\t0\t0\n";   /* down: flags 0 */
    char name[16];
    ck_assert_int_eq(xn_iface_default_route(routes, name, sizeof name), 0);
    ck_assert_str_eq(name, "eth1");   /* the lowest metric among the up default routes */
    ck_assert_int_eq(xn_iface_default_route("Iface\tDestination\n", name, sizeof name), -1);
    ck_assert_int_eq(xn_iface_default_route("", name, sizeof name), -1);
    ck_assert_int_eq(xn_iface_default_route("eth0\t0000A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\n", name,
                                            sizeof name), -1);
}
END_TEST

START_TEST(test_choose)
{
    xn_iface f;
    char err[256] = "";
    ck_assert_int_eq(xn_iface_choose("127.0.0.1", &f, err, sizeof err), 0);
    ck_assert_str_eq(f.addr, "127.0.0.1");
    ck_assert_str_eq(f.name, "lo");
    ck_assert_int_eq(xn_iface_choose("lo", &f, err, sizeof err), 0);
    ck_assert_str_eq(f.addr, "127.0.0.1");
    ck_assert_str_eq(f.name, "lo");

    ck_assert_int_eq(xn_iface_choose("wlan9x", &f, err, sizeof err), -1);
    ck_assert_str_eq(err, "wlan9x is neither a valid IPv4 address of this computer nor the name of one of its "
                          "network interfaces (e.g. wlan0; ip -br addr lists them)");
    /* Not an IPv4 address (999 > 255), nor a name: said as both. */
    ck_assert_int_eq(xn_iface_choose("999.1.1.1", &f, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "999.1.1.1 is neither a valid IPv4 address of this computer nor the name"));
    ck_assert_str_eq(f.addr, "");
    ck_assert_int_eq(xn_iface_choose("10.255.255.254", &f, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "10.255.255.254 is not an address of this computer"));
    ck_assert_int_eq(xn_iface_choose("an-interface-name-far-too-long", &f, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "is neither a valid IPv4 address"));

    /* The default: an IPv4 address on a named interface, or the "no network" advice. */
    int rc = xn_iface_choose(NULL, &f, err, sizeof err);
    if (rc == 0) {
        struct in_addr a;
        ck_assert_int_eq(inet_pton(AF_INET, f.addr, &a), 1);
        ck_assert_uint_gt(strlen(f.name), 0);
    } else {
        ck_assert_msg(strstr(err, "no network") || strstr(err, "has no IPv4 address"), "%s", err);
    }
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("xn_iface");
    const xl_test_case cases[] = {{"route text", test_route_text}, {"choose", test_choose}};
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}
