package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.support.WebSession;

/** Buying through the real pages, the way a buyer clicks through them. */
final class Shopper {

    static final String GOOD_CARD = "4242 4242 4242 4242";
    static final String DECLINED_CARD = "4000 0000 0000 0002";
    static final String NO_FUNDS_CARD = "4000 0000 0000 9995";

    private Shopper() {
    }

    static void addToCart(WebSession buyer, String kind, String id) {
        WebSession.Page page = buyer.post("/cart/items", Map.of("kind", kind, "id", id));
        assertThat(page.assertStatus(302).location()).isEqualTo("/cart");
        buyer.get("/cart"); // a browser follows the redirect, which shows (and uses up) the flash message
    }

    static String checkoutKey(WebSession buyer) {
        String page = buyer.get("/checkout").assertStatus(200).body();
        Matcher matcher = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("checkout page has an idempotency key").isTrue();
        return matcher.group(1);
    }

    /** Places the order; returns where the buyer is sent (the hosted payment page, or the order for a free one). */
    static String placeOrder(WebSession buyer) {
        String key = checkoutKey(buyer);
        return buyer.post("/checkout", Map.of("idempotencyKey", key)).assertStatus(302).location();
    }

    /** Pays on the hosted test page; returns the order path. */
    static String pay(WebSession buyer, String paymentPage, String card) {
        buyer.get(paymentPage).assertStatus(200);
        WebSession.Page result = buyer.post(paymentPage, Map.of("cardNumber", card));
        return result.status() == 302 ? result.location().replace("?returned", "") : null;
    }

    static void awaitOrderText(WebSession buyer, String orderPath, String text) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> buyer.get(orderPath).body().contains(text));
    }
}
