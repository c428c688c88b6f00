package fr.passerelle.terminology;

import java.util.Objects;

/** The outcome of {@link Terminology#transcode}: a pivot coding, or why there is none. */
public sealed interface TranscodingResult {

    Coding original();

    /**
     * The pivot coding from the MVC; {@code original} is kept to be written as CDA {@code <translation>}.
     *
     * @param equivalence FHIR R4 ConceptMapEquivalence of the pivot to the original: {@code equal} when the
     *                    original already is the pivot code, otherwise what the map line or rule states
     *                    ({@code wider}: the pivot concept is broader than the original)
     * @param mapUrl      the concept map the line came from ({@code $translate}'s {@code source}); null for a
     *                    code already pivot or reached by a rule
     * @param provenance  where the mapping comes from (source file and date, or the rule); null for a code
     *                    already pivot
     */
    record Transcoded(Coding pivot, Coding original, String equivalence, String mapUrl, String provenance)
            implements TranscodingResult {

        public Transcoded {
            Objects.requireNonNull(pivot, "pivot");
            Objects.requireNonNull(original, "original");
            Objects.requireNonNull(equivalence, "equivalence");
        }

        /** The original coding is itself the pivot coding (it belongs to the target value set). */
        public Transcoded(Coding pivot, Coding original) {
            this(pivot, original, Equivalence.EQUAL, null, null);
        }

        /** Whether the pivot means exactly what the original means ({@code equal} or {@code equivalent}). */
        public boolean isExact() {
            return Equivalence.isExact(equivalence);
        }

        /** Whether the pivot is a broader concept than the original ({@code wider} or {@code subsumes}). */
        public boolean isBroader() {
            return Equivalence.isBroader(equivalence);
        }
    }

    record NotTranscoded(Coding original, TranscodingFailure failure) implements TranscodingResult {
        public NotTranscoded {
            Objects.requireNonNull(original, "original");
            Objects.requireNonNull(failure, "failure");
        }
    }
}
