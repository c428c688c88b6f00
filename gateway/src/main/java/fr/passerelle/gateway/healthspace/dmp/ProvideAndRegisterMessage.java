package fr.passerelle.gateway.healthspace.dmp;

import static fr.passerelle.gateway.ihe.XdsVocabulary.LCM;
import static fr.passerelle.gateway.ihe.XdsVocabulary.RIM;
import static fr.passerelle.gateway.ihe.XdsVocabulary.XDS;

import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.healthspace.Code;
import fr.passerelle.gateway.healthspace.Confidentiality;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.FrenchDispensation;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.hl7.Ts;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * The ITI-41 Provide and Register request of a dispensation abroad: one eDISP-MED document entry, the submission set
 * with the metadata the DMP requires (author institution and person, content type, patient id, source id, unique id,
 * submission time, title), the HasMember association, and the document as an MTOM part.
 *
 * @param request     the ProvideAndRegisterDocumentSetRequest
 * @param attachments the document bytes by Content-ID
 */
record ProvideAndRegisterMessage(Element request, Map<String, byte[]> attachments) {

    /**
     * @param country           ISO 3166 alpha-2 of the country where the medicine was dispensed
     * @param submissionSetId   unique id of the submission set (an OID under the configured root)
     */
    static ProvideAndRegisterMessage of(Ins patient, FrenchDispensation dispensation, DmpProperties.Identity identity,
                                        String country, String submissionSetId, Instant now) {
        byte[] document = dispensation.document();
        if (document == null) {
            throw new IllegalArgumentException("the DMP records a dispensation only with its eDispensation document");
        }
        String setUuid = "urn:uuid:" + UUID.randomUUID();
        String docUuid = "urn:uuid:" + UUID.randomUUID();
        String patientCx = XdsQueries.patientCx(patient) + "^NH";
        String author = authorPerson(dispensation, country);
        String institution = institution(identity);
        String contentId = "dispensation-" + UUID.randomUUID() + "@passerelle";

        Element request = XmlTree.root(XDS, "xdsb:ProvideAndRegisterDocumentSetRequest");
        Element submit = XmlTree.add(request, LCM, "lcm:SubmitObjectsRequest");
        Element list = XmlTree.add(submit, RIM, "rim:RegistryObjectList");

        Element entry = XmlTree.add(list, RIM, "rim:ExtrinsicObject");
        entry.setAttributeNS(null, "id", docUuid);
        entry.setAttributeNS(null, "mimeType", "text/xml");
        entry.setAttributeNS(null, "objectType", XdsVocabulary.STABLE_DOCUMENT);
        slot(entry, "creationTime", Ts.format(dispensation.dispensedAt().toInstant()));
        slot(entry, "hash", sha1(document));
        slot(entry, "size", Long.toString(document.length));
        slot(entry, "languageCode", "fr-FR");
        slot(entry, "serviceStartTime", Ts.format(dispensation.dispensedAt().toInstant()));
        slot(entry, "sourcePatientId", patientCx);
        name(entry, "Dispensation médicamenteuse (" + country + ")");
        Element docAuthor = classification(entry, XdsVocabulary.DOC_AUTHOR, docUuid, "", null);
        slot(docAuthor, "authorInstitution", institution);
        slot(docAuthor, "authorPerson", author);
        coded(entry, XdsVocabulary.DOC_CLASS, docUuid, DmpDocumentKinds.DISPENSATION_CLASS);
        coded(entry, XdsVocabulary.DOC_CONFIDENTIALITY, docUuid, Confidentiality.NORMAL);
        coded(entry, XdsVocabulary.DOC_FORMAT, docUuid, DmpDocumentKinds.DISPENSATION_FORMAT);
        coded(entry, XdsVocabulary.DOC_FACILITY, docUuid, facility(identity));
        coded(entry, XdsVocabulary.DOC_PRACTICE, docUuid,
                new Code(identity.practiceSetting(), "1.2.250.1.213.1.1.4.9", null));
        coded(entry, XdsVocabulary.DOC_TYPE, docUuid, DmpDocumentKinds.typeCodes(DocumentKind.EDISPENSATION).get(0));
        identifier(entry, XdsVocabulary.DOC_PATIENT_ID, docUuid, patientCx, "XDSDocumentEntry.patientId");
        identifier(entry, XdsVocabulary.DOC_UNIQUE_ID, docUuid, dispensation.id(), "XDSDocumentEntry.uniqueId");

        submissionSet(list, setUuid, "Dispensation médicamenteuse à l'étranger", patientCx, author, institution,
                identity, submissionSetId, now);

        Element association = XmlTree.add(list, RIM, "rim:Association");
        association.setAttributeNS(null, "id", "urn:uuid:" + UUID.randomUUID());
        association.setAttributeNS(null, "associationType", XdsVocabulary.HAS_MEMBER);
        association.setAttributeNS(null, "sourceObject", setUuid);
        association.setAttributeNS(null, "targetObject", docUuid);
        slot(association, "SubmissionSetStatus", "Original");

        Element documentElement = XmlTree.add(request, XDS, "xdsb:Document");
        documentElement.setAttributeNS(null, "id", docUuid);
        Element include = XmlTree.add(documentElement, DmpSoapClient.XOP_NS, "xop:Include");
        include.setAttributeNS(null, "href", "cid:" + contentId);
        return new ProvideAndRegisterMessage(request, Map.of(contentId, document));
    }

