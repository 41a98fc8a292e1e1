package org.backtrack.progress.webhooks.rules;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Whether a webhook may connect to an address: only to public unicast ones. Refused are loopback (127/8, ::1),
 * "this network" (0/8, ::), link-local (169.254/16, fe80::/10, where cloud metadata services answer), private
 * (10/8, 172.16/12, 192.168/16, fc00::/7, the old site-local fec0::/10), shared CGNAT space (100.64/10), the IETF
 * protocol and documentation ranges (192.0.0/24, 192.0.2/24, 198.18/15, 198.51.100/24, 203.0.113/24, 2001:db8::/32),
 * multicast (224/4, ff00::/8) and the reserved 240/4 with broadcast. An IPv6 address that carries an IPv4 one
 * (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4
 * {@code 2002::/16}) is judged by the IPv4 address it carries.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** @return why the address is refused; empty for a public unicast address */
    public static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusalV4(bytes);
        }
        if (address instanceof Inet6Address) {
            return refusalV6(bytes);
        }
        return Optional.of("is not an IP address");
    }

    private static Optional<String> refusalV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        if (b0 == 127) {
            return Optional.of("is a loopback address");
        }
        if (b0 == 0) {
            return Optional.of("is in 0.0.0.0/8 (this network)");
        }
        if (b0 == 169 && b1 == 254) {
            return Optional.of("is a link-local address");
        }
        if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
            return Optional.of("is a private address");
        }
        if (b0 == 100 && b1 >= 64 && b1 <= 127) {
            return Optional.of("is in the shared address space 100.64.0.0/10");
        }
        if ((b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) || (b0 == 198 && (b1 == 18 || b1 == 19))
                || (b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) {
            return Optional.of("is in a reserved protocol or documentation range");
        }
        if (b0 >= 224 && b0 <= 239) {
            return Optional.of("is a multicast address");
        }
        if (b0 >= 240) {
            return Optional.of("is a reserved or broadcast address");
        }
        return Optional.empty();
    }

    private static Optional<String> refusalV6(byte[] a) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= a[i] == 0;
        }
        if (firstTenZero && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return refusalV4(last4(a, 12)); // IPv4-mapped
        }
        if (firstTenZero && a[10] == 0 && a[11] == 0) {
            boolean onlyLastByte = a[12] == 0 && a[13] == 0 && a[14] == 0;
            if (onlyLastByte && a[15] == 0) {
                return Optional.of("is the unspecified address");
            }
            if (onlyLastByte && a[15] == 1) {
                return Optional.of("is a loopback address");
            }
            return refusalV4(last4(a, 12)); // IPv4-compatible (deprecated)
        }
        int w0 = ((a[0] & 0xff) << 8) | (a[1] & 0xff);
        int w1 = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
        if (w0 == 0x0064 && w1 == 0xff9b) {
            return refusalV4(last4(a, 12)); // NAT64
        }
        if (w0 == 0x2002) {
            return refusalV4(last4(a, 2)); // 6to4
        }
        if ((a[0] & 0xff) == 0xff) {
            return Optional.of("is a multicast address");
        }
        if ((w0 & 0xffc0) == 0xfe80) {
            return Optional.of("is a link-local address");
        }
        if ((w0 & 0xffc0) == 0xfec0 || (a[0] & 0xfe) == 0xfc) {
            return Optional.of("is a private address");
        }
        if (w0 == 0x2001 && w1 == 0x0db8) {
            return Optional.of("is in a documentation range");
        }
        return Optional.empty();
    }

    private static byte[] last4(byte[] a, int from) {
        return new byte[]{a[from], a[from + 1], a[from + 2], a[from + 3]};
    }
}
