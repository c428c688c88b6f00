package fr.passerelle.translation.cda;

import fr.passerelle.translation.cda.Header.InstanceId;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The element-building steps every CDA writer shares (pivot and French): children in the HL7 or another
 * namespace with attribute pairs, text children and instance identifiers. Writers extend it with their own
 * document-specific steps.
 */
public class CdaElements {

    protected final Document doc;

    public CdaElements(Document doc) {
        this.doc = doc;
    }

    public Document document() {
        return doc;
    }

    /** Adds a child element in the HL7 namespace with attribute name/value pairs (null values are skipped). */
    public Element add(Element parent, String name, String... attributes) {
        return addNs(parent, CdaNodes.HL7, name, attributes);
    }

    /** Adds a child element in namespace {@code ns}; an {@code xsi:type} pair is set in the XSI namespace. */
    public Element addNs(Element parent, String ns, String name, String... attributes) {
        Element e = doc.createElementNS(ns, name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                if (attributes[i].equals("xsi:type")) {
                    e.setAttributeNS(CdaNodes.XSI, "xsi:type", attributes[i + 1]);
                } else {
                    e.setAttribute(attributes[i], attributes[i + 1]);
                }
            }
        }
        parent.appendChild(e);
        return e;
    }

    /** A child element holding {@code value} as text (empty when the value is null). */
    public Element text(Element parent, String name, String value) {
        Element e = add(parent, name);
        if (value != null) {
            e.setTextContent(value);
        }
        return e;
    }

    /** An {@code id} (nullFlavor UNK when absent). */
    public void id(Element parent, InstanceId id) {
        if (id == null) {
            add(parent, "id", "nullFlavor", "UNK");
        } else {
            add(parent, "id", "root", id.root(), "extension", id.extension());
        }
    }

    /** An {@code id} from an entry identifier "root^extension" as the reader keeps it. */
    public void id(Element parent, String rootAndExtension) {
        if (rootAndExtension == null) {
            add(parent, "id", "nullFlavor", "UNK");
            return;
        }
        int caret = rootAndExtension.indexOf('^');
        id(parent, caret < 0 ? new InstanceId(rootAndExtension, null)
                : new InstanceId(rootAndExtension.substring(0, caret), rootAndExtension.substring(caret + 1)));
    }
}
