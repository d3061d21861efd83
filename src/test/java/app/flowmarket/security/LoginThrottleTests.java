package app.flowmarket.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    @Test
    void countsAnIpv6ClientByItsSlash64WhichOneSubscriberHolds() {
        assertThat(LoginThrottle.source("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(LoginThrottle.source("2001:db8:1:2::1"))
                .isEqualTo("20010db800010002::/64");
        assertThat(LoginThrottle.source("2001:db8:1:3::1")).isNotEqualTo(LoginThrottle.source("2001:db8:1:2::1"));
    }

    @Test
    void countsAnIpv4ClientByItsAddress() {
        assertThat(LoginThrottle.source("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(LoginThrottle.source("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
    }
}
