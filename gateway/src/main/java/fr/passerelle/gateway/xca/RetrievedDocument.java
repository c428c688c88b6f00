package fr.passerelle.gateway.xca;

import java.util.Objects;

/**
 * A document returned by retrieve: the pivot document's bytes (immutable per uniqueId, so they may be cached).
 * The array is handed over, not copied: callers must not modify it afterwards.
 */
public record RetrievedDocument(DocumentReference reference, String homeCommunityId, String mimeType,
                                byte[] content) {

    public RetrievedDocument {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(homeCommunityId, "homeCommunityId");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(content, "content");
    }
}
