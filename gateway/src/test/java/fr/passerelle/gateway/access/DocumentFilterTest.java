package fr.passerelle.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.healthspace.Code;
import fr.passerelle.gateway.healthspace.Confidentiality;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentFilterTest {

    private final DocumentEntry plain = entry("1.2.3.1", Confidentiality.NORMAL);
    private final DocumentEntry masked = entry("1.2.3.2", Confidentiality.NORMAL, Confidentiality.MASQUE_PS);
    private final DocumentEntry hiddenFromPatient = entry("1.2.3.3", Confidentiality.INVISIBLE_PATIENT);

    @Test
    void maskedDocumentsAreNeverListedForTreatment() {
        var treatment = new AccessDecision.Granted(DecidingRule.CONSENT_COVERS_REQUEST, false);

        assertThat(DocumentFilter.visible(treatment, List.of(plain, masked, hiddenFromPatient)))
                .containsExactly(plain);
        assertThat(DocumentFilter.isVisible(treatment, masked)).isFalse();
    }

    @Test
    void maskedDocumentsShowInAnEmergencyThePatientAllowedThemIn() {
        var emergency = new AccessDecision.Granted(DecidingRule.CONSENT_COVERS_REQUEST, true);

        assertThat(DocumentFilter.visible(emergency, List.of(plain, masked, hiddenFromPatient)))
                .containsExactly(plain, masked);
    }

    private static DocumentEntry entry(String id, Code... confidentiality) {
        Code loinc = new Code("60591-5", "2.16.840.1.113883.6.1", "Patient summary");
        return new DocumentEntry(id, AccessFixtures.PATIENT, DocumentKind.PATIENT_SUMMARY, loinc, loinc,
                new Code("urn:asip:ci-sis:vsm:2012", "1.2.250.1.213.1.1.4.2.282", "VSM"), List.of(confidentiality),
                OffsetDateTime.parse("2026-01-01T10:00:00+01:00"), "Dr X", "VSM", "text/xml", "ab", 10, "fr-FR");
    }
}
