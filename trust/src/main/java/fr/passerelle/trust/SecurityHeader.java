package fr.passerelle.trust;

import fr.passerelle.trust.assertion.AssertionReader;
import fr.passerelle.trust.xml.HardenedXml;
import fr.passerelle.trust.xml.UnsafeXmlException;
import fr.passerelle.trust.xml.XmlLimits;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The {@code header} check of {@link RequestValidator}: finds the assertions in what the caller gave (envelope,
 * Header, Security, a bare assertion, or a parent of assertions) and refuses a header of the wrong shape or size.
 * It reads elements only, never an assertion's content: it runs on a DOM nobody has vouched for yet, possibly
 * parsed by someone else (CXF), so the size is bounded here before any later check walks it.
 * <p>
 * In order: no DOCTYPE; one SOAP Header; at most one {@code wsse:Security}; a Security header; its size; the
 * assertions as its direct children only (a nested one is wrapping); at least one assertion; at most one
 * {@code wsa:MessageID}. A bare assertion is only size-checked.
 */
final class SecurityHeader {

    static final String WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSA_NS = "http://www.w3.org/2005/08/addressing";
    static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";

    /** The assertion elements, in document order, and the message id when the header carries one. */
    record Located(List<Element> assertions, Optional<String> messageId) {
    }

    private final HardenedXml headerLimits;
    private final int maxHeaderCharacters;

    SecurityHeader(TrustSettings settings) {
        this.headerLimits = new HardenedXml(new XmlLimits(Integer.MAX_VALUE, 64, 32, settings.maxHeaderElements()));
        this.maxHeaderCharacters = settings.maxHeaderCharacters();
    }

    Located locate(Element container) throws Refused {
        noDoctype(container);
        if (is(container, AssertionReader.SAML_NS, "Assertion")) {
            checkSize(container);
            return new Located(List.of(container), Optional.empty());
        }
        Element header = soapHeader(container);
        Element security = security(container, header);
        checkSize(security);
        return new Located(assertions(security), messageId(header));
    }

    private static void noDoctype(Element container) throws Refused {
        Document owner = container.getOwnerDocument();
        if (owner != null && owner.getDoctype() != null) {
            throw new Refused(EhdsiError.ERROR_SEC_GENERIC, "header", "a DOCTYPE is not allowed");
        }
    }

    /** The SOAP Header: the envelope's only one, the container itself, or none (Security or a plain parent). */
    private static Element soapHeader(Element container) throws Refused {
        if (isEnvelope(container)) {
            List<Element> headers = children(container, container.getNamespaceURI(), "Header");
            if (headers.size() != 1) {
                throw new Refused(EhdsiError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED, "header",
                        "the envelope has no single SOAP Header");
            }
            return headers.get(0);
        }
        if ("Header".equals(container.getLocalName())
                && (SOAP12_NS.equals(container.getNamespaceURI()) || SOAP11_NS.equals(container.getNamespaceURI()))) {
            return container;
        }
        return null;
    }

    /** The one Security header; without a SOAP Header, a container that is not Security holds the assertions. */
    private static Element security(Element container, Element header) throws Refused {
        Element security;
        if (is(container, WSSE_NS, "Security")) {
            security = container;
        } else {
            Element parent = header != null ? header : container;
            List<Element> securities = children(parent, WSSE_NS, "Security");
            if (securities.size() > 1) {
                throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "header",
                        "the message has more than one Security header");
            }
            security = securities.isEmpty() ? (header == null ? container : null) : securities.get(0);
        }
        if (security == null) {
            throw new Refused(EhdsiError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED, "header",
                    "the message has no WS-Security header");
        }
        return security;
    }

    /** Depth, attributes and element count (hardened XML limits), then the characters of text and attributes. */
    private void checkSize(Element security) throws Refused {
        try {
            headerLimits.inspect(security);
        } catch (UnsafeXmlException e) {
            throw new Refused(EhdsiError.ERROR_SEC_GENERIC, "header", "Security header refused: " + e.getMessage());
        }
        long characters = 0;
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(security);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                characters += node.getNodeValue().length();
            }
            NamedNodeMap attributes = node.getAttributes();
            if (attributes != null) {
                for (int i = 0; i < attributes.getLength(); i++) {
                    characters += attributes.item(i).getNodeValue().length();
                }
            }
            if (characters > maxHeaderCharacters) {
                throw new Refused(EhdsiError.ERROR_SEC_GENERIC, "header",
                        "the Security header exceeds " + maxHeaderCharacters + " characters");
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                pending.push(child);
            }
        }
    }

    /** The direct children that are assertions; one anywhere deeper is a wrapping attempt. */
    private static List<Element> assertions(Element security) throws Refused {
        List<Element> assertions = children(security, AssertionReader.SAML_NS, "Assertion");
        int everywhere = security.getElementsByTagNameNS(AssertionReader.SAML_NS, "Assertion").getLength();
        if (everywhere != assertions.size()) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "header",
                    "an assertion is nested where none belongs (wrapping)");
        }
        if (assertions.isEmpty()) {
            throw new Refused(EhdsiError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED, "header",
                    "no SAML assertion was received");
        }
        return assertions;
    }

    private static Optional<String> messageId(Element header) throws Refused {
        if (header == null) {
            return Optional.empty();
        }
        List<Element> ids = children(header, WSA_NS, "MessageID");
        if (ids.size() > 1) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "header",
                    "the message has more than one MessageID");
        }
        return ids.stream().findFirst().map(e -> e.getTextContent().trim()).filter(s -> !s.isEmpty());
    }

    private static boolean isEnvelope(Element element) {
        return "Envelope".equals(element.getLocalName())
                && (SOAP12_NS.equals(element.getNamespaceURI()) || SOAP11_NS.equals(element.getNamespaceURI()));
    }

    private static boolean is(Element element, String namespace, String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && is(element, namespace, localName)) {
                found.add(element);
            }
        }
        return found;
    }
}
