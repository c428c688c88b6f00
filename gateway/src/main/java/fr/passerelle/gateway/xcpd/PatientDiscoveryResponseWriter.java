package fr.passerelle.gateway.xcpd;

import static fr.passerelle.gateway.soap.Namespaces.HL7V3;
import static fr.passerelle.gateway.soap.Namespaces.XSI;

import fr.passerelle.trust.hl7.Ts;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.ihe.XmlTree;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the HL7v3 {@code PRPA_IN201306UV02} answer of ITI-55: acknowledgement (AA, with an
 * {@code acknowledgementDetail} carrying the eHDSI code and queryResponseCode NF or AE when nobody is disclosed; AE
 * only for a message not processed), the matched patient with the custodian's home community,
 * the {@code queryAck}, and the echoed {@code queryByParameter}, as ITI TF-2 §3.55.4.2 asks.
 */
public final class PatientDiscoveryResponseWriter {

    static final String INTERACTION_CODE_SYSTEM = "2.16.840.1.113883.1.6";
    static final String DETECTED_ISSUE_CODE_SYSTEM = "1.3.6.1.4.1.19376.1.2.27.3";
    static final String EHDSI_ISSUE_CODE_SYSTEM = "1.3.6.1.4.1.12559.11.10.1.3.2.2.1";

    private final String homeCommunityId;
    private final Clock clock;

    public PatientDiscoveryResponseWriter(String homeCommunityId, Clock clock) {
        this.homeCommunityId = homeCommunityId;
        this.clock = clock;
    }

    /** The answer to a readable query. */
    public Element write(Element request, PatientDiscoveryQuery query, PatientDiscoveryOutcome outcome) {
        if (outcome instanceof PatientDiscoveryOutcome.Identified identified) {
            return answer(request, query, Optional.of(identified.patient()), Optional.empty(), "AA", "OK");
        }
        if (outcome instanceof PatientDiscoveryOutcome.NoMatch) {
            return answer(request, query, Optional.empty(),
                    Optional.of(BusinessRefusal.of(ExchangeError.ERROR_PI_NO_MATCH)), "AA", "NF");
        }
        if (outcome instanceof PatientDiscoveryOutcome.Refused refused) {
            // The query was processed and refused on business grounds: accepted (AA) with queryResponseCode AE and
            // the eHDSI code in the detail, as gematik's German answers do (AE acknowledges a message not processed,
            // e.g. the deferred mode below).
            return answer(request, query, Optional.empty(), Optional.of(refused.refusal()), "AA", "AE");
        }
        throw new IllegalArgumentException("An untrusted request is answered with a SOAP fault, not a message");
    }

    /** HL7 AcknowledgementDetailCode (2.16.840.1.113883.5.1100) "Syntax error": a message its schema refuses. */
    public static final String SYNTAX_ERROR = "SYN";

    /**
     * The answer to a query whose body its schema refuses: not processed (acknowledgement AE, queryResponseCode AE),
     * an acknowledgementDetail {@code SYN} naming the first violation.
     */
    public Element writeRejected(Element request, PatientDiscoveryQuery query, String violation) {
        Element root = answer(request, query, Optional.empty(), Optional.empty(), "AE", "AE");
        acknowledgementDetail(XmlTree.child(root, HL7V3, "acknowledgement").orElseThrow(),
                "The message does not conform to its schema: " + violation,
                "code", SYNTAX_ERROR, "codeSystem", "2.16.840.1.113883.5.1100", "displayName", "Syntax error");
        return root;
    }

    /** The answer to a query asking for the deferred mode, which eHDSI does not use (HL7 NS250). */
    public Element writeDeferredModeUnsupported(Element request, PatientDiscoveryQuery query) {
        Element root = answer(request, query, Optional.empty(), Optional.empty(), "AE", "AE");
        Element detail = acknowledgementDetail(XmlTree.child(root, HL7V3, "acknowledgement").orElseThrow(),
                "Deferred response mode is not supported", "code", "NS250", "displayName", "Unsupported processing mode");
        XmlTree.append(detail, HL7V3, "location", "queryByParameter/responsePriorityCode");
        return root;
    }

