package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.healthspace.AdministrativeGender;
import fr.passerelle.gateway.healthspace.FrenchPatient;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.hl7.Ts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import fr.passerelle.gateway.ihe.XmlTree;
import org.w3c.dom.Element;

/**
 * The TD0.2-style patient check: an HL7v3 {@code PRPA_IN201307UV02} (Patient Registry Get Demographics Query) for one
 * INS, and its {@code PRPA_IN201308UV02} answer read as "no DMP", "a DMP with this status" and the patient's identity.
 */
final class PatientCheckMessages {

    static final String HL7 = "urn:hl7-org:v3";

    /** What the DMP says of the INS. */
    sealed interface DmpRecord permits NoRecord, Record {
    }

    /** No DMP exists for this INS (or the query matched nothing). */
    record NoRecord() implements DmpRecord {
    }

    /**
     * A DMP exists.
     *
     * @param status the HL7 status of the registration: {@code active} for an open DMP; a closed DMP is
     *               {@code completed}/{@code nullified}/{@code suspended}
     */
    record Record(FrenchPatient patient, String status) implements DmpRecord {
        boolean open() {
            return "active".equals(status);
        }
    }

    private PatientCheckMessages() {
    }

    static Element request(Ins ins, String senderOid, Instant now) {
        Element message = XmlTree.root(HL7, "PRPA_IN201307UV02");
        message.setAttributeNS(null, "ITSVersion", "XML_1.0");
        id(XmlTree.append(message, HL7, "id"), senderOid, UUID.randomUUID().toString());
        value(XmlTree.append(message, HL7, "creationTime"), Ts.format(now));
        code(XmlTree.append(message, HL7, "interactionId"), "2.16.840.1.113883.1.6", "PRPA_IN201307UV02", "extension");
        code(XmlTree.append(message, HL7, "processingCode"), null, "P", "code");
        code(XmlTree.append(message, HL7, "processingModeCode"), null, "T", "code");
        code(XmlTree.append(message, HL7, "acceptAckCode"), null, "AL", "code");
        Element receiver = XmlTree.append(message, HL7, "receiver");
        receiver.setAttributeNS(null, "typeCode", "RCV");
        device(receiver, "1.2.250.1.213.4.1.1.1");
        Element sender = XmlTree.append(message, HL7, "sender");
        sender.setAttributeNS(null, "typeCode", "SND");
        device(sender, senderOid);
        Element control = XmlTree.append(message, HL7, "controlActProcess");
        control.setAttributeNS(null, "classCode", "CACT");
        control.setAttributeNS(null, "moodCode", "EVN");
        code(XmlTree.append(control, HL7, "code"), "2.16.840.1.113883.1.6", "PRPA_TE201307UV02", "code");
        Element query = XmlTree.append(control, HL7, "queryByParameter");
        id(XmlTree.append(query, HL7, "queryId"), senderOid, UUID.randomUUID().toString());
        code(XmlTree.append(query, HL7, "statusCode"), null, "new", "code");
        Element parameters = XmlTree.append(query, HL7, "parameterList");
        Element patientId = XmlTree.append(parameters, HL7, "patientIdentifier");
        id(XmlTree.append(patientId, HL7, "value"), ins.oid(), ins.value());
        XmlTree.append(patientId, HL7, "semanticsText", "Patient.id");
        return message;
    }

