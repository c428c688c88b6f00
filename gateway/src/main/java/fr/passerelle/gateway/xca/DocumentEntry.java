package fr.passerelle.gateway.xca;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * XDS DocumentEntry metadata of one document France can return, as listed in an {@code AdhocQueryResponse}. Size
 * and hash are those of the bytes retrieve will return.
 *
 * @param entryUuid     the entry's {@code urn:uuid:} id in this response
 * @param transformOf   for an L1 (PDF) entry, the entryUuid of the L3 entry it renders (XFRM association)
 * @param item          what a portal lists an ePrescription item by (author, description, event codes); none for
 *                      a Patient Summary
 * @param serviceStart  XDS serviceStartTime: when the reported care began, when known
 * @param serviceStop   XDS serviceStopTime: when it ended, when known
 */
public record DocumentEntry(String entryUuid, String uniqueId, String repositoryUniqueId, String homeCommunityId,
                            XdsPatientId patientId, String title, String mimeType, XdsCode classCode,
                            XdsCode typeCode, XdsCode formatCode, XdsCode confidentialityCode,
                            XdsCode healthcareFacilityTypeCode, XdsCode practiceSettingCode, Instant creationTime,
                            String languageCode, long size, String sha1Hex, Optional<String> transformOf,
                            PrescriptionItemMetadata item, Optional<Instant> serviceStart,
                            Optional<Instant> serviceStop) {

    public DocumentEntry {
        Objects.requireNonNull(entryUuid, "entryUuid");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(repositoryUniqueId, "repositoryUniqueId");
        Objects.requireNonNull(homeCommunityId, "homeCommunityId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(classCode, "classCode");
        Objects.requireNonNull(typeCode, "typeCode");
        Objects.requireNonNull(formatCode, "formatCode");
        Objects.requireNonNull(confidentialityCode, "confidentialityCode");
        Objects.requireNonNull(healthcareFacilityTypeCode, "healthcareFacilityTypeCode");
        Objects.requireNonNull(practiceSettingCode, "practiceSettingCode");
        Objects.requireNonNull(creationTime, "creationTime");
        Objects.requireNonNull(languageCode, "languageCode");
        Objects.requireNonNull(sha1Hex, "sha1Hex");
        if (!entryUuid.startsWith("urn:uuid:")) {
            throw new IllegalArgumentException("entryUuid must be a urn:uuid: id");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        transformOf = transformOf == null ? Optional.empty() : transformOf;
        item = item == null ? PrescriptionItemMetadata.none() : item;
        serviceStart = serviceStart == null ? Optional.empty() : serviceStart;
        serviceStop = serviceStop == null ? Optional.empty() : serviceStop;
    }
}
