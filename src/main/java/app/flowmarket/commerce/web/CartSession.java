package app.flowmarket.commerce.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.commerce.Carts;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.PersonalCookies;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * A visitor's cart is remembered by its id in a cookie, not in the server-side session: adding to a
 * cart then works while Redis is down, and the cart survives a restart of Redis or of the app (the cart
 * itself is in PostgreSQL). The id is random, so knowing it is what owning the cart means.
 */
final class CartSession {

    static final Duration LIFETIME = Duration.ofDays(30);

    private CartSession() {
    }

    static Carts.CartOwner owner(@Nullable CurrentUser user, HttpServletRequest request) {
        if (user != null) {
            return new Carts.CartOwner(user.account(), null);
        }
        return new Carts.CartOwner(null, visitorCart(request).orElse(null));
    }

    static void remember(CurrentUser user, UUID cartId, HttpServletRequest request, HttpServletResponse response) {
        if (user == null) {
            write(cartId.toString(), LIFETIME, request, response);
        }
    }

    /** The visitor's cart id from the cookie, if it holds one. */
    static Optional<UUID> visitorCart(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> PersonalCookies.CART.equals(c.getName())).findFirst().flatMap(c -> {
            try {
                return Optional.of(UUID.fromString(c.getValue()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    static void forget(HttpServletRequest request, HttpServletResponse response) {
        write("", Duration.ZERO, request, response);
    }

    private static void write(String value, Duration maxAge, HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(PersonalCookies.CART, value)
                .path("/").httpOnly(true).sameSite("Lax").secure(request.isSecure()).maxAge(maxAge).build().toString());
    }
}
