package fr.passerelle.gateway.xdr;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.EhdsiDispatchClient;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.ReceivedXml;
import fr.passerelle.gateway.soap.RecordingRoads;
import fr.passerelle.gateway.soap.SoapEndpointTest;
import fr.passerelle.gateway.soap.SoapHttp;
import fr.passerelle.gateway.soap.SoapMessages;
import fr.passerelle.gateway.soap.StructureComparison;
import fr.passerelle.gateway.xca.XdsPatientId;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;

/** ITI-41 through real HTTP: gematik's dispensation submission replayed, inline base64 and as MTOM. */
@SoapEndpointTest
class DocumentRecipientEndpointTest {

    private static final String SAMPLE = "gematik/ProvideAndRegisterDocumentSetRequest.xml";

    @LocalServerPort
    int port;

    private EhdsiDispatchClient client;

    @BeforeEach
    void client() {
        client = new EhdsiDispatchClient(port);
    }

    @Test
    void gematikDispensationReachesTheRoadTyped() {
        RecordingRoads.DISPENSATION.answer(submission -> new DispensationOutcome.Stored());

        client.call("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER, SoapMessages.sampleBody(SAMPLE));

        DispensationSubmission submission = RecordingRoads.DISPENSATION.lastRequest();
        assertThat(submission.submissionSetUniqueId()).isEqualTo("2.16.840.1.113883.2.11.300.451");
        assertThat(submission.patientId()).isEqualTo(new XdsPatientId("B123456789|A2C4E6", "1.2.276.0.76.3.1.580.147"));
        assertThat(submission.documents()).singleElement().satisfies(document -> {
            assertThat(document.uniqueId()).isEqualTo("1.3.6.1.4.1.28284.6.2.4.4^3y5COceLhApapiKC");
            assertThat(document.isDispensation()).isTrue();
            assertThat(document.formatCode().code()).isEqualTo("urn:epSOS:ep:dis:2010");
            assertThat(document.mimeType()).isEqualTo("text/xml");
            assertThat(new String(document.content(), StandardCharsets.UTF_8)).startsWith("<ClinicalDocument");
        });
    }

    @Test
    void storedIsGematiksSuccessResponse() {
        RecordingRoads.DISPENSATION.answer(submission -> new DispensationOutcome.Stored());

        EhdsiDispatchClient.Reply reply = client.call("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER,
                SoapMessages.sampleBody(SAMPLE));

        Element gematik = ReceivedXml.parse(SoapMessages.sampleBody("gematik/ProvideAndRegisterDocumentSetResponse.xml"))
                .document().getDocumentElement();
        assertThat(StructureComparison.attributePaths(reply.body())).isEqualTo(StructureComparison.attributePaths(gematik));
        assertThat(reply.body().getAttribute("status")).isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        assertThat(reply.header("Action")).isEqualTo(EhdsiOperation.PROVIDE_AND_REGISTER.responseAction());
    }

    @Test
    void refusalIsAFailureWithItsCode() {
        RecordingRoads.DISPENSATION.answer(submission -> new DispensationOutcome.Refused(
                BusinessRefusal.of(ExchangeError.ERROR_EP_ALREADY_DISPENSED)));

        ReceivedXml xml = ReceivedXml.of(client.call("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER,
                SoapMessages.sampleBody(SAMPLE)).body());

        assertThat(xml.text("/rs:RegistryResponse/@status"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure");
        assertThat(xml.text("//rs:RegistryError/@errorCode")).isEqualTo("4106");
    }

    @Test
    void documentSentAsMtomPartIsRead() throws Exception {
        RecordingRoads.DISPENSATION.answer(submission -> new DispensationOutcome.Stored());
        String body = SoapMessages.sampleBody(SAMPLE);
        Matcher inline = Pattern.compile("(?s)(<xds:Document id=\"[^\"]+\">)(.*?)(</xds:Document>)").matcher(body);
        assertThat(inline.find()).isTrue();
        byte[] cda = java.util.Base64.getMimeDecoder().decode(inline.group(2).trim());
        String xop = inline.replaceFirst("$1<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" "
                + "href=\"cid:edisp-1%40test\"/>$3");
        String action = EhdsiOperation.PROVIDE_AND_REGISTER.requestAction();
        ByteArrayOutputStream mtom = new ByteArrayOutputStream();
        String boundary = "MIMEBoundary_passerelle_test";
        mtom.write(("--" + boundary + "\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\""
                + "\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <root@test>\r\n\r\n"
                + SoapMessages.envelope(action, xop) + "\r\n--" + boundary
                + "\r\nContent-Type: text/xml\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <edisp-1@test>\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        mtom.write(cda);
        mtom.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String contentType = "multipart/related; type=\"application/xop+xml\"; boundary=\"" + boundary
                + "\"; start=\"<root@test>\"; start-info=\"application/soap+xml\"; action=\"" + action + "\"";

        HttpResponse<byte[]> response = SoapHttp.postForBytes(port, "/xdr", contentType, mtom.toByteArray());

        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(RecordingRoads.DISPENSATION.lastRequest().documents().get(0).content()).isEqualTo(cda);
    }

    @Test
    void nonDispensationDocumentIsRefusedWithoutTakingTheRoad() {
        RecordingRoads.DISPENSATION.answer(submission -> {
            throw new AssertionError("the road must not be taken");
        });
        String body = SoapMessages.sampleBody(SAMPLE).replaceFirst(
                "(classificationScheme=\"urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a\"[^>]*nodeRepresentation=\")60593-1",
                "$160591-5");

        ReceivedXml xml = ReceivedXml.of(client.call("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER, body).body());

        assertThat(xml.text("//rs:RegistryError/@errorCode")).isEqualTo("ERROR_GENERIC_SERVICE_SIGNIFIER_UNKNOWN");
        assertThat(RecordingRoads.DISPENSATION.lastRequest()).isNull();
    }

    @Test
    void submissionWithoutSubmissionSetIsASenderFaultSayingWhy() {
        String action = EhdsiOperation.PROVIDE_AND_REGISTER.requestAction();
        String body = SoapMessages.sampleBody(SAMPLE).replaceAll("(?s)<RegistryPackage .*?</RegistryPackage>", "");

        HttpResponse<String> response = SoapHttp.post(port, "/xdr", SoapHttp.soap12(action),
                SoapMessages.envelope(action, body));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ReceivedXml.parse(response.body()).text("//soap:Fault/soap:Reason/soap:Text"))
                .isEqualTo("The submission has no RegistryPackage (submission set)");
    }
}
