package fr.passerelle.translation;

import java.util.Optional;

/** The result of translating one document: the translated document with its report, or why not. */
public sealed interface TranslationOutcome {

    /**
     * A complete translated document.
     *
     * @param document    the document text (XML CDA or FHIR JSON)
     * @param mediaType   {@code application/xml} or {@code application/fhir+json}
     * @param levelOne    for a pivot, the level-1 (PDF) CDA when the source carried a PDF
     */
    record Translated(String document, String mediaType, Optional<String> levelOne, TranslationReport report)
            implements TranslationOutcome {
    }

    record Rejected(TranslationFailure failure) implements TranslationOutcome {
    }
}
