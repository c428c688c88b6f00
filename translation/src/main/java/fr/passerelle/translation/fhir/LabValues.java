package fr.passerelle.translation.fhir;

import static fr.passerelle.translation.cda.CdaNodes.attr;
import static fr.passerelle.translation.cda.CdaNodes.child;
import static fr.passerelle.translation.cda.CdaNodes.children;

import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.Narrative;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.w3c.dom.Element;

/**
 * A laboratory result's CDA {@code value} as the FHIR value its data type ({@code xsi:type}) says, and its
 * reference ranges. Nothing is guessed: a value its type does not allow (a decimal comma, an integer that is
 * not one) is carried as written in {@code valueString} and reported; a value without a data type, or of a type
 * FHIR has no value for, is reported and the Observation says why it has no value ({@code dataAbsentReason}).
 */
final class LabValues {

    static final String UCUM = "http://unitsofmeasure.org";
    private static final String ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    private static final String NULL_FLAVOR = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor";

    /** HL7 v3 nullFlavor → FHIR data-absent-reason. */
    private static final Map<String, String> ABSENT_REASONS = Map.ofEntries(
            Map.entry("NI", "unknown"), Map.entry("UNK", "unknown"), Map.entry("OTH", "unknown"),
            Map.entry("ASKU", "asked-unknown"), Map.entry("NAV", "temp-unknown"), Map.entry("NASK", "not-asked"),
            Map.entry("MSK", "masked"), Map.entry("NA", "not-applicable"), Map.entry("NINF", "negative-infinity"),
            Map.entry("PINF", "positive-infinity"), Map.entry("NP", "not-performed"));

    private final LabSource source;

    LabValues(LabSource source) {
        this.source = source;
    }

    /** Sets the Observation's value (or why it has none) from the observation's {@code value} elements. */
    void value(Element observation, Observation obs) {
        List<Element> values = children(observation, "value");
        if (values.isEmpty()) {
            return;
        }
        for (Element extra : values.subList(1, values.size())) {
            source.notCarried(extra, "further value of a laboratory result",
                    "a FHIR Observation has one value; the first is carried");
        }
        Element value = values.get(0);
        String type = localType(value);
        String nullFlavor = attr(value, "nullFlavor");
        if (nullFlavor != null && attr(value, "value") == null && attr(value, "code") == null
                && child(value, "originalText") == null && child(value, "low") == null
                && child(value, "high") == null && CdaNodes.text(value) == null) {
            absent(value, nullFlavor, obs);
            return;
        }
        if (type == null) {
            source.notCarried(value, "laboratory result value",
                    "the value has no data type (xsi:type), so what it means cannot be read; not guessed");
            obs.setDataAbsentReason(absentReason("error", "Error"));
            return;
        }
        Type fhir = switch (type) {
            case "PQ" -> quantity(value, true);
            case "IVL_PQ" -> interval(value);
            case "INT" -> integer(value);
            case "REAL" -> real(value);
            case "RTO", "RTO_PQ_PQ", "RTO_INT_INT", "RTO_QTY_QTY", "RTO_MO_PQ" -> ratio(value);
            case "CD", "CE", "CV", "CO", "CS" -> coded(value);
            case "ST", "SC" -> text(value);
            case "ED" -> encapsulated(value);
            case "BL" -> bool(value);
            case "TS" -> time(attr(value, "value"), value);
            case "IVL_TS" -> period(value);
            default -> {
                source.notCarried(value, "laboratory result value of type " + type,
                        "no FHIR Observation value for this data type; not guessed");
                yield null;
            }
        };
        if (fhir != null) {
            obs.setValue(fhir);
        } else if (!obs.hasValue()) {
            obs.setDataAbsentReason(absentReason("unsupported", "Unsupported"));
        }
    }

    /** The xsi:type without its namespace prefix, or null. */
    static String localType(Element value) {
        String type = value.getAttributeNS(CdaNodes.XSI, "type");
        if (type.isEmpty()) {
            return null;
        }
        int colon = type.indexOf(':');
        return colon < 0 ? type : type.substring(colon + 1);
    }

    private void absent(Element value, String nullFlavor, Observation obs) {
        if ("TRC".equals(nullFlavor)) {
            // "Trace": present but too small to quantify — a result, not an absence.
            obs.setValue(new CodeableConcept().addCoding(new Coding(NULL_FLAVOR, "TRC", "trace")).setText("trace"));
            return;
        }
        String reason = ABSENT_REASONS.get(nullFlavor);
        if (reason == null) {
            source.notCarried(value, "null flavor of a laboratory result value",
                    "no FHIR data-absent reason for it; carried as unknown");
            reason = "unknown";
        }
        obs.setDataAbsentReason(absentReason(reason, null));
    }

    private static CodeableConcept absentReason(String code, String display) {
        return new CodeableConcept().addCoding(new Coding(ABSENT, code, display));
    }

