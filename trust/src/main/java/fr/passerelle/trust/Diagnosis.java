package fr.passerelle.trust;

import java.util.List;

/** A verdict with every check that led to it, in order (the last failed one is the refusal's). */
public record Diagnosis(Validation validation, List<Check> checks) {

    public Diagnosis {
        checks = List.copyOf(checks);
    }
}
