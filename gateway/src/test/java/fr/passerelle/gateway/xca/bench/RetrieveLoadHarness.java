package fr.passerelle.gateway.xca.bench;

import fr.passerelle.gateway.PasserelleApplication;
import fr.passerelle.gateway.consent.ConsentChange;
import fr.passerelle.gateway.consent.ConsentChannel;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.consent.ConsentTerms;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.consent.SharedDocuments;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.trust.TrustConfiguration;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Measures XCA retrieve (ITI-39) against the running application with the embedded demo health space: each request
 * carries its own HCP + TRC assertions signed by the demo ES key (signed before the clock starts, since the replay
 * guard accepts each assertion once), so every request goes through signature verification, replay guard, access
 * policy, translation cache, audit trail and MTOM encoding.
 *
 * <p>Usage: {@code java -cp <test classpath> fr.passerelle.gateway.xca.bench.RetrieveLoadHarness [requestsPerLevel]}.
 */
public final class RetrieveLoadHarness {

    private static final String HOME = "1.2.250.1.213.4.1.99";
    private static final Ins PATIENT = new Ins(Ins.TEST_NIR, "284056912304563");
    private static final int[] CALLERS = {1, 10, 50};

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dataDir = Files.createTempDirectory("passerelle-retrieve-load");
        try (ConfigurableApplicationContext context = SpringApplication.run(PasserelleApplication.class,
                "--server.port=0", "--passerelle.data-dir=" + dataDir, "--passerelle.soap.home-community-id=" + HOME,
                "--logging.level.root=WARN")) {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            context.getBean(ConsentStore.class).change(PATIENT, new ConsentChange.Authorise(new ConsentTerms(
                    new CountryScope.AllParticipating(), EnumSet.allOf(SharedDocuments.class), Optional.empty()),
                    "load-harness", ConsentChannel.OPERATOR));
            AssertionIssuer spain = new AssertionIssuer(context.getBean(TrustConfiguration.DemoTrust.class).pki()
                    .orElseThrow().signer("ES"), Clock.systemUTC());
            // Daemon threads: the client's pool must not keep the JVM alive once the table is printed.
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8, task -> {
                Thread thread = new Thread(task, "load-client");
                thread.setDaemon(true);
                return thread;
            })).build();
            String uniqueId = firstPatientSummary(http, port, spain);
            System.out.printf("retrieving %s, %d requests per level, %d cores%n", "PS pivot L3", requests,
                    Runtime.getRuntime().availableProcessors());
            System.out.println("| callers | requests | req/s | p50 ms | p99 ms | max ms | errors |");
            System.out.println("|---|---|---|---|---|---|---|");
            run(http, port, spain, uniqueId, 10, Math.min(200, requests), false);
            for (int callers : CALLERS) {
                run(http, port, spain, uniqueId, callers, requests, true);
            }
        }
    }

    private static void run(HttpClient http, int port, AssertionIssuer spain, String uniqueId, int callers,
                            int requests, boolean print) throws Exception {
        List<byte[]> envelopes = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            envelopes.add(signed(spain, EhdsiOperation.CROSS_GATEWAY_RETRIEVE, retrieveBody(uniqueId), true)
                    .getBytes(StandardCharsets.UTF_8));
        }
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request(port, envelopes.get(i)),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200 || !new String(response.body(), StandardCharsets.ISO_8859_1)
                                .contains("ResponseStatusType:Success")) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        if (print) {
            System.out.printf("| %d | %d | %.0f | %.1f | %.1f | %.1f | %d |%n", callers, requests, requests / seconds,
                    latencies[requests / 2] / 1e6, latencies[(int) Math.min(requests - 1, Math.ceil(requests * 0.99) - 1)] / 1e6,
                    latencies[requests - 1] / 1e6, errors.get());
        }
    }

    private static String firstPatientSummary(HttpClient http, int port, AssertionIssuer spain) throws Exception {
        String query = "<query:AdhocQueryRequest xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\" "
                + "xmlns=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\"><query:ResponseOption returnComposedObjects="
                + "\"true\" returnType=\"LeafClass\"/><AdhocQuery id=\"urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d\">"
                + "<Slot name=\"$XDSDocumentEntryPatientId\"><ValueList><Value>'" + PATIENT.value() + "^^^&amp;"
                + PATIENT.oid() + "&amp;ISO'</Value></ValueList></Slot><Slot name=\"$XDSDocumentEntryClassCode\">"
                + "<ValueList><Value>('60591-5^^2.16.840.1.113883.6.1')</Value></ValueList></Slot></AdhocQuery>"
                + "</query:AdhocQueryRequest>";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/services/xca")).header("Content-Type", "application/soap+xml; charset=UTF-8; action=\""
                        + EhdsiOperation.CROSS_GATEWAY_QUERY.requestAction() + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(signed(spain, EhdsiOperation.CROSS_GATEWAY_QUERY, query, true)))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("identificationScheme=\"urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab\"[^>]*"
                + "value=\"([^\"]+)\"").matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException("The query listed no document: " + response.body());
        }
        return id.group(1);
    }

    private static HttpRequest request(int port, byte[] envelope) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/services/xca"))
                .header("Content-Type", "application/soap+xml; charset=UTF-8; action=\""
                        + EhdsiOperation.CROSS_GATEWAY_RETRIEVE.requestAction() + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build();
    }

    private static String retrieveBody(String uniqueId) {
        return "<RetrieveDocumentSetRequest xmlns=\"urn:ihe:iti:xds-b:2007\"><DocumentRequest>"
                + "<HomeCommunityId>urn:oid:" + HOME + "</HomeCommunityId><RepositoryUniqueId>" + HOME
                + "</RepositoryUniqueId><DocumentUniqueId>" + uniqueId + "</DocumentUniqueId></DocumentRequest>"
                + "</RetrieveDocumentSetRequest>";
    }

    private static String signed(AssertionIssuer issuer, EhdsiOperation operation, String body, boolean trc)
            throws Exception {
        Document envelope = SoapEnvelopes.envelope(operation.requestAction());
        Element security = SoapEnvelopes.security(envelope);
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        Element hcp = issuer.hcp(security, doctor);
        if (trc) {
            issuer.trc(security, TrcClaims.treating(PATIENT.value() + "^^^&" + PATIENT.oid() + "&ISO"),
                    doctor.practitionerId(), hcp.getAttribute("ID"));
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element parsed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        envelope.getElementsByTagNameNS(SoapEnvelopes.SOAP12_NS, "Body").item(0)
                .appendChild(envelope.importNode(parsed, true));
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(envelope), new StreamResult(out));
        return out.toString();
    }
}
