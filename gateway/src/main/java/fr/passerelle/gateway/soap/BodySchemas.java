package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.ihe.XmlTree;
import java.net.URL;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XML Schemas of the WSDLs the gateway serves ({@code wsdl/xcpd}, {@code wsdl/xca}, {@code wsdl/xdr}), compiled
 * once per operation, and the validation of one SOAP body against its operation's schema, stopping at the first
 * violation. The schemas are read from the classpath only; a body cannot make the validator fetch anything.
 */
public final class BodySchemas {

    private static final String CURRENT_NODE = "http://apache.org/xml/properties/dom/current-element-node";
    /** Values a Xerces message quotes (a patient id in a pattern error…): never repeated in a log or an answer. */
    private static final Pattern QUOTED_VALUE = Pattern.compile("(?i)(value )'[^']*'");
    private static final Pattern LEADING_VALUE = Pattern.compile("^(cvc-[\\w.-]+: )'[^']*'");

    private final Map<EhdsiOperation, Schema> schemas = new EnumMap<>(EhdsiOperation.class);

    /** Compiles the schema of each of these operations. */
    public BodySchemas(Iterable<EhdsiOperation> operations) {
        for (EhdsiOperation operation : operations) {
            schemas.put(operation, compile(location(operation)));
        }
    }

    /** The first violation of {@code body} against its operation's schema; empty when valid or not compiled. */
    public Optional<SchemaViolation> firstViolation(EhdsiOperation operation, Element body) {
        Schema schema = schemas.get(operation);
        if (schema == null) {
            return Optional.empty();
        }
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException unsupported) {
            throw new IllegalStateException("The JDK validator no longer takes the JAXP access properties",
                    unsupported);
        }
        FirstError first = new FirstError(validator);
        validator.setErrorHandler(first);
        try {
            validator.validate(new DOMSource(withoutXopIncludes(body)));
            return Optional.empty();
        } catch (StopAtFirst stop) {
            return Optional.of(stop.violation);
        } catch (SAXException | java.io.IOException | RuntimeException e) {
            return Optional.of(new SchemaViolation("the body cannot be validated", ""));
        }
    }

    private static String location(EhdsiOperation operation) {
        return switch (operation) {
            case PATIENT_DISCOVERY -> "wsdl/xcpd/schema/PRPA_IN201305UV02.xsd";
            case CROSS_GATEWAY_QUERY -> "wsdl/xca/schema/query.xsd";
            case CROSS_GATEWAY_RETRIEVE -> "wsdl/xca/schema/IHEXDS.xsd";
            case PROVIDE_AND_REGISTER -> "wsdl/xdr/schema/IHEXDS.xsd";
        };
    }

    private static Schema compile(String resource) {
        URL url = BodySchemas.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Schema " + resource + " is not on the classpath");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // Imports and includes are the schema's siblings on the classpath (file: in a build, jar: in the jar).
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,nested");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("Schema " + resource + " does not compile: " + e.getMessage(), e);
        }
    }

    /**
     * An MTOM body has {@code xop:Include} where base64 content was: validated on a copy without them (empty
     * base64Binary is valid), keeping the namespace declarations in scope ({@code xsi:type} values use them).
     */
    private static Element withoutXopIncludes(Element body) {
        if (body.getElementsByTagNameNS(Namespaces.XOP, "Include").getLength() == 0) {
            return body;
        }
        Document copy = XmlTree.newDocument();
        Element root = (Element) copy.importNode(body, true);
        copy.appendChild(root);
        for (Node ancestor = body.getParentNode(); ancestor instanceof Element element;
             ancestor = ancestor.getParentNode()) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())
                        && !root.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute.getLocalName())) {
                    root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute.getName(), attribute.getValue());
                }
            }
        }
        List<Node> includes = new ArrayList<>();
        var found = root.getElementsByTagNameNS(Namespaces.XOP, "Include");
        for (int i = 0; i < found.getLength(); i++) {
            includes.add(found.item(i));
        }
        includes.forEach(include -> include.getParentNode().removeChild(include));
        return root;
    }

    /**
     * The first violation, without the values a message quotes.
     *
     * @param message the validator's message, quoted values replaced by {@code '…'}
     * @param path    the element being validated, as local names from the body element ({@code /A/B[2]/C}), empty
     *                when unknown
     */
    public record SchemaViolation(String message, String path) {

        /** What the requester is told. */
        public String describe() {
            return path.isEmpty() ? message : message + " (at " + path + ")";
        }
    }

    static String redact(String message) {
        String once = LEADING_VALUE.matcher(message == null ? "" : message).replaceFirst("$1'…'");
        return QUOTED_VALUE.matcher(once).replaceAll("$1'…'");
    }

    private static final class FirstError implements ErrorHandler {
        private final Validator validator;

        FirstError(Validator validator) {
            this.validator = validator;
        }

        @Override
        public void warning(SAXParseException exception) {
            // Warnings do not make a body invalid.
        }

        @Override
        public void error(SAXParseException exception) throws StopAtFirst {
            throw new StopAtFirst(new SchemaViolation(redact(exception.getMessage()), path()));
        }

        @Override
        public void fatalError(SAXParseException exception) throws StopAtFirst {
            error(exception);
        }

        private String path() {
            try {
                return validator.getProperty(CURRENT_NODE) instanceof Element element ? pathOf(element) : "";
            } catch (SAXException unsupported) {
                return "";
            }
        }
    }

    private static String pathOf(Element element) {
        StringBuilder path = new StringBuilder();
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            int position = 1;
            int same = 0;
            for (Node sibling = current.getParentNode() == null ? null : current.getParentNode().getFirstChild();
                 sibling != null; sibling = sibling.getNextSibling()) {
                if (sibling instanceof Element e && e.getLocalName().equals(current.getLocalName())) {
                    same++;
                    if (sibling.compareDocumentPosition(current) == Node.DOCUMENT_POSITION_FOLLOWING) {
                        position++;
                    }
                }
            }
            path.insert(0, "/" + current.getLocalName() + (same > 1 ? "[" + position + "]" : ""));
            if ("Body".equals(current.getParentNode() instanceof Element p ? p.getLocalName() : "")) {
                break;
            }
        }
        return path.toString();
    }

    /** Thrown through the validator to stop at the first error. */
    private static final class StopAtFirst extends SAXException {
        private static final long serialVersionUID = 1L;
        private final transient SchemaViolation violation;

        StopAtFirst(SchemaViolation violation) {
            super(violation.message());
            this.violation = violation;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
