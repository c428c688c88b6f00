package fr.passerelle.translation.conformance;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** What a schematron said about one document. */
public record ConformanceResult(List<Finding> findings) {

    public ConformanceResult {
        findings = List.copyOf(findings);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(Finding::isWarning).toList();
    }

    /** Findings of assertions reading an empty stub vocabulary (whatever their role): possibly spurious. */
    public List<Finding> stubVocabularyFindings() {
        return findings.stream().filter(Finding::onStubVocabulary).toList();
    }

    public boolean conformant() {
        return errors().isEmpty();
    }

    /** The distinct rule ids of the errors, sorted. */
    public SortedSet<String> errorRuleIds() {
        TreeSet<String> ids = new TreeSet<>();
        errors().forEach(f -> ids.add(f.ruleId()));
        return ids;
    }
}
