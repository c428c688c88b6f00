package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.ihe.ebxml.query.AdhocQueryResponse;
import fr.passerelle.gateway.ihe.ebxml.rim.ClassificationType;
import fr.passerelle.gateway.ihe.ebxml.rim.ExtrinsicObjectType;
import fr.passerelle.gateway.ihe.ebxml.rim.IdentifiableType;
import fr.passerelle.gateway.ihe.ebxml.rim.InternationalStringType;
import fr.passerelle.gateway.ihe.ebxml.rim.LocalizedStringType;
import fr.passerelle.gateway.ihe.ebxml.rim.SlotType1;
import jakarta.xml.bind.JAXBElement;
import fr.passerelle.gateway.healthspace.Code;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.ServicePeriod;
import fr.passerelle.trust.hl7.Cx;
import fr.passerelle.trust.hl7.Ts;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the DMP's XDS document entries (ebRIM ExtrinsicObjects) into the port's {@link DocumentEntry}: codes by
 * classification scheme (never by {@code classifiedObject}, which real DMP metadata does not always get right),
 * confidentiality codes including {@code MASQUE_PS} and {@code INVISIBLE_REPRESENTANTS_LEGAUX}, identifiers by
 * identification scheme. Entries of kinds not exchanged abroad are skipped; an entry missing what the port requires
 * makes the answer malformed. Read from the generated protocol model ({@link XdsModel}); an attribute or value that
 * is blank counts as absent, as the DOM reader had it.
 */
final class XdsMetadataReader {

    private XdsMetadataReader() {
    }

    static List<DmpEntry> entries(AdhocQueryResponse response, DmpOperation operation) {
        return response.getRegistryObjectList() == null ? List.of() : response.getRegistryObjectList()
                .getIdentifiable().stream().map(JAXBElement::getValue).filter(ExtrinsicObjectType.class::isInstance)
                .flatMap(object -> read((ExtrinsicObjectType) object, operation).stream()).toList();
    }

    static Optional<DmpEntry> read(ExtrinsicObjectType object, DmpOperation operation) {
        Code format = classification(object, XdsVocabulary.DOC_FORMAT).orElse(null);
        Code type = classification(object, XdsVocabulary.DOC_TYPE).orElse(null);
        Optional<DocumentKind> kind = DmpDocumentKinds.kindOf(format, type);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        try {
            String uniqueId = identifier(object, XdsVocabulary.DOC_UNIQUE_ID)
                    .orElseThrow(() -> missing("uniqueId", operation));
            Ins patient = patientId(identifier(object, XdsVocabulary.DOC_PATIENT_ID)
                    .orElseThrow(() -> missing("patientId", operation)));
            List<Code> confidentiality = classifications(object, XdsVocabulary.DOC_CONFIDENTIALITY).stream()
                    .map(XdsMetadataReader::code).flatMap(Optional::stream).toList();
            String mimeType = present(object.getMimeType());
            String hash = slot(object, "hash").orElseThrow(() -> missing("hash", operation));
            DocumentEntry entry = new DocumentEntry(uniqueId, patient, kind.get(),
                    DmpDocumentKinds.loincClass(kind.get()), type == null ? DmpDocumentKinds.loincClass(kind.get())
                    : type, format, confidentiality,
                    time(slot(object, "creationTime").orElseThrow(() -> missing("creationTime", operation))),
                    slot(classifications(object, XdsVocabulary.DOC_AUTHOR), "authorPerson").map(XdsMetadataReader::person)
                            .orElse(null),
                    localized(object.getName()).orElse(null), mimeType == null ? "text/xml" : mimeType,
                    hash.toLowerCase(Locale.ROOT), slot(object, "size").map(Long::parseLong).orElse(-1L),
                    slot(object, "languageCode").orElse(null),
                    new ServicePeriod(slot(object, "serviceStartTime").map(XdsMetadataReader::time),
                            slot(object, "serviceStopTime").map(XdsMetadataReader::time)));
            return Optional.of(new DmpEntry(entry, present(object.getId()),
                    slot(object, "repositoryUniqueId").orElse(null), present(object.getStatus())));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation,
                    "unreadable document entry: " + e.getMessage(), e);
        }
    }

    /** {@code value^^^&oid&ISO^NH} → INS (only INS identify patients in the DMP). */
    static Ins patientId(String cx) {
        Cx.Reading reading = Cx.read(cx, Cx.Rules.LENIENT);
        if (reading instanceof Cx.Refused refused) {
            throw new IllegalArgumentException("patient id " + refused.refusal().explanation());
        }
        return Ins.of(reading.cx().orElseThrow())
                .orElseThrow(() -> new IllegalArgumentException("patient id is not an INS"));
    }

    /** {@code id^FAMILY^Given^…} → "Given FAMILY" (display text of the author). */
    private static String person(String xcn) {
        String[] parts = xcn.split("\\^");
        String family = parts.length > 1 ? parts[1] : "";
        String given = parts.length > 2 ? parts[2] : "";
        String name = (given + " " + family).trim();
        return name.isEmpty() ? null : name;
    }

    static OffsetDateTime time(String dtm) {
        return Ts.read(dtm).orElseThrow(() -> new IllegalArgumentException("a time is not an HL7 DTM"));
    }

    private static DmpFailure missing(String what, DmpOperation operation) {
        return new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation, "document entry without " + what);
    }

    private static List<ClassificationType> classifications(ExtrinsicObjectType object, String scheme) {
        return object.getClassification().stream().filter(c -> scheme.equals(c.getClassificationScheme())).toList();
    }

    private static Optional<Code> classification(ExtrinsicObjectType object, String scheme) {
        return classifications(object, scheme).stream().findFirst().flatMap(XdsMetadataReader::code);
    }

    private static Optional<Code> code(ClassificationType classification) {
        String code = present(classification.getNodeRepresentation());
        Optional<String> system = slot(classification, "codingScheme");
        if (code == null || system.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Code(code, system.get(), localized(classification.getName()).orElse(null)));
    }

    private static Optional<String> identifier(ExtrinsicObjectType object, String scheme) {
        return object.getExternalIdentifier().stream()
                .filter(e -> scheme.equals(e.getIdentificationScheme()))
                .map(e -> present(e.getValue())).filter(Objects::nonNull).findFirst();
    }

    private static Optional<String> slot(IdentifiableType object, String name) {
        return object.getSlot().stream().filter(s -> name.equals(s.getName()))
                .map(SlotType1::getValueList).filter(Objects::nonNull)
                .flatMap(values -> values.getValue().stream()).filter(Objects::nonNull).map(String::trim).findFirst();
    }

    private static Optional<String> slot(List<ClassificationType> holders, String name) {
        return holders.stream().map(h -> slot(h, name)).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> localized(InternationalStringType text) {
        return Optional.ofNullable(text).flatMap(t -> t.getLocalizedString().stream().findFirst())
                .map(LocalizedStringType::getValue).filter(v -> !v.isBlank());
    }

    /** The DOM reader's reading of an attribute: absent when empty. */
    private static String present(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
