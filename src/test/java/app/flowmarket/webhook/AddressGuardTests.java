package app.flowmarket.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;

import app.flowmarket.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhook endpoints cannot point inside our network, whatever form the address takes. */
class AddressGuardTests {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", "169.254.169.254",
            "0.0.0.0", "224.0.0.1", "255.255.255.255", "100.64.0.1", "198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
            "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a00:1", "2001:db8::1"})
    void refusesPrivateAndSpecialAddresses(String address) throws Exception {
        assertThat(AddressGuard.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"})
    void acceptsPublicAddresses(String address) throws Exception {
        assertThat(AddressGuard.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://[::1]/hook", "https://[::ffff:127.0.0.1]/hook", "https://10.1.2.3/hook",
            "https://169.254.169.254/latest/meta-data", "https://0x7f000001/hook", "https://2130706433/hook", "https://localhost/hook"})
    void refusesUrlsThatReachInside(String url) {
        assertThatThrownBy(() -> AddressGuard.check(url, List.of())).isInstanceOf(DomainException.class);
    }

    @Test
    void wantsHttpsUnlessTheHostIsAllowListed() {
        assertThatThrownBy(() -> AddressGuard.check("http://8.8.8.8/hook", List.of()))
                .isInstanceOf(DomainException.class).hasMessage("webhooks.url.https");
        assertThatThrownBy(() -> AddressGuard.check("https://user:pw@8.8.8.8/hook", List.of())).isInstanceOf(DomainException.class);
        assertThat(AddressGuard.check("https://8.8.8.8/hook", List.of()).getHost()).isEqualTo("8.8.8.8");
        assertThat(AddressGuard.check("http://localhost:8089/hook", List.of("localhost")).getPort()).isEqualTo(8089);
    }

    @Test
    void theResolverDeliveriesConnectThroughRefusesANameThatNowPointsInside() throws Exception {
        AddressGuard.Resolver resolver = new AddressGuard.Resolver(List.of());
        assertThatThrownBy(() -> resolver.resolve("localhost")).isInstanceOf(AddressGuard.NotPublicException.class);
        assertThatThrownBy(() -> resolver.resolve("127.0.0.1")).isInstanceOf(AddressGuard.NotPublicException.class);
        assertThat(new AddressGuard.Resolver(List.of("LocalHost")).resolve("localhost")).allMatch(InetAddress::isLoopbackAddress);
    }

    @Test
    void aConnectionMadeThroughTheResolverIsRefusedBeforeAnyByteIsSent() throws Exception {
        // a name that passed the check at save time and resolves inside at delivery (DNS rebinding): the connection itself is refused
        try (var client = org.apache.hc.client5.http.impl.classic.HttpClients.custom()
                .setConnectionManager(org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new AddressGuard.Resolver(List.of())).build())
                .build()) {
            assertThatThrownBy(() -> client.execute(new org.apache.hc.client5.http.classic.methods.HttpPost("http://localhost:9/hook"), r -> r.getCode()))
                    .isInstanceOf(AddressGuard.NotPublicException.class);
        }
    }
}
