package fr.passerelle.gateway.healthspace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo documents are reproducible: deriving them again from the ANS samples gives the committed bytes.
 * With {@code -Dpasserelle.demo.regenerate=true} this test (re)writes {@code src/data/demo/documents/} instead.
 */
class DemoDataDerivationTest {

    static final Path DEMO = Path.of("..", "src", "data", "demo");
    static final Path SAMPLES = Fixtures.FR_CDA;

    @Test
    void committedDocumentsAreExactlyTheDerivationOfTheAnsSamples() throws Exception {
        DemoDataSet dataSet = new DemoDataSetReader().read(Files.newInputStream(DEMO.resolve("patients.json")));

        Map<String, byte[]> derived = new DemoDocumentDerivation(SAMPLES).derive(dataSet);
        if (Boolean.getBoolean("passerelle.demo.regenerate")) {
            DemoDocumentDerivation.write(derived, DEMO.resolve("documents"));
        }

        assertThat(derived).hasSizeGreaterThanOrEqualTo(10);
        for (Map.Entry<String, byte[]> document : derived.entrySet()) {
            Path committed = DEMO.resolve("documents").resolve(document.getKey());
            assertThat(committed).as("committed %s", document.getKey()).exists();
            assertThat(Files.readAllBytes(committed)).as("committed %s equals its derivation", document.getKey())
                    .isEqualTo(document.getValue());
        }
        try (var files = Files.list(DEMO.resolve("documents"))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("no stray document outside the manifest")
                    .containsExactlyInAnyOrderElementsOf(derived.keySet());
        }
    }

    @Test
    void derivationIsDeterministic() throws Exception {
        DemoDataSet dataSet = new DemoDataSetReader().read(Files.newInputStream(DEMO.resolve("patients.json")));
        var patient = dataSet.patients().get(1);
        var document = patient.documents().get(0);
        byte[] sample = Files.readAllBytes(SAMPLES.resolve(document.sample().sourceFile()));
        var derivation = new DemoDocumentDerivation(SAMPLES);

        assertThat(derivation.derive(sample, patient, document)).isEqualTo(derivation.derive(sample, patient, document));
    }
}
