package fr.passerelle.gateway.terminology.fhir;

import fr.passerelle.gateway.terminology.TerminologyGatewayContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET ConceptMap/$translate} answered from {@link TranslateResponseCache}: the replayed answer is the FHIR
 * server's own byte for byte (JSON and XML, by {@code Accept} and by {@code _format}), errors are never kept and
 * stay OperationOutcomes with their status, and a terminology reload changes the answer.
 */
class CachedTranslateOverHttpTest extends TerminologyGatewayContext {

    static final String CIS = "urn:oid:1.2.250.1.213.2.3.1";
    static final String ACTIVE_INGREDIENT = "1.3.6.1.4.1.12559.11.10.1.3.1.42.24";
    /**
     * Headers that differ per request by nature, and the message framing: the server streams its answer chunked,
     * a replay (and the first answer, captured whole) carries a Content-Length — the same bytes either way.
     */
    static final Set<String> PER_REQUEST = Set.of("date", "x-correlation-id", "x-request-id", "content-length",
            "transfer-encoding");

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    TranslateResponseCache cache;

    HttpResponse<byte[]> get(String query, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/fhir/ConceptMap/$translate?" + query));
        headers.forEach(request::header);
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String translateQuery(String code, String target) {
        return "system=" + CIS + "&code=" + code + (target == null ? "" : "&target=" + target);
    }

    static Map<String, List<String>> stableHeaders(HttpHeaders headers) {
        Map<String, List<String>> stable = new TreeMap<>();
        headers.map().forEach((name, values) -> {
            if (!PER_REQUEST.contains(name.toLowerCase())) {
                stable.put(name.toLowerCase(), values);
            }
        });
        return stable;
    }

    /** First answer from the server (and kept), second from the cache, third from the server again (bypass). */
    void assertReplayIdentical(String query, Map<String, String> headers, String bodyStart) throws Exception {
        long hits = cache.hits();
        HttpResponse<byte[]> fromServer = get(query, headers);
        HttpResponse<byte[]> replayed = get(query, headers);
        assertThat(cache.hits()).isEqualTo(hits + 1);
        // A caller's own X-Request-ID is left to the server: HAPI's own answer to the same request, never cached.
        Map<String, String> bypass = new TreeMap<>(headers);
        bypass.put("X-Request-ID", "bypass-1234");
        HttpResponse<byte[]> fresh = get(query, bypass);
        assertThat(cache.hits()).isEqualTo(hits + 1);

        assertThat(fromServer.statusCode()).isEqualTo(200);
        assertThat(new String(fromServer.body(), StandardCharsets.UTF_8)).startsWith(bodyStart);
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).isEqualTo(fromServer.body()).isEqualTo(fresh.body());
        assertThat(stableHeaders(replayed.headers())).isEqualTo(stableHeaders(fromServer.headers()))
                .isEqualTo(stableHeaders(fresh.headers()))
                .containsKeys("content-type", "x-content-type-options", "cache-control")
                .doesNotContainKey("x-powered-by");
        // The per-request ids are the replay's own, as the server makes them: request id = correlation id.
        String correlationId = replayed.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(correlationId).isNotEqualTo(fromServer.headers().firstValue("X-Correlation-Id").orElseThrow());
        assertThat(replayed.headers().firstValue("X-Request-ID")).contains(correlationId);
        assertThat(fresh.headers().firstValue("X-Request-ID")).contains("bypass-1234");
    }

    @Test
    void jsonAnswerIsReplayedByteForByte() throws Exception {
        assertReplayIdentical(translateQuery("62080626", ACTIVE_INGREDIENT), Map.of("Accept", "application/fhir+json"),
                "{\"resourceType\":\"Parameters\"");
    }

    @Test
    void xmlByAcceptAndByFormatAreReplayedByteForByteAndKeptApartFromJson() throws Exception {
        String query = translateQuery("62080626", null);
        assertReplayIdentical(query, Map.of("Accept", "application/fhir+xml"), "<Parameters xmlns=\"http://hl7.org/fhir\">");
        assertReplayIdentical(query + "&_format=xml", Map.of(), "<Parameters xmlns=\"http://hl7.org/fhir\">");
        assertReplayIdentical(query + "&_pretty=true", Map.of("Accept", "application/fhir+json"), "{\n");
        assertReplayIdentical(query, Map.of(), "{\"resourceType\":\"Parameters\"");
    }

