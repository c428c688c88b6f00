package fr.passerelle.gateway.xca;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.Multipart;
import fr.passerelle.gateway.soap.ReceivedXml;
import fr.passerelle.gateway.soap.RecordingRoads;
import fr.passerelle.gateway.soap.SoapEndpointTest;
import fr.passerelle.gateway.soap.SoapHttp;
import fr.passerelle.gateway.soap.SoapMessages;
import fr.passerelle.gateway.soap.StructureComparison;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;

/** ITI-39 through real HTTP: gematik's retrieve replayed; the answer is an MTOM package with per-document errors. */
@SoapEndpointTest
class CrossGatewayRetrieveEndpointTest {

    private static final String ACTION = EhdsiOperation.CROSS_GATEWAY_RETRIEVE.requestAction();
    private static final byte[] PIVOT = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">pivot é</ClinicalDocument>"
            .getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    private HttpResponse<byte[]> retrieve() {
        return SoapHttp.postForBytes(port, "/xca", SoapHttp.soap12(ACTION), SoapMessages.envelope(ACTION,
                SoapMessages.sampleBody("gematik/RetrieveDocumentSetRequest.xml")).getBytes(StandardCharsets.UTF_8));
    }

    private static RetrievedDocument pivotOf(DocumentReference reference) {
        return new RetrievedDocument(reference, CrossGatewayQueryEndpointTest.HOME, "text/xml", PIVOT);
    }

    @Test
    void bothDocumentsReachTheRoadTyped() {
        RecordingRoads.RETRIEVE.answer(request -> new RetrieveOutcome.Retrieved(
                request.documents().stream().map(CrossGatewayRetrieveEndpointTest::pivotOf).toList(), List.of()));

        retrieve();

        assertThat(RecordingRoads.RETRIEVE.lastRequest().documents()).containsExactly(
                new DocumentReference(Optional.of("1.2.276.0.76.4.291"), "2.16.620.1.101.10.3.29.54290",
                        "2.16.17.710.813.1000.990.1.1^PS.XML"),
                new DocumentReference(Optional.of("1.2.276.0.76.4.291"), "2.16.620.1.101.10.3.29.54290",
                        "2.16.17.710.813.1000.990.1.1^PS.PDF"));
    }

    @Test
    void documentsComeBackAsMtomPartsWithGematiksStructure() {
        RecordingRoads.RETRIEVE.answer(request -> new RetrieveOutcome.Retrieved(
                request.documents().stream().map(CrossGatewayRetrieveEndpointTest::pivotOf).toList(), List.of()));

        HttpResponse<byte[]> response = retrieve();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("multipart/related").contains("application/xop+xml");
        List<Multipart.Part> parts = Multipart.parse(response);
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).headers().get("content-type")).startsWith("application/xop+xml")
                .contains("application/soap+xml");
        ReceivedXml envelope = ReceivedXml.parse(parts.get(0).text());
        Element ours = envelope.nodes("/soap:Envelope/soap:Body/xds:RetrieveDocumentSetResponse").get(0);
        Element gematik = ReceivedXml.parse(SoapMessages.sampleBody("gematik/RetrieveDocumentSetResponse.xml"))
                .document().getDocumentElement();
        Set<String> missing = new TreeSet<>(StructureComparison.elementPaths(gematik));
        missing.removeAll(StructureComparison.elementPaths(ours));
        assertThat(missing).isEmpty();
        assertThat(envelope.text("//rs:RegistryResponse/@status"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        List<Element> includes = envelope.nodes("//xds:DocumentResponse/xds:Document/xop:Include");
        assertThat(includes).hasSize(2);
        for (Element include : includes) {
            String cid = URLDecoder.decode(include.getAttribute("href").substring(4), StandardCharsets.UTF_8);
            Multipart.Part part = parts.stream()
                    .filter(p -> ("<" + cid + ">").equals(p.headers().get("content-id"))).findFirst().orElseThrow();
            assertThat(part.content()).isEqualTo(PIVOT);
        }
        assertThat(envelope.text("/soap:Envelope/soap:Header/wsa:Action"))
                .isEqualTo(EhdsiOperation.CROSS_GATEWAY_RETRIEVE.responseAction());
    }

    @Test
    void oneDocumentMissingIsAPartialSuccessWithARegistryErrorAtItsUniqueId() {
        RecordingRoads.RETRIEVE.answer(request -> new RetrieveOutcome.Retrieved(
                List.of(pivotOf(request.documents().get(0))),
                List.of(new DocumentFailure(request.documents().get(1),
                        BusinessRefusal.of(ExchangeError.ERROR_PS_PDF_FORMAT_NOT_PROVIDED)))));

        List<Multipart.Part> parts = Multipart.parse(retrieve());

        ReceivedXml envelope = ReceivedXml.parse(parts.get(0).text());
        assertThat(envelope.text("//rs:RegistryResponse/@status"))
                .isEqualTo("urn:ihe:iti:2007:ResponseStatusType:PartialSuccess");
        assertThat(envelope.text("//rs:RegistryError/@errorCode")).isEqualTo("ERROR_PS_PDF_FORMAT_NOT_PROVIDED");
        assertThat(envelope.text("//rs:RegistryError/@location")).isEqualTo("2.16.17.710.813.1000.990.1.1^PS.PDF");
        assertThat(envelope.count("//xds:DocumentResponse")).isEqualTo(1);
        assertThat(parts).hasSize(2);
    }

    @Test
    void refusalHasTheStructureOfGematiksNoConsentResponseAndNoAttachment() {
        RecordingRoads.RETRIEVE.answer(request -> new RetrieveOutcome.Refused(
                BusinessRefusal.of(ExchangeError.ERROR_NO_CONSENT)));

        HttpResponse<byte[]> response = retrieve();

        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/soap+xml");
        ReceivedXml envelope = ReceivedXml.parse(new String(response.body(), StandardCharsets.UTF_8));
        Element ours = envelope.nodes("/soap:Envelope/soap:Body/xds:RetrieveDocumentSetResponse").get(0);
        Element gematik = ReceivedXml.parse(SoapMessages.sampleBody("gematik/RetrieveDocumentSetResponse_032.xml"))
                .document().getDocumentElement();
        assertThat(StructureComparison.attributePaths(ours)).isEqualTo(StructureComparison.attributePaths(gematik));
        assertThat(envelope.text("//rs:RegistryError/@errorCode")).isEqualTo("4701");
        assertThat(envelope.text("//rs:RegistryResponse/@status"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure");
    }

    /**
     * Schema validation (enforced for ITI-39 by default) finds the missing DocumentUniqueId before the reader would:
     * the ITI-39 answer's RegistryError, not a fault (the reader's Sender fault remains when validation is off).
     */
    @Test
    void retrieveWithoutDocumentUniqueIdIsAnXdsRegistryMetadataErrorSayingWhy() {
        String body = SoapMessages.sampleBody("gematik/RetrieveDocumentSetRequest.xml")
                .replaceFirst("<DocumentUniqueId>[^<]*</DocumentUniqueId>", "");

        HttpResponse<String> response = SoapHttp.post(port, "/xca", SoapHttp.soap12(ACTION),
                SoapMessages.envelope(ACTION, body));

        assertThat(response.statusCode()).isEqualTo(200);
        ReceivedXml xml = ReceivedXml.parse(response.body());
        assertThat(xml.text("//rs:RegistryResponse/@status"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure");
        assertThat(xml.text("//rs:RegistryError/@errorCode")).isEqualTo("XDSRegistryMetadataError");
        assertThat(xml.text("//rs:RegistryError/@codeContext")).contains("DocumentUniqueId");
    }
}
