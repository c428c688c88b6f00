package fr.passerelle.terminology.bdpm;

import fr.passerelle.terminology.Equivalence;
import fr.passerelle.terminology.bdpm.DerivedTables.CompositionLine;
import fr.passerelle.terminology.bdpm.DerivedTables.DesignationLine;
import fr.passerelle.terminology.bdpm.DerivedTables.MapLine;
import fr.passerelle.terminology.bdpm.DerivedTables.PresentationLine;
import fr.passerelle.terminology.catalogue.PackageContent;
import fr.passerelle.terminology.bdpm.DerivedTables.ProductLine;
import fr.passerelle.terminology.bdpm.EdqmTerms.Kind;
import fr.passerelle.terminology.bdpm.FrenchTermMatcher.Match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Derives the code tables from the medicines database and the EDQM designations:
 * <ul>
 *   <li>CIS to ATC, as {@code CIS_MITM} publishes it;</li>
 *   <li>CIP13 to ATC, through the presentation's CIS ({@code CIS_CIP_bdpm} then {@code CIS_MITM});</li>
 *   <li>CIS to its EDQM dose form and routes, the French words of {@code CIS_bdpm} matched to the EDQM French
 *       designations by {@link FrenchTermMatcher} (how each matched is in the product's provenance);</li>
 *   <li>CIS to its substances and strengths ({@code CIS_COMPO_bdpm}, codes and quantities only);</li>
 *   <li>the EDQM designations in every language the files give (fr, de, el, es, it, pt), English left to the MVC.</li>
 * </ul>
 * A product and its ATC class are not the same concept: the ATC class (what eHDSI codes the active ingredient
 * with) is broader, so every CIS and CIP13 mapping says {@code wider}, never {@code equivalent}.
 */
public final class BdpmDerivation {

    public static final String CIS_OID = "1.2.250.1.213.2.3.1";
    public static final String CIP13_OID = "1.2.250.1.213.2.3.2";
    public static final String ATC_OID = "2.16.840.1.113883.6.73";
    public static final String EDQM_OID = "0.4.0.127.0.16.1.1.2.1";

    private static final Pattern EDQM_CODE = Pattern.compile("[0-9]{8}");

    public record Result(DerivedTables tables, DerivationReport report) {
    }

    private BdpmDerivation() {
    }

    /**
     * @param atcInEhdsi whether an ATC code is in the eHDSI active-ingredient value set (for the report only: the
     *                   mapping is kept either way, transcoding decides per value set)
     */
    public static Result derive(BdpmDatabase db, EdqmTerms edqm, Predicate<String> atcInEhdsi) {
        Map<String, LocalDate> dates = db.dates();
        String atcProvenance = "ANSM BDPM " + BdpmDatabase.ATC + " " + dates.get(BdpmDatabase.ATC)
                + ", CIS to ATC as published";
        LocalDate cipDate = latest(dates.get(BdpmDatabase.PRESENTATIONS), dates.get(BdpmDatabase.ATC));
        String cipProvenance = "ANSM BDPM " + BdpmDatabase.PRESENTATIONS + " + " + BdpmDatabase.ATC + " " + cipDate
                + ", CIP13 to CIS to ATC";

        List<MapLine> cisToAtc = new ArrayList<>();
        Set<String> atcCodes = new TreeSet<>();
        Set<String> outside = new TreeSet<>();
        new TreeMap<>(db.atcByCis()).forEach((cis, atc) -> {
            cisToAtc.add(new MapLine(CIS_OID, cis, ATC_OID, atc, Equivalence.WIDER, atcProvenance));
            atcCodes.add(atc);
            if (!atcInEhdsi.test(atc)) {
                outside.add(atc);
            }
        });

        List<MapLine> cipToAtc = new ArrayList<>();
        List<PresentationLine> presentations = new ArrayList<>();
        for (BdpmDatabase.Presentation p : db.presentations()) {
            java.util.Optional<PackageContent> content = PackageContent.parse(p.label());
            presentations.add(new PresentationLine(p.cip13(), p.cis(), content.orElse(null)));
            String atc = db.atcByCis().get(p.cis());
            if (atc != null) {
                cipToAtc.add(new MapLine(CIP13_OID, p.cip13(), ATC_OID, atc, Equivalence.WIDER, cipProvenance));
            }
        }
        presentations.sort(java.util.Comparator.comparing(PresentationLine::cip13));
        cipToAtc.sort(java.util.Comparator.comparing(MapLine::sourceCode));

        FrenchTermMatcher forms = new FrenchTermMatcher(french(edqm, Kind.DOSE_FORM, Kind.COMBINED_DOSE_FORM));
        FrenchTermMatcher routes = new FrenchTermMatcher(french(edqm, Kind.ROUTE));
        Map<String, Match> formMatches = new LinkedHashMap<>();
        Map<String, Match> routeMatches = new LinkedHashMap<>();
        Map<String, Integer> formUses = new TreeMap<>();
        Map<String, Integer> routeUses = new TreeMap<>();
        List<ProductLine> products = new ArrayList<>();
        int withForm = 0;
        int withAllRoutes = 0;
        String productSource = "ANSM BDPM " + BdpmDatabase.PRODUCTS + " " + dates.get(BdpmDatabase.PRODUCTS)
                + ", words to EDQM French designations:";
        List<BdpmDatabase.Product> sorted = new ArrayList<>(db.products());
        sorted.sort(java.util.Comparator.comparing(BdpmDatabase.Product::cis));
        for (BdpmDatabase.Product p : sorted) {
            String words = FrenchTermMatcher.exactKey(p.doseFormWords());
            Match form = formMatches.computeIfAbsent(words, forms::match);
            formUses.merge(words, 1, Integer::sum);
            Set<FrenchTermMatcher.Kind> how = new TreeSet<>();
            if (form.matched()) {
                withForm++;
            }
            List<String> routeCodes = new ArrayList<>();
            boolean allRoutes = !p.routeWords().isEmpty();
            for (String r : p.routeWords()) {
                String key = FrenchTermMatcher.exactKey(r);
                Match m = routeMatches.computeIfAbsent(key, routes::match);
                routeUses.merge(key, 1, Integer::sum);
                if (m.matched()) {
                    if (!routeCodes.contains(m.code())) {
                        routeCodes.add(m.code());
                    }
                    how.add(m.kind());
                } else {
                    allRoutes = false;
                }
            }
            if (allRoutes) {
                withAllRoutes++;
            }
            String provenance = productSource + " dose form " + kind(form.kind()) + ", routes "
                    + (p.routeWords().isEmpty() ? "none given" : how.isEmpty() ? "unmatched" : String.join(" and ", how.stream().map(BdpmDerivation::kind).toList())
                    + (allRoutes ? "" : " (some unmatched)"));
            products.add(new ProductLine(p.cis(), form.code(), routeCodes, provenance));
        }

        List<CompositionLine> compositions = new ArrayList<>();
        for (BdpmDatabase.Composition c : db.compositions()) {
            compositions.add(new CompositionLine(c.cis(), c.substanceCode(), blankToNull(c.strength()),
                    blankToNull(c.strengthReference()), blankToNull(c.nature()), blankToNull(c.link())));
        }

        List<DesignationLine> designations = new ArrayList<>();
        TreeMap<String, Integer> byLanguage = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (EdqmTerms.Term t : edqm.terms()) {
            if (!EDQM_CODE.matcher(t.code()).matches()) {
                continue;
            }
            String provenance = "EDQM Standard Terms (c) EDQM; designation from hl7-eu/unicom-ig "
                    + t.kind().fileName() + " (CC0)";
            for (Map.Entry<String, String> d : new TreeMap<>(t.designations()).entrySet()) {
                // English comes from the MVC; a term listed in two files is written once
                if (d.getKey().equals("en") || !seen.add(t.code() + '|' + d.getKey())) {
                    continue;
                }
                designations.add(new DesignationLine(EDQM_OID, t.code(), d.getKey(), d.getValue(), provenance));
                byLanguage.merge(d.getKey(), 1, Integer::sum);
            }
        }
        designations.sort(java.util.Comparator.comparing(DesignationLine::code).thenComparing(DesignationLine::language));

        DerivationReport report = new DerivationReport(dates, db.charsets(), db.products().size(), cisToAtc.size(),
                atcCodes.size(), outside, db.presentations().size(),
                (int) presentations.stream().filter(p -> p.content() != null).count(), cipToAtc.size(), compositions.size(), withForm,
                withAllRoutes, words(formMatches, formUses), words(routeMatches, routeUses),
                Collections.unmodifiableSortedMap(byLanguage));
        return new Result(new DerivedTables(cisToAtc, cipToAtc, products, presentations, compositions, designations),
                report);
    }

    private static Map<String, String> french(EdqmTerms edqm, Kind... kinds) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<Kind> wanted = Set.of(kinds);
        for (EdqmTerms.Term t : edqm.terms()) {
            String fr = t.designations().get("fr");
            if (wanted.contains(t.kind()) && fr != null && !fr.isBlank()) {
                out.putIfAbsent(t.code(), fr);
            }
        }
        return out;
    }

    private static List<DerivationReport.WordMatch> words(Map<String, Match> matches, Map<String, Integer> uses) {
        List<DerivationReport.WordMatch> out = new ArrayList<>();
        new TreeMap<>(matches).forEach((w, m) -> out.add(new DerivationReport.WordMatch(w, m, uses.get(w))));
        return out;
    }

    private static String kind(FrenchTermMatcher.Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
