package fr.passerelle.gateway.patient;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.audit.AuditOutcome;
import fr.passerelle.gateway.audit.AuditRecord;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The access history names the original clinical documents in the patient's words, alone or with the others. */
class AccessNarrativeTest {

    private static AuditRecord record(CrossBorderTransaction transaction, Set<DocumentKind> kinds) {
        return new AuditRecord(1, Instant.parse("2026-03-12T13:05:00Z"), transaction, "ES", "ncp-es", "ES-1", "2211",
                "l'Hôpital X", Optional.of(PurposeOfUse.TREATMENT), Optional.of(new Ins(Ins.TEST_NIR,
                "284056912304563")), kinds, List.of("1.2.3"), AuditOutcome.SUCCESS, "CONSENT_COVERS_REQUEST", "",
                "m", List.of(), "0", "1");
    }

    @Test
    void aRetrievedLaboratoryReportIsNamedAsSuch() {
        AuditRecord lab = record(CrossBorderTransaction.DOCUMENT_RETRIEVE, Set.of(DocumentKind.LABORATORY_RESULT));

        assertThat(AccessNarrative.tell(lab, PatientLanguage.FR)).isEqualTo("Le 12 mars 2026 à 14:05, un médecin "
                + "généraliste de l'Hôpital X en Espagne a consulté votre compte rendu d'analyses de biologie pour "
                + "des soins.");
        assertThat(AccessNarrative.tell(lab, PatientLanguage.EN)).isEqualTo("On 12 March 2026 at 14:05 a general "
                + "practitioner of l'Hôpital X in Spain viewed your laboratory report for treatment.");
    }

    @Test
    void aListingOfEveryKindNamesEachOnceInAPlainList() {
        AuditRecord all = record(CrossBorderTransaction.DOCUMENT_LIST, Set.of(DocumentKind.PATIENT_SUMMARY,
                DocumentKind.EPRESCRIPTION, DocumentKind.LABORATORY_RESULT, DocumentKind.MEDICAL_IMAGING_REPORT,
                DocumentKind.HOSPITAL_DISCHARGE_REPORT));

        assertThat(AccessNarrative.tell(all, PatientLanguage.FR)).contains("a consulté la liste de vos synthèses "
                + "médicales et ordonnances électroniques, vos comptes rendus d'analyses de biologie, vos comptes "
                + "rendus d'imagerie et vos lettres de sortie d'hospitalisation pour des soins.");
        assertThat(AccessNarrative.tell(all, PatientLanguage.EN)).contains("viewed the list of your Patient Summary "
                + "and ePrescriptions, your laboratory reports, your imaging reports and your hospital discharge "
                + "letters for treatment.");
    }

    @Test
    void aDischargeLetterAloneIsNotCalledAPatientSummary() {
        AuditRecord letter = record(CrossBorderTransaction.DOCUMENT_RETRIEVE,
                Set.of(DocumentKind.HOSPITAL_DISCHARGE_REPORT));

        assertThat(AccessNarrative.tell(letter, PatientLanguage.FR))
                .contains("a consulté votre lettre de sortie d'hospitalisation").doesNotContain("synthèse");
        assertThat(AccessNarrative.tell(letter, PatientLanguage.EN))
                .contains("viewed your hospital discharge letter").doesNotContain("Patient Summary");
    }
}
