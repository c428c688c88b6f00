package fr.passerelle.gateway.fhir.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.passerelle.gateway.fhir.requester.BearerTokenVerifier;
import fr.passerelle.gateway.fhir.requester.CrossBorderTrust;
import fr.passerelle.gateway.fhir.requester.FhirSecurityProperties;
import fr.passerelle.gateway.fhir.requester.TokenReuse;
import fr.passerelle.trust.RequestValidator;
import fr.passerelle.trust.Transaction;
import fr.passerelle.trust.TrustSettings;
import fr.passerelle.trust.VerifiedRequester;
import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.replay.CachingReplayGuard;
import fr.passerelle.trust.replay.InMemoryReplayStore;
import fr.passerelle.trust.replay.ReplayGuard;
import fr.passerelle.trust.trustlist.DirectoryTrustList;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * CPU time per bearer token verification on the calling thread ({@code ThreadMXBean}): a fresh token (signature,
 * certificate path, claims, replay record — what every request costs under {@code token-reuse=once}) against the
 * same token presented again under {@code until-expiry} (answered from the verifier's cache). The replay store is in
 * memory here: the database insert is the same batch the SOAP road's assertion ids take (docs/benchmarks.md).
 *
 * <p>Usage: {@code TokenVerificationHarness [tokens per measure, default 3000]}.
 */
public final class TokenVerificationHarness {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String AUDIENCE = "urn:passerelle:ncp-fr:fhir";

    private TokenVerificationHarness() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        DemoPki pki = DemoPki.generate(Instant.now(), Duration.ofDays(2), List.of("ES"));
        Path home = Files.createTempDirectory("token-bench");
        pki.writeTrustList(home.resolve("trust-list"));
        DirectoryTrustList trustList = new DirectoryTrustList(home.resolve("trust-list"), Clock.systemUTC(),
                Duration.ofMinutes(5));
        CountrySigner signer = pki.signer("ES");

        System.out.printf("%-62s | %12s%n", "step", "CPU µs/call");
        for (int round = 0; round < 2; round++) {
            String label = round == 0 ? " (warm-up)" : "";
            BearerTokenVerifier strict = verifier(trustList, TokenReuse.ONCE);
            measure("fresh token, once (signature, path, claims, replay)" + label, strict, mint(signer, count));
            BearerTokenVerifier lenient = verifier(trustList, TokenReuse.UNTIL_EXPIRY);
            String session = mint(signer, 1).get(0);
            lenient.verify(session, Transaction.FHIR_DOCUMENT);
            List<String> same = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                same.add(session);
            }
            measure("the same token again, until-expiry (cache)" + label, lenient, same);
        }
    }

    private static BearerTokenVerifier verifier(DirectoryTrustList trustList, TokenReuse reuse) {
        Clock clock = Clock.systemUTC();
        ReplayGuard guard = new CachingReplayGuard(new InMemoryReplayStore(), clock, 100_000);
        TrustSettings settings = TrustSettings.ehdsiDefaults();
        return new BearerTokenVerifier(new CrossBorderTrust(new RequestValidator(settings, trustList, guard, clock),
                trustList, settings, guard, clock), new FhirSecurityProperties(null, AUDIENCE, Duration.ofMinutes(5),
                Duration.ofSeconds(60), reuse, Map.of()));
    }

    private static void measure(String name, BearerTokenVerifier verifier, List<String> tokens) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        for (String token : tokens) {
            if (!(verifier.verify(token, Transaction.FHIR_DOCUMENT) instanceof VerifiedRequester)) {
                throw new IllegalStateException("a token was refused");
            }
        }
        double micros = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000.0 / tokens.size();
        System.out.printf("%-62s | %12.2f%n", name, micros);
    }

    private static List<String> mint(CountrySigner signer, int count) throws Exception {
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("urn:idp:ES:countryB")
                    .subject(doctor.practitionerId()).audience(AUDIENCE).issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(240))).jwtID(UUID.randomUUID().toString())
                    .claim("subject_role", doctor.roleCode()).claim("subject_name", doctor.practitionerName())
                    .claim("subject_organization", doctor.organisation())
                    .claim("subject_organization_id", doctor.organisationId())
                    .claim("permissions", doctor.permissions()).claim("purpose_of_use", "TREATMENT")
                    .claim("person_id", "284056912304563^^^&1.2.250.1.213.1.4.10&ISO").build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .x509CertChain(List.of(Base64.encode(signer.certificate().getEncoded()))).build(), claims);
            jwt.sign(new RSASSASigner(signer.privateKey()));
            tokens.add(jwt.serialize());
        }
        return tokens;
    }
}
