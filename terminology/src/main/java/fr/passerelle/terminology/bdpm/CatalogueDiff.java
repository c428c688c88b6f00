package fr.passerelle.terminology.bdpm;

import fr.passerelle.terminology.catalogue.CatalogueIndex;
import fr.passerelle.terminology.catalogue.CatalogueStatistics;
import fr.passerelle.terminology.catalogue.MapEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two catalogues (before and after an import): counts, and for each source code system
 * the codes whose mapping targets appeared, disappeared or changed, with examples, plus the codes that now
 * map to several targets (two in one value set are reported as ambiguous by transcoding, never chosen).
 */
public record CatalogueDiff(CatalogueStatistics before, CatalogueStatistics after, int productsBefore,
                            int productsAfter, int packageSizesBefore, int packageSizesAfter,
                            Map<String, SystemChanges> bySystem, List<String> ambiguous) {

    /** Changes of one source code system: counts and up to {@link #EXAMPLES} examples of changed targets. */
    public record SystemChanges(int added, int removed, int changed, List<String> changedExamples) {
    }

    static final int EXAMPLES = 5;

    public static CatalogueDiff between(CatalogueIndex before, CatalogueIndex after) {
        Map<String, Set<String>> was = targets(before);
        Map<String, Set<String>> now = targets(after);
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, List<String>> examples = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : now.entrySet()) {
            String system = e.getKey().substring(0, e.getKey().indexOf('|'));
            Set<String> old = was.get(e.getKey());
            if (old == null) {
                counts.computeIfAbsent(system, s -> new int[3])[0]++;
            } else if (!old.equals(e.getValue())) {
                counts.computeIfAbsent(system, s -> new int[3])[2]++;
                List<String> ex = examples.computeIfAbsent(system, s -> new ArrayList<>());
                if (ex.size() < EXAMPLES) {
                    ex.add(e.getKey().substring(system.length() + 1) + ": " + old + " -> " + e.getValue());
                }
            }
        }
        for (String key : was.keySet()) {
            if (!now.containsKey(key)) {
                counts.computeIfAbsent(key.substring(0, key.indexOf('|')), s -> new int[3])[1]++;
            }
        }
        Map<String, SystemChanges> bySystem = new TreeMap<>();
        counts.forEach((s, c) -> bySystem.put(s, new SystemChanges(c[0], c[1], c[2],
                List.copyOf(examples.getOrDefault(s, List.of())))));
        List<String> ambiguous = new ArrayList<>();
        now.forEach((k, v) -> {
            if (v.size() > 1 && !v.equals(was.get(k))) {
                ambiguous.add(k + " -> " + v);
            }
        });
        return new CatalogueDiff(before.statistics(), after.statistics(), before.medicinalProductCount(),
                after.medicinalProductCount(), before.packageContentCount(), after.packageContentCount(), bySystem,
                List.copyOf(ambiguous));
    }

    /** "source system|code" -> its targets "system|code" (reviewed-without-target lines as "unmatched"). */
    private static Map<String, Set<String>> targets(CatalogueIndex index) {
        Map<String, Set<String>> out = new TreeMap<>();
        index.mapEntries().forEach((MapEntry e) -> out.computeIfAbsent(e.source().system() + '|' + e.source().code(),
                k -> new TreeSet<>()).add(e.target() == null ? "unmatched"
                : e.target().system() + '|' + e.target().code()));
        return out;
    }

    public String toText() {
        StringBuilder out = new StringBuilder("Changes against the catalogue loaded before the import:\n");
        out.append(String.format("  value sets    %,d -> %,d%n", before.valueSets(), after.valueSets()));
        out.append(String.format("  concepts      %,d -> %,d%n", before.concepts(), after.concepts()));
        out.append(String.format("  mapped codes  %,d -> %,d%n", before.mappedSourceCodes(), after.mappedSourceCodes()));
        out.append(String.format("  designations  %,d -> %,d%n", before.designations(), after.designations()));
        out.append(String.format("  products      %,d -> %,d%n", productsBefore, productsAfter));
        out.append(String.format("  package sizes %,d -> %,d%n", packageSizesBefore, packageSizesAfter));
        if (bySystem.isEmpty()) {
            out.append("  no mapping added, removed or changed\n");
        }
        bySystem.forEach((s, c) -> {
            out.append(String.format("  %s: %,d added, %,d removed, %,d changed%n", s, c.added(), c.removed(), c.changed()));
            c.changedExamples().forEach(x -> out.append("    changed ").append(x).append('\n'));
        });
        if (!ambiguous.isEmpty()) {
            out.append(String.format("  %,d code(s) now map to several targets (two in one value set are reported as"
                    + " ambiguous, never chosen):%n", ambiguous.size()));
            ambiguous.stream().limit(20).forEach(a -> out.append("    ").append(a).append('\n'));
        }
        return out.toString();
    }
}