    /**
     * A PQ as a Quantity: value as written (precision kept), UCUM unit as code when well formed. A value that is
     * not an HL7 decimal is carried as written, as text, and reported.
     *
     * @param asValue whether the quantity is the result itself (text allowed) or a part of a structure
     */
    private Type quantity(Element pq, boolean asValue) {
        String value = attr(pq, "value");
        if (value == null) {
            source.notCarried(pq, "laboratory quantity without value", "nothing to carry as a number");
            return null;
        }
        if (new ClinicalEntry.Quantity(value, null).decimal() == null) {
            source.notCarried(pq, "quantity value", "not a decimal number with a point as HL7 requires: carried as"
                    + " written in text, never guessed into a number");
            String unit = attr(pq, "unit");
            return asValue ? new StringType(value + (unit == null ? "" : " " + unit)) : null;
        }
        Quantity q = new Quantity();
        q.setValueElement(new DecimalType(value));
        unit(pq, q);
        return q;
    }

    /** Unit as written; also the UCUM code when it is well-formed UCUM ("1" when the PQ has none, as HL7 says). */
    private void unit(Element pq, Quantity q) {
        String unit = attr(pq, "unit");
        if (unit == null) {
            unit = "1";
        }
        if (UcumSyntax.isWellFormed(unit)) {
            q.setUnit(unit).setSystem(UCUM).setCode(unit);
        } else {
            q.setUnit(unit);
            source.notCarried(pq, "unit as a UCUM code", "the unit is not UCUM syntax: carried as written (Quantity.unit)"
                    + " without a UCUM code, so a receiver cannot convert it");
        }
    }

    /**
     * IVL_PQ: one bound is a Quantity with its comparator ({@code <0.032}: high, not inclusive); two inclusive
     * bounds are a Range. FHIR Range bounds are inclusive, so a two-bound interval with an open end is carried as
     * text and reported.
     */
    private Type interval(Element ivl) {
        Element low = child(ivl, "low");
        Element high = child(ivl, "high");
        boolean hasLow = low != null && attr(low, "value") != null;
        boolean hasHigh = high != null && attr(high, "value") != null;
        if (hasLow && hasHigh) {
            if (!inclusive(low) || !inclusive(high)) {
                source.notCarried(ivl, "laboratory result interval with an open bound",
                        "a FHIR Range has inclusive bounds only: carried as written in text");
                return new StringType((inclusive(low) ? "[" : "]") + attr(low, "value") + unitText(low) + " ; "
                        + attr(high, "value") + unitText(high) + (inclusive(high) ? "]" : "["));
            }
            Type l = quantity(low, false);
            Type h = quantity(high, false);
            if (l instanceof Quantity lq && h instanceof Quantity hq) {
                return new Range().setLow(lq).setHigh(hq);
            }
            return null;
        }
        if (hasLow || hasHigh) {
            Element bound = hasLow ? low : high;
            Type q = quantity(bound, false);
            if (q instanceof Quantity quantity) {
                quantity.setComparator(hasLow
                        ? (inclusive(low) ? Quantity.QuantityComparator.GREATER_OR_EQUAL : Quantity.QuantityComparator.GREATER_THAN)
                        : (inclusive(high) ? Quantity.QuantityComparator.LESS_OR_EQUAL : Quantity.QuantityComparator.LESS_THAN));
                return quantity;
            }
            return null;
        }
        Element center = child(ivl, "center");
        if (center != null && attr(center, "value") != null && child(ivl, "width") == null) {
            return quantity(center, true);
        }
        source.notCarried(ivl, "laboratory result interval", "neither bound has a value (or centre and width are"
                + " given): not carried as a structured value");
        return null;
    }

    /** HL7: a bound is inclusive unless it says otherwise. */
    private static boolean inclusive(Element bound) {
        return !"false".equals(attr(bound, "inclusive"));
    }

    private static String unitText(Element pq) {
        String unit = attr(pq, "unit");
        return unit == null || "1".equals(unit) ? "" : " " + unit;
    }

