package fr.passerelle.translation.fr;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.TranslationOutcome;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.translation.cda.CdaReader;
import fr.passerelle.translation.cda.ClinicalEntry.DispensedLine;
import fr.passerelle.translation.cda.ClinicalEntry.PrescriptionLine;
import fr.passerelle.translation.cda.DocumentFormat;
import fr.passerelle.terminology.xml.HardenedXml;
import fr.passerelle.translation.cda.SectionKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

public class EdispMedTest {

    private final DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());

    static byte[] ehdsiDispensation() throws Exception {
        try (InputStream in = EdispMedTest.class.getResourceAsStream("/ehdsi/eD-paracetamol.xml")) {
            return in.readAllBytes();
        }
    }

    @Test
    void anEhdsiDispensationBecomesAFrenchEdispMedLinkedToThePrescriptionLine() throws Exception {
        TranslationOutcome out = translator.toEdispMed(ehdsiDispensation());
        assertThat(out).isInstanceOf(TranslationOutcome.Translated.class);
        String xml = ((TranslationOutcome.Translated) out).document();

        // It reads back as an eDISP-MED with one dispensed line pointing at the eP sample's paracetamol line.
        CdaDocument french = new CdaReader().read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(french.format()).isEqualTo(DocumentFormat.EDISP_MED);
        assertThat(french.entries(SectionKind.DISPENSED)).hasSize(1);
        DispensedLine line = (DispensedLine) french.entries(SectionKind.DISPENSED).get(0);
        PrescriptionLine prescribed = (PrescriptionLine) new CdaReader().read(SharedSamples.bytes(SharedSamples.EP))
                .entries(SectionKind.PRESCRIPTIONS).get(0);
        assertThat(line.prescriptionLineId()).isEqualTo(prescribed.id());
        assertThat(line.product().atc().code()).isEqualTo("N02BE01");
        assertThat(line.product().doseForm().code()).isEqualTo("10219000");
        assertThat(line.quantity().value()).isEqualTo("1");

        Element root = HardenedXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        assertThat(CdaNodes.attr(CdaNodes.child(root, "code"), "code")).isEqualTo("60593-1");
        assertThat(CdaNodes.attr(CdaNodes.path(root, "inFulfillmentOf", "order", "id"), "root"))
                .isEqualTo("1.2.250.1.213.1.1.1.39.2024.1.1");
    }

    @Test
    void aDispensationThatDoesNotSayWhichLineItFulfilsIsRefused() throws Exception {
        String ed = new String(ehdsiDispensation(), StandardCharsets.UTF_8)
                .replace("<id root=\"AADC9C14-F1CA-4177-B2C8-A5178D5B3CA0\"/>", "");
        TranslationOutcome out = translator.toEdispMed(ed.getBytes(StandardCharsets.UTF_8));
        assertThat(out).isInstanceOf(TranslationOutcome.Rejected.class);
        assertThat(((TranslationOutcome.Rejected) out).failure()).isInstanceOf(TranslationFailure.MissingMandatoryElement.class);
        assertThat(((TranslationOutcome.Rejected) out).failure().xpath()).endsWith("/entry/supply");
    }

    @Test
    void aFrenchDocumentIsNotTakenForAnEhdsiDispensation() {
        TranslationOutcome out = translator.toEdispMed(SharedSamples.bytes(SharedSamples.EDISP));
        assertThat(out).isInstanceOf(TranslationOutcome.Rejected.class);
        assertThat(((TranslationOutcome.Rejected) out).failure()).isInstanceOf(TranslationFailure.UnknownFormat.class);
    }

    public static String fhirDispensation() throws Exception {
        try (InputStream in = EdispMedTest.class.getResourceAsStream("/fhir/MedicationDispense-paracetamol.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aFhirMedicationDispenseBecomesAFrenchEdispMedLinkedToThePrescriptionLine() throws Exception {
        TranslationOutcome out = translator.medicationDispenseToEdispMed(fhirDispensation());
        assertThat(out).isInstanceOf(TranslationOutcome.Translated.class);
        String xml = ((TranslationOutcome.Translated) out).document();

        CdaDocument french = new CdaReader().read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(french.format()).isEqualTo(DocumentFormat.EDISP_MED);
        DispensedLine line = (DispensedLine) french.entries(SectionKind.DISPENSED).get(0);
        assertThat(line.prescriptionLineId()).isEqualTo("AADC9C14-F1CA-4177-B2C8-A5178D5B3CA0");
        assertThat(line.product().atc().code()).isEqualTo("N02BE01");
        assertThat(line.product().doseForm().code()).isEqualTo("10219000");
        assertThat(line.substituted()).isTrue();
        assertThat(french.header().patient().ids()).anySatisfy(id -> assertThat(id.extension()).isEqualTo("279035121518989"));
    }

    @Test
    void aMedicationDispenseWithoutItsPrescriptionIsRefused() throws Exception {
        String json = fhirDispensation().replaceAll("\"authorizingPrescription\"[^\\]]*\\],", "");
        TranslationOutcome out = translator.medicationDispenseToEdispMed(json);
        assertThat(out).isInstanceOf(TranslationOutcome.Rejected.class);
        assertThat(((TranslationOutcome.Rejected) out).failure().xpath()).isEqualTo("MedicationDispense[1]");
    }
}
