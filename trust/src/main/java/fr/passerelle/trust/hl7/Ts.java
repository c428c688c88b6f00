package fr.passerelle.trust.hl7;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HL7 point in time as the gateway reads and writes it: the TS of HL7 v3 and CDA ({@code effectiveTime},
 * {@code birthTime}, {@code creationTime}) and the DTM of XDS metadata ({@code creationTime},
 * {@code submissionTime}), which share one literal form. The one reader and the one writer of that text.
 *
 * <p>Reading ({@link #read}) never throws; an empty answer is "not a time point the gateway can use". Rules:
 * <ul>
 *   <li>whitespace around the text is dropped; more than {@link #MAX_LENGTH} characters is refused;</li>
 *   <li>{@code YYYYMMDD[HH[MM[SS[.fraction]]]][+|-HHMM]}: a full date is needed (the gateway matches birth dates
 *       and orders documents by day; a year or month alone means nothing to either), then hours, minutes and
 *       seconds by pairs; a fraction only after the seconds;</li>
 *   <li>the calendar is strict: 30 February or 24:00 is refused, never moved to a nearby day;</li>
 *   <li>the fraction of a second is read and dropped: the gateway keeps times to the second;</li>
 *   <li>without an offset the time is UTC, as IHE requires of XDS DTM; with one, it is kept.</li>
 * </ul>
 *
 * <p>Writing ({@link #format(Instant)}) always gives 14 digits in UTC without an offset, the form XDS requires
 * for DTM and every receiver of TS accepts; {@link #formatDate(LocalDate)} gives 8 digits (a birth date).
 */
public final class Ts {

    /** The longest text read: 14 digits, a 9-digit fraction, an offset, and room to spare. */
    public static final int MAX_LENGTH = 32;

    private static final Pattern FORM = Pattern.compile(
            "(\\d{4})(\\d{2})(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.\\d{1,9})?)?)?)?(?:([+-])(\\d{2})(\\d{2}))?");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd");

    private Ts() {
    }

    /** The time point {@code text} writes, UTC when it writes no offset. */
    public static Optional<OffsetDateTime> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        if (value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher ts = FORM.matcher(value);
        if (!ts.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.of(number(ts, 1), number(ts, 2), number(ts, 3), number(ts, 4),
                    number(ts, 5), number(ts, 6));
            ZoneOffset offset = ts.group(7) == null ? ZoneOffset.UTC : ZoneOffset.ofHoursMinutes(
                    sign(ts) * number(ts, 8), sign(ts) * number(ts, 9));
            return Optional.of(local.atOffset(offset));
        } catch (DateTimeException notOnTheCalendar) {
            return Optional.empty();
        }
    }

    /** The day {@code text} writes (its date as written, whatever its time and offset), e.g. a birth date. */
    public static Optional<LocalDate> readDate(String text) {
        return read(text).map(OffsetDateTime::toLocalDate);
    }

    /** {@code YYYYMMDDHHMMSS} in UTC. */
    public static String format(Instant instant) {
        return SECONDS.format(instant);
    }

    /** {@code YYYYMMDD}. */
    public static String formatDate(LocalDate day) {
        return DAY.format(day);
    }

    private static int number(Matcher ts, int group) {
        String digits = ts.group(group);
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static int sign(Matcher ts) {
        return "-".equals(ts.group(7)) ? -1 : 1;
    }
}