    private Type integer(Element value) {
        String v = attr(value, "value");
        try {
            return v == null ? null : new IntegerType(Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            source.notCarried(value, "integer value", "not an integer as HL7 requires: carried as written in text");
            return new StringType(v);
        }
    }

    private Type real(Element value) {
        String v = attr(value, "value");
        if (v == null) {
            return null;
        }
        if (new ClinicalEntry.Quantity(v, null).decimal() == null) {
            source.notCarried(value, "real value", "not a decimal number with a point as HL7 requires: carried as"
                    + " written in text");
            return new StringType(v);
        }
        // A REAL has no unit: a Quantity with a value only.
        Quantity q = new Quantity();
        q.setValueElement(new DecimalType(v));
        return q;
    }

    private Type ratio(Element value) {
        Element numerator = child(value, "numerator");
        Element denominator = child(value, "denominator");
        Type n = numerator == null ? null : quantity(numerator, false);
        Type d = denominator == null ? null : quantity(denominator, false);
        if (n instanceof Quantity nq && d instanceof Quantity dq) {
            return new Ratio().setNumerator(nq).setDenominator(dq);
        }
        source.notCarried(value, "laboratory result ratio", "numerator or denominator missing or not a number:"
                + " not carried as a ratio");
        return null;
    }

    private Type coded(Element value) {
        CodeableConcept cc = source.concept(value);
        if (cc == null) {
            source.notCarried(value, "coded laboratory result", "neither a code nor a text the value points at");
        }
        return cc;
    }

    private Type text(Element value) {
        String text = Narrative.collapse(value.getTextContent());
        if (text == null) {
            text = source.narrative(child(value, "reference") == null ? null : value);
        }
        return text == null ? null : new StringType(text);
    }

    private Type encapsulated(Element value) {
        String mediaType = attr(value, "mediaType");
        if (mediaType == null || mediaType.startsWith("text/plain")) {
            if (!"B64".equals(attr(value, "representation"))) {
                return text(value);
            }
        }
        source.notCarried(value, "encapsulated laboratory result (" + (mediaType == null ? "text" : mediaType) + ")",
                "a multimedia or encoded result is not an Observation value; not carried");
        return null;
    }

    private Type bool(Element value) {
        String v = attr(value, "value");
        if ("true".equals(v) || "false".equals(v)) {
            return new BooleanType(Boolean.parseBoolean(v));
        }
        source.notCarried(value, "boolean value", "not true or false as HL7 requires");
        return null;
    }

    private Type time(String ts, Element where) {
        DateTimeType t = FhirDates.dateTime(ts);
        if (t == null && ts != null) {
            source.notCarried(where, "date value", "not an HL7 timestamp: carried as written in text");
            return new StringType(ts);
        }
        return t;
    }

    private Type period(Element value) {
        if (attr(value, "value") != null) {
            return time(attr(value, "value"), value);
        }
        Period p = FhirDates.period(attr(child(value, "low"), "value"), attr(child(value, "high"), "value"));
        if (p == null) {
            source.notCarried(value, "date interval value", "no readable bound");
        }
        return p;
    }

    // ------------------------------------------------------------------ reference ranges

    /** Each {@code referenceRange/observationRange}: low/high (inclusive bounds), text, normal range type. */
    void referenceRanges(Element observation, Observation obs) {
        for (Element rr : children(observation, "referenceRange")) {
            Element range = child(rr, "observationRange");
            if (range == null) {
                continue;
            }
            Observation.ObservationReferenceRangeComponent out = new Observation.ObservationReferenceRangeComponent();
            String text = source.narrative(child(range, "text"));
            Element value = child(range, "value");
            String type = value == null ? null : localType(value);
            if (value != null && "IVL_PQ".equals(type)) {
                Element low = child(value, "low");
                Element high = child(value, "high");
                boolean open = (low != null && !inclusive(low)) || (high != null && !inclusive(high));
                if (open) {
                    // FHIR reference range bounds are inclusive: an open bound is said in words, as written.
                    String written = (low == null || attr(low, "value") == null ? "" : (inclusive(low) ? ">= " : "> ")
                            + attr(low, "value") + unitText(low))
                            + (high == null || attr(high, "value") == null ? "" : (low != null ? " ; " : "")
                            + (inclusive(high) ? "<= " : "< ") + attr(high, "value") + unitText(high));
                    text = text == null ? written : text + " (" + written + ")";
                } else {
                    if (low != null && attr(low, "value") != null && quantity(low, false) instanceof Quantity lq) {
                        out.setLow(lq);
                    }
                    if (high != null && attr(high, "value") != null && quantity(high, false) instanceof Quantity hq) {
                        out.setHigh(hq);
                    }
                }
            } else if (value != null && ("ST".equals(type) || "ED".equals(type))) {
                String written = Narrative.collapse(value.getTextContent());
                text = text == null ? written : written == null ? text : text + " (" + written + ")";
            } else if (value != null && attr(value, "nullFlavor") == null) {
                source.notCarried(value, "reference range of type " + type, "only an interval of quantities or a text"
                        + " is a FHIR reference range");
            }
            out.setText(text);
            Element meaning = child(range, "interpretationCode");
            if ("N".equals(attr(meaning, "code"))) {
                out.setType(new CodeableConcept().addCoding(new Coding(
                        "http://terminology.hl7.org/CodeSystem/referencerange-meaning", "normal", "Normal Range")));
            } else if (meaning != null && attr(meaning, "code") != null) {
                source.notCarried(meaning, "reference range meaning", "only the normal range has a FHIR reference range type");
            }
            for (Element precondition : children(range, "precondition")) {
                source.notCarried(precondition, "condition of a reference range",
                        "not modelled (FHIR has appliesTo/age, not a free precondition)");
            }
            if (out.hasLow() || out.hasHigh() || out.hasText()) {
                obs.addReferenceRange(out);
            } else {
                source.notCarried(range, "reference range", "no bound nor text to carry");
            }
        }
    }

    /** Every {@code interpretationCode}: HL7 v3 ObservationInterpretation (or the system the source names). */
    void interpretations(Element observation, Observation obs) {
        for (Element code : children(observation, "interpretationCode")) {
            CodeableConcept cc = source.concept(code);
            if (cc != null) {
                obs.addInterpretation(cc);
            }
        }
    }
}
