package app.flowmarket.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;


/** Buying through the real pages, the way a buyer clicks through them. */
public final class Shopper {

    public static final String GOOD_CARD = "4242 4242 4242 4242";
    public static final String DECLINED_CARD = "4000 0000 0000 0002";
    public static final String NO_FUNDS_CARD = "4000 0000 0000 9995";

    private Shopper() {
    }

    public static void addToCart(WebSession buyer, String kind, String id) {
        WebSession.Page page = buyer.post("/cart/items", Map.of("kind", kind, "id", id));
        assertThat(page.assertStatus(302).location()).isEqualTo("/cart");
        buyer.get("/cart"); // a browser follows the redirect, which shows (and uses up) the flash message
    }

    /** Opens the checkout page and places the order; returns where the buyer is sent (the hosted payment page, or the order for a free one). */
    public static String placeOrder(WebSession buyer) {
        buyer.get("/checkout").assertStatus(200);
        return buyer.post("/checkout", Map.of()).assertStatus(302).location();
    }

    /** The order a hosted payment page of the test processor belongs to, as its path ({@code /orders/…}). */
    public static String orderOf(org.springframework.jdbc.core.simple.JdbcClient jdbc, String paymentPage) {
        return "/orders/" + jdbc.sql("select order_id::text from test_checkout where id = ?").param(paymentPage.substring("/pay/test/".length()))
                .query(String.class).single();
    }

    /** Pays on the hosted test page; returns the order path. */
    public static String pay(WebSession buyer, String paymentPage, String card) {
        buyer.get(paymentPage).assertStatus(200);
        WebSession.Page result = buyer.post(paymentPage, Map.of("cardNumber", card));
        return result.status() == 302 ? result.location().replace("?returned", "") : null;
    }

    /**
     * Buys a workflow the way a buyer clicks: a paid one into the cart and through checkout (returns where
     * checkout led: the hosted payment page); a free one straight into the library (returns {@code /library}).
     */
    public static String buy(WebSession buyer, String workflowId) {
        String location = buyer.post("/cart/items", Map.of("kind", "WORKFLOW", "id", workflowId)).assertStatus(302).location();
        buyer.get(location);
        return "/cart".equals(location) ? placeOrder(buyer) : location;
    }

    /** "Get it free" without JavaScript (the workflow page's own form): straight into the library, no cart, no order to pay. */
    public static void getFree(WebSession buyer, String workflowId) {
        WebSession.Page page = buyer.post("/cart/items", Map.of("kind", "WORKFLOW", "id", workflowId));
        assertThat(page.assertStatus(302).location()).isEqualTo("/library");
        buyer.get("/library");
    }

    public static void awaitOrderText(WebSession buyer, String orderPath, String text) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> buyer.get(orderPath).body().contains(text));
    }
}
