package fr.passerelle.translation;

import java.util.ArrayList;
import java.util.List;

/**
 * What a translation did with the codes: which were mapped to the target value set, which could not be
 * (with the XPath of the element in the source and in the output) and any warnings. Codes are clinical
 * vocabulary, not patient data, so the report may be printed.
 */
public record TranslationReport(List<MappedCode> mapped, List<UnmappedCode> unmapped, List<String> warnings) {

    public TranslationReport {
        mapped = List.copyOf(mapped);
        unmapped = List.copyOf(unmapped);
        warnings = List.copyOf(warnings);
    }

    /** A code that was transcoded (or already belonged to the target value set). */
    public record MappedCode(String outputXpath, String valueSet, String fromSystem, String fromCode,
                             String toSystem, String toCode) {
    }

    /** A code left in its national form, with why. */
    public record UnmappedCode(String outputXpath, String sourceXpath, String valueSet, String system, String code,
                               String reason, boolean required) {
    }

    /** Text form for a terminal, one finding a line. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("codes mapped: ").append(mapped.size()).append(", unmapped: ").append(unmapped.size())
                .append(", warnings: ").append(warnings.size()).append('\n');
        for (MappedCode m : mapped) {
            out.append("MAPPED   ").append(m.fromSystem()).append('|').append(m.fromCode()).append(" -> ")
                    .append(m.toSystem()).append('|').append(m.toCode()).append("  [").append(m.valueSet())
                    .append("] at ").append(m.outputXpath()).append('\n');
        }
        for (UnmappedCode u : unmapped) {
            out.append(u.required() ? "UNMAPPED (required) " : "UNMAPPED ").append(u.system()).append('|')
                    .append(u.code()).append("  [").append(u.valueSet()).append("] ").append(u.reason())
                    .append(" at ").append(u.sourceXpath() == null ? u.outputXpath() : u.sourceXpath()).append('\n');
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
        private final List<String> warnings = new ArrayList<>();

        public Builder mapped(MappedCode code) {
            mapped.add(code);
            return this;
        }

        public Builder unmapped(UnmappedCode code) {
            unmapped.add(code);
            return this;
        }

        public Builder warning(String warning) {
            warnings.add(warning);
            return this;
        }

        public TranslationReport build() {
            return new TranslationReport(mapped, unmapped, warnings);
        }
    }
}
