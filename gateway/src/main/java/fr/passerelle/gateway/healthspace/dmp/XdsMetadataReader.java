package fr.passerelle.gateway.healthspace.dmp;

import static fr.passerelle.gateway.ihe.XdsVocabulary.RIM;

import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.healthspace.Code;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.ServicePeriod;
import fr.passerelle.trust.hl7.Cx;
import fr.passerelle.trust.hl7.Ts;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Reads the DMP's XDS document entries (ebRIM ExtrinsicObjects) into the port's {@link DocumentEntry}: codes by
 * classification scheme (never by {@code classifiedObject}, which real DMP metadata does not always get right),
 * confidentiality codes including {@code MASQUE_PS} and {@code INVISIBLE_REPRESENTANTS_LEGAUX}, identifiers by
 * identification scheme. Entries of kinds not exchanged abroad are skipped; an entry missing what the port requires
 * makes the answer malformed.
 */
final class XdsMetadataReader {


    private XdsMetadataReader() {
    }

    static List<DmpEntry> entries(Element response, DmpOperation operation) {
        List<DmpEntry> entries = new ArrayList<>();
        for (Element object : XmlTree.descendants(response, RIM, "ExtrinsicObject")) {
            read(object, operation).ifPresent(entries::add);
        }
        return entries;
    }

    static Optional<DmpEntry> read(Element object, DmpOperation operation) {
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
            List<Code> confidentiality = new ArrayList<>();
            for (Element classification : classifications(object, XdsVocabulary.DOC_CONFIDENTIALITY)) {
                code(classification).ifPresent(confidentiality::add);
            }
            String mimeType = XmlTree.attribute(object, "mimeType");
            String hash = slot(object, "hash").orElseThrow(() -> missing("hash", operation));
            DocumentEntry entry = new DocumentEntry(uniqueId, patient, kind.get(),
                    DmpDocumentKinds.loincClass(kind.get()), type == null ? DmpDocumentKinds.loincClass(kind.get())
                    : type, format, confidentiality,
                    time(slot(object, "creationTime").orElseThrow(() -> missing("creationTime", operation))),
                    slot(classifications(object, XdsVocabulary.DOC_AUTHOR), "authorPerson").map(XdsMetadataReader::person)
                            .orElse(null),
                    localized(object, "Name").orElse(null), mimeType == null ? "text/xml" : mimeType,
                    hash.toLowerCase(Locale.ROOT), slot(object, "size").map(Long::parseLong).orElse(-1L),
                    slot(object, "languageCode").orElse(null),
                    new ServicePeriod(slot(object, "serviceStartTime").map(XdsMetadataReader::time),
                            slot(object, "serviceStopTime").map(XdsMetadataReader::time)));
            return Optional.of(new DmpEntry(entry, XmlTree.attribute(object, "id"),
                    slot(object, "repositoryUniqueId").orElse(null), XmlTree.attribute(object, "status")));
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

    private static List<Element> classifications(Element object, String scheme) {
        return XmlTree.children(object, RIM, "Classification").stream()
                .filter(c -> scheme.equals(XmlTree.attribute(c, "classificationScheme"))).toList();
    }

    private static Optional<Code> classification(Element object, String scheme) {
        return classifications(object, scheme).stream().findFirst().flatMap(XdsMetadataReader::code);
    }

    private static Optional<Code> code(Element classification) {
        String code = XmlTree.attribute(classification, "nodeRepresentation");
        Optional<String> system = slot(classification, "codingScheme");
        if (code == null || system.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Code(code, system.get(), localized(classification, "Name").orElse(null)));
    }

    private static Optional<String> identifier(Element object, String scheme) {
        return XmlTree.children(object, RIM, "ExternalIdentifier").stream()
                .filter(e -> scheme.equals(XmlTree.attribute(e, "identificationScheme")))
                .map(e -> XmlTree.attribute(e, "value")).filter(v -> v != null).findFirst();
    }

    static Optional<String> slot(Element object, String name) {
        return XmlTree.children(object, RIM, "Slot").stream()
                .filter(s -> name.equals(XmlTree.attribute(s, "name")))
                .flatMap(s -> XmlTree.descendants(s, RIM, "Value").stream())
                .map(v -> v.getTextContent().trim()).findFirst();
    }

    private static Optional<String> slot(List<Element> holders, String name) {
        return holders.stream().map(h -> slot(h, name)).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> localized(Element element, String container) {
        return XmlTree.path(element, RIM, container, "LocalizedString")
                .map(l -> XmlTree.attribute(l, "value")).filter(v -> v != null && !v.isBlank());
    }
}
