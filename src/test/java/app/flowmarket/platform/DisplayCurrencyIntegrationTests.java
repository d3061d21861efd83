package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.shared.CurrencyConverter;
import app.flowmarket.shared.Money;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Prices in the visitor's currency: guessed from the browser, chosen in the footer or the settings, kept on the account. */
@IntegrationTest
class DisplayCurrencyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    CurrencyConverter converter;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFirstVisitSeesPricesInTheCurrencyOfItsLanguageAndCountryBesideTheSellersPrice() {
        String slug = dollarWorkflow("Guessed " + Fixtures.uniqueSlug("g"), "20.00");
        String euros = converter.convert(Money.of(2000, "USD"), Currency.getInstance("EUR")).orElseThrow().format(Locale.GERMAN);
        String pounds = converter.convert(Money.of(2000, "USD"), Currency.getInstance("GBP")).orElseThrow().format(Locale.UK);

        String german = new WebSession(port).header("Accept-Language", "de-DE,de;q=0.9").get("/workflows/" + slug + "/buy-box").body();
        assertThat(german).contains(euros).contains(Money.of(2000, "USD").format(Locale.GERMAN));
        String british = new WebSession(port).header("Accept-Language", "en-GB").get("/workflows/" + slug + "/buy-box").body();
        assertThat(british).contains("≈").contains(pounds).contains("$20");
        String american = new WebSession(port).header("Accept-Language", "en-US").get("/workflows/" + slug + "/buy-box").body();
        assertThat(american).contains("$20").doesNotContain("≈");
    }

    @Test
    void aCurrencyChosenInTheFooterShowsOnEveryPageAndBadChoicesAreRefusedPolitely() {
        String slug = dollarWorkflow("Chosen " + Fixtures.uniqueSlug("c"), "20.00");
        WebSession visitor = new WebSession(port).header("Accept-Language", "en-US");
        visitor.get("/workflows");

        WebSession.Page chosen = visitor.post("/currency", Map.of("currency", "JPY", "back", "/workflows/" + slug));
        assertThat(chosen.assertStatus(302).location()).isEqualTo("/workflows/" + slug);
        assertThat(visitor.cookie("flowmarket-currency")).isEqualTo("JPY");
        assertThat(visitor.get("/workflows/" + slug).body()).contains("Prices are now shown in Japanese Yen.");
        String yen = converter.convert(Money.of(2000, "USD"), Currency.getInstance("JPY")).orElseThrow().format(java.util.Locale.US);
        assertThat(visitor.get("/workflows/" + slug + "/buy-box").body()).contains(yen).contains("$20");
        assertThat(visitor.get("/workflows/" + slug).body()).contains("<option value=\"JPY\" selected>");

        // a currency without rates is refused with an error on the page; a way back off this site with a 400, changing nothing
        WebSession.Page unknown = visitor.post("/currency", Map.of("currency", "XYZ", "back", "/"));
        assertThat(unknown.assertStatus(302).location()).isEqualTo("/");
        assertThat(visitor.get("/").body()).contains("Prices cannot be shown in that currency.");
        assertThat(visitor.post("/currency", Map.of("currency", "EUR", "back", "https://evil.example/")).assertStatus(400).location()).isNull();
        assertThat(visitor.cookie("flowmarket-currency")).isEqualTo("JPY");
    }

    @Test
    void aSignedInChoiceIsKeptOnTheAccountAndComesBackOnAnotherDevice() {
        String email = Fixtures.uniqueEmail("currency");
        accounts.createVerified(email, Fixtures.PASSWORD, "Cora Currency");
        WebSession laptop = new WebSession(port).header("Accept-Language", "en-US").signIn(email, Fixtures.PASSWORD);
        assertThat(laptop.get("/settings").body()).contains("id=\"settings-currency\"");

        laptop.post("/currency", Map.of("currency", "CHF", "back", "/settings")).assertStatus(302);
        assertThat(jdbc.sql("select preferred_currency from account where email = ?").param(email).query(String.class).single())
                .isEqualTo("CHF");

        WebSession phone = new WebSession(port).header("Accept-Language", "en-US").signIn(email, Fixtures.PASSWORD);
        assertThat(phone.cookie("flowmarket-currency")).isEqualTo("CHF");
        assertThat(phone.get("/settings").body()).contains("<option value=\"CHF\" selected>");
    }

    private String dollarWorkflow(String title, String price) {
        WebSession seller = SellerFixture.newSeller(port);
        String id = SellerFixture.publishedWorkflow(seller, Map.of("title", title, "price", price, "currency", "USD"));
        return jdbc.sql("select slug from workflow where id = ?::uuid").param(id).query(String.class).single();
    }
}
