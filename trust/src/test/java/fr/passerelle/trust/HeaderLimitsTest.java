package fr.passerelle.trust;

import static fr.passerelle.trust.Refusals.assertRefused;

import fr.passerelle.trust.issue.SoapEnvelopes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Limits the validator applies to the Security header of a DOM it did not parse itself (CXF's). */
class HeaderLimitsTest {

    private final TrustFixture fixture = new TrustFixture();

    @Test
    void oversizedSecurityHeader() {
        Document envelope = fixture.validPair();
        Element padding = envelope.createElementNS("urn:example", "x:Padding");
        padding.setTextContent("x".repeat(300 * 1024));
        SoapEnvelopes.security(envelope).appendChild(padding);
        assertRefused(fixture.validator().validate(envelope, Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_SEC_GENERIC, "header", "exceeds 262144 characters");
    }

    @Test
    void elementFloodInTheSecurityHeader() {
        Document envelope = fixture.validPair();
        Element security = SoapEnvelopes.security(envelope);
        for (int i = 0; i < 3_000; i++) {
            security.appendChild(envelope.createElementNS("urn:example", "x:Flood"));
        }
        assertRefused(fixture.validator().validate(envelope, Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_SEC_GENERIC, "header", "more than 2000 elements");
    }

    @Test
    void deepNestingInTheSecurityHeader() {
        Document envelope = fixture.validPair();
        Element parent = SoapEnvelopes.security(envelope);
        for (int i = 0; i < 100; i++) {
            Element child = envelope.createElementNS("urn:example", "x:Deep");
            parent.appendChild(child);
            parent = child;
        }
        assertRefused(fixture.validator().validate(envelope, Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_SEC_GENERIC, "header", "nested deeper than");
    }

    @Test
    void domWithADoctypeFromAnotherParser() throws Exception {
        String xml = "<!DOCTYPE e [<!ENTITY x 'y'>]><soapenv:Envelope xmlns:soapenv='" + SoapEnvelopes.SOAP12_NS
                + "'><soapenv:Header/><soapenv:Body/></soapenv:Envelope>";
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                xml.getBytes(StandardCharsets.UTF_8)));
        assertRefused(fixture.validator().validate(document, Transaction.XCPD, null), EhdsiError.ERROR_SEC_GENERIC,
                "header", "DOCTYPE");
    }
}