    static DmpRecord read(Element answer, Ins asked) {
        DmpOperation operation = DmpOperation.PATIENT_CHECK;
        if (!"PRPA_IN201308UV02".equals(answer.getLocalName()) || !HL7.equals(answer.getNamespaceURI())) {
            throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation,
                    "expected PRPA_IN201308UV02, got " + answer.getLocalName());
        }
        String ack = XmlTree.path(answer, HL7, "acknowledgement", "typeCode")
                .flatMap(e -> XmlTree.attribute(e, "code")).orElse("AA");
        Element control = XmlTree.child(answer, HL7, "controlActProcess").orElseThrow(() -> new DmpFailure(
                DmpFailure.Kind.MALFORMED_RESPONSE, operation, "no controlActProcess"));
        String queryResponse = XmlTree.path(control, HL7, "queryAck", "queryResponseCode")
                .flatMap(e -> XmlTree.attribute(e, "code")).orElse(null);
        if (!"AA".equals(ack) && !"CA".equals(ack)) {
            boolean refused = "AR".equals(ack) || "CR".equals(ack);
            throw new DmpFailure(refused ? DmpFailure.Kind.ACCESS_REFUSED : DmpFailure.Kind.REGISTRY_ERROR,
                    operation, "acknowledgement " + ack);
        }
        if ("NF".equals(queryResponse)) {
            return new NoRecord();
        }
        if (!"OK".equals(queryResponse)) {
            throw new DmpFailure("AE".equals(queryResponse) ? DmpFailure.Kind.REGISTRY_ERROR
                    : DmpFailure.Kind.MALFORMED_RESPONSE, operation, "query response " + queryResponse);
        }
        Element event = XmlTree.path(control, HL7, "subject", "registrationEvent").orElseThrow(() -> new DmpFailure(
                DmpFailure.Kind.MALFORMED_RESPONSE, operation, "OK answer without registrationEvent"));
        String status = XmlTree.child(event, HL7, "statusCode").flatMap(e -> XmlTree.attribute(e, "code"))
                .orElse("active");
        Element patient = XmlTree.path(event, HL7, "subject1", "patient").orElseThrow(() -> new DmpFailure(
                DmpFailure.Kind.MALFORMED_RESPONSE, operation, "registrationEvent without patient"));
        boolean samePatient = XmlTree.children(patient, HL7, "id").stream()
                .anyMatch(id -> XmlTree.attribute(id, "root").equals(Optional.of(asked.oid()))
                        && XmlTree.attribute(id, "extension").equals(Optional.of(asked.value())));
        if (!samePatient) {
            throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation, "answer is about another patient");
        }
        Element person = XmlTree.child(patient, HL7, "patientPerson").orElseThrow(() -> new DmpFailure(
                DmpFailure.Kind.MALFORMED_RESPONSE, operation, "patient without patientPerson"));
        try {
            Element name = birthName(person).orElseThrow(() -> new IllegalArgumentException("no name"));
            List<String> given = XmlTree.children(name, HL7, "given").stream()
                    .flatMap(g -> Arrays.stream(g.getTextContent().trim().split("\\s+")))
                    .filter(part -> !part.isEmpty()).toList();
            String family = XmlTree.child(name, HL7, "family").map(f -> f.getTextContent().trim())
                    .orElseThrow(() -> new IllegalArgumentException("no family name"));
            String gender = XmlTree.child(person, HL7, "administrativeGenderCode")
                    .flatMap(g -> XmlTree.attribute(g, "code")).orElseThrow(() -> new IllegalArgumentException(
                            "no gender"));
            String birth = XmlTree.child(person, HL7, "birthTime").flatMap(b -> XmlTree.attribute(b, "value"))
                    .orElseThrow(() -> new IllegalArgumentException("no birth time"));
            LocalDate birthDate = Ts.readDate(birth)
                    .orElseThrow(() -> new IllegalArgumentException("birth time is not an HL7 timestamp"));
            return new Record(new FrenchPatient(asked, given, family, birthDate,
                    AdministrativeGender.fromCode(gender), null, null), status);
        } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation,
                    "unreadable patient identity: " + e.getMessage(), e);
        }
    }

    /** The birth name ({@code family qualifier="BR"}), else the first name given. */
    private static Optional<Element> birthName(Element person) {
        List<Element> names = XmlTree.children(person, HL7, "name");
        return names.stream()
                .filter(n -> XmlTree.child(n, HL7, "family").flatMap(f -> XmlTree.attribute(f, "qualifier"))
                        .filter("BR"::equals).isPresent())
                .findFirst().or(() -> names.stream().findFirst());
    }

    private static void device(Element parent, String oid) {
        Element device = XmlTree.append(parent, HL7, "device");
        device.setAttributeNS(null, "classCode", "DEV");
        device.setAttributeNS(null, "determinerCode", "INSTANCE");
        id(XmlTree.append(device, HL7, "id"), oid, null);
    }

    private static void id(Element element, String root, String extension) {
        element.setAttributeNS(null, "root", root);
        if (extension != null) {
            element.setAttributeNS(null, "extension", extension);
        }
    }

    private static void value(Element element, String value) {
        element.setAttributeNS(null, "value", value);
    }

    private static void code(Element element, String root, String code, String attribute) {
        if (root != null) {
            element.setAttributeNS(null, "root", root);
        }
        element.setAttributeNS(null, attribute, code);
    }
}
