package fr.passerelle.translation;

import java.util.List;
import java.util.Optional;

/** The result of translating one document: the translated document with its report, or why not. */
public sealed interface TranslationOutcome {

    /**
     * A complete translated document.
     *
     * @param document    the document text (XML CDA or FHIR JSON)
     * @param mediaType   {@code application/xml} or {@code application/fhir+json}
     * @param levelOne    for a pivot, the level-1 (PDF) CDA when the source carried a PDF
     * @param items       for an eHDSI ePrescription, one level-3 pivot per prescription item (eHDSI holds one item
     *                    per ePrescription document); {@code document} is then the only item, or every item in its
     *                    own section of one document when the French prescription has several lines. Empty for
     *                    other documents.
     */
    record Translated(String document, String mediaType, Optional<String> levelOne, TranslationReport report,
                      List<String> items) implements TranslationOutcome {
        public Translated {
            items = items == null ? List.of() : List.copyOf(items);
        }

        public Translated(String document, String mediaType, Optional<String> levelOne, TranslationReport report) {
            this(document, mediaType, levelOne, report, List.of());
        }
    }

    record Rejected(TranslationFailure failure) implements TranslationOutcome {
    }
}
