package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import fr.passerelle.trust.xml.XmlSerializer;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Credentials of a foreign NCP for the FHIR road: fresh signed SAML pairs in headers, or a signed bearer JWT. */
public final class CrossBorderRequesters {

    public static final String AUDIENCE = "urn:passerelle:ncp-fr:fhir";

    private CrossBorderRequesters() {
    }

    /** An HCP (+ TRC for {@code trcPatient} when not null) pair, issued anew for every request (one-use). */
    public static Map<String, String> samlHeaders(CountrySigner signer, HcpClaims claims, String trcPatient) {
        AssertionIssuer issuer = new AssertionIssuer(signer, Clock.systemUTC());
        Document document = SoapEnvelopes.newDocument();
        Element holder = document.createElementNS("urn:test", "holder");
        document.appendChild(holder);
        Element hcp = issuer.hcp(holder, claims);
        String encodedHcp = java.util.Base64.getEncoder().encodeToString(XmlSerializer.toBytes(hcp));
        if (trcPatient == null) {
            return Map.of("X-HCP-Assertion", encodedHcp);
        }
        Element trc = issuer.trc(holder, TrcClaims.treating(trcPatient).withPurpose(claims.purposeOfUse()),
                claims.practitionerId(), hcp.getAttribute("ID"));
        return Map.of("X-HCP-Assertion", encodedHcp,
                "X-TRC-Assertion", java.util.Base64.getEncoder().encodeToString(XmlSerializer.toBytes(trc)));
    }

    public static String bearer(CountrySigner signer, HcpClaims claims, String personId, String audience, long lifetimeSeconds) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                    .issuer("urn:idp:" + signer.country() + ":countryB")
                    .subject(claims.practitionerId())
                    .audience(audience)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(lifetimeSeconds)))
                    .jwtID(UUID.randomUUID().toString())
                    .claim("subject_role", claims.roleCode())
                    .claim("subject_name", claims.practitionerName())
                    .claim("subject_organization", claims.organisation())
                    .claim("subject_organization_id", claims.organisationId())
                    .claim("permissions", claims.permissions())
                    .claim("purpose_of_use", claims.purposeOfUse().name());
            if (personId != null) {
                set.claim("person_id", personId);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .x509CertChain(List.of(Base64.encode(signer.certificate().getEncoded()))).build(), set.build());
            jwt.sign(new RSASSASigner(signer.privateKey()));
            return "Bearer " + jwt.serialize();
        } catch (JOSEException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds the credentials a supplier makes to every request of a generic client. */
    static IClientInterceptor headers(Supplier<Map<String, String>> credentials) {
        return new IClientInterceptor() {
            @Override
            public void interceptRequest(IHttpRequest request) {
                credentials.get().forEach(request::addHeader);
            }

            @Override
            public void interceptResponse(IHttpResponse response) {
            }
        };
    }

    public static String trcPatient(String oid, String ins) {
        return ins + "^^^&" + oid + "&ISO";
    }
}
