package fr.passerelle.translation.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.DateTimeType;

/** HL7 v3 TS values (yyyyMMddHHmmss±zzzz, any precision) as FHIR dateTime. */
final class FhirDates {

    /** Compiled once: {@code ofPattern} parses its pattern on every call. */
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private FhirDates() {
    }

    static DateTimeType dateTime(String ts) {
        if (ts == null || ts.length() < 4) {
            return null;
        }
        String digits = ts;
        String zone = null;
        int sign = Math.max(ts.indexOf('+'), ts.indexOf('-'));
        if (sign > 0) {
            digits = ts.substring(0, sign);
            zone = ts.substring(sign);
        }
        int dot = digits.indexOf('.');
        if (dot > 0) {
            digits = digits.substring(0, dot);
        }
        try {
            return switch (digits.length()) {
                case 4 -> new DateTimeType(digits);
                case 6 -> new DateTimeType(digits.substring(0, 4) + "-" + digits.substring(4, 6));
                case 8 -> new DateTimeType(digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-" + digits.substring(6, 8));
                default -> withTime(digits, zone);
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static DateTimeType withTime(String digits, String zone) {
        String padded = (digits + "000000").substring(0, 14);
        LocalDateTime local = LocalDateTime.parse(padded, TS);
        ZoneOffset offset = zone == null ? ZoneOffset.ofHours(1) : ZoneOffset.of(zone.substring(0, 3) + ":" + zone.substring(3, 5));
        OffsetDateTime odt = local.atOffset(offset);
        DateTimeType t = new DateTimeType(Date.from(odt.toInstant()), TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone(offset));
        return t;
    }

    static String date(String ts) {
        DateTimeType d = dateTime(ts == null || ts.length() < 8 ? ts : ts.substring(0, 8));
        return d == null ? null : d.getValueAsString();
    }

    /** The period from two HL7 timestamps, either of which may be absent or unreadable; null when neither is read. */
    static org.hl7.fhir.r4.model.Period period(String startTs, String endTs) {
        DateTimeType start = dateTime(startTs);
        DateTimeType end = dateTime(endTs);
        if (start == null && end == null) {
            return null;
        }
        return new org.hl7.fhir.r4.model.Period().setStartElement(start).setEndElement(end);
    }
}
