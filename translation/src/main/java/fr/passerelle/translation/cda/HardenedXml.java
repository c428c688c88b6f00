package fr.passerelle.translation.cda;

import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationFailure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML: DOCTYPE declarations are refused outright, so neither external entities nor entity
 * expansion bombs can reach the parser. Builders are per thread because they are not thread-safe.
 */
public final class HardenedXml {

    private static final DocumentBuilderFactory FACTORY = factory();
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(HardenedXml::newBuilder);

    private HardenedXml() {
    }

    /** Parses a document, or fails with {@link TranslationFailure.NotWellFormed}. */
    public static Document parse(byte[] xml) throws TranslationException {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        builder.setErrorHandler(SILENT);
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw new TranslationException(new TranslationFailure.NotWellFormed("/", e.getLineNumber(),
                    e.getColumnNumber(), firstLine(e.getMessage())));
        } catch (SAXException | IOException e) {
            throw new TranslationException(new TranslationFailure.NotWellFormed("/", -1, -1, firstLine(e.getMessage())));
        }
    }

    /** A fresh empty namespace-aware document for writers. */
    public static Document newDocument() {
        return BUILDER.get().newDocument();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser does not support hardening", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    private static DocumentBuilder newBuilder() {
        try {
            return FACTORY.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
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
