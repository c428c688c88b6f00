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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The FHIR road: {@code GET /fhir/Patient/{id}/$summary} for the demo patients in turn, with a bearer JWT signed by
 * the demo Spanish signer (one per caller and patient, renewed well before its 4-minute lifetime ends), so each
 * request runs token verification, consent, audit and the document cache.
 */
public final class FhirRoad implements Road {

    private static final String AUDIENCE = "urn:passerelle:ncp-fr:fhir";
    private static final String TEST_NIR = "1.2.250.1.213.1.4.10";
    private static final long RENEW_NANOS = 120_000_000_000L;

    private final CountrySigner signer;
    private final ConcurrentHashMap<String, Token> tokens = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong turn = new java.util.concurrent.atomic.AtomicLong();

    public FhirRoad(CountrySigner signer) {
        this.signer = signer;
    }

    private record Token(String bearer, long born) {
    }

    @Override
    public String name() {
        return "fhir";
    }

    @Override
    public Call next(int caller) {
        String patient = SoapRoad.PATIENTS.get((int) (turn.getAndIncrement() % SoapRoad.PATIENTS.size()));
        String key = caller + "/" + patient;
        Token token = tokens.get(key);
        if (token == null || System.nanoTime() - token.born() > RENEW_NANOS) {
            token = new Token(bearer(patient), System.nanoTime());
            tokens.put(key, token);
        }
        return new Call("summary", Protocol.FHIR, "/fhir/Patient/" + TEST_NIR + "-" + patient + "/$summary",
                "application/fhir+json", null, token.bearer(), Road.correlationId());
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
