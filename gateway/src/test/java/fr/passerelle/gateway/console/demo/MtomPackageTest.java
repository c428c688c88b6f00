package fr.passerelle.gateway.console.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.ihe.xds.RetrieveDocumentSetResponseType;
import fr.passerelle.trust.issue.SoapEnvelopes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The demo client's MTOM packaging, done by CXF's MIME reader and writer: what the demo's browser tests cannot tell
 * apart from a working road (an attachment found by its URL-encoded cid, a plain answer, a fault, a broken package).
 */
class MtomPackageTest {

    private static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    private static final String PIVOT = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">é</ClinicalDocument>";

    @Test
    void aRetrieveAnswersXopIncludeIsResolvedToItsPartsBytes() {
        String envelope = "<s:Envelope xmlns:s=\"" + SOAP + "\"><s:Body><xds:RetrieveDocumentSetResponse"
                + " xmlns:xds=\"urn:ihe:iti:xds-b:2007\" xmlns:rs=\"urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0\">"
                + "<rs:RegistryResponse status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\"/>"
                + "<xds:DocumentResponse><xds:DocumentUniqueId>1.2.3</xds:DocumentUniqueId>"
                + "<xds:mimeType>text/xml</xds:mimeType><xds:Document><xop:Include"
                + " xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:a1b2%40passerelle\"/>"
                + "</xds:Document></xds:DocumentResponse></xds:RetrieveDocumentSetResponse></s:Body></s:Envelope>";
        // As the gateway (CXF) answers: the part's Content-ID bracketed, the href URL-encoded.
        String body = "--uuid:b\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n"
                + "Content-Transfer-Encoding: binary\r\nContent-ID: <root.message@cxf.apache.org>\r\n\r\n" + envelope
                + "\r\n--uuid:b\r\nContent-Type: text/xml\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: <a1b2@passerelle>\r\n\r\n" + PIVOT + "\r\n--uuid:b--";

        MtomPackage received = MtomPackage.of("multipart/related; type=\"application/xop+xml\"; boundary=\"uuid:b\"; "
                + "start=\"<root.message@cxf.apache.org>\"; start-info=\"application/soap+xml\"",
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(received.fault()).isEmpty();
        RetrieveDocumentSetResponseType read = received.read("urn:ihe:iti:xds-b:2007", "RetrieveDocumentSetResponse",
                RetrieveDocumentSetResponseType.class).orElseThrow();
        assertThat(new String(read.getDocumentResponse().get(0).getDocument(), StandardCharsets.UTF_8))
                .isEqualTo(PIVOT);
    }

    @Test
    void aPlainAnswerIsAllEnvelopeAndAFaultIsSeen() {
        String fault = "<s:Envelope xmlns:s=\"" + SOAP + "\"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value>"
                + "</s:Code></s:Fault></s:Body></s:Envelope>";

        MtomPackage received = MtomPackage.of("application/soap+xml; charset=UTF-8",
                fault.getBytes(StandardCharsets.UTF_8));

        assertThat(received.envelope().getDocumentElement().getLocalName()).isEqualTo("Envelope");
        assertThat(received.fault()).isPresent();
    }

    @Test
    void theRequestPackageIsAnXopRootCarryingTheActionThatReadsBackAsTheEnvelope() {
        String envelope = "<s:Envelope xmlns:s=\"" + SOAP + "\"><s:Body/></s:Envelope>";

        MtomPackage.Request request = MtomPackage.request(SoapEnvelopes.ACTION_XCA_RETRIEVE,
                envelope.getBytes(StandardCharsets.UTF_8));

        assertThat(request.contentType()).startsWith("multipart/related; type=\"application/xop+xml\"; boundary=")
                .contains("start-info=\"application/soap+xml; action=\\\"" + SoapEnvelopes.ACTION_XCA_RETRIEVE
                        + "\\\"\"");
        assertThat(new String(request.body(), StandardCharsets.UTF_8))
                .contains("Content-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml");
        MtomPackage back = MtomPackage.of(request.contentType(), request.body());
        assertThat(back.envelope().getDocumentElement().getLocalName()).isEqualTo("Envelope");
    }

    @Test
    void aMultipartWithoutItsBoundaryIsAnUnreadableAnswerNotAServerError() {
        assertThatThrownBy(() -> MtomPackage.of("multipart/related; boundary=\"nowhere\"",
                "no parts here".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DemoXml.UnreadableAnswer.class);
    }
}
