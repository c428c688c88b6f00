package fr.passerelle.gateway.audit.fhir;

import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.audit.AuditRecord;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/** Maps a record to a FHIR R4 AuditEvent (DICOM event type, IHE transaction subtype, as the ATNA export). */
public final class AuditEventMapper {

    public static final String REQUESTING_COUNTRY_EXTENSION =
            "https://passerelle.esante.gouv.fr/fhir/StructureDefinition/requesting-country";
    public static final String CHAIN_HASH_EXTENSION =
            "https://passerelle.esante.gouv.fr/fhir/StructureDefinition/audit-chain-hash";
    static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String IHE_TRANSACTIONS = "urn:ihe:event-type-code";
    static final String PURPOSE_OF_USE = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

    private final String auditSourceId;

    public AuditEventMapper(String auditSourceId) {
        this.auditSourceId = auditSourceId;
    }

    public AuditEvent toAuditEvent(AuditRecord record) {
        AuditEvent event = new AuditEvent();
        event.setId(Long.toString(record.seq()));
        event.setType(dicomEvent(record.transaction()));
        event.addSubtype(new Coding(IHE_TRANSACTIONS, record.transaction().iheCode(), record.transaction().name()));
        event.setAction(switch (record.transaction()) {
            case DOCUMENT_RETRIEVE -> AuditEvent.AuditEventAction.R;
            case DISPENSATION -> AuditEvent.AuditEventAction.C;
            default -> AuditEvent.AuditEventAction.E;
        });
        event.setRecorded(Date.from(record.recordedAt()));
        event.setOutcome(switch (record.outcome()) {
            case SUCCESS -> AuditEvent.AuditEventOutcome._0;
            case REFUSED -> AuditEvent.AuditEventOutcome._4;
            case FAILED -> AuditEvent.AuditEventOutcome._8;
        });
        event.setOutcomeDesc(record.errorCode().isEmpty() ? record.decidingRule()
                : record.errorCode() + " " + record.decidingRule());
        // An unattributed record (refused before trust believed the requester) has no purpose and no country.
        record.purpose().ifPresent(purpose -> event.addPurposeOfEvent().addCoding(purpose == PurposeOfUse.EMERGENCY
                ? new Coding(PURPOSE_OF_USE, "ETREAT", "Emergency treatment")
                : new Coding(PURPOSE_OF_USE, "TREAT", "Treatment")));
        if (!record.requestingCountry().isEmpty()) {
            event.addExtension(REQUESTING_COUNTRY_EXTENSION, new CodeType(record.requestingCountry()));
        }
        event.addExtension(CHAIN_HASH_EXTENSION, new org.hl7.fhir.r4.model.StringType(record.recordHash()));

        AuditEvent.AuditEventAgentComponent professional = event.addAgent().setRequestor(true);
        professional.setWho(new Reference().setIdentifier(new Identifier().setValue(record.professionalId()))
                .setDisplay(record.organisation()));
        professional.addRole().addCoding(new Coding("urn:oid:2.16.840.1.113883.2.9.6.2.7", record.professionalRole(),
                null));
        event.addAgent().setRequestor(false)
                .setWho(new Reference().setIdentifier(new Identifier().setValue(record.requestingNcp()))
                        .setDisplay("NCPeH " + record.requestingCountry()))
                .addRole().addCoding(new Coding("urn:ehdsi:role", "ServiceConsumer", "eHealth DSI Service Consumer"));

        event.getSource().setSite(auditSourceId)
                .setObserver(new Reference().setDisplay(auditSourceId))
                .addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4",
                        "Application Server"));

        // No patient entity for a record that concerns no identified patient.
        record.patient().ifPresent(patient -> event.addEntity()
                .setWhat(new Reference().setIdentifier(new Identifier().setSystem("urn:oid:" + patient.oid())
                        .setValue(patient.value())))
                .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"))
                .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient")));
        for (String document : record.documentIds()) {
            event.addEntity()
                    .setWhat(new Reference().setIdentifier(new Identifier().setValue(document)))
                    .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2",
                            "System Object"))
                    .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "3", "Report"));
        }
        return event;
    }

    private static Coding dicomEvent(CrossBorderTransaction transaction) {
        return switch (transaction) {
            case PATIENT_IDENTIFICATION, DOCUMENT_LIST -> new Coding(DICOM, "110112", "Query");
            case DOCUMENT_RETRIEVE -> new Coding(DICOM, "110106", "Export");
            case DISPENSATION -> new Coding(DICOM, "110107", "Import");
        };
    }
}
