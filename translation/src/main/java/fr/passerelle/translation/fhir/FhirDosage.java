package fr.passerelle.translation.fhir;

import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.ClinicalEntry.MaxDose;
import fr.passerelle.translation.cda.ClinicalEntry.Posology;
import fr.passerelle.translation.cda.ClinicalEntry.Repeat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.Timing;

/**
 * FHIR R4 {@code Dosage}s from a French posology, the same for the MPD {@code MedicationRequest.dosageInstruction}
 * and the IPS {@code MedicationStatement.dosage}: one Dosage per phase with its {@code sequence} (phases with the
 * same number apply together), {@code timing.repeat} (frequency and period, time of day or event, bounds),
 * {@code doseAndRate}, {@code maxDosePerPeriod}, route and site, the phase's text as the prescriber wrote it and
 * the patient's instructions. A free-text posology becomes {@code text} alone; nothing is invented.
 */
final class FhirDosage {

    static final String UCUM = "http://unitsofmeasure.org";
    private static final String VS = "1.3.6.1.4.1.12559.11.10.1.3.1.42.";

    private FhirDosage() {
    }

    static List<Dosage> of(Posology posology, FhirCodes codes, String where) {
        List<Dosage> out = new ArrayList<>();
        List<ClinicalEntry.Dosage> phases = posology.phases();
        boolean several = phases.size() > 1;
        for (int i = 0; i < phases.size(); i++) {
            ClinicalEntry.Dosage phase = phases.get(i);
            String text = join(i == 0 ? posology.text() : null, phase.text(), phase.doseText());
            List<List<Repeat>> groups = timingGroups(phase.repeats());
            if (groups.isEmpty()) {
                out.add(dosage(posology, phase, List.of(), text, several, codes, where + "[" + out.size() + "]"));
            }
            for (List<Repeat> group : groups) {
                // Several repeat rules of one phase (e.g. every 12 h and at bedtime) apply together: same sequence.
                out.add(dosage(posology, phase, group, text, several || groups.size() > 1, codes,
                        where + "[" + out.size() + "]"));
            }
        }
        if (phases.isEmpty() && (posology.text() != null || posology.patientInstructions() != null
                || !posology.maxDoses().isEmpty())) {
            Dosage free = new Dosage();
            free.setText(posology.text());
            free.setPatientInstruction(posology.patientInstructions());
            maxDose(free, posology.maxDoses());
            out.add(free);
        }
        return out;
    }

    private static Dosage dosage(Posology posology, ClinicalEntry.Dosage phase, List<Repeat> repeat, String text,
                                 boolean sequenced, FhirCodes codes, String where) {
        Dosage d = new Dosage();
        if (sequenced) {
            d.setSequence(phase.sequence());
        }
        d.setText(text);
        d.setPatientInstruction(posology.patientInstructions());
        d.setTiming(timing(phase, repeat));
        if (phase.condition() != null) {
            d.setAsNeeded(new CodeableConcept().setText(phase.condition()));
        }
        if (phase.site() != null || phase.siteText() != null) {
            CodeableConcept site = phase.site() == null ? new CodeableConcept() : FhirCodes.asIs(phase.site());
            site.setText(phase.siteText());
            d.setSite(site);
        }
        if (phase.route() != null) {
            d.setRoute(codes.concept(phase.route(), VS + "12", where + ".route", false));
        }
        // A dose or rate whose numbers are not HL7 decimals stays out (the reader reported it; the text keeps it).
        boolean dose = phase.hasStructuredDose() && decimals(phase.doseLow(), phase.doseHigh());
        boolean rate = (phase.rateLow() != null || phase.rateHigh() != null) && decimals(phase.rateLow(), phase.rateHigh());
        if (dose || rate) {
            Dosage.DosageDoseAndRateComponent doseAndRate = d.addDoseAndRate();
            if (dose) {
                doseAndRate.setDose(rangeOrQuantity(phase.doseLow(), phase.doseHigh()));
            }
            if (rate) {
                doseAndRate.setRate(rangeOrQuantity(phase.rateLow(), phase.rateHigh()));
            }
        }
        maxDose(d, posology.maxDoses());
        return d;
    }

