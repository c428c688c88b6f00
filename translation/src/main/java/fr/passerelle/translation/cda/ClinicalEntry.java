package fr.passerelle.translation.cda;

import java.util.List;

/** One clinical statement of a section, in the model's own terms (not yet in any target format). */
public sealed interface ClinicalEntry {

    /** Where the entry sits in the source. */
    SourceRef source();

    /** A value with a UCUM unit as written (value kept as text to preserve precision). */
    record Quantity(String value, String unit) {

        /**
         * The value as a number when it is a valid HL7 decimal literal (digits, one point, optional sign and
         * exponent); null otherwise. A decimal comma ("58,5") is not valid HL7 and is never guessed into 58.5:
         * writers leave it out of structured quantities and the translation reports it.
         */
        public java.math.BigDecimal decimal() {
            if (value == null || !HL7_DECIMAL.matcher(value).matches()) {
                return null;
            }
            return new java.math.BigDecimal(value);
        }

        /** xs:decimal, or xs:double in plain or scientific notation with a modest exponent (no INF, no NaN). */
        private static final java.util.regex.Pattern HL7_DECIMAL =
                java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
    }

    /**
     * A coded observation that qualifies an entry (clinical status, severity, criticality, certainty) with the ID
     * of the narrative element the source points it at ({@code <text><reference value="#id"/>}), when it does.
     */
    record Qualifier(CodedValue value, String narrativeId, SourceRef source) {
    }

    /** One reaction (manifestation) of an allergy or intolerance, with its own onset and severity. */
    record Reaction(CodedValue manifestation, String onset, String end, Qualifier severity, String narrativeId,
                    SourceRef source) {
    }

    /**
     * An allergy or intolerance: type (allergy/intolerance…), agent, the observation's value (the condition, or an
     * absent-or-unknown code such as "no known allergies"), whether the author negated it ({@code negationInd}:
     * "not allergic to"), every reaction, onset and end, clinical status, criticality and certainty (verification
     * status), and the narrative element describing it.
     */
    record Allergy(String id, CodedValue type, CodedValue agent, CodedValue value, boolean negated,
                   List<Reaction> reactions, String onset, String end, Qualifier clinicalStatus,
                   Qualifier criticality, Qualifier certainty, String narrativeId, SourceRef source)
            implements ClinicalEntry {
        public Allergy {
            reactions = reactions == null ? List.of() : List.copyOf(reactions);
        }
    }

    /**
     * A problem (active or past): problem type, condition code, whether the author negated it ("no …"), onset,
     * resolution, clinical status, severity,
     * certainty, the patient's health status, and the narrative element describing it.
     */
    record Problem(String id, CodedValue code, CodedValue condition, boolean negated, String onset, String resolved,
                   Qualifier clinicalStatus, Qualifier severity, Qualifier certainty, Qualifier healthStatus,
                   String narrativeId, SourceRef source) implements ClinicalEntry {
    }

    /**
     * A medicinal product as prescribed or taken: the national product code (CIS, CIP, UCD…), the active
     * substance class (ATC) when given, strength, dose form (EDQM), package and name.
     */
    record Product(CodedValue code, String name, CodedValue atc, List<Ingredient> ingredients, CodedValue doseForm,
                   CodedValue packageForm, Quantity packageQuantity, SourceRef source) {
        public Product {
            ingredients = ingredients == null ? List.of() : List.copyOf(ingredients);
        }
    }

    /** An active ingredient with its strength (numerator per denominator). */
    record Ingredient(CodedValue substance, String name, Quantity strengthNumerator, Quantity strengthDenominator) {
    }

    /**
     * One repetition rule of a posology phase, as HL7 v3 writes it: every {@code period} (PIVL_TS; with
     * {@code institutionSpecified} the author meant "n times per period" rather than "exactly every period"), at a
     * time of day (PIVL_TS phase), or relative to an event such as a meal (EIVL_TS, with an offset).
     */
    record Repeat(Quantity period, boolean institutionSpecified, String timeOfDay, String event, Quantity offset) {
    }

    /**
     * One phase of a posology: when (bounds, duration, repeats), how much (dose and rate ranges), how (route,
     * site), under which condition, and the prescriber's own words for it. A posology without phases of its own
     * is a single phase.
     *
     * @param sequence  order of the phase (phases with the same number apply together, e.g. a split dose)
     * @param text      the prescriber's text for this phase (frequency and dose as written), if any
     * @param doseText  the dose as written in the narrative, when the author gave one beside the structured dose
     * @param condition the precondition in words ("si douleur"), if the phase applies only then
     */
    record Dosage(int sequence, String start, String end, Quantity duration, List<Repeat> repeats,
                  Quantity doseLow, Quantity doseHigh, Quantity rateLow, Quantity rateHigh, CodedValue route,
                  CodedValue site, String siteText, String text, String doseText, String condition, SourceRef source) {
        public Dosage {
            repeats = repeats == null ? List.of() : List.copyOf(repeats);
        }

        /** The period of the first repeat (the frequency most phases have), or null. */
        public Quantity period() {
            return repeats.stream().map(Repeat::period).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }

        public boolean hasStructuredDose() {
            return doseLow != null || doseHigh != null;
        }

        public boolean hasTiming() {
            return !repeats.isEmpty();
        }
    }

    /** A maximum dose per period ("at most 4 a day"): numerator (a count has no unit) per denominator. */
    record MaxDose(Quantity numerator, Quantity denominator) {
    }

