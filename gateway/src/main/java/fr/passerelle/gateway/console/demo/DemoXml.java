package fr.passerelle.gateway.console.demo;

import fr.passerelle.trust.xml.HardenedXml;
import fr.passerelle.trust.xml.UnsafeXmlException;
import fr.passerelle.trust.xml.XmlLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The few DOM operations the demo client needs on what the gateway answers, parsed by the hardened parser. */
final class DemoXml {

    /** The trust module's parser: no DTD, no entity, bounded size and depth, as for any message from outside. */
    private static final HardenedXml PARSER = new HardenedXml(XmlLimits.ENVELOPE);

    private DemoXml() {
    }

    static Document parse(byte[] xml) {
        try {
            return PARSER.parse(xml);
        } catch (UnsafeXmlException e) {
            throw new UnreadableAnswer("the answer is not well-formed XML");
        }
    }

    /** Every descendant element named {@code ns:local} (document order). */
    static List<Element> all(Node root, String ns, String local) {
        NodeList list = root instanceof Document d ? d.getElementsByTagNameNS(ns, local)
                : ((Element) root).getElementsByTagNameNS(ns, local);
        List<Element> elements = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            elements.add((Element) list.item(i));
        }
        return elements;
    }

    static Optional<Element> first(Node root, String ns, String local) {
        return all(root, ns, local).stream().findFirst();
    }

    static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    /** Text content with whitespace runs collapsed. */
    static String text(Element element) {
        return element.getTextContent().replaceAll("\\s+", " ").strip();
    }

    /** The gateway answered something the demo client cannot read (shown as a failed step, never a 500). */
    static final class UnreadableAnswer extends RuntimeException {
        UnreadableAnswer(String message) {
            super(message);
        }
    }
}
