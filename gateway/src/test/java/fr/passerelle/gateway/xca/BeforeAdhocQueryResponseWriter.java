package fr.passerelle.gateway.xca;

import static fr.passerelle.gateway.ihe.XdsVocabulary.APPROVED;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_AUTHOR;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_EVENT;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_CLASS;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_CONFIDENTIALITY;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_FACILITY;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_FORMAT;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_PATIENT_ID;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_PRACTICE;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_TYPE;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_UNIQUE_ID;
import static fr.passerelle.gateway.ihe.XdsVocabulary.EXTERNAL_IDENTIFIER;
import static fr.passerelle.gateway.ihe.XdsVocabulary.STABLE_DOCUMENT;
import static fr.passerelle.gateway.ihe.XdsVocabulary.XFRM;

import fr.passerelle.trust.hl7.Ts;
import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.ebxml.query.AdhocQueryResponse;
import fr.passerelle.gateway.ihe.ebxml.rim.AssociationType1;
import fr.passerelle.gateway.ihe.ebxml.rim.ClassificationType;
import fr.passerelle.gateway.ihe.ebxml.rim.ExternalIdentifierType;
import fr.passerelle.gateway.ihe.ebxml.rim.ExtrinsicObjectType;
import fr.passerelle.gateway.ihe.ebxml.rim.InternationalStringType;
import fr.passerelle.gateway.ihe.ebxml.rim.LocalizedStringType;
import fr.passerelle.gateway.ihe.ebxml.rim.ObjectFactory;
import fr.passerelle.gateway.ihe.ebxml.rim.ObjectRefType;
import fr.passerelle.gateway.ihe.ebxml.rim.RegistryObjectListType;
import fr.passerelle.gateway.ihe.ebxml.rim.SlotType1;
import fr.passerelle.gateway.ihe.ebxml.rim.ValueListType;
import fr.passerelle.gateway.ihe.ebxml.rim.VersionInfoType;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.BeforeRegistryErrors;
import fr.passerelle.gateway.soap.RegistryStatus;
import java.util.List;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * Writes the ebRS {@code AdhocQueryResponse} of ITI-38 with the generated protocol model: ExtrinsicObjects with full
 * XDS DocumentEntry metadata (or ObjectRefs) — for an ePrescription item also its author, description and event
 * codes ({@link PrescriptionItemMetadata}) — and the XFRM associations of PDF renderings.
 */
public final class BeforeAdhocQueryResponseWriter {

    private static final ObjectFactory RIM = new ObjectFactory();

    private final ProtocolModel model;

    /** Takes the model's context (built once, when the endpoint is). */
    public BeforeAdhocQueryResponseWriter(ProtocolModel model) {
        this.model = model;
    }

    public Element write(DocumentQuery query, DocumentQueryOutcome outcome) {
        if (outcome instanceof DocumentQueryOutcome.Found found) {
            AdhocQueryResponse response = found(query, found.entries());
            if (!found.withheld().isEmpty() || !found.unserved().isEmpty()) {
                // Part of the query answered, part refused or not served (ITI-38: results and errors together);
                // a class not served is a warning, a class withheld by consent an error.
                response.setStatus(RegistryStatus.PARTIAL_SUCCESS.urn());
                List<BeforeRegistryErrors.Line> lines = new java.util.ArrayList<>();
                found.withheld().forEach(refusal -> lines.add(new BeforeRegistryErrors.Line(refusal, "")));
                found.unserved().forEach(refusal -> lines.add(new BeforeRegistryErrors.Line(refusal, "", true)));
                response.setRegistryErrorList(BeforeRegistryErrors.list(lines));
            }
            return model.toDom(response);
        }
        if (outcome instanceof DocumentQueryOutcome.Refused refused) {
            return refused(refused.refusal());
        }
        throw new IllegalArgumentException("An untrusted request is answered with a SOAP fault, not a message");
    }

    /** A Failure response with one RegistryError (refusal of the whole query). */
    public Element refused(BusinessRefusal refusal) {
        AdhocQueryResponse response = response(RegistryStatus.FAILURE);
        response.setRegistryErrorList(BeforeRegistryErrors.list(List.of(new BeforeRegistryErrors.Line(refusal, ""))));
        return model.toDom(response);
    }

    private AdhocQueryResponse found(DocumentQuery query, List<DocumentEntry> entries) {
        AdhocQueryResponse response = response(RegistryStatus.SUCCESS);
        RegistryObjectListType list = response.getRegistryObjectList();
        for (DocumentEntry entry : entries) {
            if (query.leafClass()) {
                list.getIdentifiable().add(RIM.createExtrinsicObject(extrinsicObject(entry)));
            } else {
                ObjectRefType ref = new ObjectRefType();
                ref.setId(entry.entryUuid());
                ref.setHome("urn:oid:" + entry.homeCommunityId());
                list.getIdentifiable().add(RIM.createObjectRef(ref));
            }
        }
        if (query.leafClass()) {
            for (DocumentEntry entry : entries) {
                entry.transformOf().ifPresent(target -> {
                    AssociationType1 association = new AssociationType1();
                    association.setId(newUuid());
                    association.setAssociationType(XFRM);
                    association.setSourceObject(entry.entryUuid());
                    association.setTargetObject(target);
                    list.getIdentifiable().add(RIM.createAssociation(association));
                });
            }
        }
        return response;
    }