    /**
     * The submission set of a submission (ITI-41) or of a metadata update (ITI-57) to the DMP, with the metadata the
     * DMP requires: submission time, title, author (the NCPeH as institution, the foreign professional as person),
     * content type, patient id, source id, unique id, and its classification as a submission set.
     */
    static void submissionSet(Element list, String setUuid, String title, String patientCx, String author,
                              String institution, DmpProperties.Identity identity, String submissionSetId,
                              Instant now) {
        Element set = XmlTree.add(list, RIM, "rim:RegistryPackage");
        set.setAttributeNS(null, "id", setUuid);
        slot(set, "submissionTime", Ts.format(now));
        name(set, title);
        Element setAuthor = classification(set, XdsVocabulary.SET_AUTHOR, setUuid, "", null);
        slot(setAuthor, "authorInstitution", institution);
        slot(setAuthor, "authorPerson", author);
        coded(set, XdsVocabulary.SET_CONTENT_TYPE, setUuid, facility(identity));
        identifier(set, XdsVocabulary.SET_PATIENT_ID, setUuid, patientCx, "XDSSubmissionSet.patientId");
        identifier(set, XdsVocabulary.SET_SOURCE_ID, setUuid, identity.sourceId(), "XDSSubmissionSet.sourceId");
        identifier(set, XdsVocabulary.SET_UNIQUE_ID, setUuid, submissionSetId, "XDSSubmissionSet.uniqueId");

        Element node = XmlTree.add(list, RIM, "rim:Classification");
        node.setAttributeNS(null, "id", "urn:uuid:" + UUID.randomUUID());
        node.setAttributeNS(null, "classifiedObject", setUuid);
        node.setAttributeNS(null, "classificationNode", XdsVocabulary.SUBMISSION_SET_NODE);
    }

    /** The NCPeH as author institution (XON with its national structure id). */
    static String institution(DmpProperties.Identity identity) {
        return identity.structureName() + "^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^" + identity.structureId();
    }

    /** The foreign dispenser, as an XCN without a French identifier (none exists for them). */
    private static String authorPerson(FrenchDispensation dispensation, String country) {
        return authorPerson(dispensation.dispenser(), country);
    }

    /** A foreign professional as an XCN without a French identifier, their country as assigning facility. */
    static String authorPerson(String name, String country) {
        String dispenser = name == null ? "" : name.replace("^", " ");
        return "^" + dispenser + "^^^^^^^^^^^" + country;
    }

    private static Code facility(DmpProperties.Identity identity) {
        return new Code(identity.activitySector(), "1.2.250.1.71.4.2.4", null);
    }

    static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void slot(Element holder, String name, String value) {
        Element slot = XmlTree.add(holder, RIM, "rim:Slot");
        slot.setAttributeNS(null, "name", name);
        XmlTree.add(XmlTree.add(slot, RIM, "rim:ValueList"), RIM, "rim:Value", value);
    }

    private static void name(Element holder, String value) {
        Element localized = XmlTree.add(XmlTree.add(holder, RIM, "rim:Name"), RIM, "rim:LocalizedString");
        localized.setAttributeNS(null, "value", value);
    }

    private static Element classification(Element holder, String scheme, String object, String node, String name) {
        Element classification = XmlTree.add(holder, RIM, "rim:Classification");
        classification.setAttributeNS(null, "id", "urn:uuid:" + UUID.randomUUID());
        classification.setAttributeNS(null, "classificationScheme", scheme);
        classification.setAttributeNS(null, "classifiedObject", object);
        classification.setAttributeNS(null, "nodeRepresentation", node);
        if (name != null) {
            name(classification, name);
        }
        return classification;
    }

    private static void coded(Element holder, String scheme, String object, Code code) {
        Element classification = classification(holder, scheme, object, code.code(), null);
        slot(classification, "codingScheme", code.codeSystem());
        if (code.display() != null) {
            name(classification, code.display());
        }
    }

    private static void identifier(Element holder, String scheme, String object, String value, String name) {
        Element identifier = XmlTree.add(holder, RIM, "rim:ExternalIdentifier");
        identifier.setAttributeNS(null, "id", "urn:uuid:" + UUID.randomUUID());
        identifier.setAttributeNS(null, "identificationScheme", scheme);
        identifier.setAttributeNS(null, "registryObject", object);
        identifier.setAttributeNS(null, "value", value);
        name(identifier, name);
    }
}
