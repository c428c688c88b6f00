package fr.passerelle.gateway.soap;

import static fr.passerelle.gateway.soap.SoapMessages.queryBody;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.trust.issue.HcpClaims;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The XCA FindDocuments answer offers an ePrescription's level-1 pivot (the PDF the French prescription embeds, in an
 * eHDSI L1 CDA wrapper, format {@code urn:ihe:iti:xds-sd:pdf:2008}) as FHIR does, only because it is servable: an
 * ITI-39 retrieve of the offered uniqueId answers that document, with the size and hash the entry announced.
 */
class EprescriptionLevelOneEndToEndTest extends SoapRoadsContext {

    private static final Ins BERTHELOT = DemoExchanges.BERTHELOT;
    private static final String PDF_FORMAT = "urn:ihe:iti:xds-sd:pdf:2008";
    private static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";

    @BeforeEach
    void consent() {
        DemoExchanges.consent(consents, BERTHELOT, new CountryScope.AllParticipating());
    }

    @Test
    void theEprescriptionsLevelOneIsOfferedAndRetrievedAsOffered() throws Exception {
        HttpResponse<String> listing = SoapHttp.send(port, "/xca", EhdsiOperation.CROSS_GATEWAY_QUERY,
                SoapMessages.signedRequest(spain, HcpClaims.demoDoctor("ES"), EhdsiOperation.CROSS_GATEWAY_QUERY,
                        queryBody(BERTHELOT, "57833-6"), Optional.of(SoapMessages.cx(BERTHELOT))));
        assertThat(listing.statusCode()).as(listing.body()).isEqualTo(200);
        ReceivedXml query = ReceivedXml.parse(listing.body());
        String levelOne = "//rim:ExtrinsicObject[rim:Classification[@classificationScheme='" + XdsVocabulary.DOC_FORMAT
                + "' and @nodeRepresentation='" + PDF_FORMAT + "']]";
        List<Element> pdfEntries = query.nodes(levelOne);
        assertThat(pdfEntries).as("one level-1 entry for the prescription").hasSize(1);
        assertThat(query.count("//rim:ExtrinsicObject")).as("level 3 item(s) beside it").isGreaterThan(1);
        assertThat(query.text(levelOne + "/rim:Classification[@classificationScheme='urn:uuid:41a5887f-8865-4c09-adf7-"
                + "e362475b143a']/@nodeRepresentation")).isEqualTo("57833-6");
        String uniqueId = query.text(levelOne + "/rim:ExternalIdentifier[@identificationScheme="
                + "'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab']/@value");
        String size = query.text(levelOne + "/rim:Slot[@name='size']/rim:ValueList/rim:Value");
        String hash = query.text(levelOne + "/rim:Slot[@name='hash']/rim:ValueList/rim:Value");

        HttpResponse<byte[]> retrieved = SoapHttp.sendForBytes(port, "/xca", EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                SoapMessages.signedRequest(spain, HcpClaims.demoDoctor("ES"), EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                        SoapMessages.retrieveBody(HOME, uniqueId), Optional.of(SoapMessages.cx(BERTHELOT))));

        assertThat(retrieved.statusCode()).isEqualTo(200);
        List<Multipart.Part> parts = Multipart.parse(retrieved);
        ReceivedXml response = ReceivedXml.parse(parts.get(0).text());
        assertThat(response.text("//rs:RegistryResponse/@status")).isEqualTo(SUCCESS);
        assertThat(response.text("//xds:DocumentResponse/xds:DocumentUniqueId")).isEqualTo(uniqueId);
        String cid = URLDecoder.decode(response.text("//xds:Document/xop:Include/@href").substring(4),
                StandardCharsets.UTF_8);
        byte[] document = parts.stream().filter(p -> ("<" + cid + ">").equals(p.headers().get("content-id")))
                .findFirst().orElseThrow().content();
        ReceivedXml cda = ReceivedXml.parse(new String(document, StandardCharsets.UTF_8));
        assertThat(cda.text("//*[local-name()='nonXMLBody']/*[local-name()='text']/@mediaType"))
                .isEqualTo("application/pdf");
        assertThat(Long.toString(document.length)).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(document))).isEqualTo(hash);
    }
}
