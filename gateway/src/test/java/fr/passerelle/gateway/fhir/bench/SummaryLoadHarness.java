package fr.passerelle.gateway.fhir.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.testsupport.TestGateway;
import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures {@code GET /fhir/Patient/{id}/$summary} over loopback: requests per second and p50/p99 latency at
 * 1, 10 and 50 concurrent callers (each a closed loop: next request when the previous answered). Starts the
 * application on a random port with a fresh data directory and a demo PKI; callers carry a bearer JWT (renewed
 * before it expires) for the demo patients in turn, so each request runs trust, consent, audit and the encoded
 * cache. Usage: {@code SummaryLoadHarness [seconds per level, default 10] [warm-up seconds, default 5]
 * [caller levels, default 1,10,50]}.
 *
 * <p>Besides wall-clock figures, each level reports the CPU time of the whole process (server and the harness's
 * own client threads) per answered request: unlike latency it hardly moves when other processes share the CPU, so
 * it is what compares two versions of the road on a busy machine (the client's share is the same in both).
 */
public final class SummaryLoadHarness {

    private static final List<String> PATIENTS = List.of("284056912304563", "156113523811249", "238016311300935",
            "101085935020352");
    private static final String AUDIENCE = "urn:passerelle:ncp-fr:fhir";
    private static volatile fr.passerelle.gateway.fhir.crossborder.FhirPatientIds patientIds;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        DemoPki pki = DemoPki.generate(Instant.now(), Duration.ofDays(2), List.of("BE"));
        try (TestGateway gateway = TestGateway.trusting(pki, "fhir-load",
                // Each caller sends one token with every call (the partner leniency): the road measured here is
                // the $summary path behind a believed token, not token verification.
                "--passerelle.fhir.security.token-reuse=until-expiry",
                "--logging.level.root=WARN")) {
            patientIds = gateway.context().getBean(fr.passerelle.gateway.fhir.crossborder.FhirPatientIds.class);
            String base = gateway.base() + "/fhir";
            CountrySigner signer = pki.signer("BE");
            int[] levels = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                    : new int[] {1, 10, 50};
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            System.out.printf(Locale.ROOT, "%-8s %10s %10s %10s %10s %14s%n", "callers", "requests", "req/s", "p50 ms",
                    "p99 ms", "CPU ms/request");
            for (int callers : levels) {
                run(base, signer, callers, warmUp);
                long cpuBefore = os.getProcessCpuTime();
                Result result = run(base, signer, callers, seconds);
                double cpuPerRequest = (os.getProcessCpuTime() - cpuBefore) / 1_000_000.0 / Math.max(1, result.count());
                System.out.printf(Locale.ROOT, "%-8d %10d %10.0f %10.2f %10.2f %14.3f%n", callers, result.count(),
                        result.count() / (double) seconds, result.percentile(50), result.percentile(99), cpuPerRequest);
                if (result.failures() > 0) {
                    System.out.println("  failures: " + result.failures());
                }
            }
        }
    }

    record Result(long[] nanos, long failures) {
        int count() {
            return nanos.length;
        }

        double percentile(int p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
            return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1_000_000.0;
        }
    }

    private static Result run(String base, CountrySigner signer, int callers, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> perCaller = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(callers);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            final int caller = c;
            long[][] sink = new long[1][];
            perCaller.add(null);
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] samples = new long[1 << 16];
                int n = 0;
                String patient = PATIENTS.get(caller % PATIENTS.size());
                String token = token(signer, patient);
                long tokenBorn = System.nanoTime();
                HttpRequest request = request(base, patient, token);
                while (System.nanoTime() < end) {
                    if (System.nanoTime() - tokenBorn > 120_000_000_000L) {
                        token = token(signer, patient);
                        tokenBorn = System.nanoTime();
                        request = request(base, patient, token);
                    }
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                            continue;
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        continue;
                    }
                    if (n == samples.length) {
                        samples = Arrays.copyOf(samples, n * 2);
                    }
                    samples[n++] = System.nanoTime() - start;
                }
                sink[0] = Arrays.copyOf(samples, n);
                synchronized (perCaller) {
                    perCaller.set(caller, sink[0]);
                }
                done.countDown();
            });
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        done.await();
        long[] all = perCaller.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all, failures.get());
    }

    private static HttpRequest request(String base, String patient, String token) {
        return HttpRequest.newBuilder(URI.create(base + "/Patient/"
                + patientIds.idOf(new Ins(Ins.TEST_NIR, patient)) + "/$summary"))
                .header("Authorization", token).header("Accept", "application/fhir+json").GET().build();
    }

    private static String token(CountrySigner signer, String patient) {
        try {
            HcpClaims doctor = HcpClaims.demoDoctor("BE");
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("urn:idp:BE:countryB").subject(doctor.practitionerId())
                    .audience(AUDIENCE).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(240)))
                    .jwtID(UUID.randomUUID().toString()).claim("subject_role", doctor.roleCode())
                    .claim("subject_name", doctor.practitionerName()).claim("subject_organization", doctor.organisation())
                    .claim("subject_organization_id", doctor.organisationId()).claim("permissions", doctor.permissions())
                    .claim("purpose_of_use", "TREATMENT")
                    .claim("person_id", patient + "^^^&" + Ins.TEST_NIR + "&ISO").build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .x509CertChain(List.of(Base64.encode(signer.certificate().getEncoded()))).build(), claims);
            jwt.sign(new RSASSASigner(signer.privateKey()));
            return "Bearer " + jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
