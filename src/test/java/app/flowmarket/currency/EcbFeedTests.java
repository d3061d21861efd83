package app.flowmarket.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Currency;

import org.junit.jupiter.api.Test;

/** Reading the ECB's daily reference rates document (eurofxref-daily.xml, in its published format). */
class EcbFeedTests {

    static byte[] sample() throws IOException {
        try (InputStream in = EcbFeedTests.class.getResourceAsStream("/ecb/eurofxref-daily.xml")) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsTheDayAndEveryCurrencysRatePerEuro() throws IOException {
        DailyRates rates = EcbFeed.parse(sample());

        assertThat(rates.date()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(rates.source()).isEqualTo("ecb");
        assertThat(rates.perEuro(Currency.getInstance("USD"))).contains(new BigDecimal("1.1580"));
        assertThat(rates.perEuro(Currency.getInstance("JPY"))).contains(new BigDecimal("180.62"));
        assertThat(rates.perEuro(Currency.getInstance("EUR"))).contains(BigDecimal.ONE);
        assertThat(rates.perEuro()).hasSize(31);
    }

    @Test
    void refusesWhatIsNotOneDayOfPositiveRates() {
        String envelope = "<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\" "
                + "xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\"><Cube>%s</Cube></gesmes:Envelope>";
        assertThatThrownBy(() -> EcbFeed.parse(envelope.formatted("").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("no rates");
        assertThatThrownBy(() -> EcbFeed.parse(envelope.formatted("<Cube time='2026-11-24'><Cube currency='USD' rate='-1'/></Cube>")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("impossible rate");
        assertThatThrownBy(() -> EcbFeed.parse(envelope.formatted("<Cube time='yesterday'><Cube currency='USD' rate='1.1'/></Cube>")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("no readable date");
        assertThatThrownBy(() -> EcbFeed.parse("<html>Service unavailable".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not readable XML");
    }

    @Test
    void neverResolvesEntitiesOrDoctypes() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<Envelope xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\"><Cube><Cube time='2026-11-24'>"
                + "<Cube currency='USD' rate='&e;'/></Cube></Cube></Envelope>";
        assertThatThrownBy(() -> EcbFeed.parse(hostile.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("not readable XML");
    }
}
