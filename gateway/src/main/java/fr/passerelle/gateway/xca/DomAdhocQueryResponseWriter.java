package fr.passerelle.gateway.xca;

import static fr.passerelle.gateway.soap.Namespaces.QUERY;
import static fr.passerelle.gateway.soap.Namespaces.RIM;
import static fr.passerelle.gateway.soap.Namespaces.RS;

import fr.passerelle.gateway.hl7.Ts;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.RegistryErrors;
import fr.passerelle.gateway.soap.RegistryStatus;
import fr.passerelle.gateway.soap.XmlTree;
import java.util.List;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Former DOM writer, kept until the JAXB one is compared with it. Writes the ebRS {@code AdhocQueryResponse} of ITI-38: ExtrinsicObjects with full XDS DocumentEntry metadata. */
final class DomAdhocQueryResponseWriter {

    static final String STABLE_DOCUMENT_ENTRY = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
    static final String APPROVED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";
    static final String CLASS_CODE = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
    static final String TYPE_CODE = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
    static final String CONFIDENTIALITY_CODE = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
    static final String FORMAT_CODE = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
    static final String FACILITY_TYPE_CODE = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";
    static final String PRACTICE_SETTING_CODE = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";
    static final String PATIENT_ID = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    static final String UNIQUE_ID = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
    static final String EXTERNAL_IDENTIFIER =
            "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:ExternalIdentifier";
    static final String XFRM = "urn:ihe:iti:2007:AssociationType:XFRM";

    public Element write(DocumentQuery query, DocumentQueryOutcome outcome) {
        if (outcome instanceof DocumentQueryOutcome.Found found) {
            return found(query, found.entries());
        }
        if (outcome instanceof DocumentQueryOutcome.Refused refused) {
            return refused(refused.refusal());
        }
        throw new IllegalArgumentException("An untrusted request is answered with a SOAP fault, not a message");
    }

    /** A Failure response with one RegistryError (refusal of the whole query). */
    public Element refused(BusinessRefusal refusal) {
        Element response = root(RegistryStatus.FAILURE);
        RegistryErrors.append(response, List.of(new RegistryErrors.Line(refusal, "")));
        XmlTree.append(response, RIM, "rim:RegistryObjectList");
        return response;
    }

    private Element found(DocumentQuery query, List<DocumentEntry> entries) {
        Element response = root(RegistryStatus.SUCCESS);
        Element list = XmlTree.append(response, RIM, "rim:RegistryObjectList");
        for (DocumentEntry entry : entries) {
            if (query.leafClass()) {
                extrinsicObject(list, entry);
            } else {
                Element ref = XmlTree.append(list, RIM, "rim:ObjectRef");
                ref.setAttribute("id", entry.entryUuid());
                ref.setAttribute("home", "urn:oid:" + entry.homeCommunityId());
            }
        }
        if (query.leafClass()) {
            for (DocumentEntry entry : entries) {
                entry.transformOf().ifPresent(target -> {
                    Element association = XmlTree.append(list, RIM, "rim:Association");
                    association.setAttribute("id", newUuid());
                    association.setAttribute("associationType", XFRM);
                    association.setAttribute("sourceObject", entry.entryUuid());
                    association.setAttribute("targetObject", target);
                });
            }
        }
        return response;
    }

    private static Element root(RegistryStatus status) {
        Document document = XmlTree.newDocument();
        Element response = document.createElementNS(QUERY, "query:AdhocQueryResponse");
        response.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:query", QUERY);
        response.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:rim", RIM);
        response.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:rs", RS);
        response.setAttribute("status", status.urn());
        document.appendChild(response);
        return response;
    }

    private static void extrinsicObject(Element list, DocumentEntry entry) {
        Element object = XmlTree.append(list, RIM, "rim:ExtrinsicObject");
        object.setAttribute("id", entry.entryUuid());
        object.setAttribute("lid", entry.entryUuid());
        object.setAttribute("home", "urn:oid:" + entry.homeCommunityId());
        object.setAttribute("mimeType", entry.mimeType());
        object.setAttribute("objectType", STABLE_DOCUMENT_ENTRY);
        object.setAttribute("status", APPROVED);
        slot(object, "creationTime", Ts.format(entry.creationTime()));
        slot(object, "hash", entry.sha1Hex());
        slot(object, "languageCode", entry.languageCode());
        slot(object, "repositoryUniqueId", entry.repositoryUniqueId());
        slot(object, "size", Long.toString(entry.size()));
        slot(object, "sourcePatientId", entry.patientId().toCx());
        localized(XmlTree.append(object, RIM, "rim:Name"), entry.title());
        XmlTree.append(object, RIM, "rim:VersionInfo").setAttribute("versionName", "1");
        classification(object, entry, CLASS_CODE, entry.classCode());
        classification(object, entry, CONFIDENTIALITY_CODE, entry.confidentialityCode());
        classification(object, entry, FORMAT_CODE, entry.formatCode());
        classification(object, entry, FACILITY_TYPE_CODE, entry.healthcareFacilityTypeCode());
        classification(object, entry, PRACTICE_SETTING_CODE, entry.practiceSettingCode());
        classification(object, entry, TYPE_CODE, entry.typeCode());
        externalIdentifier(object, entry, PATIENT_ID, entry.patientId().toCx(), "XDSDocumentEntry.patientId");
        externalIdentifier(object, entry, UNIQUE_ID, entry.uniqueId(), "XDSDocumentEntry.uniqueId");
    }

    private static void slot(Element parent, String name, String value) {
        Element slot = XmlTree.append(parent, RIM, "rim:Slot");
        slot.setAttribute("name", name);
        XmlTree.append(XmlTree.append(slot, RIM, "rim:ValueList"), RIM, "rim:Value").setTextContent(value);
    }

    private static void localized(Element parent, String value) {
        XmlTree.append(parent, RIM, "rim:LocalizedString").setAttribute("value", value);
    }

    private static void classification(Element object, DocumentEntry entry, String scheme, XdsCode code) {
        Element classification = XmlTree.append(object, RIM, "rim:Classification");
        classification.setAttribute("classificationScheme", scheme);
        classification.setAttribute("classifiedObject", entry.entryUuid());
        classification.setAttribute("id", newUuid());
        classification.setAttribute("nodeRepresentation", code.code());
        slot(classification, "codingScheme", code.codingScheme());
        localized(XmlTree.append(classification, RIM, "rim:Name"), code.displayName());
    }

    private static void externalIdentifier(Element object, DocumentEntry entry, String scheme, String value,
                                           String name) {
        Element identifier = XmlTree.append(object, RIM, "rim:ExternalIdentifier");
        identifier.setAttribute("id", newUuid());
        identifier.setAttribute("identificationScheme", scheme);
        identifier.setAttribute("objectType", EXTERNAL_IDENTIFIER);
        identifier.setAttribute("registryObject", entry.entryUuid());
        identifier.setAttribute("value", value);
        localized(XmlTree.append(identifier, RIM, "rim:Name"), name);
    }

    private static String newUuid() {
        return "urn:uuid:" + UUID.randomUUID();
    }
}
