package app.flowmarket.commerce;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.shared.CurrencyConverter;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.StoreId;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cart of workflows priced in several currencies is charged in the buyer's, at the day's rate shown at
 * checkout; each seller is credited in their own currency, and a refund gives back what was charged.
 */
@IntegrationTest
class MixedCurrencyCheckoutIntegrationTests {

    private static final Pattern RATES_DATE = Pattern.compile("name=\"ratesDate\" value=\"([0-9-]{10})\"");

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    CurrencyConverter converter;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMixedCartIsChargedInTheBuyersCurrencyEachSellerIsCreditedInTheirOwnAndARefundReturnsWhatWasCharged() {
        WebSession euroSeller = SellerFixture.newSeller(port);
        WebSession poundSeller = SellerFixture.newSeller(port);
        String euroId = SellerFixture.publishedWorkflow(euroSeller, Map.of("title", "Euro line " + Fixtures.uniqueSlug("e"), "price", "19.99", "currency", "EUR"));
        String poundId = SellerFixture.publishedWorkflow(poundSeller, Map.of("title", "Pound line " + Fixtures.uniqueSlug("p"), "price", "7.35", "currency", "GBP"));
        WebSession buyer = buyer().withCookie("flowmarket-currency", "CHF", "/");
        Currency chf = Currency.getInstance("CHF");
        Money euroCharged = converter.convert(Money.of(1999, "EUR"), chf).orElseThrow();
        Money poundCharged = converter.convert(Money.of(735, "GBP"), chf).orElseThrow();

        // the second item in another currency is taken, and said so as a success (it used to be refused under a success box)
        Shopper.addToCart(buyer, "WORKFLOW", euroId);
        assertThat(buyer.post("/cart/items", Map.of("kind", "WORKFLOW", "id", poundId)).assertStatus(302).location()).isEqualTo("/cart");
        String cart = buyer.get("/cart").body();
        assertThat(cart).contains("Added to your cart.").doesNotContain("error-box");

        String checkout = buyer.get("/checkout").assertStatus(200).body();
        assertThat(checkout).contains(euroCharged.format(Locale.ENGLISH)).contains(poundCharged.format(Locale.ENGLISH))
                .contains("1 EUR = ").contains("1 GBP = ").contains("CHF");
        Matcher shown = RATES_DATE.matcher(checkout);
        assertThat(shown.find()).isTrue();

        // rates newer than the page the buyer confirmed: nothing is placed, the new amounts are shown first
        WebSession.Page stale = buyer.post("/checkout", Map.of("ratesDate", "2001-01-01"));
        assertThat(stale.assertStatus(302).location()).isEqualTo("/checkout");
        assertThat(buyer.get("/checkout").body()).contains("The exchange rates were updated a moment ago.");
        assertThat(jdbc.sql("select count(*) from purchase_order where buyer_id = ?").param(buyerId).query(Long.class).single()).isZero();

        String paymentPage = buyer.post("/checkout", Map.of("ratesDate", shown.group(1))).assertStatus(302).location();
        String orderPath = Shopper.pay(buyer, paymentPage, Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");
        UUID orderId = UUID.fromString(orderPath.substring("/orders/".length()));

        assertThat(jdbc.sql("select total_minor || ' ' || currency from purchase_order where id = ?").param(orderId).query(String.class).single())
                .isEqualTo((euroCharged.minor() + poundCharged.minor()) + " CHF");
        record Line(String currency, long netMinor, long sellerMinor, long chargedMinor, BigDecimal rate) {
        }
        Line euros = jdbc.sql("select currency, net_minor, seller_minor, charged_minor, rate from order_line where order_id = ? and ref_id = ?::uuid")
                .params(orderId, euroId).query(Line.class).single();
        assertThat(euros.currency()).isEqualTo("EUR");
        assertThat(euros.netMinor()).isEqualTo(1999);
        assertThat(euros.chargedMinor()).isEqualTo(euroCharged.minor());
        // the rate kept with the line gives back the amount charged, rounded half-up to the centime
        assertThat(new BigDecimal("19.99").multiply(euros.rate()).setScale(2, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo(euroCharged.toDecimal());
        assertThat(ledger.sellerBalance(StoreId.of(storeOf(euroId)), "EUR")).isEqualTo(Money.of(euros.sellerMinor(), "EUR"));
        assertThat(ledger.sellerBalance(StoreId.of(storeOf(poundId)), "GBP").minor()).isEqualTo(735 - 74);
        assertThat(ledger.sellerBalance(StoreId.of(storeOf(euroId)), "CHF").minor()).isZero();
        String receipt = buyer.get(orderPath).body();
        assertThat(receipt).contains("€19.99").contains("£7.35").contains("1 EUR = ");

        // the euro seller refunds their line: the buyer gets back the francs they paid for it, the seller's euros are reversed
        String lineId = jdbc.sql("select id::text from order_line where order_id = ? and ref_id = ?::uuid").params(orderId, euroId)
                .query(String.class).single();
        euroSeller.post("/seller/sales/" + lineId + "/refund", Map.of()).assertStatus(302);
        assertThat(jdbc.sql("select refunded_minor from test_checkout where order_id = ? and status = 'PAID'").param(orderId)
                .query(Long.class).single()).isEqualTo(euroCharged.minor());
        assertThat(ledger.sellerBalance(StoreId.of(storeOf(euroId)), "EUR").minor()).isZero();
        assertThat(ledger.sellerBalance(StoreId.of(storeOf(poundId)), "GBP").minor()).isEqualTo(735 - 74);
    }

    private UUID buyerId;

    private WebSession buyer() {
        String email = Fixtures.uniqueEmail("mixed");
        accounts.createVerified(email, Fixtures.PASSWORD, "Mia Mixed");
        buyerId = jdbc.sql("select id from account where email = ?").param(email).query(UUID.class).single();
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    private UUID storeOf(String workflowId) {
        return jdbc.sql("select store_id from workflow where id = ?::uuid").param(workflowId).query(UUID.class).single();
    }
}
