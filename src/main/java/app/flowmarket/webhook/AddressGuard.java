package app.flowmarket.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import app.flowmarket.shared.DomainException;

/**
 * Keeps webhooks from reaching inside our network (SSRF): an endpoint must be HTTPS on a public address. Every
 * address its host resolves to is checked (loopback, private, link-local, multicast, carrier-grade NAT, cloud
 * metadata, unique-local IPv6, IPv4-mapped and -compatible IPv6 forms), at save and again before each delivery.
 * Host names on the configured allow-list skip the check (tests and local development).
 */
final class AddressGuard {

    private AddressGuard() {
    }

    /** The endpoint's URI if it may be called; a {@link DomainException} saying why not otherwise. */
    static URI check(String raw, List<String> allowedHosts) {
        URI uri;
        try {
            uri = new URI(raw == null ? "" : raw.strip());
        } catch (java.net.URISyntaxException e) {
            throw new DomainException("webhooks.url.invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || uri.getUserInfo() != null || raw.length() > 2000) {
            throw new DomainException("webhooks.url.invalid");
        }
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new DomainException("webhooks.url.https");
            }
            return uri;
        }
        if (!scheme.equals("https")) {
            throw new DomainException("webhooks.url.https");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new DomainException("webhooks.url.unresolvable");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new DomainException("webhooks.url.private");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) forms are judged as the IPv4 address
            boolean zeros = true;
            for (int i = 0; i < 10; i++) {
                zeros &= b[i] == 0;
            }
            if (zeros && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0 && !allZero(b, 12)))) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == (byte) 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
                return false; // 64:ff9b::/96 NAT64 could reach private IPv4
            }
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        if (address instanceof Inet4Address) {
            int a = address.getAddress()[0] & 0xff;
            int b = address.getAddress()[1] & 0xff;
            if (a == 0 || a >= 240 || (a == 100 && b >= 64 && b <= 127) || (a == 192 && b == 0) || (a == 198 && (b == 18 || b == 19))) {
                return false; // this network, reserved/broadcast, carrier-grade NAT, IETF protocol assignments, benchmarking
            }
        }
        return true;
    }

    private static boolean allZero(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
