package fr.passerelle.trust.xml;

import java.util.ArrayDeque;
import java.util.Deque;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The ID-like attributes a signature reference may resolve to ({@code ID}, {@code Id}, {@code id} in any namespace —
 * {@code wsu:Id} included — and SAML 1's {@code AssertionID}): an assertion's ID used by any other element of a
 * message is the mark of signature wrapping.
 */
public final class IdAttributes {

    private IdAttributes() {
    }

    /** How many elements under {@code root} (itself included) carry {@code id} in an ID-like attribute. */
    public static int uses(Node root, String id) {
        int uses = 0;
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root instanceof org.w3c.dom.Document document ? document.getDocumentElement() : root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Element element) {
                NamedNodeMap attributes = element.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Node attribute = attributes.item(i);
                    String name = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
                    boolean idLike = name.equals("ID") || name.equals("Id") || name.equals("id")
                            || name.equals("AssertionID");
                    if (idLike && id.equals(attribute.getNodeValue())) {
                        uses++;
                    }
                }
                for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child.getNodeType() == Node.ELEMENT_NODE) {
                        pending.push(child);
                    }
                }
            }
        }
        return uses;
    }
}
