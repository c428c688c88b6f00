package fr.passerelle.terminology.xml;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses outside XML (clinical documents, value sets, coded-element lists) as a DOM or a stream, with the recipe
 * of {@code fr.passerelle.trust.xml.HardenedXml}: the JDK's own parser, DOCTYPE refused (so no external entity,
 * parameter entity or billion laughs can reach the parser), no external DTD or schema fetched, XInclude off, secure
 * processing on, and the limits of {@code XmlLimits.ENVELOPE}. Thread-safe.
 */
public final class HardenedXml {

    /** The limits of {@code fr.passerelle.trust.xml.XmlLimits.ENVELOPE}; {@code OneXmlRecipeTest} keeps them equal. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    public static final int MAX_DEPTH = 128;
    public static final int MAX_ATTRIBUTES_PER_ELEMENT = 64;
    public static final int MAX_ELEMENTS = 500_000;

    private static final String XINCLUDE_NS = "http://www.w3.org/2001/XInclude";
    private static final DocumentBuilderFactory DOM = domFactory();
    private static final XMLInputFactory STAX = staxFactory();
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(HardenedXml::newBuilder);

    private HardenedXml() {
    }

    /** A namespace-aware DOM of the document, or the reason it is refused. */
    public static Document parse(byte[] xml) throws UnsafeXmlException {
        if (xml.length > MAX_BYTES) {
            throw new UnsafeXmlException("document of " + xml.length + " bytes exceeds the limit of " + MAX_BYTES,
                    -1, -1, null);
        }
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        builder.setErrorHandler(SILENT);
        builder.setEntityResolver(HardenedXml::refuseEntity);
        Document document;
        try {
            document = builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw new UnsafeXmlException(describe(e.getMessage()), e.getLineNumber(), e.getColumnNumber(), e);
        } catch (SAXException | IOException e) {
            throw new UnsafeXmlException(describe(e.getMessage()), -1, -1, e);
        }
        checkStructure(document);
        return document;
    }

    /**
     * A namespace-aware stream reader over the input, for files too large to hold as a DOM. A DOCTYPE, an input
     * beyond {@link #MAX_BYTES} or more than {@link #MAX_ELEMENTS} elements fail the read with an
     * {@link XMLStreamException}, as a malformed document does; depth and attribute limits are the parser's own.
     */
    public static XMLStreamReader streamReader(InputStream in) throws XMLStreamException {
        return new Bounded(STAX.createXMLStreamReader(new BoundedInput(in)));
    }

    /** A fresh empty namespace-aware document, for writers. */
    public static Document newDocument() {
        return BUILDER.get().newDocument();
    }

    private static void checkStructure(Document document) throws UnsafeXmlException {
        if (document.getDoctype() != null) {
            throw new UnsafeXmlException("a DOCTYPE is not allowed", -1, -1, null);
        }
        int elements = document.getElementsByTagName("*").getLength();
        if (elements > MAX_ELEMENTS) {
            throw new UnsafeXmlException("more than " + MAX_ELEMENTS + " elements", -1, -1, null);
        }
        if (document.getElementsByTagNameNS(XINCLUDE_NS, "*").getLength() > 0) {
            throw new UnsafeXmlException("XInclude is not allowed", -1, -1, null);
        }
    }

    private static org.xml.sax.InputSource refuseEntity(String publicId, String systemId) throws SAXException {
        throw new SAXException("external entities are refused");
    }

    private static String describe(String message) {
        String m = message == null ? "unreadable input" : message;
        if (m.contains("DOCTYPE")) {
            return "a DOCTYPE is not allowed";
        }
        if (m.contains("maxElementDepth")) {
            return "elements nested deeper than " + MAX_DEPTH;
        }
        if (m.contains("elementAttributeLimit") || m.contains("attributes")) {
            return "an element carries more than " + MAX_ATTRIBUTES_PER_ELEMENT + " attributes";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static DocumentBuilderFactory domFactory() {
        // The JDK's own parser: its security features and limits are known; a Xerces on the class path may differ.
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setValidating(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH + 1));
        f.setAttribute("jdk.xml.elementAttributeLimit", String.valueOf(MAX_ATTRIBUTES_PER_ELEMENT));
        return f;
    }

    private static XMLInputFactory staxFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH + 1));
        f.setProperty("jdk.xml.elementAttributeLimit", String.valueOf(MAX_ATTRIBUTES_PER_ELEMENT));
        return f;
    }

    private static DocumentBuilder newBuilder() {
        try {
            return DOM.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
    }

    /** Refuses a DOCTYPE and counts elements; {@code nextTag} goes through {@code next} so none is missed. */
    private static final class Bounded extends StreamReaderDelegate {

        private int elements;

        Bounded(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("a DOCTYPE is not allowed", getLocation());
            }
            if (event == XMLStreamConstants.START_ELEMENT && ++elements > MAX_ELEMENTS) {
                throw new XMLStreamException("more than " + MAX_ELEMENTS + " elements", getLocation());
            }
            if (event == XMLStreamConstants.START_ELEMENT && XINCLUDE_NS.equals(getNamespaceURI())) {
                throw new XMLStreamException("XInclude is not allowed", getLocation());
            }
            return event;
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while (event == XMLStreamConstants.CHARACTERS && isWhiteSpace() || event == XMLStreamConstants.CDATA
                    && isWhiteSpace() || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                    || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
                event = next();
            }
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                Location at = getLocation();
                throw new XMLStreamException("expected a start or end tag", at);
            }
            return event;
        }
    }

    /** Stops reading past {@link #MAX_BYTES}: the parser then fails as on a truncated document. */
    private static final class BoundedInput extends FilterInputStream {

        private long read;

        BoundedInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > MAX_BYTES) {
                throw new IOException("document exceeds the limit of " + MAX_BYTES + " bytes");
            }
        }
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings are not failures, and never printed
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
