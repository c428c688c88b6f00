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
import fr.passerelle.gateway.ihe.ebxml.rim.IdentifiableType;
import fr.passerelle.gateway.ihe.ebxml.rim.InternationalStringType;
import fr.passerelle.gateway.ihe.ebxml.rim.LocalizedStringType;
import fr.passerelle.gateway.ihe.ebxml.rim.ObjectFactory;
import fr.passerelle.gateway.ihe.ebxml.rim.ObjectRefType;
import fr.passerelle.gateway.ihe.ebxml.rim.RegistryObjectListType;
import fr.passerelle.gateway.ihe.ebxml.rim.SlotType1;
import fr.passerelle.gateway.ihe.ebxml.rim.ValueListType;
import fr.passerelle.gateway.ihe.ebxml.rim.VersionInfoType;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.RegistryErrors;
import fr.passerelle.gateway.soap.RegistryStatus;
import jakarta.xml.bind.JAXBElement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.w3c.dom.Element;

/**
 * Writes the ebRS {@code AdhocQueryResponse} of ITI-38 with the generated protocol model: ExtrinsicObjects with full
 * XDS DocumentEntry metadata (or ObjectRefs) — for an ePrescription item also its author, description and event
 * codes ({@link PrescriptionItemMetadata}) — and the XFRM associations of PDF renderings.
 */
public final class AdhocQueryResponseWriter {

    private static final ObjectFactory RIM = new ObjectFactory();

    private final ProtocolModel model;

    /** Takes the model's context (built once, when the endpoint is). */
    public AdhocQueryResponseWriter(ProtocolModel model) {
        this.model = model;
    }

    public Element write(DocumentQuery query, DocumentQueryOutcome outcome) {
        if (outcome instanceof DocumentQueryOutcome.Found found) {
            AdhocQueryResponse response = found(query, found.entries());
            if (!found.withheld().isEmpty() || !found.unserved().isEmpty() || !found.notSent().isEmpty()) {
                // Part of the query answered, part refused or not served (ITI-38: results and errors together);
                // a class not served is a warning, a class withheld by consent or a document not sent an error.
                Stream<RegistryErrors.Line> lines = Stream.of(
                        found.withheld().stream().map(refusal -> new RegistryErrors.Line(refusal, "")),
                        found.notSent().stream().map(unsent -> new RegistryErrors.Line(unsent.refusal(),
                                unsent.uniqueId())),
                        found.unserved().stream().map(refusal -> new RegistryErrors.Line(refusal, "", true)))
                        .flatMap(s -> s);
                response.withStatus(RegistryStatus.PARTIAL_SUCCESS.urn())
                        .withRegistryErrorList(RegistryErrors.list(lines.toList()));
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
        return model.toDom(response(RegistryStatus.FAILURE)
                .withRegistryErrorList(RegistryErrors.list(List.of(new RegistryErrors.Line(refusal, "")))));
    }

    private AdhocQueryResponse found(DocumentQuery query, List<DocumentEntry> entries) {
        AdhocQueryResponse response = response(RegistryStatus.SUCCESS);
        List<JAXBElement<? extends IdentifiableType>> list = response.getRegistryObjectList().getIdentifiable();
        for (DocumentEntry entry : entries) {
            list.add(query.leafClass() ? RIM.createExtrinsicObject(extrinsicObject(entry))
                    : RIM.createObjectRef(new ObjectRefType().withId(entry.entryUuid()).withHome(home(entry))));
        }
        if (query.leafClass()) {
            for (DocumentEntry entry : entries) {
                entry.transformOf().ifPresent(target -> list.add(RIM.createAssociation(new AssociationType1()
                        .withId(newUuid()).withAssociationType(XFRM).withSourceObject(entry.entryUuid())
                        .withTargetObject(target))));
            }
        }
        return response;
    }

    private static AdhocQueryResponse response(RegistryStatus status) {
        return new AdhocQueryResponse().withStatus(status.urn()).withRegistryObjectList(new RegistryObjectListType());
    }

    private static ExtrinsicObjectType extrinsicObject(DocumentEntry entry) {
        ExtrinsicObjectType object = new ExtrinsicObjectType().withId(entry.entryUuid()).withLid(entry.entryUuid())
                .withHome(home(entry)).withMimeType(entry.mimeType()).withObjectType(STABLE_DOCUMENT)
                .withStatus(APPROVED).withName(localized(entry.title()))
                .withVersionInfo(new VersionInfoType().withVersionName("1"))
                .withSlot(slot("creationTime", Ts.format(entry.creationTime())), slot("hash", entry.sha1Hex()),
                        slot("languageCode", entry.languageCode()),
                        slot("repositoryUniqueId", entry.repositoryUniqueId()));
        entry.serviceStart().ifPresent(start -> object.withSlot(slot("serviceStartTime", Ts.format(start))));
        entry.serviceStop().ifPresent(stop -> object.withSlot(slot("serviceStopTime", Ts.format(stop))));
        object.withSlot(slot("size", Long.toString(entry.size())), slot("sourcePatientId", entry.patientId().toCx()));
        entry.item().description().ifPresent(description -> object.withDescription(localized(description)));
        object.withClassification(classification(entry, DOC_CLASS, entry.classCode()),
                classification(entry, DOC_CONFIDENTIALITY, entry.confidentialityCode()),
                classification(entry, DOC_FORMAT, entry.formatCode()),
                classification(entry, DOC_FACILITY, entry.healthcareFacilityTypeCode()),
                classification(entry, DOC_PRACTICE, entry.practiceSettingCode()),
                classification(entry, DOC_TYPE, entry.typeCode()));
        entry.item().eventCodes().forEach(event -> object.withClassification(classification(entry, DOC_EVENT, event)));
        // An author classification has no node of its own: the prescriber is in its authorPerson slot.
        entry.item().authorPerson().ifPresent(person -> object.withClassification(new ClassificationType()
                .withClassificationScheme(DOC_AUTHOR).withClassifiedObject(entry.entryUuid()).withId(newUuid())
                .withNodeRepresentation("").withSlot(slot("authorPerson", person))));
        return object.withExternalIdentifier(
                externalIdentifier(entry, DOC_PATIENT_ID, entry.patientId().toCx(), "XDSDocumentEntry.patientId"),
                externalIdentifier(entry, DOC_UNIQUE_ID, entry.uniqueId(), "XDSDocumentEntry.uniqueId"));
    }

    private static SlotType1 slot(String name, String value) {
        return new SlotType1().withName(name).withValueList(new ValueListType().withValue(value));
    }

    private static InternationalStringType localized(String value) {
        return new InternationalStringType().withLocalizedString(new LocalizedStringType().withValue(value));
    }

    private static ClassificationType classification(DocumentEntry entry, String scheme, XdsCode code) {
        return new ClassificationType().withClassificationScheme(scheme).withClassifiedObject(entry.entryUuid())
                .withId(newUuid()).withNodeRepresentation(code.code())
                .withSlot(slot("codingScheme", code.codingScheme())).withName(localized(code.displayName()));
    }

    private static ExternalIdentifierType externalIdentifier(DocumentEntry entry, String scheme, String value,
                                                             String name) {
        return new ExternalIdentifierType().withId(newUuid()).withIdentificationScheme(scheme)
                .withObjectType(EXTERNAL_IDENTIFIER).withRegistryObject(entry.entryUuid()).withValue(value)
                .withName(localized(name));
    }

    private static String home(DocumentEntry entry) {
        return "urn:oid:" + entry.homeCommunityId();
    }

    private static String newUuid() {
        return "urn:uuid:" + UUID.randomUUID();
    }
}
