package fr.passerelle.gateway.xdr;

import fr.passerelle.gateway.xca.XdsPatientId;
import java.util.List;
import java.util.Objects;

/**
 * An XDR submission (ITI-41) as Passerelle reads it: the eHDSI eDispensation document(s) of one submission set,
 * for the patient identified by the XCPD answer's id. The submission set uniqueId makes a resubmission
 * recognisable (idempotence is the road's business).
 */
public record DispensationSubmission(String submissionSetUniqueId, XdsPatientId patientId,
                                     List<SubmittedDocument> documents) {

    public static final String EDISPENSATION_CLASS_CODE = "60593-1";
    /**
     * The class code of an eDispensation discard: an ITI-41 whose document is the discarded eDispensation (same
     * ClinicalDocument/id; OpenNCP's NCP-B rewrites its code to this value and its templateId with a -DISCARD
     * suffix) and whose submission set uniqueId identifies the discard.
     */
    public static final String DISCARD_CLASS_CODE = "DISCARD-60593-1";

    /** Whether every document is a discard (a submission never mixes discards and dispensations). */
    public boolean isDiscard() {
        return documents.stream().allMatch(SubmittedDocument::isDiscard);
    }

    public DispensationSubmission {
        Objects.requireNonNull(submissionSetUniqueId, "submissionSetUniqueId");
        Objects.requireNonNull(patientId, "patientId");
        documents = List.copyOf(documents);
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("A submission carries at least one document");
        }
    }
}