    /**
     * The repeat rules one FHIR {@code Timing.repeat} can hold together: events with the same offset (one
     * {@code when} list), daily times of day (one {@code timeOfDay} list); any other rule is a Timing of its own.
     */
    private static List<List<Repeat>> timingGroups(List<Repeat> repeats) {
        List<List<Repeat>> groups = new ArrayList<>();
        java.util.Map<String, List<Repeat>> events = new java.util.LinkedHashMap<>();
        List<Repeat> times = new ArrayList<>();
        for (Repeat r : repeats) {
            boolean daily = r.period() == null || ("1".equals(r.period().value()) && "d".equals(r.period().unit()));
            if (r.event() != null && r.period() == null && r.timeOfDay() == null) {
                events.computeIfAbsent(String.valueOf(r.offset()), k -> {
                    List<Repeat> g = new ArrayList<>();
                    groups.add(g);
                    return g;
                }).add(r);
            } else if (r.timeOfDay() != null && r.event() == null && daily) {
                if (times.isEmpty()) {
                    groups.add(times);
                }
                times.add(r);
            } else {
                groups.add(List.of(r));
            }
        }
        return groups;
    }

    private static Timing timing(ClinicalEntry.Dosage phase, List<Repeat> group) {
        Timing.TimingRepeatComponent repeat = new Timing.TimingRepeatComponent();
        Period bounds = FhirDates.period(phase.start(), phase.end());
        if (phase.duration() != null && decimal(phase.duration().value()) != null) {
            Duration duration = new Duration();
            duration.setValue(decimal(phase.duration().value()));
            units(duration, phase.duration().unit());
            repeat.setBounds(duration);
        } else if (bounds != null) {
            repeat.setBounds(bounds);
        }
        for (Repeat r : group) {
            boolean dailyAtTime = r.timeOfDay() != null && group.size() > 1;
            if (r.period() != null && !dailyAtTime && decimal(r.period().value()) != null) {
                BigDecimal period = decimal(r.period().value());
                Timing.UnitsOfTime unit = unitsOfTime(r.period().unit());
                if (r.institutionSpecified() && unit == Timing.UnitsOfTime.H && period.signum() > 0
                        && BigDecimal.valueOf(24).remainder(period).signum() == 0) {
                    // "n times a day" (HL7 PIVL institutionSpecified): 3 per day rather than exactly every 8 h.
                    repeat.setFrequency(BigDecimal.valueOf(24).divide(period).intValueExact());
                    repeat.setPeriod(BigDecimal.ONE);
                    repeat.setPeriodUnit(Timing.UnitsOfTime.D);
                } else {
                    repeat.setFrequency(1);
                    repeat.setPeriod(period);
                    if (unit != null) {
                        repeat.setPeriodUnit(unit);
                    }
                }
            }
            if (r.timeOfDay() != null) {
                // A time of day means every day at that time: FHIR needs no period beside it.
                repeat.addTimeOfDay(r.timeOfDay());
            }
            if (r.event() != null) {
                Timing.EventTiming event = eventTiming(r.event());
                if (event != null) {
                    repeat.addWhen(event);
                }
                if (r.offset() != null && decimal(r.offset().value()) != null) {
                    BigDecimal minutes = minutes(decimal(r.offset().value()), r.offset().unit());
                    if (minutes != null && minutes.scale() <= 0) {
                        repeat.setOffset(minutes.intValue());
                    }
                }
            }
        }
        if (repeat.isEmpty()) {
            return null;
        }
        return new Timing().setRepeat(repeat);
    }

    /** Why the medicine is given: the condition coded in the eHDSI illness value set where it maps, and its text. */
    static CodeableConcept reason(ClinicalEntry.Reason r, FhirCodes codes, String where) {
        CodeableConcept concept = r.code() == null ? null : codes.concept(r.code(), VS + "5", where, false);
        if (concept == null) {
            concept = new CodeableConcept();
        }
        if (r.text() != null) {
            concept.setText(r.text());
        }
        return concept;
    }

    private static boolean decimals(ClinicalEntry.Quantity... quantities) {
        for (ClinicalEntry.Quantity q : quantities) {
            if (q != null && q.decimal() == null) {
                return false;
            }
        }
        return true;
    }

