package fr.passerelle.gateway.xca;

import static fr.passerelle.gateway.soap.Namespaces.HL7V3;

import fr.passerelle.gateway.ihe.XmlTree;
import fr.passerelle.trust.xml.HardenedXml;
import fr.passerelle.trust.xml.UnsafeXmlException;
import fr.passerelle.trust.xml.XmlLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What an NCP-B portal lists an ePrescription item by, read from the very pivot CDA a retrieval of it serves (so the
 * listing never says more, or other, than the document): the prescriber ({@code authorPerson}), a description
 * "product, strength, dose form" and the event codes of the eHDSI XCA metadata for eP — the XDW workflow state
 * {@code open} (only items still to dispense are offered), the medicine's ATC class, its strength and its EDQM dose
 * form — as gematik's ePrescription lists carry them. What the pivot does not code (a product without ATC class, an
 * unmapped dose form) is left out rather than guessed.
 *
 * @param authorPerson the prescriber's name as written ("given family", as gematik and OpenNCP send it)
 * @param description  product name, strength and dose form, comma-separated
 */
public record PrescriptionItemMetadata(Optional<String> authorPerson, Optional<String> description,
                                       List<XdsCode> eventCodes) {

    static final String PHARM = "urn:hl7-org:pharm";
    static final String ATC = "2.16.840.1.113883.6.73";
    static final String EDQM = "0.4.0.127.0.16.1.1.2.1";
    static final String STRENGTH_SCHEME = "eHDSI_Strength_CodeSystem";
    static final XdsCode OPEN = new XdsCode("urn:ihe:iti:xdw:2011:eventCode:open", "1.3.6.1.4.1.19376.1.2.3", "Open");

    /** Our own output, parsed with the limits of a message from abroad all the same. */
    private static final HardenedXml PARSER = new HardenedXml(XmlLimits.ENVELOPE);

    public PrescriptionItemMetadata {
        eventCodes = List.copyOf(eventCodes);
    }

    /** Nothing to add (a Patient Summary, or a pivot that cannot be read). */
    public static PrescriptionItemMetadata none() {
        return new PrescriptionItemMetadata(Optional.empty(), Optional.empty(), List.of());
    }

    /**
     * Only the author ({@code authorPerson}) of another pivot — an original clinical document, whose header names
     * the professional who wrote the report; none when the pivot cannot be read or names no person.
     */
    public static PrescriptionItemMetadata authorOf(byte[] pivot) {
        try {
            Element document = PARSER.parse(pivot).getDocumentElement();
            return new PrescriptionItemMetadata(author(document), Optional.empty(), List.of());
        } catch (UnsafeXmlException unreadable) {
            return none();
        }
    }

    /** The metadata of one pivot ePrescription item (its first prescribed medicine, the only one eHDSI allows). */
    public static PrescriptionItemMetadata of(byte[] pivot) {
        Element document;
        try {
            document = PARSER.parse(pivot).getDocumentElement();
        } catch (UnsafeXmlException unreadable) {
            return none();
        }
        Optional<String> author = author(document);
        Optional<Element> material = firstDescendant(document, "manufacturedMaterial");
        if (material.isEmpty()) {
            return new PrescriptionItemMetadata(author, Optional.empty(), List.of());
        }
        Optional<String> name = child(material.get(), "name").map(XmlTree::text)
                .map(String::strip).filter(s -> !s.isEmpty());
        Optional<XdsCode> atc = child(material.get(), "asSpecializedKind")
                .flatMap(kind -> child(kind, "generalizedMaterialKind")).flatMap(kind -> child(kind, "code"))
                .flatMap(code -> coded(code, ATC));
        Optional<XdsCode> doseForm = child(material.get(), "formCode").flatMap(code -> coded(code, EDQM));
        Optional<String> strength = strength(material.get());
        List<XdsCode> events = new ArrayList<>();
        events.add(OPEN);
        atc.ifPresent(events::add);
        strength.ifPresent(s -> events.add(new XdsCode(s, STRENGTH_SCHEME, "Strength of medication")));
        doseForm.ifPresent(events::add);
        String described = Stream.of(name, strength, doseForm.map(XdsCode::displayName)).flatMap(Optional::stream)
                .collect(Collectors.joining(", "));
        return new PrescriptionItemMetadata(author, Optional.of(described).filter(s -> !s.isEmpty()), events);
    }

    /** The code of this system, or among its translations; its display name, else the code. */
    private static Optional<XdsCode> coded(Element code, String system) {
        return Stream.concat(Stream.of(code), children(code, "translation").stream())
                .filter(c -> system.equals(c.getAttribute("codeSystem")) && !c.getAttribute("code").isEmpty())
                .findFirst()
                .map(c -> new XdsCode(c.getAttribute("code"), system,
                        c.getAttribute("displayName").isEmpty() ? null : c.getAttribute("displayName")));
    }

    /** The active ingredient's strength ("500 mg", "5 mg/ml"), when the pivot gives one ingredient with it. */
    private static Optional<String> strength(Element material) {
        List<Element> strengths = children(material, "ingredient").stream()
                .flatMap(i -> child(i, "quantity").stream()).toList();
        if (strengths.size() != 1) {
            // Several ingredients: one strength per ingredient, no single value to list by.
            return Optional.empty();
        }
        Optional<String> numerator = child(strengths.get(0), "numerator").flatMap(
                PrescriptionItemMetadata::physicalQuantity);
        Optional<String> denominator = child(strengths.get(0), "denominator").flatMap(
                PrescriptionItemMetadata::physicalQuantity).filter(d -> !"1".equals(d));
        return numerator.map(n -> denominator.map(d -> n + "/" + d.replaceFirst("^1 ", "")).orElse(n));
    }

    private static Optional<String> physicalQuantity(Element quantity) {
        String value = quantity.getAttribute("value");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String unit = quantity.getAttribute("unit");
        return Optional.of(unit.isEmpty() || "1".equals(unit) ? value : value + " " + unit);
    }

    /** The prescriber's (or report author's) name in the CDA header. */
    private static Optional<String> author(Element document) {
        return XmlTree.path(document, HL7V3, "author", "assignedAuthor", "assignedPerson", "name")
                .flatMap(PrescriptionItemMetadata::personName);
    }

    private static Optional<String> personName(Element name) {
        String full = (nameParts(name, "given") + " " + nameParts(name, "family")).strip();
        return full.isEmpty() ? Optional.empty() : Optional.of(full);
    }

    private static String nameParts(Element name, String part) {
        return XmlTree.children(name, HL7V3, part).stream().map(XmlTree::text).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    }

    /**
     * Children by local name, in the CDA namespace or the pharm one (the pivot writes the medicine's form, kind,
     * ingredients and package in {@code urn:hl7-org:pharm}, its name and code in the CDA's).
     */
    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())
                    && (HL7V3.equals(e.getNamespaceURI()) || PHARM.equals(e.getNamespaceURI()))) {
                found.add(e);
            }
        }
        return found;
    }

    private static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    private static Optional<Element> firstDescendant(Element root, String localName) {
        NodeList found = root.getElementsByTagNameNS("*", localName);
        return found.getLength() == 0 ? Optional.empty() : Optional.of((Element) found.item(0));
    }
}
