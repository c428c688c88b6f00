package fr.passerelle.translation.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.translation.EpVariants;
import fr.passerelle.translation.FrenchCorpus;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationReport;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.CdaReader;
import fr.passerelle.translation.cda.DocumentFormat;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * {@link BundleJson} turns off HAPI's automatic containment of referenced resources that have no id. That is
 * only right while no builder relies on it: this test encodes every Bundle the corpus gives with HAPI's default
 * context as well and requires the same text, so a builder that starts pointing a Reference at a resource object
 * instead of at its entry's full URL fails here rather than losing that resource from the output.
 */
class BundleJsonTest {

    private final IpsBundleBuilder ips = new IpsBundleBuilder(SharedSamples.terminology());
    private final MpdBuilder mpd = new MpdBuilder(SharedSamples.terminology());

    @Test
    void everyBundleOfTheCorpusIsEncodedAsHapisDefaultContextEncodesIt() throws Exception {
        List<byte[]> documents = new ArrayList<>();
        for (FrenchCorpus.Source s : FrenchCorpus.documents()) {
            documents.add(Files.readAllBytes(s.file()));
        }
        for (String variant : List.of(EpVariants.MULTIPHASE, EpVariants.FREE_TEXT, EpVariants.IDS_DEVICE_CONTEXT)) {
            documents.add(EpVariants.bytes(variant));
        }
        int compared = 0;
        for (byte[] bytes : documents) {
            CdaDocument source = new CdaReader().read(bytes);
            Bundle bundle;
            if (source.format().isPatientSummary()) {
                bundle = ips.build(source, "de", new TranslationReport.Builder());
            } else if (source.format() == DocumentFormat.EP_MED_DM) {
                bundle = mpd.build(source, "de", new TranslationReport.Builder());
            } else {
                continue;
            }
            // Ours first: HAPI's containment, if it had anything to contain, could change the resources it encodes.
            String ours = BundleJson.encode(bundle);
            String hapiDefault = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true)
                    .encodeResourceToString(bundle);
            assertThat(ours).isEqualTo(hapiDefault).doesNotContain("\"contained\"");
            compared++;
        }
        assertThat(compared).as("bundles compared").isGreaterThanOrEqualTo(10);
    }

    @Test
    void aResourceReferencedOnlyAsAnObjectWouldBeLostWithoutHapisContainmentSoTheComparisonCatchesIt() {
        // The failure the test above guards against, shown on a minimal Bundle.
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        org.hl7.fhir.r4.model.MedicationRequest request = new org.hl7.fhir.r4.model.MedicationRequest();
        request.getMedicationReference().setResource(new org.hl7.fhir.r4.model.Medication()
                .setCode(new org.hl7.fhir.r4.model.CodeableConcept().setText("paracetamol")));
        bundle.addEntry().setFullUrl("urn:uuid:6e1b7f9a-2f52-4b1c-9d55-6d2f3f0b8c11").setResource(request);
        String ours = BundleJson.encode(bundle);
        String hapiDefault = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
        assertThat(hapiDefault).contains("\"contained\"", "paracetamol");
        assertThat(ours).doesNotContain("paracetamol");
    }
}
