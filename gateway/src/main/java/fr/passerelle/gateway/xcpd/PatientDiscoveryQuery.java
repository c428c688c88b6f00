package fr.passerelle.gateway.xcpd;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An XCPD patient discovery request (ITI-55, {@code PRPA_IN201305UV02}) as Passerelle reads it.
 *
 * @param messageId            the request message id, echoed in the acknowledgement
 * @param queryId              the query id, echoed in {@code queryAck}
 * @param senderHomeCommunityId the requesting gateway's home community OID, when it says it
 * @param identifiers          {@code livingSubjectId} values (INS among them, see {@link PatientIdentifier#insAuthority()})
 * @param demographics         name, birth date and gender traits
 * @param deferredResponse     the requester asked for the deferred (asynchronous) mode, which eHDSI does not use
 */
public record PatientDiscoveryQuery(InstanceIdentifier messageId, InstanceIdentifier queryId,
                                    Optional<String> senderHomeCommunityId, List<PatientIdentifier> identifiers,
                                    Demographics demographics, boolean deferredResponse) {

    public PatientDiscoveryQuery {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(queryId, "queryId");
        senderHomeCommunityId = senderHomeCommunityId == null ? Optional.empty() : senderHomeCommunityId;
        identifiers = List.copyOf(identifiers);
        Objects.requireNonNull(demographics, "demographics");
    }

    /** The identifiers assigned by a French INS authority. */
    public List<PatientIdentifier> insIdentifiers() {
        return identifiers.stream().filter(id -> id.insAuthority().isPresent()).toList();
    }
}
