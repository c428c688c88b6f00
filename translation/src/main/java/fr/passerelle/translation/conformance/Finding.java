package fr.passerelle.translation.conformance;

import java.util.Set;

/**
 * One failed assertion (or fired report) of a schematron on a document.
 *
 * @param ruleId           the assertion's identifier: its own {@code @id} when the schematron gives one, otherwise
 *                         {@code <pattern>#<n>} (the n-th assertion of that pattern) or, for an assertion of an
 *                         abstract (data type) rule, {@code <pattern where it fired>/<abstract rule>#<n>}; stable
 *                         for one version of the schematron
 * @param severity         the assertion's role
 * @param location         XPath of the node the assertion failed on
 * @param message          the assertion's text
 * @param stubVocabularies the empty (stub) vocabulary files the assertion's test reads; when not empty, the finding
 *                         may be spurious and is counted apart from errors and warnings
 */
public record Finding(String ruleId, Severity severity, String location, String message,
        Set<String> stubVocabularies) {

    public Finding {
        stubVocabularies = Set.copyOf(stubVocabularies);
    }

    public enum Severity { ERROR, WARNING, INFO }

    /** The assertion reads a vocabulary that is an empty stub in this runtime: it cannot be trusted either way. */
    public boolean onStubVocabulary() {
        return !stubVocabularies.isEmpty();
    }

    public boolean isError() {
        return severity == Severity.ERROR && !onStubVocabulary();
    }

    public boolean isWarning() {
        return severity == Severity.WARNING && !onStubVocabulary();
    }
}
