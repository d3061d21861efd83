package app.flowmarket.shared;

import java.util.Set;

/**
 * Cookies that make a visitor's pages personal: a page asked for with one of them is never served
 * from, or stored in, the shared page cache.
 */
public final class PersonalCookies {

    /** Spring Session's cookie: a signed-in person (or anything else kept server-side). */
    public static final String SESSION = "SESSION";
    /** A visitor's cart: the cart's random id (unguessable, so it is its own key), kept 30 days. */
    public static final String CART = "flowmarket-cart";

    /** A flash message waiting for the page a form redirected to ("Added to your cart"). */
    public static final String FLASH = "flowmarket-flash";

    public static final Set<String> ALL = Set.of(SESSION, CART, FLASH);

    private PersonalCookies() {
    }
}
