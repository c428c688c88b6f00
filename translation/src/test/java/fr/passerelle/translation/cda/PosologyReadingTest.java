package fr.passerelle.translation.cda;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.translation.EpVariants;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.cda.ClinicalEntry.DeviceRequest;
import fr.passerelle.translation.cda.ClinicalEntry.Dosage;
import fr.passerelle.translation.cda.ClinicalEntry.PrescriptionLine;
import fr.passerelle.translation.cda.ClinicalEntry.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The French posology as the model reads it: phases, maximum dose, free text, instructions, reasons, devices. */
class PosologyReadingTest {

    private final CdaReader reader = new CdaReader();

    private static byte[] resource(String name) {
        return EpVariants.bytes(name);
    }

    private List<PrescriptionLine> lines(byte[] cda) throws Exception {
        return reader.read(cda).entries(SectionKind.PRESCRIPTIONS).stream().map(PrescriptionLine.class::cast).toList();
    }

    @Test
    void theSampleParacetamolHasTwoPhasesEachWithItsDurationPeriodDoseAndRateAndAMaximumPerDay() throws Exception {
        PrescriptionLine paracetamol = lines(SharedSamples.bytes(SharedSamples.EP)).get(0);
        List<Dosage> phases = paracetamol.posology().phases();
        assertThat(phases).extracting(Dosage::sequence).containsExactly(1, 2);
        assertThat(phases).extracting(d -> d.start() + " " + d.duration().value() + d.duration().unit())
                .containsExactly("20231201 2d", "20231203 4d");
        assertThat(phases).extracting(d -> d.period().value() + d.period().unit()).containsExactly("8h", "12h");
        assertThat(phases).extracting(Dosage::doseLow).containsOnly(new Quantity("1", "{tablet}"));
        assertThat(phases.get(0).rateHigh()).isEqualTo(new Quantity("3000", "mg/d"));
        // The phase's words come from the frequency and dose the structure points at in the narrative.
        assertThat(phases.get(0).text()).isEqualTo("3 fois/j à partir du 01/12/2023 pendant 2 jours");
        assertThat(phases.get(0).doseText()).isEqualTo("1 cp - 2 cp");
        assertThat(paracetamol.posology().maxDoses()).singleElement().satisfies(m -> {
            assertThat(m.numerator().value()).isEqualTo("4");
            assertThat(m.denominator()).isEqualTo(new Quantity("1", "d"));
        });
        assertThat(paracetamol.posology().patientInstructions()).isEqualTo("A prendre au cours d'un repas");
        // "-" in the narrative says nothing: no instruction to the dispenser.
        assertThat(paracetamol.posology().fulfilmentInstructions()).isNull();
        // The line's text names the product only: it is not a posology.
        assertThat(paracetamol.posology().text()).isNull();
        assertThat(paracetamol.substitutionAllowed()).isFalse();
        assertThat(paracetamol.substitutionReason()).isEqualTo("Non (Marge thérapeutique étroite)");
        assertThat(paracetamol.quantityToDispense()).isEqualTo(new Quantity("2", "30009000"));
        assertThat(paracetamol.qualifiers()).extracting(o -> o.code().code() + "=" + o.textValue())
                .containsExactly("MED-574=false", "GEN-180=false", "GEN-295=false", "GEN-181=false", "GEN-179=false");
    }

    @Test
    void theOintmentKeepsItsApplicationSiteAndPatientInstruction() throws Exception {
        PrescriptionLine ointment = lines(SharedSamples.bytes(SharedSamples.EP)).get(1);
        assertThat(ointment.posology().phases()).singleElement().satisfies(d -> {
            assertThat(d.period()).isEqualTo(new Quantity("1", "d"));
            assertThat(d.siteText()).isEqualTo("visage");
            assertThat(d.hasStructuredDose()).isFalse();
        });
        assertThat(ointment.posology().patientInstructions()).startsWith("Diminuer la posologie progressivement");
    }

    @Test
    void aTaperedPosologyWithDifferentDosesAndAReason() throws Exception {
        PrescriptionLine line = lines(resource("ep-multiphase.xml")).get(0);
        List<Dosage> phases = line.posology().phases();
        assertThat(phases).extracting(d -> d.doseLow().value()).containsExactly("2", "1");
        assertThat(phases).extracting(Dosage::text).containsExactly("2 comprimés toutes les 8 heures pendant 2 jours",
                "puis 1 comprimé toutes les 12 heures pendant 4 jours");
        assertThat(line.posology().maxDoses().get(0).numerator()).isEqualTo(new Quantity("4", "{tablet}"));
        assertThat(line.posology().fulfilmentInstructions()).isEqualTo("délivrer en boîtes de 16");
        assertThat(line.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code().code()).isEqualTo("G44.2");
            assertThat(r.text()).isEqualTo("Céphalée de tension");
        });
    }

    @Test
    void aFreeTextPosologyHasNoPhaseAndKeepsItsWords() throws Exception {
        PrescriptionLine line = lines(resource("ep-free-text.xml")).get(0);
        assertThat(line.posology().phases()).isEmpty();
        assertThat(line.posology().text()).contains("1 à 2 comprimés 3 fois/j pendant 7 jours");
        assertThat(line.posology().patientInstructions()).isEqualTo("à prendre au cours d'un repas");
    }

    @Test
    void eventAndInstitutionSpecifiedTimingsAndAPrescribedDevice() throws Exception {
        CdaDocument doc = reader.read(resource("ep-ids-device-context.xml"));
        List<PrescriptionLine> lines = doc.entries(SectionKind.PRESCRIPTIONS).stream().map(PrescriptionLine.class::cast).toList();
        assertThat(lines.get(0).dosages().get(0).repeats()).singleElement().satisfies(r -> {
            assertThat(r.period()).isEqualTo(new Quantity("24", "h"));
            assertThat(r.institutionSpecified()).isTrue();
        });
        assertThat(lines.get(1).dosages().get(0).repeats()).singleElement().satisfies(r -> assertThat(r.event()).isEqualTo("ACM"));
        // The two lines share one source id, as written (the outputs make them unique: UniqueIds).
        assertThat(lines.get(0).id()).isEqualTo(lines.get(1).id());
        assertThat(doc.entries(SectionKind.DEVICES)).singleElement().isInstanceOfSatisfying(DeviceRequest.class, d -> {
            assertThat(d.device().code()).isEqualTo("V0806");
            assertThat(d.useDuration()).isEqualTo(new Quantity("60", "d"));
            assertThat(d.narrative()).isEqualTo("Lit médical, location 60 jours");
        });
        // "75 microgrammes" in the name, 75 mg as strength: both kept, a warning says so.
        assertThat(SourceConsistency.warnings(lines.get(0).product(), lines.get(0).dosages(), "/x"))
                .singleElement().asString().contains("ug", "mg", "not corrected");
        assertThat(SourceConsistency.warnings(lines.get(1).product(), lines.get(1).dosages(), "/x")).isEmpty();
    }
}
