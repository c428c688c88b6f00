package fr.passerelle.gateway.healthspace.dmp;

import static fr.passerelle.gateway.healthspace.dmp.XdsModel.localized;
import static fr.passerelle.gateway.healthspace.dmp.XdsModel.newUuid;
import static fr.passerelle.gateway.healthspace.dmp.XdsModel.slot;

import fr.passerelle.gateway.ihe.BytePartMarshaller;
import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.ihe.ebxml.lcm.SubmitObjectsRequest;
import fr.passerelle.gateway.ihe.ebxml.rim.AssociationType1;
import fr.passerelle.gateway.ihe.ebxml.rim.ClassificationType;
import fr.passerelle.gateway.ihe.ebxml.rim.ExternalIdentifierType;
import fr.passerelle.gateway.ihe.ebxml.rim.ExtrinsicObjectType;
import fr.passerelle.gateway.ihe.ebxml.rim.IdentifiableType;
import fr.passerelle.gateway.ihe.ebxml.rim.ObjectFactory;
import fr.passerelle.gateway.ihe.ebxml.rim.RegistryObjectListType;
import fr.passerelle.gateway.ihe.ebxml.rim.RegistryPackageType;
import fr.passerelle.gateway.ihe.xds.ProvideAndRegisterDocumentSetRequestType;
import fr.passerelle.gateway.healthspace.Code;
import fr.passerelle.gateway.healthspace.Confidentiality;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.FrenchDispensation;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.hl7.Ts;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.attachment.AttachmentMarshaller;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
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

    static final ObjectFactory RIM = new ObjectFactory();

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
        String setUuid = newUuid();
        String docUuid = newUuid();
        String patientCx = XdsQueries.patientCx(patient) + "^NH";
        String author = authorPerson(dispensation, country);
        String institution = institution(identity);
        String created = Ts.format(dispensation.dispensedAt().toInstant());
        ExtrinsicObjectType entry = new ExtrinsicObjectType().withId(docUuid).withMimeType("text/xml")
                .withObjectType(XdsVocabulary.STABLE_DOCUMENT)
                .withSlot(slot("creationTime", created), slot("hash", sha1(document)),
                        slot("size", Long.toString(document.length)), slot("languageCode", "fr-FR"),
                        slot("serviceStartTime", created), slot("sourcePatientId", patientCx))
                .withName(localized("Dispensation médicamenteuse (" + country + ")"))
                .withClassification(author(XdsVocabulary.DOC_AUTHOR, docUuid, institution, author),
                        coded(XdsVocabulary.DOC_CLASS, docUuid, DmpDocumentKinds.DISPENSATION_CLASS),
                        coded(XdsVocabulary.DOC_CONFIDENTIALITY, docUuid, Confidentiality.NORMAL),
                        coded(XdsVocabulary.DOC_FORMAT, docUuid, DmpDocumentKinds.DISPENSATION_FORMAT),
                        coded(XdsVocabulary.DOC_FACILITY, docUuid, facility(identity)),
                        coded(XdsVocabulary.DOC_PRACTICE, docUuid,
                                new Code(identity.practiceSetting(), "1.2.250.1.213.1.1.4.9", null)),
                        coded(XdsVocabulary.DOC_TYPE, docUuid,
                                DmpDocumentKinds.typeCodes(DocumentKind.EDISPENSATION).get(0)))
                .withExternalIdentifier(
                        identifier(XdsVocabulary.DOC_PATIENT_ID, docUuid, patientCx, "XDSDocumentEntry.patientId"),
                        identifier(XdsVocabulary.DOC_UNIQUE_ID, docUuid, dispensation.id(),
                                "XDSDocumentEntry.uniqueId"));
        List<JAXBElement<? extends IdentifiableType>> objects = submissionSet(setUuid,
                "Dispensation médicamenteuse à l'étranger", patientCx, author, institution, identity,
                submissionSetId, now);
        objects.add(0, RIM.createExtrinsicObject(entry));
        objects.add(RIM.createAssociation(new AssociationType1().withId(newUuid())
                .withAssociationType(XdsVocabulary.HAS_MEMBER).withSourceObject(setUuid).withTargetObject(docUuid)
                .withSlot(slot("SubmissionSetStatus", "Original"))));
        String contentId = "dispensation-" + UUID.randomUUID() + "@passerelle";
        Element request = ProtocolModel.XDS.toDom(new fr.passerelle.gateway.ihe.xds.ObjectFactory()
                .createProvideAndRegisterDocumentSetRequest(new ProvideAndRegisterDocumentSetRequestType()
                        .withSubmitObjectsRequest(new SubmitObjectsRequest().withRegistryObjectList(
                                new RegistryObjectListType().withIdentifiable(objects)))
                        .withDocument(new ProvideAndRegisterDocumentSetRequestType.Document().withId(docUuid)
                                .withValue(document))), mtomPart(contentId));
        return new ProvideAndRegisterMessage(request, Map.of(contentId, document));
    }

    /**
     * The submission set of a submission (ITI-41) or of a metadata update (ITI-57) to the DMP, with the metadata the
     * DMP requires: submission time, title, author (the NCPeH as institution, the foreign professional as person),
     * content type, patient id, source id, unique id; and its classification as a submission set.
     *
     * @return the set and its classification, a list the caller adds its other objects to
     */
    static List<JAXBElement<? extends IdentifiableType>> submissionSet(String setUuid, String title,
            String patientCx, String author, String institution, DmpProperties.Identity identity,
            String submissionSetId, Instant now) {
        RegistryPackageType set = new RegistryPackageType().withId(setUuid)
                .withSlot(slot("submissionTime", Ts.format(now))).withName(localized(title))
                .withClassification(author(XdsVocabulary.SET_AUTHOR, setUuid, institution, author),
                        coded(XdsVocabulary.SET_CONTENT_TYPE, setUuid, facility(identity)))
                .withExternalIdentifier(
                        identifier(XdsVocabulary.SET_PATIENT_ID, setUuid, patientCx, "XDSSubmissionSet.patientId"),
                        identifier(XdsVocabulary.SET_SOURCE_ID, setUuid, identity.sourceId(),
                                "XDSSubmissionSet.sourceId"),
                        identifier(XdsVocabulary.SET_UNIQUE_ID, setUuid, submissionSetId, "XDSSubmissionSet.uniqueId"));
        return new java.util.ArrayList<>(List.of(RIM.createRegistryPackage(set),
                RIM.createClassification(new ClassificationType().withId(newUuid()).withClassifiedObject(setUuid)
                        .withClassificationNode(XdsVocabulary.SUBMISSION_SET_NODE))));
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

    /** An author classification: no node of its own, the author in its slots. */
    private static ClassificationType author(String scheme, String object, String institution, String person) {
        return new ClassificationType().withId(newUuid()).withClassificationScheme(scheme).withClassifiedObject(object)
                .withNodeRepresentation("").withSlot(slot("authorInstitution", institution),
                        slot("authorPerson", person));
    }

    private static ClassificationType coded(String scheme, String object, Code code) {
        return new ClassificationType().withId(newUuid()).withClassificationScheme(scheme).withClassifiedObject(object)
                .withNodeRepresentation(code.code()).withSlot(slot("codingScheme", code.codeSystem()))
                .withName(code.display() == null ? null : localized(code.display()));
    }

    private static ExternalIdentifierType identifier(String scheme, String object, String value, String name) {
        return new ExternalIdentifierType().withId(newUuid()).withIdentificationScheme(scheme)
                .withRegistryObject(object).withValue(value).withName(localized(name));
    }

    /**
     * Takes the document's bytes out of the body as the one MTOM part, under this Content-ID. Not CXF's
     * {@code JAXBAttachmentMarshaller}: its Content-IDs embed the URL-encoded namespace, which the {@code cid:} href,
     * once decoded as RFC 2392 says, no longer matches.
     */
    private static AttachmentMarshaller mtomPart(String contentId) {
        return new BytePartMarshaller() {
            @Override
            public String addMtomAttachment(byte[] data, int offset, int length, String mime, String ns, String name) {
                return "cid:" + contentId;
            }
        };
    }
}
