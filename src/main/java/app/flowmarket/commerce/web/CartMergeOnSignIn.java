package app.flowmarket.commerce.web;

import app.flowmarket.commerce.Carts;
import app.flowmarket.shared.CurrentUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** What a visitor put in their cart is still there after they sign in. */
@Component
class CartMergeOnSignIn {

    private final Carts carts;

    CartMergeOnSignIn(Carts carts) {
        this.carts = carts;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof CurrentUser user)
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return;
        }
        CartSession.visitorCart(attributes.getRequest()).ifPresent(cartId -> {
            carts.merge(cartId, user.account());
            if (attributes.getResponse() != null) {
                CartSession.forget(attributes.getRequest(), attributes.getResponse());
            }
        });
    }
}
