package fr.passerelle.gateway.healthspace.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.trust.xml.EnvelopedSignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Reads the VIHF out of a recorded DMP request and verifies its signature with trust's strict verifier. */
final class VihfAssertions {

    private VihfAssertions() {
    }

    /** The one assertion inside {@code wsse:Security} of the envelope. */
    static Element vihfOf(String envelope) {
        Document document = DmpFixtures.parse(envelope.getBytes(StandardCharsets.UTF_8));
        var securities = document.getElementsByTagNameNS(DmpSoapClient.WSSE_NS, "Security");
        assertThat(securities.getLength()).as("wsse:Security headers").isEqualTo(1);
        Element security = (Element) securities.item(0);
        assertThat(security.getParentNode().getLocalName()).isEqualTo("Header");
        var assertions = security.getElementsByTagNameNS(VihfIssuer.SAML_NS, "Assertion");
        assertThat(assertions.getLength()).as("VIHF assertions").isEqualTo(1);
        return (Element) assertions.item(0);
    }

    static X509Certificate verifiedSigner(Element assertion) throws Exception {
        return new EnvelopedSignatureVerifier().verify(assertion, "ID");
    }

    /** Attribute name → its text values, or for coded values {@code code@codeSystem}. */
    static Map<String, List<String>> attributes(Element assertion) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        var nodes = assertion.getElementsByTagNameNS(VihfIssuer.SAML_NS, "Attribute");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element attribute = (Element) nodes.item(i);
            List<String> values = new ArrayList<>();
            var valueNodes = attribute.getElementsByTagNameNS(VihfIssuer.SAML_NS, "AttributeValue");
            for (int j = 0; j < valueNodes.getLength(); j++) {
                Element value = (Element) valueNodes.item(j);
                var coded = value.getElementsByTagNameNS(VihfIssuer.HL7_NS, "*");
                if (coded.getLength() == 0) {
                    values.add(value.getTextContent());
                }
                for (int k = 0; k < coded.getLength(); k++) {
                    Element code = (Element) coded.item(k);
                    values.add(code.getAttribute("code") + "@" + code.getAttribute("codeSystem"));
                }
            }
            attributes.put(attribute.getAttribute("Name"), values);
        }
        return attributes;
    }
}
