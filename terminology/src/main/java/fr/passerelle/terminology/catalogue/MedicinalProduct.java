package fr.passerelle.terminology.catalogue;

import fr.passerelle.terminology.Coding;

import java.util.List;

/**
 * A French medicinal product (CIS) as the national medicines database describes it, codes only: its EDQM dose
 * form and routes (when the French words matched an EDQM French designation), and its ingredients with their
 * strength. Its ATC class is a mapping of the catalogue ({@link CatalogueIndex#mappings}).
 *
 * @param doseForm   EDQM pharmaceutical dose form, null when the French words matched no EDQM term
 * @param routes     EDQM routes of administration the words matched (unmatched words are left out)
 * @param provenance the source files and date, and how the dose form and routes were matched
 */
public record MedicinalProduct(String cis, Coding doseForm, List<Coding> routes, List<Ingredient> ingredients,
                               String provenance) {

    public MedicinalProduct {
        routes = List.copyOf(routes);
        ingredients = List.copyOf(ingredients);
    }

    /**
     * One ingredient line of the product's composition.
     *
     * @param substanceCode     the substance code of the medicines database (CIS_COMPO column 3)
     * @param strength          the strength as published, e.g. {@code 1,00 mg}; null when not given
     * @param strengthReference the quantity the strength is given for, e.g. {@code un comprimé}
     * @param nature            {@code SA} active substance or {@code FT} therapeutic fraction
     * @param link              the number linking a therapeutic fraction to its active substance
     */
    public record Ingredient(String substanceCode, String strength, String strengthReference, String nature,
                             String link) {
    }
}
