package fr.passerelle.gateway.console.admin;

import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import fr.passerelle.trust.xml.XmlSerializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Base64;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A foreign NCP on the FHIR road, as {@code fhir.crossborder.FhirRoadEndToEndTest} drives it: a fresh signed HCP +
 * TRC SAML pair in the {@code X-HCP-Assertion} / {@code X-TRC-Assertion} headers of a {@code $summary} request.
 */
public final class ForeignRequests {

    private ForeignRequests() {
    }

    /** {@code GET /fhir/Patient/<oid>-<ins>/$summary} as the country's demo doctor; the HTTP status. */
    public static int summary(String base, CountrySigner signer, String oid, String ins) throws Exception {
        AssertionIssuer issuer = new AssertionIssuer(signer, Clock.systemUTC());
        HcpClaims claims = HcpClaims.demoDoctor(signer.country());
        Document document = SoapEnvelopes.newDocument();
        Element holder = document.createElementNS("urn:test", "holder");
        document.appendChild(holder);
        Element hcp = issuer.hcp(holder, claims);
        Element trc = issuer.trc(holder, TrcClaims.treating(ins + "^^^&" + oid + "&ISO")
                .withPurpose(claims.purposeOfUse()), claims.practitionerId(), hcp.getAttribute("ID"));
        // The type-level form: the Patient logical id is opaque (fhir.crossborder.PatientIds), the INS is not it.
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/fhir/Patient/$summary?identifier="
                        + java.net.URLEncoder.encode("urn:oid:" + oid + "|" + ins, java.nio.charset.StandardCharsets.UTF_8)))
                .header("X-HCP-Assertion", Base64.getEncoder().encodeToString(XmlSerializer.toBytes(hcp)))
                .header("X-TRC-Assertion", Base64.getEncoder().encodeToString(XmlSerializer.toBytes(trc)))
                .header("Accept", "application/fhir+json")
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
