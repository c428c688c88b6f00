package fr.passerelle.translation.schematron;

import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Runs an ISO Schematron (XSLT 2 query binding) with SchXslt on Saxon-HE: the schema is compiled once
 * (include → expand → compile) into a validating stylesheet; results are the SVRL failed assertions.
 */
public final class Schematron {

    private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";
    private static final Map<Path, Templates> COMPILED = new ConcurrentHashMap<>();
    private static final TransformerFactory SAXON = new net.sf.saxon.TransformerFactoryImpl();

    private Schematron() {
    }

    /** The failed assertions (text and location) of a document against a schematron file. */
    public static List<String> failedAssertions(Path schematron, String xml) throws Exception {
        Templates validator = COMPILED.computeIfAbsent(schematron.toAbsolutePath().normalize(), Schematron::compile);
        DOMResult svrl = new DOMResult();
        // A byte-order mark decoded into the string (the ANS eP-MED-DM sample starts with one) is character
        // content before the XML declaration to the parser: "Content is not allowed in prolog".
        String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        validator.newTransformer().transform(new StreamSource(new StringReader(text)), svrl);
        List<String> failures = new ArrayList<>();
        NodeList failed = ((Document) svrl.getNode()).getElementsByTagNameNS(SVRL, "failed-assert");
        for (int i = 0; i < failed.getLength(); i++) {
            Element f = (Element) failed.item(i);
            failures.add(f.getAttribute("location") + " :: " + f.getTextContent().replaceAll("\\s+", " ").strip());
        }
        return failures;
    }

    /**
     * The epSOS schematrons nest their patterns inside {@code <phase>} elements, which ISO Schematron does not
     * allow; patterns are moved up to the schema so every one of them runs.
     */
    private static Document flattenPhases(Path schematron) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(schematron.toFile());
        Element schema = doc.getDocumentElement();
        NodeList phases = schema.getElementsByTagNameNS(ISO, "phase");
        List<Element> nested = new ArrayList<>();
        for (int i = 0; i < phases.getLength(); i++) {
            NodeList patterns = ((Element) phases.item(i)).getElementsByTagNameNS(ISO, "pattern");
            for (int j = 0; j < patterns.getLength(); j++) {
                nested.add((Element) patterns.item(j));
            }
        }
        for (Element pattern : nested) {
            schema.appendChild(pattern);
        }
        return doc;
    }

    private static final String ISO = "http://purl.oclc.org/dsdl/schematron";

    private static Templates compile(Path schematron) {
        try {
            Node current = null;
            String systemId = schematron.toUri().toString();
            for (String step : new String[] {"include.xsl", "expand.xsl", "compile-for-svrl.xsl"}) {
                URL xsl = Schematron.class.getResource("/xslt/2.0/" + step);
                var t = SAXON.newTransformer(new StreamSource(xsl.openStream(), xsl.toExternalForm()));
                DOMResult out = new DOMResult();
                t.setParameter("phase", "#ALL");
                if (current == null) {
                    t.transform(new DOMSource(flattenPhases(schematron), systemId), out);
                } else {
                    t.transform(new DOMSource(current, systemId), out);
                }
                current = out.getNode();
            }
            StringWriter xslt = new StringWriter();
            SAXON.newTransformer().transform(new DOMSource(current), new StreamResult(xslt));
            return SAXON.newTemplates(new StreamSource(new StringReader(xslt.toString()), systemId));
        } catch (Exception e) {
            throw new IllegalStateException("schematron " + schematron + " did not compile: " + e.getMessage(), e);
        }
    }
}
