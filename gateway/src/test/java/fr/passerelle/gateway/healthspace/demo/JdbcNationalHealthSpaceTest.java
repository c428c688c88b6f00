package fr.passerelle.gateway.healthspace.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.healthspace.AdministrativeGender;
import fr.passerelle.gateway.healthspace.DispensationReceipt;
import fr.passerelle.gateway.healthspace.DispensationRefusedException;
import fr.passerelle.gateway.healthspace.DispensationRefusedException.Reason;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.FrenchDispensation;
import fr.passerelle.gateway.healthspace.FrenchPatient;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.PatientControls;
import fr.passerelle.gateway.healthspace.PatientSearch;
import fr.passerelle.gateway.healthspace.PrescriptionLine;
import fr.passerelle.gateway.healthspace.StoredDocument;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The JDBC health space on both engines: the same tests run on H2 and PostgreSQL. */
class JdbcNationalHealthSpaceTest {

    private static final Ins UNKNOWN = new Ins(Ins.TEST_NIR, "299999999999999");

    @DatabaseTest
    void seedingTwiceChangesNothing(TestDatabase db) {
        DemoData.seededHealthSpace(db);
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        long patients = count(jdbc, "hs_patient");
        long documents = count(jdbc, "hs_document");
        long lines = count(jdbc, "hs_prescription_line");

        boolean loadedAgain = new DemoHealthSpaceSeeder(db.dataSource(),
                DemoDataResources.directory(DemoData.DIRECTORY), DemoData.CLOCK).seed();

        assertThat(loadedAgain).isFalse();
        assertThat(patients).isEqualTo(DemoData.manifest().patients().size());
        assertThat(documents).isEqualTo(DemoData.manifest().patients().stream()
                .mapToLong(p -> p.documents().size()).sum());
        assertThat(count(jdbc, "hs_patient")).isEqualTo(patients);
        assertThat(count(jdbc, "hs_document")).isEqualTo(documents);
        assertThat(count(jdbc, "hs_prescription_line")).isEqualTo(lines).isPositive();
    }

    @DatabaseTest
    void findsAPatientByInsWithTheIdentityTraits(TestDatabase db) {
        var healthSpace = DemoData.seededHealthSpace(db);

        FrenchPatient patient = healthSpace.findPatient(new Ins(Ins.TEST_NIR, "101085935020352")).orElseThrow();

        assertThat(patient.familyName()).isEqualTo("LEFEVRE");
        assertThat(patient.givenNames()).containsExactly("MATHIS", "LOUIS");
        assertThat(patient.birthDate()).isEqualTo(LocalDate.of(2001, 8, 19));
        assertThat(patient.gender()).isEqualTo(AdministrativeGender.MALE);
        assertThat(patient.birthPlace()).isEqualTo("59350");
        assertThat(patient.address().city()).isEqualTo("LILLE");
        assertThat(healthSpace.findPatient(UNKNOWN)).isEmpty();
        assertThat(healthSpace.findPatient(new Ins(Ins.NIR, "101085935020352")))
                .as("the same matricule under another INS authority is another identifier").isEmpty();
    }

    @DatabaseTest
    void demographicSearchIgnoresCaseAndAccentsAndMatchesAnyGivenName(TestDatabase db) {
        var healthSpace = DemoData.seededHealthSpace(db);

        assertThat(healthSpace.findPatients(new PatientSearch("Lefèvre", null, null, null)))
                .extracting(p -> p.ins().value()).containsExactly("101085935020352");
        assertThat(healthSpace.findPatients(new PatientSearch("martin", null, null, null))).hasSize(2);
        assertThat(healthSpace.findPatients(new PatientSearch("Martin", "Manon", null, null)))
                .extracting(FrenchPatient::givenNames).containsExactly(List.of("LEA", "MANON"));
        assertThat(healthSpace.findPatients(new PatientSearch("MARTIN", null, LocalDate.of(1938, 1, 9),
                AdministrativeGender.FEMALE))).extracting(p -> p.ins().value()).containsExactly("238016311300935");
        assertThat(healthSpace.findPatients(new PatientSearch("MARTIN", null, LocalDate.of(1938, 1, 9),
                AdministrativeGender.MALE))).isEmpty();
        assertThat(healthSpace.findPatients(new PatientSearch("Anaïs", null, null, null)))
                .as("a given name is not a family name").isEmpty();
        assertThat(healthSpace.findPatients(new PatientSearch(null, null, LocalDate.of(1990, 2, 27), null)))
                .extracting(FrenchPatient::familyName).containsExactly("ROCHEFORT");
    }

