/* xn_iface: choosing the address to bind (xn_iface.h). */
#define _DEFAULT_SOURCE   /* getifaddrs, struct ifaddrs */
#include "xn_iface.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

int xn_iface_default_route(const char *text, char *name, size_t cap)
{
    /* Iface Destination Gateway Flags RefCnt Use Metric Mask ...: hex fields, a header line. */
    unsigned long best_metric = (unsigned long)-1;
    int found = 0;
    const char *line = text;
    while (line && *line) {
        const char *next = strchr(line, '\n');
        char buf[256];
        size_t n = next ? (size_t)(next - line) : strlen(line);
        if (n < sizeof buf) {
            memcpy(buf, line, n);
            buf[n] = '\0';
            char ifname[32];
            unsigned long dest = 1, gw = 0, flags = 0, refcnt = 0, use = 0, metric = 0, mask = 1;
            if (sscanf(buf, "%31s %lx %lx %lx %lu %lu %lu %lx", ifname, &dest, &gw, &flags, &refcnt, &use, &metric,
                       &mask) == 8 &&
                dest == 0 && mask == 0 && (flags & 1u) /* RTF_UP */ && metric < best_metric &&
                strlen(ifname) < cap) {
                best_metric = metric;
                snprintf(name, cap, "%s", ifname);
                found = 1;
            }
        }
        line = next ? next + 1 : NULL;
    }
    return found ? 0 : -1;
}

static int read_routes(char *buf, size_t cap)
{
    FILE *f = fopen("/proc/net/route", "r");
    if (!f) return -1;
    size_t n = fread(buf, 1, cap - 1, f);
    fclose(f);
    buf[n] = '\0';
    return 0;
}

/* The interface's IPv4 address, or the interface holding addr: by name when name[0],
 * else by address. Returns 1 found, 0 not; *exists says whether an interface of that
 * name exists at all (with no IPv4 address, perhaps). */
static int lookup(const struct ifaddrs *all, xn_iface *io, int by_name, int *exists)
{
    struct in_addr want = {0};
    if (!by_name && inet_pton(AF_INET, io->addr, &want) != 1) return 0;
    for (const struct ifaddrs *a = all; a; a = a->ifa_next) {
        if (!a->ifa_name) continue;
        if (by_name && strcmp(a->ifa_name, io->name) == 0) *exists = 1;
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
        const struct sockaddr_in *sin = (const struct sockaddr_in *)(const void *)a->ifa_addr;
        if (by_name ? strcmp(a->ifa_name, io->name) != 0 : sin->sin_addr.s_addr != want.s_addr) continue;
        if (strlen(a->ifa_name) >= sizeof io->name) continue;
        snprintf(io->name, sizeof io->name, "%s", a->ifa_name);
        inet_ntop(AF_INET, &sin->sin_addr, io->addr, sizeof io->addr);
        return 1;
    }
    return 0;
}

/* A --class-bind that is neither: "999.1.1.1" or "wlan9" (whichever was meant). */
static const char NEITHER[] = "%.*s is neither a valid IPv4 address of this computer nor the name of one of its "
                              "network interfaces (e.g. wlan0; ip -br addr lists them)";

int xn_iface_choose(const char *want, xn_iface *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    struct ifaddrs *all = NULL;
    if (getifaddrs(&all) != 0) {
        snprintf(err, errlen, "cannot list this computer's network interfaces");
        return -1;
    }
    int rc = -1, exists = 0;
    struct in_addr a4;
    if (!want || !want[0]) {
        char routes[8192];
        if (read_routes(routes, sizeof routes) != 0 ||
            xn_iface_default_route(routes, out->name, sizeof out->name) != 0) {
            snprintf(err, errlen, "no network: connect to the room's Wi-Fi or a phone's hotspot, "
                                  "or use --class-bind 127.0.0.1 to try it alone");
        } else if (!lookup(all, out, 1, &exists)) {
            snprintf(err, errlen, "the network interface %s has no IPv4 address: is it connected? "
                                  "(or choose one with --class-bind)", out->name);
        } else {
            rc = 0;
        }
    } else if (inet_pton(AF_INET, want, &a4) == 1) {
        snprintf(out->addr, sizeof out->addr, "%s", want);
        if (lookup(all, out, 0, &exists)) rc = 0;
        else snprintf(err, errlen, "%s is not an address of this computer: name one of its own, or an "
                                   "interface (e.g. wlan0)", want);
    } else if (strlen(want) >= sizeof out->name) {
        snprintf(err, errlen, NEITHER, 40, want);
    } else {
        snprintf(out->name, sizeof out->name, "%s", want);
        if (lookup(all, out, 1, &exists)) rc = 0;
        else if (exists) snprintf(err, errlen, "the network interface %s has no IPv4 address: is it connected?", want);
        else snprintf(err, errlen, NEITHER, 40, want);
    }
    freeifaddrs(all);
    if (rc != 0) memset(out, 0, sizeof *out);
    return rc;
}
