package app.flowmarket.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import app.flowmarket.shared.DomainException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Keeps webhooks from reaching inside our network (SSRF): an endpoint must be HTTPS on a public address. Every
 * address its host resolves to is checked (loopback, private, link-local, multicast, carrier-grade NAT, cloud
 * metadata, unique-local IPv6, IPv4-mapped and -compatible IPv6 forms), at save, before each delivery, and by the
 * {@link Resolver} the delivery connects through, so the address checked is the address connected to.
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

    /** A host resolved to an address webhooks may not reach. */
    static final class NotPublicException extends UnknownHostException {

        NotPublicException(String host) {
            super(host + " resolves to an address that is not public");
        }
    }

    /**
     * The resolver deliveries connect through: it answers with the host's addresses only when every one is public (or the
     * host is on the allow-list), so the address connected to is an address that was checked.
     */
    static final class Resolver implements DnsResolver {

        private final List<String> allowedHosts;

        Resolver(List<String> allowedHosts) {
            this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            if (!allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
                for (InetAddress address : addresses) {
                    if (!isPublic(address)) {
                        throw new NotPublicException(host);
                    }
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
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
