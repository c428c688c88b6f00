package fr.passerelle.trust;

/** One step of a validation, for the operator's diagnosis: its name, whether it passed, and what it saw. */
public record Check(String name, boolean passed, String detail) {
}
