package fr.passerelle.gateway.healthspace;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The XDS-like metadata of one document of the health space.
 *
 * @param uniqueId        XDS document unique id (the CDA ClinicalDocument/id as OID or OID^extension)
 * @param confidentiality confidentiality codes, e.g. HL7 N plus {@link Confidentiality#MASQUE_PS}
 * @param author          the authoring professional or organisation, as display text
 * @param sha1            lower-case hex SHA-1 of the stored bytes
 * @param size            size in bytes of the stored bytes
 * @param service         when the reported care took place, as far as known
 */
public record DocumentEntry(String uniqueId, Ins patient, DocumentKind kind, Code classCode, Code typeCode,
                            Code formatCode, List<Code> confidentiality, OffsetDateTime creationTime, String author,
                            String title, String mimeType, String sha1, long size, String languageCode,
                            ServicePeriod service) {

    /** An entry whose service period is not known. */
    public DocumentEntry(String uniqueId, Ins patient, DocumentKind kind, Code classCode, Code typeCode,
                         Code formatCode, List<Code> confidentiality, OffsetDateTime creationTime, String author,
                         String title, String mimeType, String sha1, long size, String languageCode) {
        this(uniqueId, patient, kind, classCode, typeCode, formatCode, confidentiality, creationTime, author, title,
                mimeType, sha1, size, languageCode, ServicePeriod.UNKNOWN);
    }

    public DocumentEntry {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(classCode, "classCode");
        Objects.requireNonNull(typeCode, "typeCode");
        Objects.requireNonNull(formatCode, "formatCode");
        confidentiality = List.copyOf(confidentiality);
        Objects.requireNonNull(creationTime, "creationTime");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(sha1, "sha1");
        service = service == null ? ServicePeriod.UNKNOWN : service;
    }

    /** Whether the patient masked this document from health professionals. */
    public boolean masked() {
        return hasConfidentiality(Confidentiality.MASQUE_PS);
    }

    /** Whether the patient themself may not see it (then neither may a professional abroad on their behalf). */
    public boolean invisibleToPatient() {
        return hasConfidentiality(Confidentiality.INVISIBLE_PATIENT);
    }

    public boolean invisibleToLegalRepresentatives() {
        return hasConfidentiality(Confidentiality.INVISIBLE_REPRESENTANTS_LEGAUX);
    }

    private boolean hasConfidentiality(Code code) {
        return confidentiality.stream().anyMatch(code::sameCodeAs);
    }
}
