package fr.passerelle.gateway.load;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.HcpClaims;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The FHIR road: {@code GET /fhir/Patient/$summary?identifier=…} for the demo patients in turn, with a bearer JWT
 * signed by the demo Spanish signer, a fresh one per call (one use per token), so each request runs token verification and
 * its replay record, consent, audit and the document cache.
 */
public final class FhirRoad implements Road {

    private static final String AUDIENCE = "urn:passerelle:ncp-fr:fhir";
    private static final String TEST_NIR = "1.2.250.1.213.1.4.10";

    private final CountrySigner signer;
    private final java.util.concurrent.atomic.AtomicLong turn = new java.util.concurrent.atomic.AtomicLong();

    public FhirRoad(CountrySigner signer) {
        this.signer = signer;
    }

    @Override
    public String name() {
        return "fhir";
    }

    /**
     * A fresh token per call (the gateway accepts a token once by default), and the type-level {@code $summary} by
     * identifier: a partner knows the INS, and the harness has no access to the gateway's patient id key.
     */
    @Override
    public Call next(int caller) {
        String patient = SoapRoad.PATIENTS.get((int) (turn.getAndIncrement() % SoapRoad.PATIENTS.size()));
        return new Call("summary", Protocol.FHIR, "/fhir/Patient/$summary?identifier=urn:oid:" + TEST_NIR + "%7C"
                + patient, "application/fhir+json", null, bearer(patient), Road.correlationId());
    }

    private String bearer(String patient) {
        try {
            HcpClaims doctor = HcpClaims.demoDoctor(signer.country());
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("urn:idp:" + signer.country() + ":countryB")
                    .subject(doctor.practitionerId()).audience(AUDIENCE).issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(240))).jwtID(UUID.randomUUID().toString())
                    .claim("subject_role", doctor.roleCode()).claim("subject_name", doctor.practitionerName())
                    .claim("subject_organization", doctor.organisation())
                    .claim("subject_organization_id", doctor.organisationId())
                    .claim("permissions", doctor.permissions()).claim("purpose_of_use", "TREATMENT")
                    .claim("person_id", patient + "^^^&" + TEST_NIR + "&ISO").build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .x509CertChain(List.of(Base64.encode(signer.certificate().getEncoded()))).build(), claims);
            jwt.sign(new RSASSASigner(signer.privateKey()));
            return "Bearer " + jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a bearer token", e);
        }
    }
}
