package fr.passerelle.gateway.fhir.requester;

import fr.passerelle.trust.EhdsiError;
import fr.passerelle.trust.Refusal;
import fr.passerelle.trust.Transaction;
import fr.passerelle.trust.Validation;
import fr.passerelle.trust.xml.HardenedXml;
import fr.passerelle.trust.xml.UnsafeXmlException;
import fr.passerelle.trust.xml.XmlLimits;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SOAP road's HCP and TRC assertions carried on FHIR as base64 (standard or URL-safe) in the headers
 * {@value #HCP_HEADER} and {@value #TRC_HEADER}. Each is parsed hardened, then both are put side by side under one
 * element for {@link fr.passerelle.trust.RequestValidator}, which checks them exactly as on the SOAP road.
 */
public final class AssertionHeaders {

    public static final String HCP_HEADER = "X-HCP-Assertion";
    public static final String TRC_HEADER = "X-TRC-Assertion";
    private static final int MAX_ENCODED = 128 * 1024;

    private final HardenedXml parser = new HardenedXml(new XmlLimits(96 * 1024, 32, 32, 2_000));
    private final CrossBorderTrust trust;

    public AssertionHeaders(CrossBorderTrust trust) {
        this.trust = trust;
    }

    /**
     * Validates the assertions of the headers. The TRC patient is not compared here (the road does not always
     * know the patient before reading the document): the exchange use cases compare it with the patient found.
     */
    public Validation validate(String hcp, Optional<String> trc, Transaction transaction) {
        List<Document> parsed = new ArrayList<>();
        try {
            parsed.add(decode(hcp, HCP_HEADER));
            if (trc.isPresent()) {
                parsed.add(decode(trc.get(), TRC_HEADER));
            }
        } catch (Malformed malformed) {
            return new Refusal(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "header", malformed.getMessage());
        }
        Element container = container();
        for (Document document : parsed) {
            container.appendChild(container.getOwnerDocument().importNode(document.getDocumentElement(), true));
        }
        return trust.validator().diagnose(container, transaction, Optional.empty()).validation();
    }

    private Document decode(String header, String name) throws Malformed {
        if (header.length() > MAX_ENCODED) {
            throw new Malformed(name + " is too large");
        }
        byte[] xml;
        try {
            String compact = header.trim();
            xml = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(compact) : Base64.getMimeDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new Malformed(name + " is not base64");
        }
        try {
            return parser.parse(xml);
        } catch (UnsafeXmlException e) {
            throw new Malformed(name + " is not an acceptable XML assertion: " + e.getMessage());
        }
    }

    private static Element container() {
        Document document = HardenedXml.newDocument();
        Element root = document.createElementNS("urn:passerelle:fhir", "Assertions");
        document.appendChild(root);
        return root;
    }

    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
