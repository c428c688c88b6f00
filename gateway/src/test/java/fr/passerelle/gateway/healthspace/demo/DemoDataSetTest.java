package fr.passerelle.gateway.healthspace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.FrenchPatient;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo data set as the issue promises it: synthetic patients, each with a PS and an eP, masking, no real identity. */
class DemoDataSetTest {

    /** Every trait of the ANS samples' patients (and relatives) that the re-identification must have removed. */
    private static final List<String> SAMPLE_IDENTITY = List.of(
            "279035121518989", "277076322082910", "1234567890121", "PAT-TROIS", "DOMINIQUE", "MARIE-LOUISE",
            "DECOURCY", "NESSI", "RUTH", "19790328", "19770714", "28/03/1979", "14/07/1977", "28 Juillet 1979",
            "14 Juillet 1977", "Breteuil", "0144534551", "0647151010", "0647150100", "DOMPREMY", "MAZOIRES",
            "dom.pat", "Sophie", "Jeanne");
    private static final Pattern EMBEDDED_PDF = Pattern.compile(
            "<value[^>]*mediaType=\"application/pdf\"[^>]*>\\s*([A-Za-z0-9+/=\\s]+)<");

    @DatabaseTest
    void everySyntheticPatientHasAPatientSummaryAndAnEPrescription(TestDatabase db) {
        var healthSpace = DemoData.seededHealthSpace(db);
        DemoDataSet manifest = DemoData.manifest();

        assertThat(manifest.patients()).hasSizeGreaterThanOrEqualTo(5);
        List<String> listing = new ArrayList<>();
        for (DemoDataSet.Patient patient : manifest.patients()) {
            Ins ins = DemoData.ins(patient);
            FrenchPatient found = healthSpace.findPatient(ins).orElseThrow();
            List<DocumentEntry> summaries = healthSpace.documents(ins, DocumentKind.PATIENT_SUMMARY);
            List<DocumentEntry> prescriptions = healthSpace.documents(ins, DocumentKind.EPRESCRIPTION);

            assertThat(ins.oid()).isEqualTo("1.2.250.1.213.1.4.10");
            assertThat(found.familyName()).isEqualTo(patient.familyName());
            assertThat(summaries).as("patient summary of %s", patient.key()).isNotEmpty();
            assertThat(prescriptions).as("ePrescription of %s", patient.key()).isNotEmpty();
            assertThat(summaries).allSatisfy(entry -> assertThat(entry.classCode().code()).isEqualTo("60591-5"));
            assertThat(prescriptions).allSatisfy(entry -> assertThat(entry.classCode().code()).isEqualTo("57833-6"));
            assertThat(healthSpace.retrieve(summaries.get(0).uniqueId())).isPresent();
            assertThat(healthSpace.retrieve(prescriptions.get(0).uniqueId())).isPresent();
            listing.add(patient.key() + ": " + summaries.size() + " PS, " + prescriptions.size() + " eP");
        }
        assertThat(listing).hasSize(manifest.patients().size());
    }

    @DatabaseTest
    void maskedDocumentsAreFlaggedMaskedAndOthersAreNot(TestDatabase db) {
        var healthSpace = DemoData.seededHealthSpace(db);
        Ins lambertin = DemoData.ins(DemoData.patient("lambertin"));
        Ins rochefort = DemoData.ins(DemoData.patient("rochefort"));
        Ins martinLea = DemoData.ins(DemoData.patient("martin-lea"));

        List<DocumentEntry> lambertinSummaries = healthSpace.documents(lambertin, DocumentKind.PATIENT_SUMMARY);
        assertThat(lambertinSummaries).extracting(DocumentEntry::masked).containsExactly(false, true);
        assertThat(healthSpace.documents(rochefort, DocumentKind.EPRESCRIPTION))
                .filteredOn(DocumentEntry::masked).hasSize(1);
        DocumentEntry invisibleToRepresentatives = healthSpace.documents(martinLea, DocumentKind.PATIENT_SUMMARY).get(0);
        assertThat(invisibleToRepresentatives.masked()).isFalse();
        assertThat(invisibleToRepresentatives.invisibleToLegalRepresentatives()).isTrue();
        assertThat(healthSpace.retrieve(lambertinSummaries.get(1).uniqueId()).orElseThrow().entry().masked()).isTrue();
    }

