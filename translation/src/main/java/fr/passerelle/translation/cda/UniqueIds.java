package fr.passerelle.translation.cda;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Keeps the entry identifiers of one output unique. French documents sometimes give several entries the same
 * {@code id} (a copied template, a concern and its observation): written as is, two statements of the output
 * would claim to be one. The first occurrence keeps the source identifier; each repeat gets a derived one —
 * the same root with a suffixed extension, or a name-based UUID when the source has a root only — and a
 * warning names where it happened. Identifiers are derived deterministically, so translating a document twice
 * gives the same output. One instance per output document; not shared between threads.
 */
public final class UniqueIds {

    private final Map<String, Integer> seen = new HashMap<>();
    private final Consumer<String> warnings;

    /** @param warnings receives one sentence per repeated identifier (no identifier value in it) */
    public UniqueIds(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /**
     * The identifier to write for an entry whose source identifier is {@code id} ("root" or "root^extension",
     * as the reader keeps it); null stays null.
     */
    public String unique(String id, SourceRef where) {
        if (id == null) {
            return null;
        }
        int n = seen.merge(id, 1, Integer::sum);
        if (n == 1) {
            return id;
        }
        String derived = derive(id, n);
        while (seen.containsKey(derived)) {
            derived = derive(derived, n);
        }
        seen.put(derived, 1);
        warnings.accept("entry identifier repeated in the source (occurrence " + n + ") at "
                + (where == null ? "?" : where.xpath()) + ": written with a derived identifier so that each"
                + " statement of the output has its own");
        return derived;
    }

    private static String derive(String id, int n) {
        int caret = id.indexOf('^');
        if (caret >= 0) {
            return id + "-" + n;
        }
        return UUID.nameUUIDFromBytes((id + "#" + n).getBytes(StandardCharsets.UTF_8)).toString().toUpperCase();
    }
}
