package fr.passerelle.gateway.fhir.crossborder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.exchange.PrescriptionItemId;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.gateway.healthspace.Ins;
import org.junit.jupiter.api.Test;

/** Server ids are reversible without any stored mapping, and bad identifiers are a 400, not a 500. */
class FhirIdsTest {

    @Test
    void documentIdsRoundTripWithAndWithoutExtension() {
        assertThat(FhirIds.documentId("2.25.123456").map(FhirIds::uniqueIdOf)).contains("2.25.123456");
        assertThat(FhirIds.documentId("1.2.250.1.213^DOC42")).contains("1.2.250.1.213-DOC42");
        assertThat(FhirIds.uniqueIdOf("1.2.250.1.213-DOC42")).isEqualTo("1.2.250.1.213^DOC42");
        assertThat(FhirIds.documentId("F28128CA-1D38-11EC")).isEmpty();
    }

    @Test
    void prescriptionItemIdsCarryTheirPosition() {
        assertThat(FhirIds.item(FhirIds.itemId("1.2.250.1.213-DOC42", 3)))
                .contains(new FhirIds.Item("1.2.250.1.213-DOC42", 3));
        assertThat(FhirIds.item("2.25.1-m1")).isEmpty();
    }

    /** One item, one id: XCA's item document id (PrescriptionItemId), its DocumentReference and MedicationRequest. */
    @Test
    void prescriptionItemIdsAreTheExchangesItemIdsAndReadBack() {
        for (String french : new String[] {"2.25.123456", "1.2.250.1.213^DOC42"}) {
            PrescriptionItemId item = new PrescriptionItemId(french, 2);
            String id = FhirIds.pivotId(french, 2).orElseThrow();
            assertThat(id).isEqualTo(FhirIds.itemId(FhirIds.documentId(french).orElseThrow(), 2));
            assertThat(FhirIds.uniqueIdOf(id)).isEqualTo(item.xdsUniqueId());
            assertThat(PrescriptionItemId.parse(FhirIds.uniqueIdOf(id))).contains(item);
            assertThat(FhirIds.isDocumentId(id)).isTrue();
            assertThat(FhirIds.pivotId(french, 0)).isEqualTo(FhirIds.documentId(french));
        }
        assertThat(FhirIds.uniqueIdOf("1.2.250.1.213-DOC42-2")).isEqualTo("1.2.250.1.213^DOC42-2");
        // The item suffix must not push the id over what a Binary id can carry (64 with "cda-").
        String long58 = "1." + "2".repeat(56);
        assertThat(FhirIds.documentId(long58)).isPresent();
        assertThat(FhirIds.pivotId(long58, 12)).isEmpty();
    }

    @Test
    void onlyWhatADocumentIdCanBeIsReadAsOne() {
        assertThat(FhirIds.isDocumentId("1.2.250.1.213-DOC42")).isTrue();
        assertThat(FhirIds.isDocumentId("2.25.1")).isTrue();
        for (String bad : new String[] {"", "abc", "1.2..3", "1.2-", "1.2-a-b-c", "1.2-x y", "-1", "1.2^3",
                "1." + "2".repeat(60)}) {
            assertThat(FhirIds.isDocumentId(bad)).as(bad).isFalse();
        }
    }

    @Test
    void onlyInsSystemsAreAccepted() {
        assertThat(FhirIds.ins("urn:oid:1.2.250.1.213.1.4.10", "284056912304563"))
                .isEqualTo(new Ins(Ins.TEST_NIR, "284056912304563"));
        assertThatThrownBy(() -> FhirIds.ins("urn:oid:2.16.840.1.113883.2.4.6.3", "123"))
                .isInstanceOfSatisfying(FhirRefusal.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
        assertThatThrownBy(() -> FhirIds.ins("urn:oid:1.2.250.1.213.1.4.10", "12-3"))
                .isInstanceOfSatisfying(FhirRefusal.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }
}
