package fr.passerelle.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.testsupport.DemoGatewayTest;
import fr.passerelle.gateway.testsupport.DemoOperator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The FHIR server speaks JSON and XML; Turtle, whose parser (Apache Jena) the jar leaves out, is refused with a JSON
 * OperationOutcome before HAPI reads the request — never a 500 from a missing class. The test classpath may hold Jena
 * (the profile validator brings it), so these refusals are the guard's, not a missing library's.
 */
@DemoGatewayTest
class TurtleRefusalTest {

    static {
        DemoOperator.install();
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    String base;

    @BeforeEach
    void base() {
        base = "http://127.0.0.1:" + port + "/fhir";
    }

    @Test
    void turtleAskedByFormatParameterIsNotAcceptable() throws Exception {
        for (String format : new String[] {"ttl", "text/turtle", "application/x-turtle", "application/fhir+turtle"}) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/metadata?_format="
                    + format.replace("/", "%2F").replace("+", "%2B"))).GET());

            assertRefused(answer, 406);
        }
    }

    @Test
    void turtlePreferredInAcceptIsNotAcceptableEvenBeforeAuthentication() throws Exception {
        // A cross-border search without credentials: the 401 itself would have been written in Turtle.
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/Patient?identifier=x"))
                .header("Accept", "text/turtle, application/fhir+json;q=0.5").GET());

        assertRefused(answer, 406);
    }

    @Test
    void turtleBodyIsUnsupported() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base))
                .header("Content-Type", "text/turtle").header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("@prefix fhir: <http://hl7.org/fhir/> .")));

        assertRefused(answer, 415);
    }

    @Test
    void jsonAndXmlAreStillServed() throws Exception {
        HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create(base + "/metadata?_format=json")).GET());
        HttpResponse<String> xml = send(HttpRequest.newBuilder(URI.create(base + "/metadata"))
                .header("Accept", "application/fhir+xml").GET());
        HttpResponse<String> anything = send(HttpRequest.newBuilder(URI.create(base + "/metadata"))
                .header("Accept", "*/*").GET());

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"resourceType\":\"CapabilityStatement\"");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).contains("<CapabilityStatement");
        assertThat(anything.statusCode()).isEqualTo(200);
        assertThat(anything.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).doesNotContain("turtle"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
        assertThat(answer.body()).contains("\"resourceType\":\"OperationOutcome\"")
                .contains(TurtleRefusal.NOT_SPOKEN);
    }
}
