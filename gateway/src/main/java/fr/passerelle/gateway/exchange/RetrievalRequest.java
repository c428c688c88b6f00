package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.healthspace.Ins;
import java.util.Objects;
import java.util.Optional;

/**
 * One document asked for.
 *
 * @param patient   the patient the requester believes it belongs to (XCA, FHIR $summary); empty for a read by id
 *                  (FHIR Binary/Bundle), then the document's own patient is checked against the TRC assertion
 * @param language  BCP 47 language for translated displays, empty to keep the source's displays
 */
public record RetrievalRequest(String uniqueId, Optional<Ins> patient, Rendering rendering,
                               Optional<String> language) {

    public RetrievalRequest {
        Objects.requireNonNull(uniqueId, "uniqueId");
        patient = patient == null ? Optional.empty() : patient;
        Objects.requireNonNull(rendering, "rendering");
        language = language == null ? Optional.empty() : language.filter(l -> !l.isBlank());
    }
}