    /**
     * Everything the author said about how to take a medicine: its phases (structured posology), the maximum
     * doses, the free-text posology, and the instructions to the patient and to the dispenser.
     *
     * @param phases                 structured phases in source order; empty when the posology is free text only
     * @param maxDoses               maximum doses per period, applying to the whole posology
     * @param text                   the free-text posology (the line's own text when it is more than the product name)
     * @param patientInstructions    instructions to the patient (IHE PINSTRUCT)
     * @param fulfilmentInstructions instructions to the dispenser (IHE FINSTRUCT)
     */
    record Posology(List<Dosage> phases, List<MaxDose> maxDoses, String text, String patientInstructions,
                    String fulfilmentInstructions) {
        public Posology {
            phases = phases == null ? List.of() : List.copyOf(phases);
            maxDoses = maxDoses == null ? List.of() : List.copyOf(maxDoses);
        }

        public static Posology of(List<Dosage> phases) {
            return new Posology(phases, List.of(), null, null, null);
        }

        /** Several phases one after another (or together): one structured dose cannot say it. */
        public boolean isMultiPhase() {
            return phases.size() > 1;
        }
    }

    /**
     * Why a medicine is given: the problem it treats (an internal reference or a coded observation) — the id of
     * the entry it points at in the same document when there is one, its code, its text, and the narrative
     * element the source points the reason's text at.
     */
    record Reason(String id, CodedValue code, String text, String narrativeId, SourceRef source) {
    }

    /** A medicine the patient takes (PS medication summary). */
    record MedicationStatement(String id, Product product, String start, String end, Posology posology,
                               List<Reason> reasons, SourceRef source) implements ClinicalEntry {
        public MedicationStatement {
            posology = posology == null ? Posology.of(List.of()) : posology;
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        public List<Dosage> dosages() {
            return posology.phases();
        }
    }

    /**
     * One prescription line of an ePrescription.
     *
     * @param quantityToDispense the quantity to dispense as written (the unit may be an EDQM package code)
     * @param substitutionReason why substitution is refused, as the prescriber wrote it
     * @param qualifiers         the French line's yes/no qualifiers (related to a long-term condition, to a work
     *                           accident, prevention, not reimbursed, off-label), as observations
     */
    record PrescriptionLine(String id, Product product, String start, String end, Posology posology,
                            Quantity quantityToDispense, Integer repeats, boolean substitutionAllowed,
                            String substitutionReason, List<Reason> reasons, List<Observation> qualifiers,
                            String narrative, SourceRef source) implements ClinicalEntry {
        public PrescriptionLine {
            posology = posology == null ? Posology.of(List.of()) : posology;
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            qualifiers = qualifiers == null ? List.of() : List.copyOf(qualifiers);
        }

        public List<Dosage> dosages() {
            return posology.phases();
        }
    }

    /**
     * A medical device prescribed in an ePrescription (a supply in intent mood): device code, period of use,
     * quantity, renewals, rental duration, the line's text and its French qualifiers.
     */
    record DeviceRequest(String id, CodedValue device, String start, String end, Quantity quantity, Integer repeats,
                         Quantity useDuration, String narrative, List<Observation> qualifiers, SourceRef source)
            implements ClinicalEntry {
        public DeviceRequest {
            qualifiers = qualifiers == null ? List.of() : List.copyOf(qualifiers);
        }
    }

    /** One dispensed product of an eDispensation, with the prescription line it fulfils. */
    record DispensedLine(String id, Product product, Quantity quantity, String prescriptionId,
                         String prescriptionLineId, boolean substituted, String time, SourceRef source)
            implements ClinicalEntry {
    }

    record ProcedureEntry(String id, CodedValue code, String date, String narrativeId, SourceRef source)
            implements ClinicalEntry {
    }

    record Immunization(String id, CodedValue vaccine, String productName, String date, CodedValue route,
                        String narrativeId, SourceRef source) implements ClinicalEntry {
    }

    record DeviceUse(String id, CodedValue device, String start, String narrativeId, SourceRef source)
            implements ClinicalEntry {
    }

    /**
     * Any other observation (social history, pregnancy, vital sign, result, functional status, advance
     * directive): code, and a coded, quantity, text or point-in-time value ({@code timeValue}: a TS, or the
     * value or start of an IVL_TS, e.g. an expected delivery date).
     */
    record Observation(String id, CodedValue code, CodedValue codedValue, Quantity quantity, String textValue,
                       String timeValue, String valueNarrativeId, String date, String narrativeId, SourceRef source)
            implements ClinicalEntry {
    }

    /**
     * A planned or requested act of a plan of care: what kind of act ({@code substanceAdministration},
     * {@code procedure}, {@code observation}, {@code encounter}…, as the CDA element), its mood (INT, RQO, ARQ,
     * GOL…), the act's own code (IMMUNIZ for a recommended vaccine), the code of what is planned (the product's,
     * for a medicine or vaccine), product name, planned period, status and the narrative text it points at.
     */
    record PlannedItem(String id, String act, String mood, CodedValue actCode, CodedValue code, String productName,
                       String start, String end, String status, String narrative, String narrativeId,
                       SourceRef source) implements ClinicalEntry {
    }

    /**
     * An entry of a section no target models (family history, adverse drug effects, attached documents…):
     * kept so that the writers can carry its section's narrative and report the entry as not carried.
     */
    record UnmodelledEntry(String act, CodedValue code, String narrativeId, SourceRef source)
            implements ClinicalEntry {
    }
}
