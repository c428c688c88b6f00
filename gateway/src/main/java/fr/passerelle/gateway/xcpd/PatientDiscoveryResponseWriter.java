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
        Element acknowledgement = XmlTree.child(root, HL7V3, "acknowledgement").orElseThrow();
        Element detail = XmlTree.append(acknowledgement, HL7V3, "acknowledgementDetail");
        detail.setAttribute("typeCode", "E");
        Element code = XmlTree.append(detail, HL7V3, "code");
        code.setAttribute("code", SYNTAX_ERROR);
        code.setAttribute("codeSystem", "2.16.840.1.113883.5.1100");
        code.setAttribute("displayName", "Syntax error");
        XmlTree.append(detail, HL7V3, "text").setTextContent("The message does not conform to its schema: "
                + violation);
        return root;
    }

    /** The answer to a query asking for the deferred mode, which eHDSI does not use (HL7 NS250). */
    public Element writeDeferredModeUnsupported(Element request, PatientDiscoveryQuery query) {
        Element root = answer(request, query, Optional.empty(), Optional.empty(), "AE", "AE");
        Element acknowledgement = XmlTree.child(root, HL7V3, "acknowledgement").orElseThrow();
        Element detail = XmlTree.append(acknowledgement, HL7V3, "acknowledgementDetail");
        detail.setAttribute("typeCode", "E");
        Element code = XmlTree.append(detail, HL7V3, "code");
        code.setAttribute("code", "NS250");
        code.setAttribute("displayName", "Unsupported processing mode");
        XmlTree.append(detail, HL7V3, "text").setTextContent("Deferred response mode is not supported");
        XmlTree.append(detail, HL7V3, "location").setTextContent("queryByParameter/responsePriorityCode");
        return root;
    }

    private Element answer(Element request, PatientDiscoveryQuery query, Optional<IdentifiedPatient> patient,
                           Optional<BusinessRefusal> refusal, String ackCode, String queryResponseCode) {
        Document document = XmlTree.newDocument();
        Element root = document.createElementNS(HL7V3, "PRPA_IN201306UV02");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", XSI);
        root.setAttribute("ITSVersion", "XML_1.0");
        document.appendChild(root);

        ii(XmlTree.append(root, HL7V3, "id"), homeCommunityId, Optional.of(UUID.randomUUID().toString()));
        value(XmlTree.append(root, HL7V3, "creationTime"),
                Ts.format(clock.instant()));
        code(XmlTree.append(root, HL7V3, "versionCode"), "V3PR1");
        Element interaction = XmlTree.append(root, HL7V3, "interactionId");
        interaction.setAttribute("root", INTERACTION_CODE_SYSTEM);
        interaction.setAttribute("extension", "PRPA_IN201306UV02");
        code(XmlTree.append(root, HL7V3, "processingCode"), "P");
        code(XmlTree.append(root, HL7V3, "processingModeCode"), "T");
        code(XmlTree.append(root, HL7V3, "acceptAckCode"), "NE");
        device(root, "receiver", "RCV",
                XmlTree.path(request, HL7V3, "sender", "device", "id").flatMap(id -> XmlTree.attribute(id, "root"))
                        .orElse(query.senderHomeCommunityId().orElse(homeCommunityId)),
                query.senderHomeCommunityId());
        device(root, "sender", "SND", homeCommunityId, Optional.of(homeCommunityId));

        Element acknowledgement = XmlTree.append(root, HL7V3, "acknowledgement");
        code(XmlTree.append(acknowledgement, HL7V3, "typeCode"), ackCode);
        Element target = XmlTree.append(acknowledgement, HL7V3, "targetMessage");
        ii(XmlTree.append(target, HL7V3, "id"), query.messageId().root(), query.messageId().extension());
        refusal.ifPresent(r -> {
            Element detail = XmlTree.append(acknowledgement, HL7V3, "acknowledgementDetail");
            detail.setAttribute("typeCode", "E");
            Element code = XmlTree.append(detail, HL7V3, "code");
            code.setAttribute("code", r.code().code());
            code.setAttribute("displayName", r.code().description());
            XmlTree.append(detail, HL7V3, "text").setTextContent(r.code().description());
            XmlTree.append(detail, HL7V3, "location").setTextContent(r.context());
        });

        Element controlAct = XmlTree.append(root, HL7V3, "controlActProcess");
        controlAct.setAttribute("classCode", "CACT");
        controlAct.setAttribute("moodCode", "EVN");
        Element actCode = XmlTree.append(controlAct, HL7V3, "code");
        actCode.setAttribute("code", "PRPA_TE201306UV02");
        actCode.setAttribute("codeSystem", INTERACTION_CODE_SYSTEM);
        patient.ifPresent(p -> subject(controlAct, p));
        refusal.ifPresent(r -> reasonOf(controlAct, r));

        Element queryAck = XmlTree.append(controlAct, HL7V3, "queryAck");
        ii(XmlTree.append(queryAck, HL7V3, "queryId"), query.queryId().root(), query.queryId().extension());
        code(XmlTree.append(queryAck, HL7V3, "statusCode"), patient.isPresent() ? "deliveredResponse" : "completed");
        code(XmlTree.append(queryAck, HL7V3, "queryResponseCode"), queryResponseCode);
        quantity(queryAck, "resultTotalQuantity", patient.isPresent() ? 1 : 0);
        quantity(queryAck, "resultCurrentQuantity", patient.isPresent() ? 1 : 0);
        quantity(queryAck, "resultRemainingQuantity", 0);
        XmlTree.path(request, HL7V3, "controlActProcess", "queryByParameter")
                .ifPresent(q -> controlAct.appendChild(document.importNode(q, true)));
        return root;
    }

    private void subject(Element controlAct, IdentifiedPatient matched) {
        Element subject = XmlTree.append(controlAct, HL7V3, "subject");
        subject.setAttribute("typeCode", "SUBJ");
        Element event = XmlTree.append(subject, HL7V3, "registrationEvent");
        event.setAttribute("classCode", "REG");
        event.setAttribute("moodCode", "EVN");
        XmlTree.append(event, HL7V3, "id").setAttribute("nullFlavor", "NA");
        code(XmlTree.append(event, HL7V3, "statusCode"), "active");
        Element subject1 = XmlTree.append(event, HL7V3, "subject1");
        subject1.setAttribute("typeCode", "SBJ");
        Element patient = XmlTree.append(subject1, HL7V3, "patient");
        patient.setAttribute("classCode", "PAT");
        ii(XmlTree.append(patient, HL7V3, "id"), matched.id().root(), Optional.of(matched.id().extension()));
        code(XmlTree.append(patient, HL7V3, "statusCode"), "active");
        Element person = XmlTree.append(patient, HL7V3, "patientPerson");
        person.setAttribute("classCode", "PSN");
        person.setAttribute("determinerCode", "INSTANCE");
        Demographics traits = matched.demographics();
        if (!traits.familyNames().isEmpty() || !traits.givenNames().isEmpty()) {
            Element name = XmlTree.append(person, HL7V3, "name");
            traits.givenNames().forEach(g -> XmlTree.append(name, HL7V3, "given").setTextContent(g));
            traits.familyNames().forEach(f -> XmlTree.append(name, HL7V3, "family").setTextContent(f));
        }
        traits.gender().ifPresent(g -> {
            Element gender = XmlTree.append(person, HL7V3, "administrativeGenderCode");
            gender.setAttribute("code", g.code());
            gender.setAttribute("codeSystem", AdministrativeGender.CODE_SYSTEM);
        });
        traits.birthDate().ifPresent(d -> value(XmlTree.append(person, HL7V3, "birthTime"), Ts.formatDate(d)));
        Element subjectOf = XmlTree.append(patient, HL7V3, "subjectOf1");
        Element observation = XmlTree.append(subjectOf, HL7V3, "queryMatchObservation");
        observation.setAttribute("classCode", "COND");
        observation.setAttribute("moodCode", "EVN");
        Element obsCode = XmlTree.append(observation, HL7V3, "code");
        obsCode.setAttribute("code", "IHE_PDQ");
        obsCode.setAttribute("codeSystem", "2.16.840.1.113883.1.11.19914");
        Element degree = XmlTree.append(observation, HL7V3, "value");
        degree.setAttributeNS(XSI, "xsi:type", "INT");
        degree.setAttribute("value", "100");
        Element custodian = XmlTree.append(event, HL7V3, "custodian");
        custodian.setAttribute("typeCode", "CST");
        Element assigned = XmlTree.append(custodian, HL7V3, "assignedEntity");
        assigned.setAttribute("classCode", "ASSIGNED");
        XmlTree.append(assigned, HL7V3, "id").setAttribute("root", homeCommunityId);
        Element locator = XmlTree.append(assigned, HL7V3, "code");
        locator.setAttribute("code", "NotHealthDataLocator");
        locator.setAttribute("codeSystem", "1.3.6.1.4.1.19376.1.2.27.2");
    }

    private static void reasonOf(Element controlAct, BusinessRefusal refusal) {
        Element reason = XmlTree.append(controlAct, HL7V3, "reasonOf");
        reason.setAttribute("typeCode", "RSON");
        Element issue = XmlTree.append(reason, HL7V3, "detectedIssueEvent");
        issue.setAttribute("classCode", "ALRT");
        issue.setAttribute("moodCode", "EVN");
        Element issueCode = XmlTree.append(issue, HL7V3, "code");
        issueCode.setAttribute("code", "_ActAdministrativeDetectedIssueManagementCode");
        issueCode.setAttribute("codeSystem", "2.16.840.1.113883.5.4");
        Element mitigated = XmlTree.append(issue, HL7V3, "mitigatedBy");
        mitigated.setAttribute("typeCode", "MITGT");
        Element management = XmlTree.append(mitigated, HL7V3, "detectedIssueManagement");
        management.setAttribute("classCode", "ACT");
        management.setAttribute("moodCode", "EVN");
        Element managementCode = XmlTree.append(management, HL7V3, "code");
        boolean rights = switch (refusal.code()) {
            case ERROR_NO_CONSENT, ERROR_INSUFFICIENT_RIGHTS, ERROR_NOT_VALID_TRC_ASSERTION,
                 ERROR_UNKNOWN_PATIENT_IDENTIFIER -> true;
            default -> false;
        };
        managementCode.setAttribute("code", rights ? "InsufficientRights" : "AnswerNotAvailable");
        managementCode.setAttribute("codeSystem", rights ? EHDSI_ISSUE_CODE_SYSTEM : DETECTED_ISSUE_CODE_SYSTEM);
    }

    private static void device(Element root, String role, String typeCode, String deviceId, Optional<String> community) {
        Element party = XmlTree.append(root, HL7V3, role);
        party.setAttribute("typeCode", typeCode);
        Element device = XmlTree.append(party, HL7V3, "device");
        device.setAttribute("classCode", "DEV");
        device.setAttribute("determinerCode", "INSTANCE");
        XmlTree.append(device, HL7V3, "id").setAttribute("root", deviceId);
        community.ifPresent(c -> {
            Element agent = XmlTree.append(device, HL7V3, "asAgent");
            agent.setAttribute("classCode", "AGNT");
            Element organization = XmlTree.append(agent, HL7V3, "representedOrganization");
            organization.setAttribute("classCode", "ORG");
            organization.setAttribute("determinerCode", "INSTANCE");
            XmlTree.append(organization, HL7V3, "id").setAttribute("root", c);
        });
    }

    private static void ii(Element element, String root, Optional<String> extension) {
        element.setAttribute("root", root);
        extension.ifPresent(e -> element.setAttribute("extension", e));
    }

    private static void code(Element element, String code) {
        element.setAttribute("code", code);
    }

    private static void value(Element element, String value) {
        element.setAttribute("value", value);
    }

    private static void quantity(Element queryAck, String name, int value) {
        XmlTree.append(queryAck, HL7V3, name).setAttribute("value", Integer.toString(value));
    }
}