    private Element answer(Element request, PatientDiscoveryQuery query, Optional<IdentifiedPatient> patient,
                           Optional<BusinessRefusal> refusal, String ackCode, String queryResponseCode) {
        Document document = XmlTree.newDocument();
        Element root = document.createElementNS(HL7V3, "PRPA_IN201306UV02");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", XSI);
        root.setAttribute("ITSVersion", "XML_1.0");
        document.appendChild(root);

        ii(append(root, "id"), homeCommunityId, Optional.of(UUID.randomUUID().toString()));
        append(root, "creationTime", "value", Ts.format(clock.instant()));
        append(root, "versionCode", "code", "V3PR1");
        append(root, "interactionId", "root", INTERACTION_CODE_SYSTEM, "extension", "PRPA_IN201306UV02");
        append(root, "processingCode", "code", "P");
        append(root, "processingModeCode", "code", "T");
        append(root, "acceptAckCode", "code", "NE");
        device(root, "receiver", "RCV",
                XmlTree.path(request, HL7V3, "sender", "device", "id").flatMap(id -> XmlTree.attribute(id, "root"))
                        .orElse(query.senderHomeCommunityId().orElse(homeCommunityId)),
                query.senderHomeCommunityId());
        device(root, "sender", "SND", homeCommunityId, Optional.of(homeCommunityId));

        Element acknowledgement = append(root, "acknowledgement");
        append(acknowledgement, "typeCode", "code", ackCode);
        Element target = append(acknowledgement, "targetMessage");
        ii(append(target, "id"), query.messageId().root(), query.messageId().extension());
        refusal.ifPresent(r -> XmlTree.append(acknowledgementDetail(acknowledgement, r.code().description(),
                "code", r.code().code(), "displayName", r.code().description()), HL7V3, "location", r.context()));

        Element controlAct = append(root, "controlActProcess", "classCode", "CACT", "moodCode", "EVN");
        append(controlAct, "code", "code", "PRPA_TE201306UV02", "codeSystem", INTERACTION_CODE_SYSTEM);
        patient.ifPresent(p -> subject(controlAct, p));
        refusal.ifPresent(r -> reasonOf(controlAct, r));

        Element queryAck = append(controlAct, "queryAck");
        ii(append(queryAck, "queryId"), query.queryId().root(), query.queryId().extension());
        append(queryAck, "statusCode", "code", patient.isPresent() ? "deliveredResponse" : "completed");
        append(queryAck, "queryResponseCode", "code", queryResponseCode);
        String found = patient.isPresent() ? "1" : "0";
        append(queryAck, "resultTotalQuantity", "value", found);
        append(queryAck, "resultCurrentQuantity", "value", found);
        append(queryAck, "resultRemainingQuantity", "value", "0");
        XmlTree.path(request, HL7V3, "controlActProcess", "queryByParameter")
                .ifPresent(q -> controlAct.appendChild(document.importNode(q, true)));
        return root;
    }

    /** An {@code acknowledgementDetail} of an error: its code element's attributes (name, value pairs) and text. */
    private static Element acknowledgementDetail(Element acknowledgement, String text, String... codeAttributes) {
        Element detail = append(acknowledgement, "acknowledgementDetail", "typeCode", "E");
        append(detail, "code", codeAttributes);
        XmlTree.append(detail, HL7V3, "text", text);
        return detail;
    }

