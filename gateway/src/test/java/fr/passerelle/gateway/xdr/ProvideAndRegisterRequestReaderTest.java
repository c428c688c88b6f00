package fr.passerelle.gateway.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.soap.MalformedRequest;
import fr.passerelle.gateway.soap.ReceivedXml;
import fr.passerelle.gateway.soap.SoapMessages;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

/**
 * The ITI-41 reader's own refusals, which hold when an operator switched schema validation off: each a
 * {@link MalformedRequest} saying what is missing (answered as a Sender fault).
 */
class ProvideAndRegisterRequestReaderTest {

    private static final String SAMPLE = SoapMessages.sampleBody("gematik/ProvideAndRegisterDocumentSetRequest.xml");
    private static final String ENTRY = "urn:uuid:f8d6175f-3bb7-46e9-ac09-606383dcabab";

    private final ProvideAndRegisterRequestReader reader = new ProvideAndRegisterRequestReader();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(?s)<lcm:SubmitObjectsRequest>.*</lcm:SubmitObjectsRequest>| | The request has no SubmitObjectsRequest/RegistryObjectList",
        "(?s)<RegistryPackage .*?</RegistryPackage>| | The submission has no RegistryPackage (submission set)",
        "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8|urn:uuid:other| The submission set has no XDSSubmissionSet.uniqueId",
        "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446|urn:uuid:other| The submission set has no XDSSubmissionSet.patientId",
        "<xds:Document id=\"[^\"]+\"|<xds:Document| An xds:Document has no id",
        "<ExtrinsicObject id=\"[^\"]+\"|<ExtrinsicObject id=\" \"| An ExtrinsicObject has no id",
        "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab|urn:uuid:other| A DocumentEntry has no XDSDocumentEntry.uniqueId",
        "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427|urn:uuid:other| A DocumentEntry has no XDSDocumentEntry.patientId",
        "(identificationScheme=\"urn:uuid:58a6f841[^>]*value=\")B123|$1C123| A DocumentEntry's patientId differs from the submission set's",
        "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a|urn:uuid:other| A DocumentEntry has no classCode",
        "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d|urn:uuid:other| A DocumentEntry has no formatCode",
        "<xds:Document id=\"[^\"]+\"|<xds:Document id=\"urn:uuid:other\"| A DocumentEntry has no xds:Document with its id",
        "(?s)<ExtrinsicObject .*?</ExtrinsicObject>| | The submission has no DocumentEntry (ExtrinsicObject)",
        "(?s)(<xds:Document id=\"[^\"]+\">).*?(</xds:Document>)|$1 ab=c $2| An xds:Document is neither base64 nor an xop:Include",
        "(?s)(<xds:Document id=\"[^\"]+\">).*?(</xds:Document>)|$1<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\"/>$2| xop:Include has no href",
        "(?s)(<xds:Document id=\"[^\"]+\">).*?(</xds:Document>)|$1<xop:Include "
                + "xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:none%40test\"/>$2| xop:Include points to no MTOM part",
    })
    void whatTheReaderNeedsIsRefusedSayingWhatIsMissing(String regex, String replacement, String reason) {
        Element request = body(SAMPLE.replaceFirst(regex, replacement == null ? "" : replacement));

        assertThatThrownBy(() -> reader.read(request, cid -> Optional.empty()))
                .isInstanceOf(MalformedRequest.class).hasMessage(reason.strip());
    }

    @Test
    void aDocumentSentAsAnMtomPartIsReadByItsContentId() {
        byte[] cda = "<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8);
        Element request = body(SAMPLE.replaceFirst("(?s)(<xds:Document id=\"[^\"]+\">).*?(</xds:Document>)",
                "$1<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:edisp-1%40test\"/>$2"));

        DispensationSubmission submission = reader.read(request,
                cid -> Optional.ofNullable(Map.of("edisp-1@test", cda).get(cid)));

        assertThat(submission.documents()).singleElement().satisfies(document -> {
            assertThat(document.entryUuid()).isEqualTo(ENTRY);
            assertThat(document.content()).isEqualTo(cda);
            assertThat(document.classCode().code()).isEqualTo("60593-1");
            assertThat(document.classCode().codingScheme()).isEqualTo("2.16.840.1.113883.6.1");
            assertThat(document.classCode().displayName()).isEqualTo("Medication dispensed");
        });
    }

    private static Element body(String xml) {
        return ReceivedXml.parse(xml).document().getDocumentElement();
    }
}
