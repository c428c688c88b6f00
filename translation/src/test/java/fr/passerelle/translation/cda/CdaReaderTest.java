package fr.passerelle.translation.cda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.cda.ClinicalEntry.Allergy;
import fr.passerelle.translation.cda.ClinicalEntry.MedicationStatement;
import fr.passerelle.translation.cda.ClinicalEntry.PrescriptionLine;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CdaReaderTest {

    private final CdaReader reader = new CdaReader();

    @Test
    void readsTheVsmSampleIntoTheModel() throws Exception {
        CdaDocument doc = reader.read(SharedSamples.bytes(SharedSamples.VSM));

        assertThat(doc.format()).isEqualTo(DocumentFormat.VSM);
        assertThat(doc.header().patient().family()).isEqualTo("PAT-TROIS");
        assertThat(doc.header().patient().gender().code()).isEqualTo("F");
        assertThat(doc.header().author().person().profession().code()).isEqualTo("G15_10/SM26");
        assertThat(doc.entries(SectionKind.ALLERGIES)).hasSize(1);
        Allergy allergy = (Allergy) doc.entries(SectionKind.ALLERGIES).get(0);
        assertThat(allergy.agent().code()).isEqualTo("60234100");
        assertThat(allergy.agent().codeSystem()).isEqualTo("1.2.250.1.213.2.3.1");
        assertThat(allergy.agent().source().xpath()).endsWith("/participant/participantRole/playingEntity/code");
        assertThat(doc.entries(SectionKind.MEDICATIONS)).hasSize(2);
        MedicationStatement plavix = (MedicationStatement) doc.entries(SectionKind.MEDICATIONS).get(0);
        assertThat(plavix.product().code().code()).isEqualTo("63564053");
        assertThat(plavix.product().code().inSystem("1.2.250.1.213.2.3.2").code()).isEqualTo("3400938022209");
        assertThat(plavix.dosages().get(0).period().unit()).isEqualTo("d");
        assertThat(doc.entries(SectionKind.PROBLEMS)).hasSize(2);
        assertThat(doc.pdf()).isEmpty();
    }

    @Test
    void keepsTheEmbeddedPdfOfTheIpsFrSampleEncoded() throws Exception {
        CdaDocument doc = reader.read(SharedSamples.bytes(SharedSamples.IPS_FR));

        assertThat(doc.format()).isEqualTo(DocumentFormat.IPS_FR);
        assertThat(doc.pdf()).isPresent();
        String b64 = doc.pdf().get().base64();
        byte[] pdf = Base64.getMimeDecoder().decode(b64);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(doc.entries(SectionKind.IMMUNIZATIONS)).hasSize(2);
        assertThat(doc.entries(SectionKind.DEVICES)).hasSize(2);
    }

    @Test
    void readsThePrescriptionLinesOfTheEpSample() throws Exception {
        CdaDocument doc = reader.read(SharedSamples.bytes(SharedSamples.EP));

        assertThat(doc.format()).isEqualTo(DocumentFormat.EP_MED_DM);
        assertThat(doc.entries(SectionKind.PRESCRIPTIONS)).hasSize(2);
        PrescriptionLine paracetamol = (PrescriptionLine) doc.entries(SectionKind.PRESCRIPTIONS).get(0);
        assertThat(paracetamol.product().code().code()).isEqualTo("63107752");
        assertThat(paracetamol.product().atc().code()).isEqualTo("N02BE01");
        assertThat(paracetamol.product().doseForm().code()).isEqualTo("10219000");
        assertThat(paracetamol.product().ingredients().get(0).strengthNumerator().value()).isEqualTo("500");
        assertThat(paracetamol.repeats()).isEqualTo(3);
        assertThat(paracetamol.substitutionAllowed()).isFalse();
        assertThat(paracetamol.dosages()).hasSizeGreaterThan(1);
        // The second line is a compounded ointment: no product code, described by the prescriber and its dose form.
        PrescriptionLine ointment = (PrescriptionLine) doc.entries(SectionKind.PRESCRIPTIONS).get(1);
        assertThat(ointment.product().code()).isNull();
        assertThat(ointment.product().doseForm().code()).isEqualTo("50015000");
        assertThat(ointment.product().name()).isNotBlank();
    }

    @Test
    void refusesXmlThatIsNotWellFormedNamingTheLine() {
        byte[] broken = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">\n<title>x</titel>".getBytes(StandardCharsets.UTF_8);
        TranslationFailure failure = failure(broken);
        assertThat(failure).isInstanceOf(TranslationFailure.NotWellFormed.class);
        assertThat(((TranslationFailure.NotWellFormed) failure).line()).isEqualTo(2);
    }

    @Test
    void refusesADoctypeSoNoEntityIsEverExpanded() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">&x;</ClinicalDocument>").getBytes(StandardCharsets.UTF_8);
        assertThat(failure(xxe)).isInstanceOfSatisfying(TranslationFailure.NotWellFormed.class,
                f -> assertThat(f.reason()).isEqualTo("a DOCTYPE is not allowed"));
        byte[] laughs = ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;\">]><ClinicalDocument xmlns=\"urn:hl7-org:v3\">&c;</ClinicalDocument>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(failure(laughs)).isInstanceOfSatisfying(TranslationFailure.NotWellFormed.class,
                f -> assertThat(f.reason()).isEqualTo("a DOCTYPE is not allowed"));
    }

    @Test
    void refusesAnUnknownDocumentFormat() {
        String vsm = new String(SharedSamples.bytes(SharedSamples.VSM), StandardCharsets.UTF_8)
                .replace("1.2.250.1.213.1.1.1.13", "9.9.9.9");
        TranslationFailure failure = failure(vsm.getBytes(StandardCharsets.UTF_8));
        assertThat(failure).isInstanceOf(TranslationFailure.UnknownFormat.class);
        assertThat(failure.xpath()).isEqualTo("/ClinicalDocument/templateId");
    }

    @Test
    void refusesAMedicationWithoutAnyCodeNamingItsXpath() {
        String vsm = new String(SharedSamples.bytes(SharedSamples.VSM), StandardCharsets.UTF_8);
        int start = vsm.indexOf("<code code=\"63564053\"");
        int end = vsm.indexOf("</code>", start) + "</code>".length();
        byte[] withoutCode = (vsm.substring(0, start) + "<code nullFlavor=\"UNK\"/>" + vsm.substring(end))
                .getBytes(StandardCharsets.UTF_8);

        TranslationFailure failure = failure(withoutCode);

        assertThat(failure).isInstanceOf(TranslationFailure.MedicationWithoutCode.class);
        assertThat(failure.xpath()).startsWith("/ClinicalDocument/component/structuredBody/component")
                .endsWith("/substanceAdministration/consumable/manufacturedProduct/manufacturedMaterial");
    }

    private TranslationFailure failure(byte[] xml) {
        try {
            reader.read(xml);
        } catch (TranslationException e) {
            return e.failure();
        }
        throw new AssertionError("the document was accepted");
    }

    @Test
    void refusesAnEmptyInput() {
        assertThatThrownBy(() -> reader.read(new byte[0])).isInstanceOf(TranslationException.class);
    }
}
