package fr.passerelle.gateway.xca;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.OutboundAttachment;
import fr.passerelle.gateway.soap.ReceivedXml;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What the XCA writers put in an answer, pinned on the messages they marshal from the generated protocol model (they
 * replaced hand-written DOM writers whose output they were shown to equal, commit "eHDSI protocol model generated in
 * main"): the XDS metadata of each entry under its scheme, the XFRM association of a rendering, the RegistryErrors
 * with their location, each document as an MTOM part its {@code xop:Include} names, and the former prefixes.
 */
class XcaResponseWritersTest {

    private static final DocumentQuery LEAF_CLASS = new DocumentQuery(CrossGatewayQueryEndpointTest.PATIENT,
            Set.of(DocumentClass.PATIENT_SUMMARY), List.of(), true);
    private static final BusinessRefusal NO_CONSENT = BusinessRefusal.of(ExchangeError.ERROR_NO_CONSENT);

    private final AdhocQueryResponseWriter queryWriter = new AdhocQueryResponseWriter(ProtocolModel.XDS);
    private final RetrieveResponseWriter retrieveWriter = new RetrieveResponseWriter(ProtocolModel.XDS);

    @Test
    void aLeafClassAnswerCarriesEachEntrysMetadataUnderItsSchemeAndTheRenderingsAssociation() {
        List<DocumentEntry> entries = CrossGatewayQueryEndpointTest.patientSummaryL3AndL1();
        Element response = queryWriter.write(LEAF_CLASS, new DocumentQueryOutcome.Found(entries, List.of(), List.of()));
        ReceivedXml xml = ReceivedXml.of(response);

        assertThat(response.getPrefix()).isEqualTo("query");
        assertThat(xml.text("/query:AdhocQueryResponse/@status")).isEqualTo(XdsVocabulary.SUCCESS);
        assertThat(xml.count("//rim:ExtrinsicObject")).isEqualTo(2);
        String l3 = "//rim:ExtrinsicObject[@id='" + entries.get(0).entryUuid() + "']";
        assertThat(xml.text(l3 + "/@objectType")).isEqualTo(XdsVocabulary.STABLE_DOCUMENT);
        assertThat(xml.text(l3 + "/@status")).isEqualTo(XdsVocabulary.APPROVED);
        assertThat(xml.text(l3 + "/@home")).isEqualTo("urn:oid:" + CrossGatewayQueryEndpointTest.HOME);
        assertThat(xml.text(l3 + "/@mimeType")).isEqualTo("text/xml");
        assertThat(xml.text(l3 + "/rim:Slot[@name='creationTime']/rim:ValueList/rim:Value")).isEqualTo("20240301101530");
        assertThat(xml.text(l3 + "/rim:Slot[@name='size']/rim:ValueList/rim:Value")).isEqualTo("54321");
        assertThat(xml.text(l3 + "/rim:Slot[@name='sourcePatientId']/rim:ValueList/rim:Value"))
                .isEqualTo("248098765432109^^^&1.2.250.1.213.1.4.11&ISO");
        assertThat(xml.text(l3 + "/rim:Name/rim:LocalizedString/@value")).isEqualTo("Patient Summary");
        assertThat(xml.text(l3 + "/rim:Classification[@classificationScheme='" + XdsVocabulary.DOC_CLASS
                + "']/@nodeRepresentation")).isEqualTo("60591-5");
        assertThat(xml.text(l3 + "/rim:Classification[@classificationScheme='" + XdsVocabulary.DOC_FORMAT
                + "']/rim:Slot[@name='codingScheme']/rim:ValueList/rim:Value")).isEqualTo("eHDSI formatCodes");
        assertThat(xml.count(l3 + "/rim:Classification")).isEqualTo(6);
        assertThat(xml.text(l3 + "/rim:ExternalIdentifier[@identificationScheme='" + XdsVocabulary.DOC_UNIQUE_ID
                + "']/@value")).isEqualTo("1.2.250.1.999.1^PS.L3");
        assertThat(xml.text(l3 + "/rim:ExternalIdentifier[@identificationScheme='" + XdsVocabulary.DOC_PATIENT_ID
                + "']/@objectType")).isEqualTo(XdsVocabulary.EXTERNAL_IDENTIFIER);
        assertThat(xml.text("//rim:Association/@associationType")).isEqualTo(XdsVocabulary.XFRM);
        assertThat(xml.text("//rim:Association/@sourceObject")).isEqualTo(entries.get(1).entryUuid());
        assertThat(xml.text("//rim:Association/@targetObject")).isEqualTo(entries.get(0).entryUuid());
        assertThat(xml.text("//rim:Association/@id")).startsWith("urn:uuid:");
    }

    @Test
    void anObjectRefAnswerNamesTheEntriesOnly() {
        DocumentQuery objectRef = new DocumentQuery(CrossGatewayQueryEndpointTest.PATIENT,
                Set.of(DocumentClass.PATIENT_SUMMARY), List.of(), false);
        ReceivedXml xml = ReceivedXml.of(queryWriter.write(objectRef,
                new DocumentQueryOutcome.Found(CrossGatewayQueryEndpointTest.patientSummaryL3AndL1(), List.of(),
                        List.of())));

        assertThat(xml.count("//rim:ObjectRef")).isEqualTo(2);
        assertThat(xml.count("//rim:ExtrinsicObject | //rim:Association")).isZero();
    }

    /** A listed document not sent (its translation or the enforced eHDSI check refused it) is said, where it is. */
    @Test
    void aDocumentNotSentIsAnErrorLocatedAtItsUniqueIdBesideTheAnswer() {
        List<DocumentEntry> entries = CrossGatewayQueryEndpointTest.patientSummaryL3AndL1();
        BusinessRefusal refused = new BusinessRefusal(ExchangeError.ERROR_TRANSCODING_ERROR,
                "ePrescription (57833-6) not sent: the translated document does not pass the eHDSI EP_L3 validation");
        ReceivedXml xml = ReceivedXml.of(queryWriter.write(LEAF_CLASS, new DocumentQueryOutcome.Found(entries,
                List.of(), List.of(), List.of(new DocumentQueryOutcome.NotSent("1.2.250.1.999.2^EP.L3", refused)))));

        assertThat(xml.text("/query:AdhocQueryResponse/@status")).isEqualTo(XdsVocabulary.PARTIAL_SUCCESS);
        assertThat(xml.count("//rim:ExtrinsicObject")).isEqualTo(2);
        String error = "/query:AdhocQueryResponse/rs:RegistryErrorList/rs:RegistryError";
        assertThat(xml.count(error)).isEqualTo(1);
        assertThat(xml.text(error + "/@errorCode")).isEqualTo(ExchangeError.ERROR_TRANSCODING_ERROR.code());
        assertThat(xml.text(error + "/@location")).isEqualTo("1.2.250.1.999.2^EP.L3");
        assertThat(xml.text(error + "/@severity")).isEqualTo(XdsVocabulary.ERROR_SEVERITY);
        assertThat(xml.text(error + "/@codeContext")).contains("not sent").contains("EP_L3");
    }

    @Test
    void aRefusedQueryIsAFailureWithOneRegistryErrorAndAnEmptyList() {
        ReceivedXml xml = ReceivedXml.of(queryWriter.write(LEAF_CLASS, new DocumentQueryOutcome.Refused(NO_CONSENT)));

        assertThat(xml.text("/query:AdhocQueryResponse/@status")).isEqualTo(XdsVocabulary.FAILURE);
        String error = "/query:AdhocQueryResponse/rs:RegistryErrorList/rs:RegistryError";
        assertThat(xml.text(error + "/@errorCode")).isEqualTo("4701");
        assertThat(xml.text(error + "/@codeContext")).isEqualTo(ExchangeError.ERROR_NO_CONSENT.description());
        assertThat(xml.text(error + "/@severity")).isEqualTo(XdsVocabulary.ERROR_SEVERITY);
        assertThat(xml.count("/query:AdhocQueryResponse/rim:RegistryObjectList")).isEqualTo(1);
        assertThat(xml.count("/query:AdhocQueryResponse/rim:RegistryObjectList/*")).isZero();
    }

    @Test
    void aPartialRetrieveSendsTheDocumentAsAnMtomPartAndLocatesTheMissingOne() {
        byte[] cda = "<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8);
        RetrievedDocument found = new RetrievedDocument(new DocumentReference(Optional.empty(),
                "1.2.250.1.213.4.1.99.1", "1.2.250.1.999.1^PS.L3"), CrossGatewayQueryEndpointTest.HOME, "text/xml", cda);
        DocumentFailure missing = new DocumentFailure(new DocumentReference(Optional.empty(), "1.2.250.1.213.4.1.99.1",
                "1.2.250.1.999.1^EP.L3"), BusinessRefusal.of(ExchangeError.ERROR_GENERIC_DOCUMENT_MISSING));

        RetrieveReply reply = retrieveWriter.write(new RetrieveOutcome.Retrieved(List.of(found), List.of(missing)));
        ReceivedXml xml = ReceivedXml.of(reply.body());

        assertThat(reply.body().getPrefix()).isEqualTo("xds");
        assertThat(xml.text("//rs:RegistryResponse/@status")).isEqualTo(XdsVocabulary.PARTIAL_SUCCESS);
        assertThat(xml.text("//rs:RegistryError/@location")).isEqualTo("1.2.250.1.999.1^EP.L3");
        assertThat(xml.text("//rs:RegistryError/@errorCode")).isEqualTo("ERROR_GENERIC_DOCUMENT_MISSING");
        assertThat(xml.text("//xds:DocumentResponse/xds:HomeCommunityId"))
                .isEqualTo("urn:oid:" + CrossGatewayQueryEndpointTest.HOME);
        assertThat(xml.text("//xds:DocumentResponse/xds:DocumentUniqueId")).isEqualTo("1.2.250.1.999.1^PS.L3");
        assertThat(xml.text("//xds:DocumentResponse/xds:mimeType")).isEqualTo("text/xml");
        OutboundAttachment part = reply.attachments().get(0);
        assertThat(reply.attachments()).hasSize(1);
        assertThat(part.content()).isEqualTo(cda);
        assertThat(part.mimeType()).isEqualTo("text/xml");
        assertThat(xml.text("//xds:Document/xop:Include/@href"))
                .isEqualTo("cid:" + URLEncoder.encode(part.contentId(), StandardCharsets.UTF_8));
        assertThat(xml.text("//xds:Document")).as("never inline base64").isEmpty();
    }

    @Test
    void aRefusedRetrieveIsAFailureWithoutDocumentNorPart() {
        RetrieveReply reply = retrieveWriter.write(new RetrieveOutcome.Refused(NO_CONSENT));
        ReceivedXml xml = ReceivedXml.of(reply.body());

        assertThat(xml.text("//rs:RegistryResponse/@status")).isEqualTo(XdsVocabulary.FAILURE);
        assertThat(xml.text("//rs:RegistryError/@location")).isEmpty();
        assertThat(xml.count("//xds:DocumentResponse")).isZero();
        assertThat(reply.attachments()).isEmpty();
    }
}
