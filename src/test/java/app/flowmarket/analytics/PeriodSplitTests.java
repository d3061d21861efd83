package app.flowmarket.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodSplitTests {

    @Test
    void aPeriodCrossingMonthsIsItsFirstDaysItsWholeMonthsAndItsLastDays() {
        Period.Split split = new Period(LocalDate.of(2025, 11, 28), LocalDate.of(2026, 3, 3)).split();
        assertThat(split.head()).isEqualTo(new Period(LocalDate.of(2025, 11, 28), LocalDate.of(2025, 11, 30)));
        assertThat(split.months()).isEqualTo(new Period(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 2, 28)));
        assertThat(split.tail()).isEqualTo(new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 3)));
    }

    @Test
    void wholeMonthsHaveNoDaysAtEitherEnd() {
        Period.Split split = new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 29)).split();
        assertThat(split.head()).isNull();
        assertThat(split.months()).isEqualTo(new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 29)));
        assertThat(split.tail()).isNull();
    }

    @Test
    void aPeriodWithoutAWholeMonthIsReadByDay() {
        Period inside = new Period(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 30));
        assertThat(inside.split()).isEqualTo(new Period.Split(inside, null, null));
        Period across = new Period(LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 10));
        assertThat(across.split()).isEqualTo(new Period.Split(across, null, null));
    }

    @Test
    void theDaysOfTheThreePartsAreThePeriodsDays() {
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (int from = 0; from < 400; from += 7) {
            for (int length = 1; length < 200; length += 13) {
                Period period = new Period(start.plusDays(from), start.plusDays(from + length - 1));
                Period.Split split = period.split();
                long days = 0;
                LocalDate next = period.from();
                for (Period part : new Period[] {split.head(), split.months(), split.tail()}) {
                    if (part != null) {
                        assertThat(part.from()).isEqualTo(next);
                        next = part.to().plusDays(1);
                        days += part.days();
                    }
                }
                assertThat(days).as("%s", period).isEqualTo(period.days());
                if (split.months() != null) {
                    assertThat(split.months().from().getDayOfMonth()).isEqualTo(1);
                    assertThat(split.months().to().plusDays(1).getDayOfMonth()).isEqualTo(1);
                }
            }
        }
    }
}
