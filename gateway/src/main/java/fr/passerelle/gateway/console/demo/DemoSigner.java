package fr.passerelle.gateway.console.demo;

import fr.passerelle.gateway.trust.TrustConfiguration;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import fr.passerelle.trust.xml.XmlSerializer;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs the demo practitioner's assertions with the demo country's NCP key, as that country's NCP-B would. Each
 * call issues new assertions: the gateway accepts an assertion id once.
 */
@Component
@DemoEnabled
public class DemoSigner {

    private final TrustConfiguration.DemoTrust demoTrust;
    private final Clock clock;

    public DemoSigner(TrustConfiguration.DemoTrust demoTrust, Clock clock) {
        this.demoTrust = demoTrust;
        this.clock = clock;
    }

    /** The countries the demo can act for: those the demo PKI holds a signer for. */
    public Set<String> countries() {
        return demoTrust.pki().map(pki -> (Set<String>) new TreeSet<>(pki.signers().keySet())).orElse(Set.of());
    }

    /** A SOAP 1.2 envelope for {@code action} with the HCP (and, when {@code withTrc}, TRC) assertions and {@code body}. */
    public byte[] envelope(DemoRequest request, String action, Element body, boolean withTrc) {
        Document envelope = SoapEnvelopes.envelope(action);
        Element security = SoapEnvelopes.security(envelope);
        AssertionIssuer issuer = issuer(request.country());
        HcpClaims claims = request.practitioner().claims(request.country());
        Element hcp = issuer.hcp(security, claims);
        if (withTrc) {
            issuer.trc(security, TrcClaims.treating(request.patientCx()).withPurpose(claims.purposeOfUse()),
                    claims.practitionerId(), hcp.getAttribute("ID"));
        }
        envelope.getElementsByTagNameNS(SoapEnvelopes.SOAP12_NS, "Body").item(0)
                .appendChild(envelope.importNode(body, true));
        return XmlSerializer.toBytes(envelope);
    }

    /** The FHIR road's assertion headers ({@code X-HCP-Assertion}, {@code X-TRC-Assertion}), base64 of the XML. */
    public Map<String, String> fhirHeaders(DemoRequest request, boolean withTrc) {
        AssertionIssuer issuer = issuer(request.country());
        HcpClaims claims = request.practitioner().claims(request.country());
        Document document = SoapEnvelopes.newDocument();
        Element holder = document.createElementNS("urn:passerelle:demo", "assertions");
        document.appendChild(holder);
        Element hcp = issuer.hcp(holder, claims);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-HCP-Assertion", Base64.getEncoder().encodeToString(XmlSerializer.toBytes(hcp)));
        if (withTrc) {
            Element trc = issuer.trc(holder, TrcClaims.treating(request.patientCx()).withPurpose(claims.purposeOfUse()),
                    claims.practitionerId(), hcp.getAttribute("ID"));
            headers.put("X-TRC-Assertion", Base64.getEncoder().encodeToString(XmlSerializer.toBytes(trc)));
        }
        return headers;
    }

    private AssertionIssuer issuer(String country) {
        CountrySigner signer = demoTrust.pki().orElseThrow(() -> new IllegalStateException(
                "the demo runs only with the demo PKI (passerelle.trust.demo=true)")).signer(country);
        return new AssertionIssuer(signer, clock);
    }
}