    @Test
    void noEquivalentIsAKeptResultFalse() throws Exception {
        assertReplayIdentical("system=urn:oid:1.2.250.1.213.1.1.4.322&code=MED-1096&target=" + ACTIVE_INGREDIENT,
                Map.of("Accept", "application/fhir+json"), "{\"resourceType\":\"Parameters\"");
    }

    @Test
    void errorsAreNeverKeptAndStayOperationOutcomesWithTheirStatus() throws Exception {
        long hits = cache.hits();
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> unknownValueSet = get(translateQuery("62080626", "1.2.3.999"),
                    Map.of("Accept", "application/fhir+json"));
            assertThat(unknownValueSet.statusCode()).isEqualTo(404);
            assertThat(new String(unknownValueSet.body(), StandardCharsets.UTF_8))
                    .startsWith("{\"resourceType\":\"OperationOutcome\"").contains("1.2.3.999");

            HttpResponse<byte[]> noCode = get("system=" + CIS, Map.of("Accept", "application/fhir+xml"));
            assertThat(noCode.statusCode()).isEqualTo(400);
            assertThat(new String(noCode.body(), StandardCharsets.UTF_8)).startsWith("<OperationOutcome");

            HttpResponse<byte[]> unknownMap = get(translateQuery("62080626", null) + "&url=urn:nope",
                    Map.of("Accept", "application/fhir+json"));
            assertThat(unknownMap.statusCode()).isEqualTo(404);
            assertThat(new String(unknownMap.body(), StandardCharsets.UTF_8)).contains("OperationOutcome");
        }
        assertThat(cache.hits()).isEqualTo(hits);
    }

    @Test
    void aReloadChangesTheAnswer() throws Exception {
        String query = translateQuery("99999901", null);
        Map<String, String> json = Map.of("Accept", "application/fhir+json");
        assertThat(new String(get(query, json).body(), StandardCharsets.UTF_8)).contains("\"valueBoolean\":false");
        long hits = cache.hits();
        assertThat(new String(get(query, json).body(), StandardCharsets.UTF_8)).contains("\"valueBoolean\":false");
        assertThat(cache.hits()).isEqualTo(hits + 1); // the "no mapping" answer is kept

        Path extra = DATA.resolve("concept-maps/zz-reload.csv");
        Files.writeString(extra, "source_system,source_code,source_display,target_system,target_code,target_display,"
                + "equivalence,provenance\n1.2.250.1.213.2.3.1,99999901,TEST,2.16.840.1.113883.6.73,N02BE01,"
                + "paracetamol,equivalent,test\n");
        try {
            reload();
            String after = new String(get(query, json).body(), StandardCharsets.UTF_8);
            assertThat(after).contains("\"valueBoolean\":true").contains("N02BE01")
                    .contains("urn:passerelle:conceptmap:zz-reload");
        } finally {
            Files.delete(extra);
            reload();
        }
        assertThat(new String(get(query, json).body(), StandardCharsets.UTF_8)).contains("\"valueBoolean\":false");
    }

    @Test
    void postIsLeftToTheServer() throws Exception {
        long hits = cache.hits();
        String body = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"system\",\"valueUri\":\"" + CIS
                + "\"},{\"name\":\"code\",\"valueCode\":\"62080626\"}]}";
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/fhir/ConceptMap/$translate"))
                    .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(200);
            assertThat(post.body()).contains("H03AA01");
        }
        assertThat(cache.hits()).isEqualTo(hits);
    }

    @Test
    void aBrowsersCrossOriginCallIsLeftToTheServer() throws Exception {
        long hits = cache.hits();
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> answer = get(translateQuery("63564053", null),
                    Map.of("Origin", "https://example.org"));
            assertThat(answer.statusCode()).isEqualTo(200);
        }
        assertThat(cache.hits()).isEqualTo(hits);
    }

    @Test
    void cacheCountersArePublished() throws Exception {
        get(translateQuery("62080626", ACTIVE_INGREDIENT), Map.of());
        get(translateQuery("62080626", ACTIVE_INGREDIENT), Map.of());
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).containsPattern("cache_gets_total\\{cache=\"fhir.translate\",.*result=\"hit\"")
                .containsPattern("cache_gets_total\\{cache=\"fhir.translate\",.*result=\"miss\"");
    }

    void reload() throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString("op:s3cret-operator".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> reloaded = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/terminology/reload"))
                .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reloaded.statusCode()).isEqualTo(200);
    }
}