    @DatabaseTest
    void documentsCarryXdsMetadataNewestFirstAndRetrieveGivesTheExactBytes(TestDatabase db) throws Exception {
        var healthSpace = DemoData.seededHealthSpace(db);
        Ins lambertin = DemoData.ins(DemoData.patient("lambertin"));

        List<DocumentEntry> summaries = healthSpace.documents(lambertin, DocumentKind.PATIENT_SUMMARY);

        assertThat(summaries).hasSize(2);
        assertThat(summaries.get(0).creationTime()).isAfter(summaries.get(1).creationTime());
        DocumentEntry entry = summaries.get(0);
        assertThat(entry.patient()).isEqualTo(lambertin);
        assertThat(entry.kind()).isEqualTo(DocumentKind.PATIENT_SUMMARY);
        assertThat(entry.classCode().code()).isEqualTo("60591-5");
        assertThat(entry.typeCode().code()).isEqualTo("SYNTH");
        assertThat(entry.formatCode().code()).isEqualTo("urn:asip:ci-sis:vsm:2012");
        assertThat(entry.creationTime()).isEqualTo(OffsetDateTime.parse("2025-09-20T08:05:00Z"));
        assertThat(entry.mimeType()).isEqualTo("text/xml");
        assertThat(entry.languageCode()).isEqualTo("fr-FR");
        assertThat(entry.author()).isNotBlank();
        assertThat(entry.title()).isEqualTo("Synthèse Médicale");
        assertThat(entry.confidentiality()).extracting(c -> c.code()).containsExactly("N");

        StoredDocument stored = healthSpace.retrieve(entry.uniqueId()).orElseThrow();
        byte[] file = DemoData.document("lambertin-ps-vsm.xml");
        assertThat(stored.content()).isEqualTo(file);
        assertThat(stored.entry()).isEqualTo(entry);
        assertThat(entry.size()).isEqualTo(file.length);
        assertThat(entry.sha1()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(file)));
        assertThat(healthSpace.retrieve("2.25.1")).isEmpty();
        assertThat(healthSpace.documents(UNKNOWN, DocumentKind.PATIENT_SUMMARY)).isEmpty();
    }

    @DatabaseTest
    void largeDocumentsRoundTripThroughTheBinaryColumn(TestDatabase db) {
        var healthSpace = DemoData.seededHealthSpace(db);
        Ins berthelot = DemoData.ins(DemoData.patient("berthelot"));

        DocumentEntry ips = healthSpace.documents(berthelot, DocumentKind.PATIENT_SUMMARY).get(0);
        byte[] content = healthSpace.retrieve(ips.uniqueId()).orElseThrow().content();

        assertThat(ips.formatCode().code()).isEqualTo("urn:ihe:pcc:ips:2020");
        assertThat(content).isEqualTo(DemoData.document("berthelot-ps-ips.xml"));
        assertThat(new String(content, StandardCharsets.UTF_8)).contains("application/pdf");
    }

    @DatabaseTest
    void controlsArePerPatientAndNeutralForOthers(TestDatabase db) {
        var healthSpace = DemoData.seededHealthSpace(db);

        PatientControls lefevre = healthSpace.controls(DemoData.ins(DemoData.patient("lefevre")));
        PatientControls rochefort = healthSpace.controls(DemoData.ins(DemoData.patient("rochefort")));
        PatientControls lambertin = healthSpace.controls(DemoData.ins(DemoData.patient("lambertin")));

        assertThat(lefevre.blockedProfessionals()).isEqualTo(Set.of("1.2.250.1.71.4.2.1^801234567897",
                "2.16.17.710.850.1000.990.1^HCP-BE-0042"));
        assertThat(lefevre.blocks("1.2.250.1.71.4.2.1^801234567897")).isTrue();
        assertThat(lefevre.opposesEmergencyAccess()).isFalse();
        assertThat(rochefort.opposesEmergencyAccess()).isTrue();
        assertThat(rochefort.blockedProfessionals()).isEmpty();
        assertThat(lambertin.maskedVisibleInEmergency()).isTrue();
        assertThat(healthSpace.controls(UNKNOWN)).isEqualTo(PatientControls.NONE);
    }

    @DatabaseTest
    void dispensationIsIdempotentOnItsIdAndMarksTheLineDispensed(TestDatabase db) {
        var healthSpace = DemoData.seededHealthSpace(db);
        Ins patient = DemoData.ins(DemoData.patient("martin-odile"));
        String prescription = healthSpace.documents(patient, DocumentKind.EPRESCRIPTION).get(0).uniqueId();
        List<PrescriptionLine> lines = healthSpace.prescriptionLines(prescription);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2).noneMatch(PrescriptionLine::dispensed);
        String line = lines.get(0).lineId();
        FrenchDispensation dispensation = new FrenchDispensation("2.25.4242^disp-1", prescription, line,
                OffsetDateTime.parse("2026-01-15T09:30:00+01:00"), "Apotheek De Vos, Gent",
                "<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8));

        DispensationReceipt first = healthSpace.submitDispensation(patient, dispensation);
        DispensationReceipt again = healthSpace.submitDispensation(patient, dispensation);

        assertThat(first.duplicate()).isFalse();
        assertThat(first.recordedAt()).isEqualTo(DemoData.CLOCK.instant().atOffset(java.time.ZoneOffset.UTC));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.recordedAt()).isEqualTo(first.recordedAt());
        assertThat(healthSpace.prescriptionLines(prescription))
                .extracting(PrescriptionLine::lineId, PrescriptionLine::dispensationId)
                .startsWith(org.assertj.core.groups.Tuple.tuple(line, "2.25.4242^disp-1"));
        assertThat(healthSpace.prescriptionLines(prescription).subList(1, lines.size()))
                .noneMatch(PrescriptionLine::dispensed);
        assertThat(JdbcClient.create(db.dataSource()).sql("SELECT COUNT(*) FROM hs_dispensation WHERE dispensation_id = ?")
                .param("2.25.4242^disp-1").query(Long.class).single()).isEqualTo(1);

        assertRefused(() -> healthSpace.submitDispensation(patient, new FrenchDispensation("2.25.4242^disp-2",
                prescription, line, OffsetDateTime.parse("2026-01-15T10:00:00+01:00"), null, null)),
                Reason.ALREADY_DISPENSED);
        assertRefused(() -> healthSpace.submitDispensation(patient, new FrenchDispensation("2.25.4242^disp-1",
                prescription, lines.get(1).lineId(), OffsetDateTime.parse("2026-01-15T10:00:00+01:00"), null, null)),
                Reason.CONFLICTING_RESUBMISSION);
    }

    @DatabaseTest
    void dispensationOfAnUnknownOrForeignPrescriptionIsRefused(TestDatabase db) {
        var healthSpace = DemoData.seededHealthSpace(db);
        Ins patient = DemoData.ins(DemoData.patient("lefevre"));
        Ins other = DemoData.ins(DemoData.patient("berthelot"));
        String prescription = healthSpace.documents(patient, DocumentKind.EPRESCRIPTION).get(0).uniqueId();
        String summary = healthSpace.documents(patient, DocumentKind.PATIENT_SUMMARY).get(0).uniqueId();
        String line = healthSpace.prescriptionLines(prescription).get(0).lineId();
        OffsetDateTime when = OffsetDateTime.parse("2026-01-15T09:30:00+01:00");

        assertRefused(() -> healthSpace.submitDispensation(patient,
                new FrenchDispensation("d-unknown", "2.25.1", line, when, null, null)), Reason.UNKNOWN_PRESCRIPTION);
        assertRefused(() -> healthSpace.submitDispensation(patient,
                new FrenchDispensation("d-summary", summary, line, when, null, null)), Reason.UNKNOWN_PRESCRIPTION);
        assertRefused(() -> healthSpace.submitDispensation(other,
                new FrenchDispensation("d-other", prescription, line, when, null, null)), Reason.OTHER_PATIENT);
        assertRefused(() -> healthSpace.submitDispensation(patient,
                new FrenchDispensation("d-line", prescription, "no-such-line", when, null, null)), Reason.UNKNOWN_LINE);
        assertThat(healthSpace.prescriptionLines(prescription)).noneMatch(PrescriptionLine::dispensed);
        assertThat(healthSpace.prescriptionLines(summary)).as("a patient summary has no prescription lines").isEmpty();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DispensationRefusedException.class,
                refused -> assertThat(refused.reason()).isEqualTo(reason));
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
