package app.flowmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MoneyTests {

    @ParameterizedTest
    @CsvSource({"19,1900", "19.5,1950", "19.99,1999", "'19,99',1999", "0,0", " 7 ,700"})
    void parsesWhatPeopleTypeIntoMinorUnits(String typed, long minor) {
        assertThat(Money.parse(typed, "EUR").minor()).isEqualTo(minor);
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThatThrownBy(() -> Money.parse("1.999", "USD")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Money.parse("abc", "USD")).isInstanceOf(NumberFormatException.class);
        // other scripts' digits are digits to Java, but nobody typing a price means them
        assertThatThrownBy(() -> Money.parse("٣", "USD")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Money.parse("１２", "USD")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Money.parse("1e3", "USD")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Money.parse("-5", "USD")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void formatsForTheReadersLocale() {
        assertThat(Money.of(1950, "USD").format(Locale.US)).isEqualTo("$19.50");
        assertThat(Money.of(1900, "USD").format(Locale.US)).isEqualTo("$19");
        assertThat(Money.of(1950, "EUR").format(Locale.GERMANY)).isEqualTo("19,50\u00a0€");
    }
}