    @DatabaseTest
    void theOriginalClinicalDocumentsAreSeededUnderTheirKindsAndTheMaskedOneIsFlagged(TestDatabase db) {
        var healthSpace = DemoData.seededHealthSpace(db);
        Ins berthelot = DemoData.ins(DemoData.patient("berthelot"));
        Ins lambertin = DemoData.ins(DemoData.patient("lambertin"));

        assertThat(healthSpace.documents(berthelot, DocumentKind.LABORATORY_RESULT)).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.classCode().code()).isEqualTo("11502-2");
                    assertThat(entry.typeCode().code()).isEqualTo("11502-2");
                    assertThat(entry.formatCode().code()).isEqualTo("urn:ihe:lab:xd-lab:2008");
                    assertThat(entry.masked()).isFalse();
                });
        assertThat(healthSpace.documents(berthelot, DocumentKind.MEDICAL_IMAGING_REPORT)).singleElement()
                .satisfies(entry -> assertThat(entry.classCode().code()).isEqualTo("18748-4"));
        assertThat(healthSpace.documents(lambertin, DocumentKind.HOSPITAL_DISCHARGE_REPORT)).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.classCode().code()).isEqualTo("34105-7");
                    // The DMP files an LDL-SES under its own LOINC type, 11490-0.
                    assertThat(entry.typeCode().code()).isEqualTo("11490-0");
                    assertThat(entry.masked()).isTrue();
                });
        assertThat(healthSpace.documents(berthelot, DocumentKind.HOSPITAL_DISCHARGE_REPORT)).isEmpty();
    }

    @Test
    void noIdentityOfTheAnsSamplesRemainsInAnyDemoDocumentNorInItsEmbeddedPdfs() {
        for (DemoDataSet.Patient patient : DemoData.manifest().patients()) {
            for (DemoDataSet.Document document : patient.documents()) {
                String xml = new String(DemoData.document(document.file()), StandardCharsets.UTF_8);
                List<String> texts = new ArrayList<>(List.of(xml));
                Matcher pdfs = EMBEDDED_PDF.matcher(xml);
                int pdfCount = 0;
                while (pdfs.find()) {
                    byte[] pdf = Base64.getMimeDecoder().decode(pdfs.group(1).strip());
                    String pdfText = new String(pdf, StandardCharsets.ISO_8859_1);
                    assertThat(pdfText).as("embedded PDF of %s is a synthetic rendering", document.file())
                            .contains("Passerelle - document de démonstration").contains(patient.insValue());
                    texts.add(pdfText);
                    pdfCount++;
                }
                if (document.sample() == FrenchSample.IPS_FR) {
                    assertThat(pdfCount).as("IPS-FR keeps its embedded PDFs").isEqualTo(3);
                }
                for (String text : texts) {
                    String upper = text.toUpperCase(Locale.ROOT);
                    for (String trait : SAMPLE_IDENTITY) {
                        assertThat(upper).as("%s must not contain %s", document.file(), trait)
                                .doesNotContain(trait.toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
    }

    @Test
    void eachDocumentNamesItsSyntheticPatientConsistently() {
        CdaHeaderReader reader = new CdaHeaderReader();
        for (DemoDataSet.Patient patient : DemoData.manifest().patients()) {
            for (DemoDataSet.Document document : patient.documents()) {
                byte[] bytes = DemoData.document(document.file());
                String xml = new String(bytes, StandardCharsets.UTF_8);
                CdaHeader header = reader.read(bytes);

                assertThat(header.patientInsOid()).isEqualTo(Ins.TEST_NIR);
                assertThat(header.patientInsValue()).isEqualTo(patient.insValue());
                assertThat(header.effectiveTime()).isEqualTo(document.creationTime());
                assertThat(header.uniqueId()).startsWith("2.25.");
                assertThat(xml).contains("<family qualifier=\"BR\">" + patient.familyName() + "</family>")
                        .contains("<birthTime value=\"" + patient.birthDate().toString().replace("-", "") + "\"/>")
                        .contains("mailto:" + patient.insValue() + "@patient.mssante.fr")
                        .contains("<city>" + patient.address().city() + "</city>");
            }
        }
    }
}
