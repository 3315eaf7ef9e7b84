/* xn_iface: which of this computer's IPv4 addresses the class server binds to (part 12).
 *
 * A phone on the room's Wi-Fi reaches the laptop through the interface its default route
 * leaves by, so that is the choice when none is named: the route from /proc/net/route,
 * its address from getifaddrs(3). --class-bind names one instead: an IPv4 address that
 * is one of ours ("192.168.1.20", "127.0.0.1"), or an interface's name ("wlan0", "lo").
 * Errors are sentences a teacher can act on. Linux only (the desktop build). */
#ifndef XN_IFACE_H
#define XN_IFACE_H

#include <stddef.h>

enum {
    XN_IFACE_NAME_MAX = 16,     /* IFNAMSIZ */
    XN_IFACE_ADDR_MAX = 16      /* "255.255.255.255" and its NUL */
};

typedef struct xn_iface {
    char name[XN_IFACE_NAME_MAX];   /* "wlan0" */
    char addr[XN_IFACE_ADDR_MAX];   /* "192.168.1.20" */
} xn_iface;

/* Choose as above: want NULL or "" the default route's interface. Returns 0 with *out
 * filled, or -1 with the reason in err ("wlan9 is neither a valid IPv4 address of this computer nor
 * the name of one of its network interfaces ...", "no network: ..."). */
int xn_iface_choose(const char *want, xn_iface *out, char *err, size_t errlen);

/* The default route's interface in the text of /proc/net/route (pure, for the tests):
 * the line with destination and mask 0, the lowest metric. Returns 0 with its name in
 * name (cap bytes), -1 when there is none. */
int xn_iface_default_route(const char *route_text, char *name, size_t cap);

#endif
