package fr.passerelle.trust.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML into a namespace-aware DOM, refusing every construct that has broken XML parsers:
 * DOCTYPE (XXE, parameter entities, billion laughs), XInclude, and documents beyond the size, depth, element
 * and attribute limits. {@link #inspect(Node)} applies the same limits to a DOM someone else parsed (CXF).
 * Thread-safe.
 */
public final class HardenedXml {

    static final String XINCLUDE_NS = "http://www.w3.org/2001/XInclude";

    private static final ThreadLocal<DocumentBuilder> WRITERS = ThreadLocal.withInitial(() -> {
        try {
            return newFactory(XmlLimits.ENVELOPE).newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
    });

    private final XmlLimits limits;
    private final ThreadLocal<DocumentBuilder> builders;

    public HardenedXml(XmlLimits limits) {
        this.limits = limits;
        DocumentBuilderFactory factory = newFactory(limits);
        this.builders = ThreadLocal.withInitial(() -> {
            try {
                DocumentBuilder builder = factory.newDocumentBuilder();
                builder.setErrorHandler(SILENT);
                // No resolver may ever fetch anything, even if a DTD slipped through.
                builder.setEntityResolver((publicId, systemId) -> {
                    throw new SAXException("external entities are refused");
                });
                return builder;
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
            }
        });
    }

    /** A fresh empty namespace-aware document, for writers: built by the same factory, nothing is parsed. */
    public static Document newDocument() {
        return WRITERS.get().newDocument();
    }

    public XmlLimits limits() {
        return limits;
    }

    public Document parse(byte[] xml) throws UnsafeXmlException {
        if (xml.length > limits.maxBytes()) {
            throw new UnsafeXmlException("document of " + xml.length + " bytes exceeds the limit of "
                    + limits.maxBytes());
        }
        return parseBounded(new ByteArrayInputStream(xml));
    }

    public Document parse(InputStream in) throws UnsafeXmlException {
        try {
            byte[] bytes = in.readNBytes(limits.maxBytes() + 1);
            return parse(bytes);
        } catch (IOException e) {
            throw new UnsafeXmlException("cannot read the document", e);
        }
    }

    private Document parseBounded(InputStream in) throws UnsafeXmlException {
        DocumentBuilder builder = builders.get();
        try {
            Document document = builder.parse(in);
            inspect(document);
            return document;
        } catch (SAXParseException e) {
            throw new UnsafeXmlException(describe(e), e);
        } catch (SAXException e) {
            throw new UnsafeXmlException("refused XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UnsafeXmlException("cannot read the document", e);
        } finally {
            builder.reset();
            builder.setErrorHandler(SILENT);
        }
    }

    /**
     * Checks a DOM against the limits and refuses DOCTYPE, entity references and XInclude elements. Iterative,
     * so a deeply nested document cannot overflow the stack here.
     */
    public void inspect(Node root) throws UnsafeXmlException {
        Document owner = root instanceof Document d ? d : root.getOwnerDocument();
        if (owner != null && owner.getDoctype() != null) {
            throw new UnsafeXmlException("a DOCTYPE is not allowed");
        }
        Deque<Node> pending = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        pending.push(root);
        depths.push(0);
        int elements = 0;
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            int depth = depths.pop();
            switch (node.getNodeType()) {
                case Node.DOCUMENT_TYPE_NODE -> throw new UnsafeXmlException("a DOCTYPE is not allowed");
                case Node.ENTITY_REFERENCE_NODE, Node.ENTITY_NODE ->
                        throw new UnsafeXmlException("entity references are not allowed");
                case Node.ELEMENT_NODE -> {
                    elements++;
                    if (elements > limits.maxElements()) {
                        throw new UnsafeXmlException("more than " + limits.maxElements() + " elements");
                    }
                    if (depth > limits.maxDepth()) {
                        throw new UnsafeXmlException("elements nested deeper than " + limits.maxDepth());
                    }
                    Element element = (Element) node;
                    if (XINCLUDE_NS.equals(element.getNamespaceURI())) {
                        throw new UnsafeXmlException("XInclude is not allowed");
                    }
                    if (element.getAttributes().getLength() > limits.maxAttributesPerElement()) {
                        throw new UnsafeXmlException("an element carries more than "
                                + limits.maxAttributesPerElement() + " attributes");
                    }
                }
                default -> {
                    // text, comments, processing instructions: limits only apply to structure
                }
            }
            for (Node child = node.getLastChild(); child != null; child = child.getPreviousSibling()) {
                pending.push(child);
                depths.push(node.getNodeType() == Node.ELEMENT_NODE ? depth + 1 : depth);
            }
        }
    }

    private static DocumentBuilderFactory newFactory(XmlLimits limits) {
        // The JDK's own parser: its security features and limits are known; a Xerces on the class path may differ.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setValidating(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // The parser stops a depth or attribute bomb while reading, before a DOM is even built.
        factory.setAttribute("jdk.xml.maxElementDepth", String.valueOf(limits.maxDepth() + 1));
        factory.setAttribute("jdk.xml.elementAttributeLimit", String.valueOf(limits.maxAttributesPerElement()));
        return factory;
    }

    private static String describe(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return "a DOCTYPE is not allowed";
        }
        if (message.contains("maxElementDepth") || message.contains("depth")) {
            return "elements nested deeper than allowed";
        }
        if (message.contains("elementAttributeLimit") || message.contains("attributes")) {
            return "an element carries too many attributes";
        }
        return "malformed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber();
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // warnings are not failures, and never printed
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
