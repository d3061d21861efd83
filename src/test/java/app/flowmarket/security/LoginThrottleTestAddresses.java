package app.flowmarket.security;

/** Addresses of browsers for tests of other packages: each test browser comes from its own address. */
public final class LoginThrottleTestAddresses {

    private LoginThrottleTestAddresses() {
    }

    public static String next() {
        return LoginThrottleIntegrationTests.newAddress();
    }
}