    private static void maxDose(Dosage d, List<MaxDose> maxDoses) {
        if (maxDoses.isEmpty() || !decimals(maxDoses.get(0).numerator(), maxDoses.get(0).denominator())) {
            return;
        }
        // R4 holds one maximum per period; further ones stay in the text.
        MaxDose first = maxDoses.get(0);
        Ratio ratio = new Ratio();
        ratio.setNumerator(quantity(new Quantity(), first.numerator()));
        if (first.denominator() != null) {
            ratio.setDenominator(quantity(new Quantity(), first.denominator()));
        }
        d.setMaxDosePerPeriod(ratio);
        if (maxDoses.size() > 1) {
            StringJoiner more = new StringJoiner("; ", d.hasText() ? d.getText() + "; " : "", "");
            for (MaxDose m : maxDoses.subList(1, maxDoses.size())) {
                more.add("at most " + describe(m.numerator()) + (m.denominator() == null ? "" : " per " + describe(m.denominator())));
            }
            d.setText(more.toString());
        }
    }

    private static org.hl7.fhir.r4.model.Type rangeOrQuantity(ClinicalEntry.Quantity low, ClinicalEntry.Quantity high) {
        if (low != null && high != null && low.equals(high) || high == null) {
            return quantity(new SimpleQuantity(), low);
        }
        if (low == null) {
            return quantity(new SimpleQuantity(), high);
        }
        Range range = new Range();
        range.setLow((SimpleQuantity) quantity(new SimpleQuantity(), low));
        range.setHigh((SimpleQuantity) quantity(new SimpleQuantity(), high));
        return range;
    }

    /** A quantity as written: UCUM units (annotations such as {tablet} included) coded in UCUM. */
    static Quantity quantity(Quantity target, ClinicalEntry.Quantity q) {
        BigDecimal value = decimal(q.value());
        target.setValue(value);
        units(target, q.unit());
        return target;
    }

    private static void units(Quantity target, String unit) {
        if (unit == null || unit.isBlank()) {
            return;
        }
        target.setUnit(unit).setSystem(UCUM).setCode(unit);
    }

    /**
     * A decimal as written when it is an HL7 decimal; null otherwise (a decimal comma is not guessed into a point:
     * the value stays out of the structured quantity, the reader reported it, the text keeps it).
     */
    static BigDecimal decimal(String value) {
        return value == null ? null : new ClinicalEntry.Quantity(value.strip(), null).decimal();
    }

    private static BigDecimal minutes(BigDecimal value, String unit) {
        if (unit == null || unit.equals("min")) {
            return value;
        }
        return switch (unit) {
            case "h" -> value.multiply(BigDecimal.valueOf(60));
            case "d" -> value.multiply(BigDecimal.valueOf(1440));
            case "s" -> value.remainder(BigDecimal.valueOf(60)).signum() == 0 ? value.divide(BigDecimal.valueOf(60)) : null;
            default -> null;
        };
    }

    static Timing.UnitsOfTime unitsOfTime(String ucum) {
        if (ucum == null) {
            return null;
        }
        return switch (ucum) {
            case "s" -> Timing.UnitsOfTime.S;
            case "min" -> Timing.UnitsOfTime.MIN;
            case "h" -> Timing.UnitsOfTime.H;
            case "d" -> Timing.UnitsOfTime.D;
            case "wk" -> Timing.UnitsOfTime.WK;
            case "mo" -> Timing.UnitsOfTime.MO;
            case "a" -> Timing.UnitsOfTime.A;
            default -> null;
        };
    }

    /** HL7 v3 TimingEvent codes (AC, ACM, HS, PC…) are FHIR EventTiming codes. */
    private static Timing.EventTiming eventTiming(String code) {
        try {
            return Timing.EventTiming.fromCode(code);
        } catch (org.hl7.fhir.exceptions.FHIRException e) {
            return null;
        }
    }

    static String describe(ClinicalEntry.Quantity q) {
        return q.value() + (q.unit() == null || q.unit().equals("1") ? "" : " " + q.unit());
    }

    private static String join(String... parts) {
        String joined = Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining("; "));
        return joined.isEmpty() ? null : joined;
    }
}
