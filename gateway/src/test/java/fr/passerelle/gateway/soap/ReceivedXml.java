package fr.passerelle.gateway.soap;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A received XML document read with namespace-aware XPath (prefixes: soap, wsa, wsse, hl7, rim, rs, query, xds, xop). */
public final class ReceivedXml {

    private final Document document;
    private final XPath xpath;

    private ReceivedXml(Document document) {
        this.document = document;
        this.xpath = XPathFactory.newInstance().newXPath();
        this.xpath.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "soap" -> Namespaces.SOAP12;
                    case "wsa" -> Namespaces.WSA;
                    case "wsse" -> Namespaces.WSSE;
                    case "hl7" -> Namespaces.HL7V3;
                    case "rim" -> Namespaces.RIM;
                    case "rs" -> Namespaces.RS;
                    case "query" -> Namespaces.QUERY;
                    case "xds" -> Namespaces.XDS;
                    case "xop" -> Namespaces.XOP;
                    case "wsdl" -> "http://schemas.xmlsoap.org/wsdl/";
                    default -> null;
                };
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
    }

    public static ReceivedXml parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return new ReceivedXml(factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("Not XML: " + xml, e);
        }
    }

    public static ReceivedXml of(Node node) {
        Document document = node instanceof Document d ? d : node.getOwnerDocument();
        return new ReceivedXml(document);
    }

    public String text(String expression) {
        try {
            return ((String) xpath.evaluate(expression, document, XPathConstants.STRING)).trim();
        } catch (Exception e) {
            throw new AssertionError("Bad XPath " + expression, e);
        }
    }

    public int count(String expression) {
        return nodes(expression).size();
    }

    public List<Element> nodes(String expression) {
        try {
            NodeList list = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < list.getLength(); i++) {
                if (list.item(i) instanceof Element e) {
                    elements.add(e);
                }
            }
            return elements;
        } catch (Exception e) {
            throw new AssertionError("Bad XPath " + expression, e);
        }
    }

    public Document document() {
        return document;
    }
}
