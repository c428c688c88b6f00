package fr.passerelle.gateway.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's judgements the fault tests rely on: answer shapes, metrics parsing, flatness. */
class HarnessJudgementTest {

    private static final String ENV = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>";

    private static Outcome soap(String kind, int status, String body) {
        return Protocol.SOAP.judge(kind, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Outcome fhir(int status, String body) {
        return Protocol.FHIR.judge("summary", status, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void soapAnswersAreJudgedByTheirShape() {
        assertThat(soap("retrieve", 200, ENV + "<RetrieveDocumentSetResponse><RegistryResponse status=\"urn:oasis:names:"
                + "tc:ebxml-regrep:ResponseStatusType:Success\"/></RetrieveDocumentSetResponse></soap:Body></soap:Envelope>"))
                .isEqualTo(Outcome.SUCCESS);
        assertThat(soap("query", 200, ENV + "<AdhocQueryResponse status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatus"
                + "Type:Failure\"><RegistryErrorList><RegistryError errorCode=\"ERROR_GENERIC\"/></RegistryErrorList>"
                + "</AdhocQueryResponse></soap:Body></soap:Envelope>")).isEqualTo(Outcome.REFUSED);
        assertThat(soap("xcpd", 200, ENV + "<acknowledgement><typeCode code=\"AA\"/></acknowledgement></soap:Body>"))
                .isEqualTo(Outcome.SUCCESS);
        assertThat(soap("xcpd", 200, ENV + "<acknowledgement><typeCode code=\"AE\"/></acknowledgement></soap:Body>"))
                .isEqualTo(Outcome.REFUSED);
        assertThat(soap("query", 500, ENV + "<soap:Fault><soap:Code><soap:Value>soap:Receiver</soap:Value></soap:Code>"
                + "</soap:Fault></soap:Body></soap:Envelope>")).isEqualTo(Outcome.REFUSED);
        assertThat(soap("query", 500, ENV + "<soap:Fault><soap:Reason>java.sql.SQLException\n\tat "
                + "org.postgresql.Driver.connect(Driver.java:12)</soap:Reason></soap:Fault></soap:Body>"))
                .as("a fault carrying a stack trace").isEqualTo(Outcome.BROKEN);
        assertThat(soap("query", 500, "<html><body>Whitelabel Error Page</body></html>")).isEqualTo(Outcome.BROKEN);
        assertThat(soap("query", 200, ENV + "<AdhocQueryResponse status=\"urn:oasis:names:tc:ebxml-regrep:"
                + "ResponseStatusType:Success\"/></soap:Body>")).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void fhirAnswersAreJudgedByTheirShape() {
        assertThat(fhir(200, "{\"resourceType\":\"Bundle\",\"type\":\"document\"}")).isEqualTo(Outcome.SUCCESS);
        assertThat(fhir(503, "{\"resourceType\": \"OperationOutcome\",\"issue\":[]}")).isEqualTo(Outcome.REFUSED);
        assertThat(fhir(500, "{\"timestamp\":\"…\",\"status\":500,\"error\":\"Internal Server Error\"}"))
                .isEqualTo(Outcome.BROKEN);
        assertThat(fhir(500, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"diagnostics\":\"Caused by: "
                + "java.sql.SQLException\"}]}")).isEqualTo(Outcome.BROKEN);
        assertThat(fhir(200, "{\"resourceType\":\"OperationOutcome\"}")).isEqualTo(Outcome.BROKEN);
    }

    @Test
    void metricsAreReadFromThePrometheusPage() {
        Metrics metrics = Metrics.parse("""
                # HELP jvm_memory_used_bytes The amount of used memory
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.2E7
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 3.0E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
                jvm_threads_live_threads 42.0
                process_cpu_time_ns_total 5.5E9
                """);
        assertThat(metrics).isEqualTo(new Metrics(42_000_000L, 42, 5_500_000_000L));
    }

    private static List<Metrics> series(long heapStartMib, long heapStepMib, long threadsStart, long threadsStep) {
        List<Metrics> samples = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // A saw-tooth: the floor is the trend, peaks come and go with collections.
            long heap = (heapStartMib + heapStepMib * i + (i % 3 == 0 ? 0 : 120)) * 1048576L;
            samples.add(new Metrics(heap, threadsStart + threadsStep * i, -1));
        }
        return samples;
    }

    @Test
    void aSawToothAroundASteadyFloorIsFlat() {
        Flatness flat = Flatness.judge(series(200, 0, 60, 0));
        assertThat(flat.flat()).as(flat.report()).isTrue();
    }

    @Test
    void aRisingHeapFloorOrThreadCountIsNotFlat() {
        Flatness leaking = Flatness.judge(series(200, 8, 60, 0));
        assertThat(leaking.heapFlat()).as(leaking.report()).isFalse();
        Flatness threads = Flatness.judge(series(200, 0, 60, 2));
        assertThat(threads.threadsFlat()).as(threads.report()).isFalse();
        assertThat(threads.heapFlat()).isTrue();
    }

    @Test
    void durationsAreReadInTheHarnessesShortForm() {
        assertThat(LoadHarness.duration("30s")).hasSeconds(30);
        assertThat(LoadHarness.duration("2m")).hasMinutes(2);
        assertThat(LoadHarness.duration("500ms")).hasMillis(500);
        assertThat(LoadHarness.duration("PT1H")).hasHours(1);
    }
}
