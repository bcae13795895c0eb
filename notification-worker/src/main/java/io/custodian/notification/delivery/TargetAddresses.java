package io.custodian.notification.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The SSRF rule for chat and webhook targets, applied at start: the target's host is resolved and
 * <em>every</em> address it resolves to is checked. Never allowed: link-local addresses (169.254/16
 * with the cloud metadata service 169.254.169.254, fe80::/10), the unspecified address (0.0.0.0,
 * ::), multicast. Allowed only with {@code custodian.delivery.allow-private-targets} (local runs
 * and tests, where the receiver is on this machine): loopback (127/8, ::1), private ranges (10/8,
 * 172.16/12, 192.168/16, 100.64/10 carrier-grade NAT, fc00::/7). Messages name the host, never the
 * URL (an incoming-webhook URL is a secret).
 */
final class TargetAddresses {

    /** Host name to addresses; {@link InetAddress#getAllByName} in production. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final Resolver DNS = InetAddress::getAllByName;

    private TargetAddresses() {}

    /** Why this URL's host may not be called, or empty when every address it has is allowed. */
    static Optional<String> refusal(URI url, boolean allowPrivate, Resolver resolver) {
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("has no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + url.getHost() + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            return Optional.of("host " + url.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String kind = kind(address);
            if (kind == null) {
                continue;
            }
            boolean privateKind = kind.equals("loopback") || kind.equals("private");
            if (!privateKind || !allowPrivate) {
                return Optional.of(
                        "host "
                                + url.getHost()
                                + " resolves to "
                                + address.getHostAddress()
                                + ", a "
                                + kind
                                + " address"
                                + (privateKind
                                        ? " (allowed only with"
                                                + " custodian.delivery.allow-private-targets=true)"
                                        : ""));
            }
        }
        return Optional.empty();
    }

    /** null for a public unicast address, else what it is. */
    static String kind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local (cloud metadata)";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "unspecified";
            }
            if (first == 169 && second == 254) {
                return "link-local (cloud metadata)";
            }
            if (first == 10
                    || (first == 172 && second >= 16 && second <= 31)
                    || (first == 192 && second == 168)
                    || (first == 100 && second >= 64 && second <= 127)) {
                return "private";
            }
            if (first >= 240) {
                return "reserved";
            }
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc || address.isSiteLocalAddress()) {
                return "private";
            }
            if (isMappedOrCompatible(b)) {
                try {
                    byte[] v4 = {b[12], b[13], b[14], b[15]};
                    return kind(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    return "reserved";
                }
            }
        }
        return null;
    }

    /** ::ffff:a.b.c.d (Java usually returns these as IPv4 already) and ::a.b.c.d. */
    private static boolean isMappedOrCompatible(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
    }
}
