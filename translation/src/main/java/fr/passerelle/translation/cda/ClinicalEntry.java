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

    /** Why a medicine is taken: the problem it treats (an internal reference or a coded observation). */
    record Reason(String id, CodedValue code, String narrativeId, SourceRef source) {
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

    /** One dosage line: dose range, frequency (period), route, narrative text. */
    record Dosage(Quantity doseLow, Quantity doseHigh, Quantity period, String start, String end,
                  CodedValue route, String text) {
    }

    /** A medicine the patient takes (PS medication summary), with the reasons it is taken. */
    record MedicationStatement(String id, Product product, String start, String end, List<Dosage> dosages,
                               List<Reason> reasons, SourceRef source) implements ClinicalEntry {
        public MedicationStatement {
            dosages = List.copyOf(dosages);
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        /** A statement without reasons. */
        public MedicationStatement(String id, Product product, String start, String end, List<Dosage> dosages,
                                   SourceRef source) {
            this(id, product, start, end, dosages, List.of(), source);
        }
    }

    /** One prescription line of an ePrescription. */
    record PrescriptionLine(String id, Product product, String start, String end, List<Dosage> dosages,
                            Quantity quantityToDispense, Integer repeats, boolean substitutionAllowed,
                            String narrative, SourceRef source) implements ClinicalEntry {
        public PrescriptionLine {
            dosages = List.copyOf(dosages);
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
     * directive): code, and a coded, quantity or text value.
     */
    record Observation(String id, CodedValue code, CodedValue codedValue, Quantity quantity, String textValue,
                       String valueNarrativeId, String date, String narrativeId, SourceRef source)
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
