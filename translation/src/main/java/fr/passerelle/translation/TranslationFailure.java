package fr.passerelle.translation;

/**
 * Why a document could not be translated. Every failure names where in the input it was found (an
 * XPath), so a publisher can fix the document; no partial document is ever returned with one.
 */
public sealed interface TranslationFailure {

    /** The XPath of the offending element in the input document ({@code /} when the document itself). */
    String xpath();

    /** One sentence for a human, without clinical content or identifiers. */
    String message();

    /** The document's format (code or template) is not one this module translates, or not to that target. */
    record UnknownFormat(String xpath, String found) implements TranslationFailure {
        @Override
        public String message() {
            return "unknown or unsupported document format: " + found;
        }
    }

    /** The bytes are not a well-formed XML document (or use a DTD, which is refused). */
    record NotWellFormed(String xpath, int line, int column, String reason) implements TranslationFailure {
        @Override
        public String message() {
            return "not well-formed XML at line " + line + ", column " + column + ": " + reason;
        }
    }

    /** A section the target format requires is absent from the source. */
    record MissingMandatorySection(String xpath, String sectionCode, String sectionName) implements TranslationFailure {
        @Override
        public String message() {
            return "missing mandatory section " + sectionName + " (LOINC " + sectionCode + ") under " + xpath;
        }
    }

    /** A medicine entry carries no product code at all, so it cannot be identified abroad. */
    record MedicationWithoutCode(String xpath) implements TranslationFailure {
        @Override
        public String message() {
            return "medication without any code at " + xpath;
        }
    }

    /** A mandatory header element (patient, author, custodian…) is absent. */
    record MissingMandatoryElement(String xpath, String element) implements TranslationFailure {
        @Override
        public String message() {
            return "missing mandatory element " + element + " at " + xpath;
        }
    }

    /** The document could not be rendered to PDF (the stylesheet or the formatter failed on it). */
    record NotRenderable(String xpath, String reason) implements TranslationFailure {
        @Override
        public String message() {
            return "the document could not be rendered to PDF: " + reason;
        }
    }

    /**
     * The target carries structured content and the document has none of it (a report whose results are only a
     * PDF or narrative): an empty rendering would look like a report without results, so none is made.
     */
    record NoStructuredContent(String xpath, String expected) implements TranslationFailure {
        @Override
        public String message() {
            return "the document holds no structured " + expected + " under " + xpath
                    + " (its results are PDF or narrative only): send it as an original clinical document instead";
        }
    }
}
