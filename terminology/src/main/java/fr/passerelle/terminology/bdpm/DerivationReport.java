package fr.passerelle.terminology.bdpm;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The figures of one derivation, for the import summary and docs/benchmarks/terminology.md: what was read, what
 * each kind of mapping yields, and every French word group left without an EDQM term (with how many products
 * use it), so that nothing stays unmatched unseen.
 */
public record DerivationReport(Map<String, LocalDate> dates, Map<String, Charset> charsets, int products,
                               int cisToAtc, int atcCodes, Set<String> atcOutsideEhdsi, int presentations,
                               int presentationsWithContent, int cip13ToAtc, int compositions, int productsWithDoseForm,
                               int productsWithAllRoutes, List<WordMatch> doseForms, List<WordMatch> routes,
                               SortedMap<String, Integer> designationsByLanguage) {

    /** One French word group of the database, how it matched, and how many products carry it. */
    public record WordMatch(String words, FrenchTermMatcher.Match match, int products) {
    }

    public DerivationReport {
        atcOutsideEhdsi = Set.copyOf(atcOutsideEhdsi);
        doseForms = List.copyOf(doseForms);
        routes = List.copyOf(routes);
    }

    /** The summary an operator reads: counts per kind, then the unmatched word groups, most used first. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("BDPM files:");
        dates.forEach((f, d) -> out.append(' ').append(f).append(" (").append(d).append(", ")
                .append(charsets.get(f)).append(')'));
        out.append('\n');
        out.append(String.format("  products (CIS)            %,d%n", products));
        out.append(String.format("  CIS -> ATC                %,d mappings (%,d ATC codes%s)%n", cisToAtc, atcCodes,
                atcOutsideEhdsi.isEmpty() ? "" : ", not in eHDSIActiveIngredient: " + String.join(" ", new java.util.TreeSet<>(atcOutsideEhdsi))));
        out.append(String.format("  CIP13 -> CIS -> ATC       %,d mappings of %,d presentations%n", cip13ToAtc, presentations));
        out.append(String.format("  CIP13 -> package content  %,d presentations of %,d (the others' labels state"
                + " no single quantity in a known unit)%n", presentationsWithContent, presentations));
        out.append(String.format("  CIS -> substances         %,d composition lines%n", compositions));
        out.append(String.format("  CIS -> EDQM dose form     %,d products of %,d%n", productsWithDoseForm, products));
        out.append(String.format("  CIS -> EDQM routes        %,d products with every route matched%n", productsWithAllRoutes));
        words(out, "dose-form", doseForms);
        words(out, "route", routes);
        out.append("  EDQM designations        ");
        designationsByLanguage.forEach((l, n) -> out.append(String.format(" %s %,d", l, n)));
        out.append('\n');
        return out.toString();
    }

    private static void words(StringBuilder out, String what, List<WordMatch> all) {
        Map<FrenchTermMatcher.Kind, Integer> groups = new java.util.EnumMap<>(FrenchTermMatcher.Kind.class);
        Map<FrenchTermMatcher.Kind, Integer> uses = new java.util.EnumMap<>(FrenchTermMatcher.Kind.class);
        for (WordMatch w : all) {
            groups.merge(w.match().kind(), 1, Integer::sum);
            uses.merge(w.match().kind(), w.products(), Integer::sum);
        }
        out.append(String.format("  %s words: %d distinct;", what, all.size()));
        groups.forEach((k, n) -> out.append(String.format(" %s %d (%,d products)", k.name().toLowerCase(java.util.Locale.ROOT), n, uses.get(k))));
        out.append('\n');
        all.stream().filter(w -> !w.match().matched())
                .sorted(java.util.Comparator.comparingInt(WordMatch::products).reversed().thenComparing(WordMatch::words))
                .forEach(w -> out.append(String.format("    %-9s %5d  %s%s%n",
                        w.match().kind() == FrenchTermMatcher.Kind.AMBIGUOUS ? "AMBIGUOUS" : "UNMATCHED", w.products(),
                        w.words(), w.match().candidates().isEmpty() ? "" : " " + w.match().candidates())));
    }
}
