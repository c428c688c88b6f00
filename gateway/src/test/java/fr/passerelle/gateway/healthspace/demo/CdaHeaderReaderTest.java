package fr.passerelle.gateway.healthspace.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class CdaHeaderReaderTest {

    private final CdaHeaderReader reader = new CdaHeaderReader();

    @Test
    void readsTheHeaderAndTheTopLevelPrescriptionItemsOfAnEPrescription() {
        CdaHeader header = reader.read(DemoData.document("lefevre-ep.xml"));

        assertThat(header.uniqueId()).startsWith("2.25.");
        assertThat(header.patientInsValue()).isEqualTo("101085935020352");
        assertThat(header.title()).startsWith("Prescription de médicaments");
        assertThat(header.languageCode()).isEqualTo("fr-FR");
        assertThat(header.confidentialityCode()).isEqualTo("N");
        assertThat(header.author()).isNotBlank();
        assertThat(header.prescriptionLineIds()).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void readsTheServicePeriodFromTheServiceEventElseFromTheEncounter() {
        CdaHeader lab = reader.read(DemoData.document("berthelot-cr-bio.xml"));
        CdaHeader letter = reader.read(DemoData.document("lambertin-ldl-ses.xml"));
        CdaHeader summary = reader.read(DemoData.document("lambertin-ps-vsm.xml"));

        // CR-BIO: the serviceEvent's (request received, final report released), not the encounter's.
        assertThat(lab.service().start()).contains(OffsetDateTime.parse("2021-01-04T09:22:00+01:00"));
        assertThat(lab.service().stop()).contains(OffsetDateTime.parse("2021-01-04T16:05:00+01:00"));
        // LDL-SES has no serviceEvent: the stay (encompassingEncounter).
        assertThat(letter.service().start()).contains(OffsetDateTime.parse("2019-10-29T11:17:00+01:00"));
        assertThat(letter.service().stop()).contains(OffsetDateTime.parse("2019-12-03T13:30:00+01:00"));
        // VSM: a serviceEvent with its start only; the end is not taken from elsewhere.
        assertThat(summary.service().start()).contains(OffsetDateTime.parse("2020-03-12T11:17:00+01:00"));
        assertThat(summary.service().stop()).isEmpty();
    }

    @Test
    void readsHl7TimestampsWithAndWithoutZone() {
        assertThat(CdaHeaderReader.parseTimestamp("20240402111700+0100"))
                .isEqualTo(OffsetDateTime.parse("2024-04-02T11:17:00+01:00"));
        assertThat(CdaHeaderReader.parseTimestamp("20240402")).isEqualTo(OffsetDateTime.parse("2024-04-02T00:00:00Z"));
        assertThat(CdaHeaderReader.parseTimestamp("202404021117-0500"))
                .isEqualTo(OffsetDateTime.parse("2024-04-02T11:17:00-05:00"));
    }

    @Test
    void refusesDocumentTypeDeclarationsAndIncompleteHeaders() {
        String withEntity = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>&e;</title></ClinicalDocument>";
        String noPatient = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><id root=\"1.2\"/>"
                + "<effectiveTime value=\"20240101\"/></ClinicalDocument>";

        assertThatThrownBy(() -> reader.read(withEntity.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a DOCTYPE is not allowed")
                .hasMessageNotContaining("root:");
        assertThatThrownBy(() -> reader.read(noPatient.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INS");
    }
}
