package fr.passerelle.gateway.xca;

import java.util.Objects;
import java.util.Optional;

/** One {@code DocumentRequest} of an ITI-39 retrieve. */
public record DocumentReference(Optional<String> homeCommunityId, String repositoryUniqueId,
                                String documentUniqueId) {

    public DocumentReference {
        homeCommunityId = homeCommunityId == null ? Optional.empty() : homeCommunityId;
        Objects.requireNonNull(repositoryUniqueId, "repositoryUniqueId");
        Objects.requireNonNull(documentUniqueId, "documentUniqueId");
    }
}
