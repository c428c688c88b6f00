package fr.passerelle.gateway.healthspace.demo;

import fr.passerelle.gateway.healthspace.ServicePeriod;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the demo health space reads from a French CDA document to index it.
 *
 * @param uniqueId        ClinicalDocument/id as XDS writes it: root, or root^extension
 * @param patientInsOid   root of the recordTarget's INS id
 * @param patientInsValue extension of the recordTarget's INS id
 * @param author          the header author's person name (or organisation), display text
 * @param prescriptionLineIds ids of the top-level prescribed items (ePrescriptions only)
 * @param service         documentationOf/serviceEvent/effectiveTime (low, high), else that of the encompassing
 *                        encounter
 */
public record CdaHeader(String uniqueId, String title, OffsetDateTime effectiveTime, String languageCode,
                        String confidentialityCode, String author, String patientInsOid, String patientInsValue,
                        List<String> prescriptionLineIds, ServicePeriod service) {

    public CdaHeader {
        prescriptionLineIds = List.copyOf(prescriptionLineIds);
        service = service == null ? ServicePeriod.UNKNOWN : service;
    }
}
