package fr.passerelle.translation.fhir;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Full URLs ({@code urn:uuid:…}) for the resources of one Bundle, derived from the source document id so
 * translating the same document twice gives the same Bundle.
 */
final class ResourceIds {

    private final String seed;
    private int counter;

    ResourceIds(String seed) {
        this.seed = seed == null ? UUID.randomUUID().toString() : seed;
    }

    String next(String kind) {
        counter++;
        return "urn:uuid:" + UUID.nameUUIDFromBytes((seed + "/" + kind + "/" + counter).getBytes(StandardCharsets.UTF_8));
    }
}