    private static AdhocQueryResponse response(RegistryStatus status) {
        AdhocQueryResponse response = new AdhocQueryResponse();
        response.setStatus(status.urn());
        response.setRegistryObjectList(new RegistryObjectListType());
        return response;
    }

    private static ExtrinsicObjectType extrinsicObject(DocumentEntry entry) {
        ExtrinsicObjectType object = new ExtrinsicObjectType();
        object.setId(entry.entryUuid());
        object.setLid(entry.entryUuid());
        object.setHome("urn:oid:" + entry.homeCommunityId());
        object.setMimeType(entry.mimeType());
        object.setObjectType(STABLE_DOCUMENT);
        object.setStatus(APPROVED);
        List<SlotType1> slots = object.getSlot();
        slots.add(slot("creationTime", Ts.format(entry.creationTime())));
        slots.add(slot("hash", entry.sha1Hex()));
        slots.add(slot("languageCode", entry.languageCode()));
        slots.add(slot("repositoryUniqueId", entry.repositoryUniqueId()));
        entry.serviceStart().ifPresent(start -> slots.add(slot("serviceStartTime", Ts.format(start))));
        entry.serviceStop().ifPresent(stop -> slots.add(slot("serviceStopTime", Ts.format(stop))));
        slots.add(slot("size", Long.toString(entry.size())));
        slots.add(slot("sourcePatientId", entry.patientId().toCx()));
        object.setName(localized(entry.title()));
        entry.item().description().ifPresent(description -> object.setDescription(localized(description)));
        VersionInfoType version = new VersionInfoType();
        version.setVersionName("1");
        object.setVersionInfo(version);
        List<ClassificationType> classifications = object.getClassification();
        classifications.add(classification(entry, DOC_CLASS, entry.classCode()));
        classifications.add(classification(entry, DOC_CONFIDENTIALITY, entry.confidentialityCode()));
        classifications.add(classification(entry, DOC_FORMAT, entry.formatCode()));
        classifications.add(classification(entry, DOC_FACILITY, entry.healthcareFacilityTypeCode()));
        classifications.add(classification(entry, DOC_PRACTICE, entry.practiceSettingCode()));
        classifications.add(classification(entry, DOC_TYPE, entry.typeCode()));
        for (XdsCode event : entry.item().eventCodes()) {
            classifications.add(classification(entry, DOC_EVENT, event));
        }
        entry.item().authorPerson().ifPresent(person -> {
            // An author classification has no node of its own: the prescriber is in its authorPerson slot.
            ClassificationType author = new ClassificationType();
            author.setClassificationScheme(DOC_AUTHOR);
            author.setClassifiedObject(entry.entryUuid());
            author.setId(newUuid());
            author.setNodeRepresentation("");
            author.getSlot().add(slot("authorPerson", person));
            classifications.add(author);
        });
        object.getExternalIdentifier().add(externalIdentifier(entry, DOC_PATIENT_ID, entry.patientId().toCx(),
                "XDSDocumentEntry.patientId"));
        object.getExternalIdentifier().add(externalIdentifier(entry, DOC_UNIQUE_ID, entry.uniqueId(),
                "XDSDocumentEntry.uniqueId"));
        return object;
    }

    private static SlotType1 slot(String name, String value) {
        SlotType1 slot = new SlotType1();
        slot.setName(name);
        slot.setValueList(new ValueListType());
        slot.getValueList().getValue().add(value);
        return slot;
    }

    private static InternationalStringType localized(String value) {
        LocalizedStringType localized = new LocalizedStringType();
        localized.setValue(value);
        InternationalStringType name = new InternationalStringType();
        name.getLocalizedString().add(localized);
        return name;
    }

    private static ClassificationType classification(DocumentEntry entry, String scheme, XdsCode code) {
        ClassificationType classification = new ClassificationType();
        classification.setClassificationScheme(scheme);
        classification.setClassifiedObject(entry.entryUuid());
        classification.setId(newUuid());
        classification.setNodeRepresentation(code.code());
        classification.getSlot().add(slot("codingScheme", code.codingScheme()));
        classification.setName(localized(code.displayName()));
        return classification;
    }

    private static ExternalIdentifierType externalIdentifier(DocumentEntry entry, String scheme, String value,
                                                             String name) {
        ExternalIdentifierType identifier = new ExternalIdentifierType();
        identifier.setId(newUuid());
        identifier.setIdentificationScheme(scheme);
        identifier.setObjectType(EXTERNAL_IDENTIFIER);
        identifier.setRegistryObject(entry.entryUuid());
        identifier.setValue(value);
        identifier.setName(localized(name));
        return identifier;
    }

    private static String newUuid() {
        return "urn:uuid:" + UUID.randomUUID();
    }
}
