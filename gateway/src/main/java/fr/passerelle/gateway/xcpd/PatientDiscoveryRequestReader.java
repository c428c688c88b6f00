package fr.passerelle.gateway.xcpd;

import static fr.passerelle.gateway.soap.Namespaces.HL7V3;

import fr.passerelle.trust.hl7.Ts;
import fr.passerelle.gateway.soap.MalformedRequest;
import fr.passerelle.gateway.ihe.XmlTree;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** Reads an HL7v3 {@code PRPA_IN201305UV02} into a {@link PatientDiscoveryQuery}. */
public final class PatientDiscoveryRequestReader {

    public PatientDiscoveryQuery read(Element request) {
        InstanceIdentifier messageId = XmlTree.child(request, HL7V3, "id").flatMap(this::instanceId)
                .orElseThrow(() -> new MalformedRequest("PRPA_IN201305UV02 has no id/@root"));
        Element query = XmlTree.path(request, HL7V3, "controlActProcess", "queryByParameter")
                .orElseThrow(() -> new MalformedRequest("PRPA_IN201305UV02 has no controlActProcess/queryByParameter"));
        InstanceIdentifier queryId = XmlTree.child(query, HL7V3, "queryId").flatMap(this::instanceId)
                .orElseThrow(() -> new MalformedRequest("queryByParameter has no queryId/@root"));
        Element parameters = XmlTree.child(query, HL7V3, "parameterList")
                .orElseThrow(() -> new MalformedRequest("queryByParameter has no parameterList"));

        List<PatientIdentifier> identifiers = new ArrayList<>();
        for (Element subjectId : XmlTree.children(parameters, HL7V3, "livingSubjectId")) {
            for (Element value : XmlTree.children(subjectId, HL7V3, "value")) {
                String root = XmlTree.attribute(value, "root")
                        .orElseThrow(() -> new MalformedRequest("livingSubjectId/value has no @root"));
                String extension = XmlTree.attribute(value, "extension")
                        .orElseThrow(() -> new MalformedRequest("livingSubjectId/value has no @extension"));
                identifiers.add(new PatientIdentifier(root, extension));
            }
        }
        Demographics demographics = demographics(parameters);
        if (identifiers.isEmpty() && demographics.isEmpty()) {
            throw new MalformedRequest("parameterList carries neither livingSubjectId nor demographic traits");
        }
        boolean deferred = XmlTree.child(query, HL7V3, "responsePriorityCode")
                .flatMap(code -> XmlTree.attribute(code, "code")).filter("D"::equals).isPresent();
        Optional<String> senderCommunity = XmlTree.path(request, HL7V3, "sender", "device", "asAgent",
                "representedOrganization", "id").flatMap(id -> XmlTree.attribute(id, "root"));
        return new PatientDiscoveryQuery(messageId, queryId, senderCommunity, identifiers, demographics, deferred);
    }

    private Demographics demographics(Element parameters) {
        List<String> family = new ArrayList<>();
        List<String> given = new ArrayList<>();
        for (Element name : XmlTree.children(parameters, HL7V3, "livingSubjectName")) {
            for (Element value : XmlTree.children(name, HL7V3, "value")) {
                XmlTree.children(value, HL7V3, "family").stream().map(XmlTree::text).filter(s -> !s.isEmpty())
                        .forEach(family::add);
                XmlTree.children(value, HL7V3, "given").stream().map(XmlTree::text).filter(s -> !s.isEmpty())
                        .forEach(given::add);
            }
        }
        Optional<LocalDate> birthDate = XmlTree.path(parameters, HL7V3, "livingSubjectBirthTime", "value")
                .flatMap(value -> XmlTree.attribute(value, "value")).map(PatientDiscoveryRequestReader::birthDate);
        Optional<AdministrativeGender> gender = XmlTree.path(parameters, HL7V3,
                        "livingSubjectAdministrativeGender", "value").flatMap(value -> XmlTree.attribute(value, "code"))
                .map(code -> AdministrativeGender.ofCode(code).orElseThrow(() -> new MalformedRequest(
                        "livingSubjectAdministrativeGender/value/@code is not M, F or UN")));
        return new Demographics(family, given, birthDate, gender);
    }

    /** HL7 TS, read by {@link Ts}: at least YYYYMMDD is needed to match a birth date; its time is ignored. */
    static LocalDate birthDate(String ts) {
        return Ts.readDate(ts).orElseThrow(() -> new MalformedRequest(
                "livingSubjectBirthTime/value/@value is not an HL7 timestamp starting with a full date YYYYMMDD"));
    }

    private Optional<InstanceIdentifier> instanceId(Element ii) {
        return XmlTree.attribute(ii, "root").map(root -> new InstanceIdentifier(root, XmlTree.attribute(ii, "extension")));
    }
}
