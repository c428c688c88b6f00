package fr.passerelle.gateway.hardening;

import static fr.passerelle.gateway.testsupport.SafeAnswers.assertNoInternals;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.gateway.soap.AuditRows;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.ReceivedXml;
import fr.passerelle.gateway.soap.SoapMessages;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Test;

/**
 * Item 9 of the hardening (issue 20): what an anonymous client used to learn of the server (software versions, the
 * CXF service list, a 500 from {@code /error}); the envelope's structural limits (one configuration,
 * {@code XmlLimits.ENVELOPE}); and an assertion ID reused in the SOAP Body. The demo PKI failing closed outside the
 * demo health space is {@code trust.TrustPropertiesTest}.
 */
class SmallerExposuresTest extends GatewayUnderAttack {

    private static final Pattern MESSAGE_ID = Pattern.compile("MessageID[^>]*>([^<]+)<");
    private static final Pattern ASSERTION_ID = Pattern.compile("<[A-Za-z0-9]*:?Assertion [^>]*\\bID=\"([^\"]+)\"");
    private static final Pattern BODY_CHILD = Pattern.compile("(<[A-Za-z0-9]*:?Body[^>]*>\\s*<[A-Za-z0-9:_-]+)");

    @Test
    void theFhirServerNamesNoSoftwareVersion() {
        HttpResponse<String> metadata = http().get("/fhir/metadata", Map.of("Accept", "application/fhir+json"));

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.headers().firstValue("X-Powered-By")).isEmpty();
        CapabilityStatement capability = (CapabilityStatement) FhirContext.forR4Cached().newJsonParser()
                .parseResource(metadata.body());
        assertThat(capability.getSoftware().getVersion()).isNull();
        assertThat(metadata.body()).doesNotContain("HAPI");
        assertThat(http().get("/fhir/Patient?identifier=x").headers().firstValue("X-Powered-By")).isEmpty();
    }

    /** Found by the fuzzing test: Spring's Basic authentication used to answer /fhir with a bare 401. */
    @Test
    void basicCredentialsOnTheProtocolEndpointsAreTheirRoadsToRefuse() {
        HttpResponse<String> fhir = http().get("/fhir/Patient?identifier=urn:oid:1.2.250.1.213.1.4.10%7C"
                + BERTHELOT.value(), Map.of("Authorization", "Basic Zm9vOmJhcg==", "Accept", "application/fhir+json"));
        assertThat(fr.passerelle.gateway.testsupport.SafeAnswers.assertOperationOutcome(fhir, 401)
                .getIssueFirstRep().getDiagnostics()).contains("no bearer token");
        assertThat(fhir.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"passerelle\"");

        HttpResponse<String> soap = http().send("POST", "/services/xcpd", Map.of("Authorization",
                        "Basic Zm9vOmJhcg==", "Content-Type", fr.passerelle.gateway.soap.SoapHttp.soap12(
                                EhdsiOperation.PATIENT_DISCOVERY.requestAction())),
                SoapMessages.envelope(EhdsiOperation.PATIENT_DISCOVERY.requestAction(),
                        SoapMessages.xcpdBody(BERTHELOT)));
        assertThat(soap.statusCode()).isEqualTo(400);
        assertThat(ReceivedXml.parse(soap.body()).text("//soap:Fault/soap:Code/soap:Value")).endsWith(":Sender");
    }

    @Test
    void theMetricsCarryNoJvmVersion() {
        HttpResponse<String> metrics = http().get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory").doesNotContain("jvm_info");
    }

    @Test
    void aScraperPreferringProtobufGetsTheTextFormatAndOneThatTakesOnlyProtobufIsTold() {
        HttpResponse<String> preferring = http().get("/actuator/prometheus", Map.of("Accept",
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.7,"
                        + "text/plain;version=0.0.4;q=0.3,*/*;q=0.1"));
        assertThat(preferring.statusCode()).isEqualTo(200);
        assertThat(preferring.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(preferring.body()).contains("jvm_memory");

        HttpResponse<String> onlyProtobuf = http().get("/actuator/prometheus",
                Map.of("Accept", "application/vnd.google.protobuf"));
        assertThat(onlyProtobuf.statusCode()).isEqualTo(406);
    }

    @Test
    void noServiceListAndNoServerErrorFromTheErrorPage() {
        for (String path : new String[] {"/services", "/services/"}) {
            HttpResponse<String> list = http().get(path);
            assertThat(list.statusCode()).as(path).isBetween(400, 499);
            assertThat(list.body()).doesNotContain("xcpd").doesNotContain("wsdl");
        }
        HttpResponse<String> error = http().get("/error");
        assertThat(error.statusCode()).isIn(302, 401, 403, 404);
        assertNoInternals(error.body());
    }

    @Test
    void nestingDeeperThanTheEnvelopeLimitIsASenderFault() {
        String deep = "<x>".repeat(200) + "</x>".repeat(200);
        String body = SoapMessages.xcpdBody(BERTHELOT).replace("<ns6:parameterList>", "<ns6:parameterList>" + deep);

        HttpResponse<String> response = postSoap("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                signedSoap(EhdsiOperation.PATIENT_DISCOVERY, body, Optional.empty()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(ReceivedXml.parse(response.body()).text("//soap:Fault/soap:Code/soap:Value")).endsWith(":Sender");
        assertNoInternals(response.body());
    }

    @Test
    void anAssertionIdReusedInTheSoapBodyIsAnAuditedSecurityFault() {
        String envelope = signedSoap(EhdsiOperation.PATIENT_DISCOVERY, SoapMessages.xcpdBody(BERTHELOT),
                Optional.empty());
        Matcher assertion = ASSERTION_ID.matcher(envelope);
        Matcher messageId = MESSAGE_ID.matcher(envelope);
        Matcher bodyChild = BODY_CHILD.matcher(envelope);
        assertThat(assertion.find() && messageId.find() && bodyChild.find()).isTrue();
        // The body's element takes the HCP assertion's ID; the assertion's signature does not cover the body.
        String wrapped = envelope.substring(0, bodyChild.end()) + " ID=\"" + assertion.group(1) + "\""
                + envelope.substring(bodyChild.end());

        HttpResponse<String> response = postSoap("/xcpd", EhdsiOperation.PATIENT_DISCOVERY, wrapped);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        ReceivedXml fault = ReceivedXml.parse(response.body());
        assertThat(fault.text("//soap:Fault/soap:Code/soap:Subcode/soap:Value")).endsWith("InvalidSecurity");
        assertThat(AuditRows.of(dataSource, messageId.group(1))).singleElement().satisfies(row ->
                assertThat(row.get("DECIDING_RULE")).isEqualTo("TRUST_UNIQUE_ID"));
    }
}
