package app.flowmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteSettingsTests {

    @Test
    void buildsAbsoluteLinksFromTheBaseUrlWhateverItsTrailingSlashes() {
        SiteSettings site = new SiteSettings(" https://market.example.com// ", null);
        assertThat(site.url("/orders/7")).isEqualTo("https://market.example.com/orders/7");
        assertThat(site.url("library")).isEqualTo("https://market.example.com/library");
        assertThat(site.url("https://elsewhere.example/x")).isEqualTo("https://elsewhere.example/x");
    }

    @Test
    void aBaseUrlOnThisMachineIsDevelopmentAnyOtherIsProductionUnlessSaidOtherwise() {
        assertThat(new SiteSettings("http://localhost:8080", null).isProduction()).isFalse();
        assertThat(new SiteSettings("http://127.0.0.1:9000", null).isProduction()).isFalse();
        assertThat(new SiteSettings("https://market.example.com", null).isProduction()).isTrue();
        assertThat(new SiteSettings("https://market.example.com", false).isProduction()).isFalse();
        assertThat(new SiteSettings("http://localhost:8080", true).isProduction()).isTrue();
    }
}
