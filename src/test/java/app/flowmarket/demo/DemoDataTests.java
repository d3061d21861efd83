package app.flowmarket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.flowmarket.shared.SiteSettings;
import org.junit.jupiter.api.Test;

class DemoDataTests {

    @Test
    void demoAccountsWithTheirPublishedPasswordAreNeverCreatedOnAPublicSiteUnlessAskedFor() {
        SiteSettings local = new SiteSettings("http://localhost:8080", null);
        SiteSettings publicSite = new SiteSettings("https://market.example.com", null);
        SiteSettings saidProduction = new SiteSettings("http://localhost:8080", true);

        assertThat(DemoData.wanted(null, local)).isTrue();
        assertThat(DemoData.wanted(null, publicSite)).isFalse();
        assertThat(DemoData.wanted(null, saidProduction)).isFalse();
        assertThat(DemoData.wanted(true, publicSite)).isTrue();
        assertThat(DemoData.wanted(false, local)).isFalse();
    }
}
