package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.trust.xml.HardenedXml;
import fr.passerelle.trust.xml.UnsafeXmlException;
import fr.passerelle.trust.xml.XmlLimits;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import fr.passerelle.gateway.ihe.XmlTree;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads from French pharmacy CDA documents what the port needs to say which prescribed items were dispensed: the
 * items of an ePrescription (eP-MED-DM: each {@code section/entry/substanceAdministration} id) and the items an
 * eDispensation (eDISP-MED) refers to (its "FR-Reference-item-prescription": a {@code substanceAdministration}
 * whose {@code reference/externalDocument/id} names the ePrescription).
 */
final class PharmacyDocuments {

    static final String CDA = "urn:hl7-org:v3";
    private static final HardenedXml XML = new HardenedXml(XmlLimits.ENVELOPE);

    /** A prescribed item an eDispensation dispensed. */
    record DispensedItem(String prescriptionId, String lineId) {
    }

    private PharmacyDocuments() {
    }

    /** The prescribed item ids of an ePrescription, in document order. */
    static List<String> prescriptionLines(byte[] ePrescription, DmpOperation operation) {
        Element root = parse(ePrescription, operation);
        Set<String> lines = new LinkedHashSet<>();
        for (Element entry : XmlTree.descendants(root, CDA, "entry")) {
            if (!(entry.getParentNode() instanceof Element section) || !"section".equals(section.getLocalName())) {
                continue;
            }
            XmlTree.child(entry, CDA, "substanceAdministration")
                    .flatMap(item -> XmlTree.child(item, CDA, "id"))
                    .map(PharmacyDocuments::instanceId)
                    .ifPresent(lines::add);
        }
        return List.copyOf(lines);
    }

    /** The prescribed items an eDispensation refers to. */
    static List<DispensedItem> dispensedItems(byte[] eDispensation, DmpOperation operation) {
        Element root = parse(eDispensation, operation);
        List<DispensedItem> items = new ArrayList<>();
        for (Element item : XmlTree.descendants(root, CDA, "substanceAdministration")) {
            var prescription = XmlTree.path(item, CDA, "reference", "externalDocument", "id");
            var line = XmlTree.child(item, CDA, "id");
            if (prescription.isPresent() && line.isPresent()) {
                items.add(new DispensedItem(instanceId(prescription.get()), instanceId(line.get())));
            }
        }
        return items;
    }

    /** An II as the port writes ids: root, or root^extension. */
    static String instanceId(Element id) {
        String root = XmlTree.attribute(id, "root").orElse(null);
        String extension = XmlTree.attribute(id, "extension").orElse(null);
        return extension == null ? root : root + "^" + extension;
    }

    private static Element parse(byte[] document, DmpOperation operation) {
        try {
            Node root = XML.parse(document).getDocumentElement();
            return (Element) root;
        } catch (UnsafeXmlException e) {
            throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation,
                    "retrieved document is not acceptable XML", e);
        }
    }
}
