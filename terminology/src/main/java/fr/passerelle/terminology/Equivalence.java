package fr.passerelle.terminology;

import java.util.Locale;

/**
 * The FHIR R4 ConceptMapEquivalence codes a mapping carries, read from the pivot's side, and what each says to
 * a reader: a practitioner abroad must be told when the pivot code is broader than the French one.
 */
public final class Equivalence {

    public static final String EQUAL = "equal";
    public static final String EQUIVALENT = "equivalent";
    /** The target (pivot) is broader than the source. */
    public static final String WIDER = "wider";

    private Equivalence() {
    }

    public static boolean isExact(String equivalence) {
        return EQUAL.equals(equivalence) || EQUIVALENT.equals(equivalence);
    }

    public static boolean isBroader(String equivalence) {
        return WIDER.equals(equivalence) || "subsumes".equals(equivalence);
    }

    /** In plain words, from the pivot's side, e.g. "the pivot concept is broader than the source". */
    public static String describe(String equivalence) {
        return switch (equivalence.toLowerCase(Locale.ROOT)) {
            case "equal", "equivalent" -> "the pivot concept means the same as the source";
            case "wider", "subsumes" -> "the pivot concept is broader than the source";
            case "narrower", "specializes" -> "the pivot concept is narrower than the source";
            case "inexact" -> "the pivot concept overlaps the source without the same meaning";
            case "relatedto" -> "the pivot concept is related to the source, not equivalent";
            default -> "equivalence " + equivalence;
        };
    }
}
