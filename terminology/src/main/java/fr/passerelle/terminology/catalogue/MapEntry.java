package fr.passerelle.terminology.catalogue;

import fr.passerelle.terminology.Coding;

/**
 * One line of a loaded concept map, as the map states it: which map (its canonical URL), the national source
 * code, the pivot target (null when the map records the code as reviewed without equivalent), the FHIR R4
 * ConceptMapEquivalence and where the line comes from (source file, date, rule; may be null for maps that do not
 * say). Transcoding uses the merged targets; {@code ConceptMap/$translate} reports these.
 */
public record MapEntry(String mapUrl, Coding source, Coding target, String equivalence, String provenance) {

    public MapEntry(String mapUrl, Coding source, Coding target, String equivalence) {
        this(mapUrl, source, target, equivalence, null);
    }

    /** The equivalence read from the target's side ({@code $translate} with {@code reverse=true}). */
    public String reverseEquivalence() {
        return switch (equivalence) {
            case "wider" -> "narrower";
            case "narrower" -> "wider";
            case "subsumes" -> "specializes";
            case "specializes" -> "subsumes";
            default -> equivalence;
        };
    }
}
