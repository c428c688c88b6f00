package fr.passerelle.gateway.xca;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.OutboundAttachment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.diff.ComparisonType;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.DifferenceEvaluators;

/**
 * The writers built on the generated protocol model answer what the hand-written DOM writers answered, for
 * representative answers: the same elements, attributes and values, in the same order. Only what is fresh per
 * message may differ — the random ids of classifications, identifiers and associations, and the MTOM Content-IDs —
 * and namespace prefixes (none does: both use query/rim/rs/xds/xop).
 */
class JaxbWritersMatchDomWritersTest {

    private static final DocumentQuery LEAF_CLASS = new DocumentQuery(CrossGatewayQueryEndpointTest.PATIENT,
            Set.of(DocumentClass.PATIENT_SUMMARY), List.of(), true);
    private static final DocumentQuery OBJECT_REF = new DocumentQuery(CrossGatewayQueryEndpointTest.PATIENT,
            Set.of(DocumentClass.PATIENT_SUMMARY), List.of(), false);
    private static final BusinessRefusal NO_CONSENT = new BusinessRefusal(ExchangeError.ERROR_NO_CONSENT, "");

    private final DomAdhocQueryResponseWriter oldQuery = new DomAdhocQueryResponseWriter();
    private final AdhocQueryResponseWriter newQuery = new AdhocQueryResponseWriter();
    private final DomRetrieveResponseWriter oldRetrieve = new DomRetrieveResponseWriter();
    private final RetrieveResponseWriter newRetrieve = new RetrieveResponseWriter();

    @Test
    void queryAnswersAreTheSame() {
        DocumentQueryOutcome twoEntries = new DocumentQueryOutcome.Found(
                CrossGatewayQueryEndpointTest.patientSummaryL3AndL1());
        for (DocumentQuery query : List.of(LEAF_CLASS, OBJECT_REF)) {
            assertSame(oldQuery.write(query, twoEntries), newQuery.write(query, twoEntries));
            assertSame(oldQuery.write(query, new DocumentQueryOutcome.Found(List.of())),
                    newQuery.write(query, new DocumentQueryOutcome.Found(List.of())));
        }
        assertSame(oldQuery.write(LEAF_CLASS, new DocumentQueryOutcome.Refused(NO_CONSENT)),
                newQuery.write(LEAF_CLASS, new DocumentQueryOutcome.Refused(NO_CONSENT)));
        BusinessRefusal unknownClass = new BusinessRefusal(ExchangeError.ERROR_GENERIC_SERVICE_SIGNIFIER_UNKNOWN,
                "France serves class codes 60591-5 and 57833-6 over XCA");
        assertSame(oldQuery.refused(unknownClass), newQuery.refused(unknownClass));
    }

    @Test
    void retrieveAnswersAreTheSameWithTheSameParts() {
        RetrievedDocument l3 = document("1.2.250.1.999.1^PS.L3", "text/xml", "<ClinicalDocument/>");
        RetrievedDocument l1 = document("1.2.250.1.999.1^PS.L1", "application/pdf", "%PDF-1.7");
        DocumentFailure missing = new DocumentFailure(new DocumentReference(Optional.empty(), "1.2.250.1.213.4.1.99.1",
                "1.2.250.1.999.1^EP.L3"), BusinessRefusal.of(ExchangeError.ERROR_GENERIC_DOCUMENT_MISSING));
        List<RetrieveOutcome> outcomes = List.of(
                new RetrieveOutcome.Retrieved(List.of(l3, l1), List.of()),
                new RetrieveOutcome.Retrieved(List.of(l3), List.of(missing)),
                new RetrieveOutcome.Retrieved(List.of(), List.of(missing, missing)),
                new RetrieveOutcome.Refused(NO_CONSENT));
        for (RetrieveOutcome outcome : outcomes) {
            RetrieveReply before = oldRetrieve.write(outcome);
            RetrieveReply after = newRetrieve.write(outcome);
            assertSame(before.body(), after.body());
            assertThat(after.attachments()).hasSameSizeAs(before.attachments());
            for (int i = 0; i < before.attachments().size(); i++) {
                OutboundAttachment was = before.attachments().get(i);
                OutboundAttachment is = after.attachments().get(i);
                assertThat(is.mimeType()).isEqualTo(was.mimeType());
                assertThat(is.content()).isEqualTo(was.content());
                assertThat(is.contentId()).endsWith("@passerelle");
            }
        }
        assertSame(oldRetrieve.refused(NO_CONSENT).body(), newRetrieve.refused(NO_CONSENT).body());
    }

    private static RetrievedDocument document(String uniqueId, String mimeType, String content) {
        return new RetrievedDocument(new DocumentReference(Optional.of("urn:oid:1.2.250.1.213.4.1.99"),
                "1.2.250.1.213.4.1.99.1", uniqueId), CrossGatewayQueryEndpointTest.HOME, mimeType,
                content.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertSame(Element before, Element after) {
        Diff diff = DiffBuilder.compare(before).withTest(after).checkForSimilar()
                .withDifferenceEvaluator(DifferenceEvaluators.chain(DifferenceEvaluators.Default,
                        (comparison, outcome) -> outcome == ComparisonResult.EQUAL
                                || comparison.getType() != ComparisonType.ATTR_VALUE
                                || !freshPerMessage(comparison.getControlDetails().getTarget(),
                                comparison.getTestDetails().getTarget())
                                ? outcome : ComparisonResult.SIMILAR))
                .build();
        assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
    }

    private static boolean freshPerMessage(Object control, Object test) {
        if (!(control instanceof Attr was) || !(test instanceof Attr is)) {
            return false;
        }
        String owner = was.getOwnerElement().getLocalName();
        return "id".equals(was.getName()) && Set.of("Classification", "ExternalIdentifier", "Association")
                .contains(owner) && was.getValue().startsWith("urn:uuid:") && is.getValue().startsWith("urn:uuid:")
                || "href".equals(was.getName()) && "Include".equals(owner) && is.getValue().startsWith("cid:");
    }
}
