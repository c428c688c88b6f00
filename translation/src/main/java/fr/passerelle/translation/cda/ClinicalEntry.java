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

    /** An allergy or intolerance: type (allergy/intolerance…), agent, reaction, onset, clinical status. */
    record Allergy(String id, CodedValue type, CodedValue agent, CodedValue reaction, String onset,
                   CodedValue clinicalStatus, SourceRef source) implements ClinicalEntry {
    }

    /** A problem (active or past): condition code, onset, resolution. */
    record Problem(String id, CodedValue code, CodedValue condition, String onset, String resolved,
                   SourceRef source) implements ClinicalEntry {
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

    /** A medicine the patient takes (PS medication summary). */
    record MedicationStatement(String id, Product product, String start, String end, List<Dosage> dosages,
                               SourceRef source) implements ClinicalEntry {
        public MedicationStatement {
            dosages = List.copyOf(dosages);
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

    record ProcedureEntry(String id, CodedValue code, String date, SourceRef source) implements ClinicalEntry {
    }

    record Immunization(String id, CodedValue vaccine, String date, CodedValue route, SourceRef source)
            implements ClinicalEntry {
    }

    record DeviceUse(String id, CodedValue device, String start, SourceRef source) implements ClinicalEntry {
    }

    /**
     * Any other observation (social history, pregnancy, vital sign, result): code, and a coded, quantity or
     * text value.
     */
    record Observation(String id, CodedValue code, CodedValue codedValue, Quantity quantity, String textValue,
                       String date, SourceRef source) implements ClinicalEntry {
    }
}
