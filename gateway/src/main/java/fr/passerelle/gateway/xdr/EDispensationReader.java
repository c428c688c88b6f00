package fr.passerelle.gateway.xdr;

import static fr.passerelle.gateway.soap.Namespaces.HL7V3;

import fr.passerelle.gateway.soap.MalformedRequest;
import fr.passerelle.gateway.soap.XmlTree;
import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads from an eHDSI eDispensation CDA what France needs to mark prescription lines dispensed: the ePrescription
 * it fulfils ({@code inFulfillmentOf/order/id}) and, per {@code supply} entry, the prescribed item
 * ({@code entryRelationship/substanceAdministration/id}) and the dispensing time.
 */
public final class EDispensationReader {

    public List<DispensedItem> read(byte[] cda) {
        Element document = parse(cda);
        String prescriptionId = XmlTree.path(document, HL7V3, "inFulfillmentOf", "order", "id")
                .flatMap(EDispensationReader::instanceId)
                .orElseThrow(() -> new MalformedRequest("The eDispensation has no inFulfillmentOf/order/id"));
        Optional<OffsetDateTime> documentTime = XmlTree.child(document, HL7V3, "effectiveTime")
                .flatMap(t -> XmlTree.attribute(t, "value")).map(EDispensationReader::time);
        List<DispensedItem> items = new ArrayList<>();
        NodeList supplies = document.getElementsByTagNameNS(HL7V3, "supply");
        for (int i = 0; i < supplies.getLength(); i++) {
            Element supply = (Element) supplies.item(i);
            if (!"EVN".equals(supply.getAttribute("moodCode"))) {
                continue;
            }
            String lineId = XmlTree.children(supply, HL7V3, "entryRelationship").stream()
                    .flatMap(r -> XmlTree.child(r, HL7V3, "substanceAdministration").stream())
                    .flatMap(s -> XmlTree.child(s, HL7V3, "id").flatMap(EDispensationReader::instanceId).stream())
                    .findFirst().orElseThrow(() -> new MalformedRequest(
                            "A dispensed supply names no prescribed substanceAdministration/id"));
            OffsetDateTime at = XmlTree.child(supply, HL7V3, "effectiveTime")
                    .flatMap(t -> XmlTree.attribute(t, "value")).map(EDispensationReader::time)
                    .or(() -> documentTime)
                    .orElseThrow(() -> new MalformedRequest("The eDispensation has no effectiveTime"));
            items.add(new DispensedItem(prescriptionId, lineId, at));
        }
        if (items.isEmpty()) {
            throw new MalformedRequest("The eDispensation has no dispensed supply entry");
        }
        return items;
    }

    /**
     * The eDispensation's ClinicalDocument/id ({@code root^extension}, or {@code root}): the dispensation's identity,
     * the same in the discard of it.
     */
    public String documentId(byte[] cda) {
        return XmlTree.child(parse(cda), HL7V3, "id").flatMap(EDispensationReader::instanceId)
                .orElseThrow(() -> new MalformedRequest("The eDispensation has no ClinicalDocument/id"));
    }

    private static Optional<String> instanceId(Element id) {
        return XmlTree.attribute(id, "root").map(root -> XmlTree.attribute(id, "extension")
                .map(extension -> root + "^" + extension).orElse(root));
    }

    /** HL7 TS {@code yyyyMMddHHmmss[.SSS][+hhmm]}; without a zone, UTC is assumed. */
    static OffsetDateTime time(String ts) {
        String digits = ts.replaceAll("[.][0-9]+", "");
        String local = digits.replaceAll("[+-][0-9]{4}$", "");
        String zone = digits.substring(local.length());
        String padded = (local + "00000000000000").substring(0, 14);
        try {
            LocalDateTime dateTime = LocalDateTime.parse(padded, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
            return dateTime.atOffset(zone.isEmpty() ? ZoneOffset.UTC : ZoneOffset.of(zone.substring(0, 3) + ":"
                    + zone.substring(3)));
        } catch (RuntimeException e) {
            throw new MalformedRequest("An eDispensation time is not an HL7 timestamp");
        }
    }

    private static Element parse(byte[] cda) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(cda)).getDocumentElement();
        } catch (Exception e) {
            throw new MalformedRequest("The submitted eDispensation is not well-formed XML");
        }
    }
}
