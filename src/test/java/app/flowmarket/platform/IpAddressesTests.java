package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpAddressesTests {

    @Test
    void ipv6IsShownInItsShortForm() {
        assertThat(IpAddresses.display("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(IpAddresses.display("2001:0DB8:0:0:0:0:2:1")).isEqualTo("2001:db8::2:1");
        // the longest run of zeros is the one shortened, the first of two equal runs
        assertThat(IpAddresses.display("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpAddresses.display("2001:db8:0:1:1:1:1:1")).as("a single zero group stays").isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(IpAddresses.display("0:0:0:0:0:0:0:0")).isEqualTo("::");
    }

    @Test
    void anythingElseIsShownAsGiven() {
        assertThat(IpAddresses.display("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(IpAddresses.display("::1")).isEqualTo("::1");
        assertThat(IpAddresses.display("not:an:address:at:all:x:y:z")).isEqualTo("not:an:address:at:all:x:y:z");
        assertThat(IpAddresses.display(null)).isEmpty();
    }
}
