package fr.passerelle.terminology.bdpm;

import fr.passerelle.terminology.catalogue.PackageContent;
import java.util.List;

/**
 * What {@link BdpmDerivation} derives: code-only tables in the formats of the terminology folder
 * (terminology/README.md), each line with its provenance. Written by {@link DerivedTableWriter}.
 */
public record DerivedTables(List<MapLine> cisToAtc, List<MapLine> cip13ToAtc, List<ProductLine> products,
                            List<PresentationLine> presentations, List<CompositionLine> compositions,
                            List<DesignationLine> designations) {

    public DerivedTables {
        cisToAtc = List.copyOf(cisToAtc);
        cip13ToAtc = List.copyOf(cip13ToAtc);
        products = List.copyOf(products);
        presentations = List.copyOf(presentations);
        compositions = List.copyOf(compositions);
        designations = List.copyOf(designations);
    }

    /** A concept-map line (systems as OIDs), equivalence a FHIR R4 ConceptMapEquivalence. */
    public record MapLine(String sourceSystem, String sourceCode, String targetSystem, String targetCode,
                          String equivalence, String provenance) {
    }

    /** A product: EDQM dose form (null when unmatched) and the EDQM routes matched. */
    public record ProductLine(String cis, String doseForm, List<String> routes, String provenance) {
        public ProductLine {
            routes = List.copyOf(routes);
        }
    }

    /** A presentation and, when its label states it unambiguously, what its package holds (else null). */
    public record PresentationLine(String cip13, String cis, PackageContent content) {
    }

    public record CompositionLine(String cis, String substanceCode, String strength, String strengthReference,
                                  String nature, String link) {
    }

    public record DesignationLine(String system, String code, String language, String display, String provenance) {
    }
}
