package fr.passerelle.gateway.audit.atna;

import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.audit.AuditOutcome;
import fr.passerelle.gateway.audit.AuditRecord;
import fr.passerelle.gateway.healthspace.DocumentKind;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one record as an RFC 3881 {@code AuditMessage} in the shape of the eHDSI examples: event identification
 * with the DICOM event id and the IHE transaction, the requesting professional, the service consumer (the foreign
 * NCP) and provider (this NCP), the audit source, the patient, the documents, the assertions and, when refused or
 * failed, the error.
 */
public final class AtnaMessageWriter {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of("UTC"));

    private final String auditSourceId;

    public AtnaMessageWriter(String auditSourceId) {
        this.auditSourceId = auditSourceId;
    }

    public String write(AuditRecord record) {
        StringWriter out = new StringWriter(2048);
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("AuditMessage");
            event(xml, record);
            participant(xml, record.professionalId(), record.organisation(), true, record.professionalRole(),
                    "ISCO-08", record.professionalRole());
            participant(xml, record.requestingNcp(), record.requestingCountry(), true, "ServiceConsumer",
                    "eHealth DSI", "eHealth DSI Service Consumer");
            participant(xml, auditSourceId, auditSourceId, false, "ServiceProvider", "eHealth DSI",
                    "eHealth DSI Service Provider");
            xml.writeStartElement("AuditSourceIdentification");
            xml.writeAttribute("AuditEnterpriseSiteID", auditSourceId);
            xml.writeAttribute("AuditSourceID", auditSourceId);
            xml.writeEmptyElement("AuditSourceTypeCode");
            xml.writeAttribute("csd-code", "4");
            xml.writeEndElement();
            patient(xml, record);
            for (String document : record.documentIds()) {
                object(xml, document, "2", "3", "9", "RFC-3881", "Report Number", null, null);
            }
            for (int i = 0; i < record.assertionIds().size(); i++) {
                boolean identity = i == 0;
                object(xml, record.assertionIds().get(i), "2", null, identity ? "IdA" : "TrcA",
                        "eHealth DSI Security", identity ? "HCP Identity Assertion" : "TRC Assertion", null, null);
            }
            if (!record.correlationId().isEmpty()) {
                // The request's message id, with the requesting community as eHDSI examples carry it.
                object(xml, record.correlationId(), "2", "24", record.transaction().iheCode(), "IHE Transactions",
                        "Message Identifier", "ihe:homeCommunityID", record.requestingNcp());
            }
            if (record.outcome() != AuditOutcome.SUCCESS) {
                object(xml, record.errorCode(), "2", "3", "9", "eHealth DSI Security", "error message", "errormsg",
                        record.decidingRule());
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the ATNA message of record " + record.seq(), e);
        }
        return out.toString();
    }

    private static void event(XMLStreamWriter xml, AuditRecord record) throws XMLStreamException {
        EventCodes codes = EventCodes.of(record.transaction(), record.documentKinds());
        xml.writeStartElement("EventIdentification");
        xml.writeAttribute("EventActionCode", codes.actionCode());
        xml.writeAttribute("EventDateTime", TIME.format(record.recordedAt()));
        xml.writeAttribute("EventOutcomeIndicator", Integer.toString(record.outcome().rfc3881Indicator()));
        code(xml, "EventID", codes.dicomCode(), "DCM", codes.ihe(), codes.dicomName());
        code(xml, "EventTypeCode", record.transaction().iheCode(), "IHE Transactions", codes.ehdsi(), codes.ihe());
        xml.writeEndElement();
    }

    private static void participant(XMLStreamWriter xml, String userId, String alternative, boolean requestor,
                                    String role, String roleSystem, String roleName) throws XMLStreamException {
        xml.writeStartElement("ActiveParticipant");
        xml.writeAttribute("UserID", userId);
        xml.writeAttribute("AlternativeUserID", alternative);
        xml.writeAttribute("UserIsRequestor", Boolean.toString(requestor));
        code(xml, "RoleIDCode", role, roleSystem, roleName, roleName);
        xml.writeEndElement();
    }

    /** No patient participant for a record that concerns no identified patient. */
    private static void patient(XMLStreamWriter xml, AuditRecord record) throws XMLStreamException {
        if (record.patient().isEmpty()) {
            return;
        }
        // HL7 v2 CX, as eHDSI writes patient ids: value^^^&assigning-authority-oid&ISO
        object(xml, record.patient().get().asCx().encode(), "1", "1", "2", "RFC-3881", "Patient Number", null, null);
    }

    private static void object(XMLStreamWriter xml, String id, String type, String role, String code, String system,
                               String name, String detailType, String detailValue) throws XMLStreamException {
        xml.writeStartElement("ParticipantObjectIdentification");
        xml.writeAttribute("ParticipantObjectID", id);
        xml.writeAttribute("ParticipantObjectTypeCode", type);
        if (role != null) {
            xml.writeAttribute("ParticipantObjectTypeCodeRole", role);
        }
        code(xml, "ParticipantObjectIDTypeCode", code, system, name, name);
        if (detailType != null) {
            xml.writeEmptyElement("ParticipantObjectDetail");
            xml.writeAttribute("type", detailType);
            xml.writeAttribute("value", Base64.getEncoder().encodeToString(
                    detailValue.getBytes(StandardCharsets.UTF_8)));
        }
        xml.writeEndElement();
    }

    private static void code(XMLStreamWriter xml, String element, String code, String system, String display,
                             String originalText) throws XMLStreamException {
        xml.writeEmptyElement(element);
        xml.writeAttribute("csd-code", code);
        xml.writeAttribute("codeSystemName", system);
        xml.writeAttribute("displayName", display);
        xml.writeAttribute("originalText", originalText);
    }

    /** DICOM event ids and eHDSI service names per transaction (as in the eHDSI audit examples). */
    private record EventCodes(String actionCode, String dicomCode, String dicomName, String ihe, String ehdsi) {
        /**
         * The eHDSI service of the kinds: OrderService for ePrescriptions, OrCDService when only original clinical
         * documents were asked for, PatientService otherwise (the Patient Summary, or a mix).
         */
        static EventCodes of(CrossBorderTransaction transaction, java.util.Set<DocumentKind> kinds) {
            String service = kinds.contains(DocumentKind.EPRESCRIPTION) ? "OrderService"
                    : !kinds.isEmpty() && kinds.stream().allMatch(DocumentKind::originalClinicalDocument)
                            ? "OrCDService" : "PatientService";
            return switch (transaction) {
                case PATIENT_IDENTIFICATION -> new EventCodes("E", "110112", "Query",
                        "XCPD::CrossGatewayPatientDiscovery", "IdentificationService::FindIdentityByTraits");
                case DOCUMENT_LIST -> new EventCodes("E", "110112", "Query", "XCA::CrossGatewayQuery",
                        service + "::List");
                case DOCUMENT_RETRIEVE -> new EventCodes("R", "110106", "Export", "XCA::CrossGatewayRetrieve",
                        service + "::Retrieve");
                case DISPENSATION -> new EventCodes("C", "110107", "Import", "XDR::ProvideAndRegisterDocumentSet-b",
                        "DispensationService::Initialize");
            };
        }
    }
}
