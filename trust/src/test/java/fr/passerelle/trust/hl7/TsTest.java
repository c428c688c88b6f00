package fr.passerelle.trust.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one reader and writer of HL7 TS / XDS DTM. */
class TsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "20240402               | 2024-04-02T00:00:00Z",
        "2024040211             | 2024-04-02T11:00:00Z",
        "202404021117           | 2024-04-02T11:17:00Z",
        "20240402111759         | 2024-04-02T11:17:59Z",
        "20240402111759.1234    | 2024-04-02T11:17:59Z",
        "20240402111759.123456789 | 2024-04-02T11:17:59Z",
        "20240402111700+0100    | 2024-04-02T11:17:00+01:00",
        "202404021117-0500      | 2024-04-02T11:17:00-05:00",
        "20240402-0230          | 2024-04-02T00:00:00-02:30",
        "20240402111759.5+0000  | 2024-04-02T11:17:59Z",
        "20240229               | 2024-02-29T00:00:00Z",
        "'  20240402111759 '    | 2024-04-02T11:17:59Z"})
    void readsEveryPrecisionFromTheDayToTheSecondWithItsOffsetOrUtc(String text, String expected) {
        assertThat(Ts.read(text)).contains(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2024", "202404", "2024040", "202404021", "20240402111", "2024040211175",
        "202404021117591", "20240402.5", "202404021117.5", "20240402111759.", "20240402111759.1234567890",
        "20240402+01", "20240402+1", "20240402+01:00", "20240402Z", "2024-04-02", "2024040211:17",
        "20230229", "20240230", "20241301", "20240400", "20240402240000", "20240402116000", "20240402111760",
        "20240402+1900", "20240402+0160", "x20240402", "20240402x", "+20240402", "２０２４０４０２",
        "20240402111759.1234+0100+0100", "20240402111759000000000000000000000"})
    void refusesWhatIsNotAFullDayOnTheCalendar(String text) {
        assertThat(Ts.read(text)).isEmpty();
        assertThat(Ts.readDate(text)).isEmpty();
    }

    @Test
    void refusesNullAndOverLongText() {
        assertThat(Ts.read(null)).isEmpty();
        assertThat(Ts.read("2".repeat(5_000))).isEmpty();
        assertThat(Ts.read("20240402111759." + "1".repeat(Ts.MAX_LENGTH))).isEmpty();
    }

    @Test
    void aDateIsTheDayAsWrittenWhateverTheOffset() {
        assertThat(Ts.readDate("19800101")).contains(LocalDate.of(1980, 1, 1));
        assertThat(Ts.readDate("19800101233000-0500")).contains(LocalDate.of(1980, 1, 1));
        assertThat(Ts.readDate("19800101003000+0200")).contains(LocalDate.of(1980, 1, 1));
    }

    @Test
    void writesFourteenDigitsInUtcAndEightForADay() {
        assertThat(Ts.format(Instant.parse("2024-04-02T09:17:59.999Z"))).isEqualTo("20240402091759");
        assertThat(Ts.format(OffsetDateTime.parse("2024-04-02T00:30:00+02:00").toInstant()))
                .isEqualTo("20240401223000");
        assertThat(Ts.formatDate(LocalDate.of(1980, 1, 9))).isEqualTo("19800109");
    }

    @Test
    void whatIsWrittenReadsBackToTheSecond() {
        Instant now = Instant.parse("2026-12-07T08:20:31.123456Z");
        assertThat(Ts.read(Ts.format(now)).map(OffsetDateTime::toInstant)).contains(Instant.parse("2026-12-07T08:20:31Z"));
        assertThat(Ts.readDate(Ts.formatDate(LocalDate.of(2000, 2, 29)))).contains(LocalDate.of(2000, 2, 29));
    }
}
