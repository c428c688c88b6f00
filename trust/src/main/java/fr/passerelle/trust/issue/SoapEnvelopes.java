package fr.passerelle.trust.issue;

import fr.passerelle.trust.xml.HardenedXml;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** SOAP 1.2 envelopes with WS-Addressing and an empty WS-Security header, as eHDSI NCPs send them. */
public final class SoapEnvelopes {

    public static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
    public static final String WSA_NS = "http://www.w3.org/2005/08/addressing";
    public static final String WSSE_NS =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    public static final String ACTION_XCPD = "urn:hl7-org:v3:PRPA_IN201305UV02:CrossGatewayPatientDiscovery";
    public static final String ACTION_XCA_QUERY = "urn:ihe:iti:2007:CrossGatewayQuery";
    public static final String ACTION_XCA_RETRIEVE = "urn:ihe:iti:2007:CrossGatewayRetrieve";
    public static final String ACTION_XDR = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";

    private SoapEnvelopes() {
    }

    /** A new envelope for {@code action} with a fresh {@code urn:uuid} MessageID and an empty Body. */
    public static Document envelope(String action) {
        Document document = newDocument();
        Element envelope = document.createElementNS(SOAP12_NS, "soapenv:Envelope");
        document.appendChild(envelope);
        Element header = document.createElementNS(SOAP12_NS, "soapenv:Header");
        envelope.appendChild(header);
        header.appendChild(text(document, WSA_NS, "wsa:Action", action));
        header.appendChild(text(document, WSA_NS, "wsa:MessageID", "urn:uuid:" + UUID.randomUUID()));
        header.appendChild(document.createElementNS(WSSE_NS, "wsse:Security"));
        envelope.appendChild(document.createElementNS(SOAP12_NS, "soapenv:Body"));
        return document;
    }

    /** The envelope's {@code wsse:Security} element, where the assertions go. */
    public static Element security(Document envelope) {
        return (Element) envelope.getElementsByTagNameNS(WSSE_NS, "Security").item(0);
    }

    public static Document newDocument() {
        return HardenedXml.newDocument();
    }

    private static Element text(Document document, String namespace, String name, String value) {
        Element element = document.createElementNS(namespace, name);
        element.setTextContent(value);
        return element;
    }
}
