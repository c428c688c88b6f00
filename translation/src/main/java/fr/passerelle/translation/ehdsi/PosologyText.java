package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.cda.ClinicalEntry.Dosage;
import fr.passerelle.translation.cda.ClinicalEntry.MaxDose;
import fr.passerelle.translation.cda.ClinicalEntry.Posology;
import fr.passerelle.translation.cda.ClinicalEntry.Quantity;
import fr.passerelle.translation.cda.ClinicalEntry.Repeat;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A posology in words for the pivot's narrative: each phase's structured timing and dose rendered in English
 * (units as UCUM writes them), followed by what the French prescriber wrote, quoted as written. The narrative is
 * where a reader abroad finds what the structured pivot cannot hold (several phases with different doses).
 */
final class PosologyText {

    private PosologyText() {
    }

    static String describe(Posology p) {
        List<String> parts = new ArrayList<>();
        List<Dosage> phases = p.phases();
        for (Dosage d : phases) {
            String structured = structured(d);
            String written = join(", ", d.text(), d.doseText());
            StringBuilder phase = new StringBuilder();
            if (phases.size() > 1) {
                phase.append("Phase ").append(d.sequence()).append(": ");
            }
            phase.append(structured.isEmpty() ? "" : structured);
            if (written != null) {
                phase.append(structured.isEmpty() ? "" : " ").append("(as written: \u00ab ").append(written).append(" \u00bb)");
            }
            if (d.condition() != null) {
                phase.append(", only if: ").append(d.condition());
            }
            if (d.siteText() != null) {
                phase.append(", site: ").append(d.siteText());
            }
            if (!phase.isEmpty()) {
                parts.add(phase.toString());
            }
        }
        for (MaxDose m : p.maxDoses()) {
            parts.add("At most " + quantity(m.numerator()) + (m.denominator() == null ? "" : " per " + quantity(m.denominator())));
        }
        if (p.text() != null) {
            parts.add("Posology as written: \u00ab " + p.text() + " \u00bb");
        }
        return parts.isEmpty() ? null : String.join(". ", parts) + ".";
    }

    private static String structured(Dosage d) {
        StringJoiner s = new StringJoiner(", ");
        if (d.start() != null && d.end() != null && !d.start().equals(d.end())) {
            s.add("from " + date(d.start()) + " to " + date(d.end()));
        } else if (d.start() != null && d.end() != null) {
            s.add("on " + date(d.start()));
        } else if (d.start() != null) {
            s.add("from " + date(d.start()));
        } else if (d.end() != null) {
            s.add("until " + date(d.end()));
        }
        if (d.duration() != null) {
            s.add("for " + quantity(d.duration()));
        }
        for (Repeat r : d.repeats()) {
            StringBuilder t = new StringBuilder();
            if (r.period() != null) {
                t.append(r.institutionSpecified() ? "regularly, every " : "every ").append(quantity(r.period()));
            }
            if (r.timeOfDay() != null) {
                t.append(t.isEmpty() ? "" : " ").append("at ").append(r.timeOfDay(), 0, 5);
            }
            if (r.event() != null) {
                if (r.offset() != null) {
                    t.append(t.isEmpty() ? "" : " ").append(quantity(r.offset())).append(" from");
                }
                String event = timingEvent(r.event());
                t.append(t.isEmpty() ? "" : " ").append(event != null ? event : "event " + r.event());
            }
            s.add(t.toString());
        }
        if (d.hasStructuredDose()) {
            Quantity low = d.doseLow() != null ? d.doseLow() : d.doseHigh();
            Quantity high = d.doseHigh() != null ? d.doseHigh() : d.doseLow();
            s.add(low.equals(high) ? "dose " + quantity(low) : "dose " + quantity(low) + " to " + quantity(high));
        }
        if (d.rateLow() != null || d.rateHigh() != null) {
            Quantity low = d.rateLow() != null ? d.rateLow() : d.rateHigh();
            Quantity high = d.rateHigh() != null ? d.rateHigh() : d.rateLow();
            s.add(low.equals(high) ? "rate " + quantity(low) : "rate " + quantity(low) + " to " + quantity(high));
        }
        return s.toString();
    }

    private static final java.util.Map<String, String> TIMING_EVENTS = java.util.Map.ofEntries(
            java.util.Map.entry("AC", "before a meal"), java.util.Map.entry("ACD", "before lunch"),
            java.util.Map.entry("ACM", "before breakfast"), java.util.Map.entry("ACV", "before dinner"),
            java.util.Map.entry("C", "with a meal"), java.util.Map.entry("CD", "with lunch"),
            java.util.Map.entry("CM", "with breakfast"), java.util.Map.entry("CV", "with dinner"),
            java.util.Map.entry("HS", "before sleep"), java.util.Map.entry("IC", "between meals"),
            java.util.Map.entry("ICD", "between lunch and dinner"), java.util.Map.entry("ICM", "between breakfast and lunch"),
            java.util.Map.entry("ICV", "between dinner and sleep"), java.util.Map.entry("PC", "after a meal"),
            java.util.Map.entry("PCD", "after lunch"), java.util.Map.entry("PCM", "after breakfast"),
            java.util.Map.entry("PCV", "after dinner"), java.util.Map.entry("WAKE", "upon waking"));

    /** The English words of an HL7 TimingEvent code (EIVL_TS event), or null for an unknown code. */
    static String timingEvent(String code) {
        return code == null ? null : TIMING_EVENTS.get(code);
    }

    static String quantity(Quantity q) {
        return q.value() + (q.unit() == null || q.unit().equals("1") ? "" : " " + q.unit());
    }

    private static final java.util.regex.Pattern FROM_FIRST_NON_DIGIT = java.util.regex.Pattern.compile("[^0-9].*$");

    /** yyyy-mm-dd from an HL7 TS (the time, when given, as hh:mm). */
    static String date(String ts) {
        String digits = FROM_FIRST_NON_DIGIT.matcher(ts).replaceAll("");
        if (digits.length() >= 12) {
            return digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-" + digits.substring(6, 8) + " "
                    + digits.substring(8, 10) + ":" + digits.substring(10, 12);
        }
        if (digits.length() >= 8) {
            return digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-" + digits.substring(6, 8);
        }
        return ts;
    }

    private static String join(String sep, String... parts) {
        String joined = Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(sep));
        return joined.isEmpty() ? null : joined;
    }
}
