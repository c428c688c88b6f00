package fr.passerelle.translation.cda;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Output identifiers for entries whose source ids ({@code root^extension} or {@code root}) may repeat: a
 * document that gives two prescription lines the same id must not hand that ambiguity on, since a dispensation
 * abroad names the line it fulfils by its id. The first occurrence keeps its id; the n-th repetition gets the
 * extension suffix {@code -n} (or extension {@code n} when the id has none), the same on every output and on every
 * translation of the document, so the gateway can map it back.
 */
public final class EntryIds {

    private EntryIds() {
    }

    /** The output id of each source id, in order, and which positions repeated an earlier one. */
    public record Assigned(List<String> ids, List<Integer> repeated) {
        public Assigned {
            ids = java.util.Collections.unmodifiableList(new ArrayList<>(ids));
            repeated = List.copyOf(repeated);
        }
    }

    public static Assigned assign(List<String> sourceIds) {
        Map<String, Integer> seen = new HashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>(sourceIds);
        List<String> out = new ArrayList<>();
        List<Integer> repeated = new ArrayList<>();
        for (int i = 0; i < sourceIds.size(); i++) {
            String id = sourceIds.get(i);
            if (id == null) {
                out.add(null);
                continue;
            }
            int n = seen.merge(id, 1, Integer::sum);
            if (n == 1) {
                out.add(id);
            } else {
                String candidate = derived(id, n);
                while (taken.contains(candidate)) {
                    n++;
                    candidate = derived(id, n);
                }
                seen.put(id, n);
                taken.add(candidate);
                out.add(candidate);
                repeated.add(i);
            }
        }
        return new Assigned(out, repeated);
    }

    private static String derived(String id, int n) {
        return id.contains("^") ? id + "-" + n : id + "^" + n;
    }
}
