package fr.passerelle.translation.conformance;

import java.util.List;

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

    public boolean conformant() {
        return errors().isEmpty();
    }
}
