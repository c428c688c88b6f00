package fr.passerelle.terminology.catalogue;

import java.util.Map;

/**
 * A code of a code system with the display its publisher gives and designations by language tag
 * (lower-case BCP 47, e.g. {@code fr}, {@code de-at}).
 */
public record Concept(String system, String code, String display, Map<String, String> designations) {

    public Concept {
        designations = Map.copyOf(designations);
    }
}
