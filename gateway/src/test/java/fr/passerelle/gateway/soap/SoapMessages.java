package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import fr.passerelle.trust.xml.XmlSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Test messages: the stored eHDSI sample bodies, made to name a French patient, wrapped in a SOAP 1.2 envelope with
 * WS-Addressing headers — unsigned, or signed as a foreign NCP sends them.
 */
public final class SoapMessages {

    public static final String TEST_ASSERTION_ID = "_passerelle-test-assertion";
    private static final Pattern PROLOG = Pattern.compile("(?s)\\A\\s*(<\\?xml[^>]*\\?>)?\\s*(<!--.*?-->\\s*)*");

    private SoapMessages() {
    }

    /** A stored sample body (under {@code ehdsi-messages/}), without XML declaration nor leading comments. */
    public static String sampleBody(String path) {
        try (var in = SoapMessages.class.getResourceAsStream("/ehdsi-messages/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + path);
            }
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return PROLOG.matcher(xml).replaceFirst("").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SOAP 1.2 envelope with Action, MessageID, To and a WS-Security header holding a (test) assertion. */
    public static String envelope(String action, String body) {
        return envelope(action, "urn:uuid:" + UUID.randomUUID(), body);
    }

    public static String envelope(String action, String messageId, String body) {
        StringBuilder header = new StringBuilder();
        if (action != null) {
            header.append("<wsa:Action soap:mustUnderstand=\"true\">").append(action).append("</wsa:Action>");
        }
        if (messageId != null) {
            header.append("<wsa:MessageID>").append(messageId).append("</wsa:MessageID>");
        }
        header.append("<wsa:To>https://ncp.example.fr/services</wsa:To>");
        header.append("<wsse:Security soap:mustUnderstand=\"true\" xmlns:wsse=\"").append(Namespaces.WSSE)
                .append("\"><saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"")
                .append(TEST_ASSERTION_ID).append("\" Version=\"2.0\"/></wsse:Security>");
        return "<soap:Envelope xmlns:soap=\"" + Namespaces.SOAP12 + "\" xmlns:wsa=\"" + Namespaces.WSA + "\">"
                + "<soap:Header>" + header + "</soap:Header><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    /**
     * A signed request as a foreign NCP sends it: the HCP assertion of {@code doctor} and, when a patient is given
     * (HL7 CX), the TRC assertion for that patient, both signed by {@code issuer}, around {@code body}.
     */
    public static String signedRequest(AssertionIssuer issuer, HcpClaims doctor, EhdsiOperation operation,
                                       String body, Optional<String> treatedPatientCx) {
        Document envelope = SoapEnvelopes.envelope(operation.requestAction());
        signAssertions(SoapEnvelopes.security(envelope), issuer, doctor, treatedPatientCx);
        Element bodyElement = (Element) envelope.getElementsByTagNameNS(Namespaces.SOAP12, "Body").item(0);
        bodyElement.appendChild(envelope.importNode(ReceivedXml.parse(body).document().getDocumentElement(), true));
        return new String(XmlSerializer.toBytes(envelope.getDocumentElement()), StandardCharsets.UTF_8);
    }

    /**
     * Only the {@code wsse:Security} header of {@link #signedRequest}, for a client that writes the rest of the
     * envelope itself (the generated JAX-WS client, {@code soap.client.EhdsiPortClients}).
     */
    public static Element securityHeader(AssertionIssuer issuer, HcpClaims doctor, Optional<String> treatedPatientCx) {
        Document document = SoapEnvelopes.newDocument();
        Element security = document.createElementNS(SoapEnvelopes.WSSE_NS, "wsse:Security");
        document.appendChild(security);
        signAssertions(security, issuer, doctor, treatedPatientCx);
        return security;
    }

    private static void signAssertions(Element security, AssertionIssuer issuer, HcpClaims doctor,
                                       Optional<String> treatedPatientCx) {
        Element hcp = issuer.hcp(security, doctor);
        treatedPatientCx.ifPresent(patient -> issuer.trc(security, TrcClaims.treating(patient)
                .withPurpose(doctor.purposeOfUse()), doctor.practitionerId(), hcp.getAttribute("ID")));
    }

    /** The patient as HL7 CX, the form TRC assertions and XCA queries name it in. */
    public static String cx(Ins ins) {
        return ins.value() + "^^^&" + ins.oid() + "&ISO";
    }

    /** gematik's ITI-55 sample, asking for {@code ins}. */
    public static String xcpdBody(Ins ins) {
        return sampleBody("gematik/PRPA_IN201305UV02_298.xml")
                .replace("root=\"1.2.276.0.76.3.1.580.147\" extension=\"X114428538\"",
                        "root=\"" + ins.oid() + "\" extension=\"" + ins.value() + "\"");
    }

    /** gematik's ITI-38 FindDocuments sample, for {@code ins} and the document class {@code classCode}. */
    public static String queryBody(Ins ins, String classCode) {
        return sampleBody("gematik/AdhocQueryRequestPSA.xml")
                .replace("X110571344|ABC123^^^&amp;1.2.276.0.76.3.1.580.147&amp;ISO",
                        ins.value() + "^^^&amp;" + ins.oid() + "&amp;ISO")
                .replace("60591-5", classCode);
    }

    /** An ITI-39 request for one document of the community {@code home}. */
    public static String retrieveBody(String home, String uniqueId) {
        return "<RetrieveDocumentSetRequest xmlns=\"urn:ihe:iti:xds-b:2007\"><DocumentRequest>"
                + "<HomeCommunityId>urn:oid:" + home + "</HomeCommunityId><RepositoryUniqueId>" + home
                + "</RepositoryUniqueId><DocumentUniqueId>" + uniqueId + "</DocumentUniqueId></DocumentRequest>"
                + "</RetrieveDocumentSetRequest>";
    }
}
