package fr.passerelle.translation;

import java.util.ArrayList;
import java.util.List;

/**
 * What a translation did: which codes were mapped to the target value set, which could not be (with the
 * XPath of the element in the source and in the output), which clinical statements of the source the output
 * does not carry (and why), and any warnings. Codes, XPaths and reasons are not patient data, so the report
 * may be printed; a reason never quotes the source's clinical text or identifiers.
 */
public record TranslationReport(List<MappedCode> mapped, List<UnmappedCode> unmapped, List<NotCarried> notCarried,
                                List<String> warnings) {

    public TranslationReport {
        mapped = List.copyOf(mapped);
        unmapped = List.copyOf(unmapped);
        notCarried = List.copyOf(notCarried);
        warnings = List.copyOf(warnings);
    }

    /**
     * A clinical statement of the source (an entry, an element of one, or a section with text only) that the
     * output does not carry. Nothing is dropped without one of these: the practitioner abroad is told.
     *
     * @param sourceXpath where the statement is in the French document
     * @param statement   what it is, in a few words ("allergy reaction severity", "plan of care section")
     * @param reason      why it is not carried ("no place in the eHDSI pivot", "mandatory product code missing")
     */
    public record NotCarried(String sourceXpath, String statement, String reason) {
    }

    /**
     * A code that was transcoded (or already belonged to the target value set).
     *
     * @param equivalence FHIR R4 ConceptMapEquivalence of the pivot code to the source code ({@code equal} for a
     *                    code already pivot, {@code wider} when the pivot is broader); null when not stated
     * @param provenance  where the mapping comes from (map file and date, or rule); null for a code already pivot
     */
    public record MappedCode(String outputXpath, String valueSet, String fromSystem, String fromCode,
                             String toSystem, String toCode, String equivalence, String provenance) {

        /** A mapping whose equivalence is not stated (prefer the full constructor). */
        public MappedCode(String outputXpath, String valueSet, String fromSystem, String fromCode, String toSystem,
                          String toCode) {
            this(outputXpath, valueSet, fromSystem, fromCode, toSystem, toCode, null, null);
        }

        /** Whether the pivot code is a broader concept than the source code: the reader abroad must know. */
        public boolean broader() {
            return equivalence != null && fr.passerelle.terminology.Equivalence.isBroader(equivalence);
        }
    }

    /** A code left in its national form, with why. */
    public record UnmappedCode(String outputXpath, String sourceXpath, String valueSet, String system, String code,
                               String reason, boolean required) {
    }

    /** Text form for a terminal, one finding a line. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("codes mapped: ").append(mapped.size()).append(", unmapped: ").append(unmapped.size())
                .append(", not carried: ").append(notCarried.size()).append(", warnings: ").append(warnings.size()).append('\n');
        for (MappedCode m : mapped) {
            out.append("MAPPED   ").append(m.fromSystem()).append('|').append(m.fromCode()).append(" -> ")
                    .append(m.toSystem()).append('|').append(m.toCode()).append("  [").append(m.valueSet())
                    .append("] at ").append(m.outputXpath());
            if (m.equivalence() != null && !fr.passerelle.terminology.Equivalence.isExact(m.equivalence())) {
                // never a broader (or otherwise inexact) concept without saying so
                out.append("  (").append(m.equivalence()).append(": ")
                        .append(fr.passerelle.terminology.Equivalence.describe(m.equivalence()))
                        .append(m.provenance() == null ? "" : "; " + m.provenance()).append(')');
            }
            out.append('\n');
        }
        for (UnmappedCode u : unmapped) {
            out.append(u.required() ? "UNMAPPED (required) " : "UNMAPPED ").append(u.system()).append('|')
                    .append(u.code()).append("  [").append(u.valueSet()).append("] ").append(u.reason())
                    .append(" at ").append(u.sourceXpath() == null ? u.outputXpath() : u.sourceXpath()).append('\n');
        }
        for (NotCarried n : notCarried) {
            out.append("NOT CARRIED ").append(n.statement()).append(": ").append(n.reason()).append(" at ")
                    .append(n.sourceXpath()).append('\n');
        }
        for (String w : warnings) {
            out.append("WARNING  ").append(w).append('\n');
        }
        return out.toString();
    }

    /** Collects findings while one document is translated; not shared between threads. */
    public static final class Builder {
        private final List<MappedCode> mapped = new ArrayList<>();
        private final List<UnmappedCode> unmapped = new ArrayList<>();
        private final List<NotCarried> notCarried = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        public Builder mapped(MappedCode code) {
            mapped.add(code);
            return this;
        }

        public Builder unmapped(UnmappedCode code) {
            unmapped.add(code);
            return this;
        }

        public Builder notCarried(NotCarried statement) {
            notCarried.add(statement);
            return this;
        }

        public Builder warning(String warning) {
            warnings.add(warning);
            return this;
        }

        public TranslationReport build() {
            return new TranslationReport(mapped, unmapped, notCarried, warnings);
        }
    }
}
