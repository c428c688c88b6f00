package fr.passerelle.gateway.xdr;

import static fr.passerelle.gateway.soap.Namespaces.HL7V3;

import fr.passerelle.trust.hl7.Ts;
import fr.passerelle.gateway.soap.MalformedRequest;
import fr.passerelle.gateway.ihe.XmlTree;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import fr.passerelle.trust.xml.HardenedXml;
import fr.passerelle.trust.xml.UnsafeXmlException;
import fr.passerelle.trust.xml.XmlLimits;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads from an eHDSI eDispensation CDA what France needs to mark prescription lines dispensed: the ePrescription
 * it fulfils ({@code inFulfillmentOf/order/id}) and, per {@code supply} entry, the prescribed item
 * ({@code entryRelationship/substanceAdministration/id}) and the dispensing time. The document is parsed once
 * ({@link #parse}), with the limits of every message from abroad ({@link XmlLimits#ENVELOPE}: depth, elements,
 * attributes, size), and that one DOM serves every reading — these and the translation to eDISP-MED.
 */
public final class EDispensationReader {

    private static final HardenedXml PARSER = new HardenedXml(XmlLimits.ENVELOPE);

    /** The eDispensation parsed hardened, or a {@link MalformedRequest} saying which limit or rule it broke. */
    public Document parse(byte[] cda) {
        try {
            return PARSER.parse(cda);
        } catch (UnsafeXmlException e) {
            throw new MalformedRequest("The submitted eDispensation is not acceptable XML: " + e.getMessage());
        }
    }

    public List<DispensedItem> read(Document cda) {
        Element document = cda.getDocumentElement();
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
    public String documentId(Document cda) {
        return XmlTree.child(cda.getDocumentElement(), HL7V3, "id").flatMap(EDispensationReader::instanceId)
                .orElseThrow(() -> new MalformedRequest("The eDispensation has no ClinicalDocument/id"));
    }

    private static Optional<String> instanceId(Element id) {
        return XmlTree.attribute(id, "root").map(root -> XmlTree.attribute(id, "extension")
                .map(extension -> root + "^" + extension).orElse(root));
    }

    /** HL7 TS, read by {@link Ts}: without a zone, UTC is assumed. */
    static OffsetDateTime time(String ts) {
        return Ts.read(ts).orElseThrow(() -> new MalformedRequest("An eDispensation time is not an HL7 timestamp"));
    }
}
