package fr.passerelle.gateway.xca;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.OutboundAttachment;
import fr.passerelle.gateway.xdr.DispensationOutcome;
import fr.passerelle.gateway.xdr.WritersMatchBeforeXdr;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

/**
 * One-off proof (kept for one commit): the rewritten writers serialise exactly as the writers of main did, byte for
 * byte once the random UUIDs (ids, Content-IDs) are masked.
 */
class WritersMatchBeforeTest {

    private static final BusinessRefusal NO_CONSENT = BusinessRefusal.of(ExchangeError.ERROR_NO_CONSENT);
    private static final BusinessRefusal NOT_SERVED = new BusinessRefusal(ExchangeError.ERROR_GENERIC_DOCUMENT_MISSING,
            "class not served");

    @Test
    void queryAnswersAreTheSame() {
        AdhocQueryResponseWriter after = new AdhocQueryResponseWriter(ProtocolModel.XDS);
        BeforeAdhocQueryResponseWriter before = new BeforeAdhocQueryResponseWriter(ProtocolModel.XDS);
        List<DocumentEntry> entries = new java.util.ArrayList<>(CrossGatewayQueryEndpointTest.patientSummaryL3AndL1());
        DocumentEntry base = entries.get(0);
        entries.add(new DocumentEntry("urn:uuid:11111111-2222-3333-4444-555555555555", "1.2.250.1.999.2^1",
                base.repositoryUniqueId(), base.homeCommunityId(), base.patientId(), "ePrescription", "text/xml",
                new XdsCode("57833-6", "2.16.840.1.113883.6.1", "ePrescription"),
                new XdsCode("57833-6", "2.16.840.1.113883.6.1", "ePrescription"),
                new XdsCode("urn:epSOS:ep:pre:2010", "eHDSI formatCodes", "eHDSI coded ePrescription"),
                base.confidentialityCode(), base.healthcareFacilityTypeCode(), base.practiceSettingCode(),
                Instant.parse("2024-03-01T10:15:30Z"), "fr-FR", 10, "00", Optional.empty(),
                new PrescriptionItemMetadata(Optional.of("Marie DURAND"), Optional.of("Amlodipine 5 mg, Tablet"),
                        List.of(PrescriptionItemMetadata.OPEN, new XdsCode("C08CA01", "2.16.840.1.113883.6.73",
                                "amlodipine"))),
                Optional.of(Instant.parse("2024-02-01T08:00:00Z")), Optional.of(Instant.parse("2024-02-02T09:00:00Z"))));
        for (boolean leafClass : new boolean[] {true, false}) {
            DocumentQuery query = new DocumentQuery(CrossGatewayQueryEndpointTest.PATIENT,
                    Set.of(DocumentClass.PATIENT_SUMMARY), List.of(), leafClass);
            for (DocumentQueryOutcome outcome : List.of(new DocumentQueryOutcome.Found(entries),
                    new DocumentQueryOutcome.Found(List.of()),
                    new DocumentQueryOutcome.Found(entries, List.of(NO_CONSENT), List.of(NOT_SERVED)),
                    new DocumentQueryOutcome.Found(List.of(), List.of(), List.of(NOT_SERVED)),
                    new DocumentQueryOutcome.Refused(NO_CONSENT))) {
                assertThat(masked(after.write(query, outcome))).isEqualTo(masked(before.write(query, outcome)));
            }
        }
        assertThat(masked(after.refused(NO_CONSENT))).isEqualTo(masked(before.refused(NO_CONSENT)));
    }

    @Test
    void retrieveAnswersAreTheSame() {
        RetrieveResponseWriter after = new RetrieveResponseWriter(ProtocolModel.XDS);
        BeforeRetrieveResponseWriter before = new BeforeRetrieveResponseWriter(ProtocolModel.XDS);
        RetrievedDocument cda = new RetrievedDocument(new DocumentReference(Optional.empty(), "1.2.250.1.213.4.1.99.1",
                "1.2.250.1.999.1^PS.L3"), CrossGatewayQueryEndpointTest.HOME, "text/xml",
                "<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8));
        RetrievedDocument pdf = new RetrievedDocument(new DocumentReference(Optional.empty(), "1.2.250.1.213.4.1.99.1",
                "1.2.250.1.999.1^PS.L1"), CrossGatewayQueryEndpointTest.HOME, "application/pdf", new byte[200_000]);
        DocumentFailure missing = new DocumentFailure(new DocumentReference(Optional.empty(), "1.2.250.1.213.4.1.99.1",
                "1.2.250.1.999.1^EP.L3"), BusinessRefusal.of(ExchangeError.ERROR_GENERIC_DOCUMENT_MISSING));
        for (RetrieveOutcome outcome : List.of(new RetrieveOutcome.Retrieved(List.of(cda, pdf), List.of()),
                new RetrieveOutcome.Retrieved(List.of(cda), List.of(missing)),
                new RetrieveOutcome.Retrieved(List.of(), List.of(missing)),
                new RetrieveOutcome.Refused(NO_CONSENT))) {
            RetrieveReply was = before.write(outcome);
            RetrieveReply is = after.write(outcome);
            assertThat(masked(is.body())).isEqualTo(masked(was.body()));
            assertThat(is.attachments()).hasSameSizeAs(was.attachments());
            for (int i = 0; i < is.attachments().size(); i++) {
                OutboundAttachment a = is.attachments().get(i);
                OutboundAttachment b = was.attachments().get(i);
                assertThat(a.mimeType()).isEqualTo(b.mimeType());
                assertThat(a.content()).isSameAs(b.content());
                assertThat(masked(a.contentId())).isEqualTo(masked(b.contentId()));
            }
        }
    }

    @Test
    void xdrAnswersAreTheSame() {
        for (DispensationOutcome outcome : List.of(new DispensationOutcome.Stored(),
                new DispensationOutcome.Refused(NO_CONSENT))) {
            List<Node> pair = WritersMatchBeforeXdr.both(outcome);
            assertThat(masked(pair.get(1))).isEqualTo(masked(pair.get(0)));
        }
    }

    static String masked(Node node) {
        try {
            StringWriter out = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(node), new StreamResult(out));
            return masked(out.toString());
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    static String masked(String text) {
        return text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID");
    }
}
