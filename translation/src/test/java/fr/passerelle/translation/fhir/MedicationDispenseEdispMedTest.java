package fr.passerelle.translation.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.TranslationOutcome;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.translation.cda.CdaReader;
import fr.passerelle.translation.cda.ClinicalEntry.DispensedLine;
import fr.passerelle.translation.cda.DocumentFormat;
import fr.passerelle.terminology.xml.HardenedXml;
import fr.passerelle.translation.cda.SectionKind;
import fr.passerelle.translation.schematron.Schematron;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * A MedicationDispense as HL7 Europe MPD carries it (the medication as a contained Medication, the prescription as a
 * MedicationRequest whose identifier is the prescribed line and whose groupIdentifier is the prescription document)
 * becomes the same French eDISP-MED as the XDR road's: linked to the line and to the prescription, and passing the
 * ANS eDISP-MED schematron with zero failed assertions.
 */
class MedicationDispenseEdispMedTest {

    private static final Path SCH = SharedSamples.FR_CDA_SCHEMATRONS.resolve("CI-SIS_eDISP-MED_2024.01.sch");
    private static final String PRESCRIPTION = "1.2.250.1.213.1.1.1.39.2024.1.1";
    private static final String LINE = "AADC9C14-F1CA-4177-B2C8-A5178D5B3CA0";

    private final DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());
    private final FhirContext context = FhirContext.forR4Cached();

    static Bundle mpdDispensation(MedicationDispense dispense) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:0b6f6c4e-2b53-4b1b-9d0e-1"));
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:oid:1.2.250.1.213.1.4.10").setValue("279035121518989");
        patient.addName().setFamily("PAT-TROIS").addGiven("DOMINIQUE");
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1979-03-28"));
        bundle.addEntry().setFullUrl("urn:uuid:11111111-1111-1111-1111-111111111111").setResource(patient);
        bundle.addEntry().setFullUrl("urn:uuid:22222222-2222-2222-2222-222222222222")
                .setResource(new Organization().setName("Apotheke zum Test"));
        MedicationRequest prescribed = new MedicationRequest();
        prescribed.addIdentifier().setValue(LINE);
        prescribed.setGroupIdentifier(new Identifier().setValue(PRESCRIPTION));
        bundle.addEntry().setFullUrl("urn:uuid:33333333-3333-3333-3333-333333333333").setResource(prescribed);
        dispense.setSubject(new Reference("urn:uuid:11111111-1111-1111-1111-111111111111"));
        bundle.addEntry().setFullUrl("urn:uuid:44444444-4444-4444-4444-444444444444").setResource(dispense);
        return bundle;
    }

    static MedicationDispense dispense() {
        MedicationDispense dispense = new MedicationDispense();
        dispense.addIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:0b6f6c4e-2b53-4b1b-9d0e-1");
        dispense.setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED);
        Medication medication = new Medication();
        medication.setId("med");
        medication.setCode(new CodeableConcept().setText("Paracetamol 500 mg tablets"));
        medication.getCode().addCoding().setSystem("http://www.whocc.no/atc").setCode("N02BE01").setDisplay("paracetamol");
        medication.setForm(new CodeableConcept()).getForm().addCoding().setSystem("http://standardterms.edqm.eu")
                .setCode("10219000").setDisplay("Tablet");
        dispense.addContained(medication);
        dispense.setMedication(new Reference("#med"));
        dispense.addAuthorizingPrescription(new Reference("urn:uuid:33333333-3333-3333-3333-333333333333"));
        dispense.getQuantity().setValue(1).setUnit("box").setSystem("http://unitsofmeasure.org").setCode("1");
        dispense.setWhenHandedOverElement(new DateTimeType("2023-12-02T10:15:00+02:00"));
        return dispense;
    }

    private TranslationOutcome translate(MedicationDispense dispense) {
        return translator.medicationDispenseToEdispMed(
                context.newJsonParser().encodeResourceToString(mpdDispensation(dispense)));
    }

    @Test
    void anMpdDispenseBecomesAnEdispMedLinkedToTheLineAndThePrescriptionThatPassesTheAnsSchematron() throws Exception {
        TranslationOutcome out = translate(dispense());
        assertThat(out).isInstanceOf(TranslationOutcome.Translated.class);
        String xml = ((TranslationOutcome.Translated) out).document();

        CdaDocument french = new CdaReader().read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(french.format()).isEqualTo(DocumentFormat.EDISP_MED);
        DispensedLine line = (DispensedLine) french.entries(SectionKind.DISPENSED).get(0);
        assertThat(line.prescriptionLineId()).isEqualTo(LINE);
        assertThat(line.product().atc().code()).isEqualTo("N02BE01");
        assertThat(line.product().doseForm().code()).isEqualTo("10219000");
        Element root = HardenedXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        assertThat(CdaNodes.attr(CdaNodes.path(root, "inFulfillmentOf", "order", "id"), "root")).isEqualTo(PRESCRIPTION);

        List<String> failures = Schematron.failedAssertions(SCH, xml);
        failures.forEach(f -> System.out.println("  " + f));
        assertThat(failures).isEmpty();
    }

    @Test
    void theSameDispenseGivesTheSameDocument() {
        String first = ((TranslationOutcome.Translated) translate(dispense())).document();
        String again = ((TranslationOutcome.Translated) translate(dispense())).document();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void aMedicationCodeGivenDirectlyIsAcceptedToo() {
        MedicationDispense dispense = dispense();
        dispense.getContained().clear();
        dispense.setMedication(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
                "http://www.whocc.no/atc", "N02BE01", "paracetamol")));
        TranslationOutcome out = translate(dispense);
        assertThat(out).isInstanceOf(TranslationOutcome.Translated.class);
    }

    @Test
    void aReferenceToAMedicationThatIsNotThereIsAMedicationWithoutCode() {
        MedicationDispense dispense = dispense();
        dispense.getContained().clear();
        TranslationOutcome out = translate(dispense);
        assertThat(out).isInstanceOf(TranslationOutcome.Rejected.class);
        assertThat(((TranslationOutcome.Rejected) out).failure()).isInstanceOf(TranslationFailure.MedicationWithoutCode.class);
    }

    @Test
    void aPrescriptionReferenceThatNamesNoLineIsRefused() {
        MedicationDispense dispense = dispense();
        dispense.getAuthorizingPrescription().clear();
        dispense.addAuthorizingPrescription(new Reference("MedicationRequest/unknown"));
        TranslationOutcome out = translate(dispense);
        assertThat(out).isInstanceOf(TranslationOutcome.Rejected.class);
        assertThat(((TranslationOutcome.Rejected) out).failure()).isInstanceOf(TranslationFailure.MissingMandatoryElement.class);
        assertThat(((TranslationOutcome.Rejected) out).failure().message()).contains("authorizingPrescription");
    }
}