    private void subject(Element controlAct, IdentifiedPatient matched) {
        Element subject = append(controlAct, "subject", "typeCode", "SUBJ");
        Element event = append(subject, "registrationEvent", "classCode", "REG", "moodCode", "EVN");
        append(event, "id", "nullFlavor", "NA");
        append(event, "statusCode", "code", "active");
        Element subject1 = append(event, "subject1", "typeCode", "SBJ");
        Element patient = append(subject1, "patient", "classCode", "PAT");
        ii(append(patient, "id"), matched.id().root(), Optional.of(matched.id().extension()));
        append(patient, "statusCode", "code", "active");
        Element person = append(patient, "patientPerson", "classCode", "PSN", "determinerCode", "INSTANCE");
        Demographics traits = matched.demographics();
        if (!traits.familyNames().isEmpty() || !traits.givenNames().isEmpty()) {
            Element name = append(person, "name");
            traits.givenNames().forEach(g -> XmlTree.append(name, HL7V3, "given", g));
            traits.familyNames().forEach(f -> XmlTree.append(name, HL7V3, "family", f));
        }
        traits.gender().ifPresent(g -> append(person, "administrativeGenderCode",
                "code", g.code(), "codeSystem", AdministrativeGender.CODE_SYSTEM));
        traits.birthDate().ifPresent(d -> append(person, "birthTime", "value", Ts.formatDate(d)));
        Element subjectOf = append(patient, "subjectOf1");
        Element observation = append(subjectOf, "queryMatchObservation", "classCode", "COND", "moodCode", "EVN");
        append(observation, "code", "code", "IHE_PDQ", "codeSystem", "2.16.840.1.113883.1.11.19914");
        Element degree = append(observation, "value");
        degree.setAttributeNS(XSI, "xsi:type", "INT");
        degree.setAttribute("value", "100");
        Element custodian = append(event, "custodian", "typeCode", "CST");
        Element assigned = append(custodian, "assignedEntity", "classCode", "ASSIGNED");
        append(assigned, "id", "root", homeCommunityId);
        append(assigned, "code", "code", "NotHealthDataLocator", "codeSystem", "1.3.6.1.4.1.19376.1.2.27.2");
    }

    private static void reasonOf(Element controlAct, BusinessRefusal refusal) {
        Element reason = append(controlAct, "reasonOf", "typeCode", "RSON");
        Element issue = append(reason, "detectedIssueEvent", "classCode", "ALRT", "moodCode", "EVN");
        append(issue, "code", "code", "_ActAdministrativeDetectedIssueManagementCode",
                "codeSystem", "2.16.840.1.113883.5.4");
        Element mitigated = append(issue, "mitigatedBy", "typeCode", "MITGT");
        Element management = append(mitigated, "detectedIssueManagement", "classCode", "ACT", "moodCode", "EVN");
        boolean rights = switch (refusal.code()) {
            case ERROR_NO_CONSENT, ERROR_INSUFFICIENT_RIGHTS, ERROR_NOT_VALID_TRC_ASSERTION,
                 ERROR_UNKNOWN_PATIENT_IDENTIFIER -> true;
            default -> false;
        };
        append(management, "code", "code", rights ? "InsufficientRights" : "AnswerNotAvailable",
                "codeSystem", rights ? EHDSI_ISSUE_CODE_SYSTEM : DETECTED_ISSUE_CODE_SYSTEM);
    }

    private static void device(Element root, String role, String typeCode, String deviceId, Optional<String> community) {
        Element party = append(root, role, "typeCode", typeCode);
        Element device = append(party, "device", "classCode", "DEV", "determinerCode", "INSTANCE");
        append(device, "id", "root", deviceId);
        community.ifPresent(c -> {
            Element agent = append(device, "asAgent", "classCode", "AGNT");
            Element organization = append(agent, "representedOrganization",
                    "classCode", "ORG", "determinerCode", "INSTANCE");
            append(organization, "id", "root", c);
        });
    }

    private static void ii(Element element, String root, Optional<String> extension) {
        element.setAttribute("root", root);
        extension.ifPresent(e -> element.setAttribute("extension", e));
    }

    /** Appends an HL7v3 element with these attributes, given as name, value pairs. */
    private static Element append(Element parent, String name, String... attributes) {
        Element child = XmlTree.append(parent, HL7V3, name);
        for (int i = 0; i < attributes.length; i += 2) {
            child.setAttribute(attributes[i], attributes[i + 1]);
        }
        return child;
    }
}
