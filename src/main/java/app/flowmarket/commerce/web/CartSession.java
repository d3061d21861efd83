package app.flowmarket.commerce.web;

import java.util.UUID;

import app.flowmarket.commerce.Carts;
import app.flowmarket.shared.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** A visitor's cart is remembered by its id in the (Redis-backed) session. */
final class CartSession {

    static final String ATTRIBUTE = "flowmarket.cartId";

    private CartSession() {
    }

    static Carts.CartOwner owner(CurrentUser user, HttpServletRequest request) {
        if (user != null) {
            return new Carts.CartOwner(user, null);
        }
        HttpSession session = request.getSession(false);
        return new Carts.CartOwner(null, session == null ? null : (UUID) session.getAttribute(ATTRIBUTE));
    }

    static void remember(CurrentUser user, UUID cartId, HttpServletRequest request) {
        if (user == null) {
            request.getSession(true).setAttribute(ATTRIBUTE, cartId);
        }
    }
}
