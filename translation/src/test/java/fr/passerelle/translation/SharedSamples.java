package fr.passerelle.translation;

import fr.passerelle.terminology.Terminology;
import fr.passerelle.terminology.TerminologyCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ANS samples and eHDSI reference files under the repository's {@code src/fixtures} (origin and licence in its
 * README; tests run with the module folder as working directory), and the repository's real terminology data,
 * loaded once for all tests.
 */
public final class SharedSamples {

    public static final Path FIXTURES = Path.of("../src/fixtures");
    public static final Path FR_CDA = FIXTURES.resolve("fr-cda");
    public static final Path EHDSI = FIXTURES.resolve("ehdsi-transcoding");
    public static final Path FR_CDA_SCHEMATRONS = FIXTURES.resolve("fr-cda-schematrons");
    public static final Path FHIR_PACKAGES = FIXTURES.resolve("fhir-packages");
    /** OpenNCP's eHDSI pivot documents (wave-8 critical test data): psstore/2-1234-W8.xml, epstore/1-1234-W8.xml. */
    public static final Path EHDSI_CDA = FIXTURES.resolve("ehdsi-cda/openncp-mock");
    /** ANS original clinical documents: CR-BIO lab reports, LDL-SES discharge letter, CR-IMG imaging report. */
    public static final Path FR_CDA_ORCD = FIXTURES.resolve("fr-cda-orcd");
    public static final Path CR_BIO_TSH = FR_CDA_ORCD.resolve("BIO-CR-BIO_2024.01_TSH_1.xml");
    public static final Path CR_BIO_MICROBIOLOGY = FR_CDA_ORCD.resolve("BIO-CR-BIO_2024.01_Microbiologie_V2.xml");
    public static final Path CR_BIO_SECOND_OPINION_PDF = FR_CDA_ORCD.resolve("BIO-CR-BIO_2024.01_CR-2nde-intention-PDF.xml");
    public static final Path LDL_SES = FR_CDA_ORCD.resolve("LDL-SES_2022.01.xml");
    public static final Path CR_IMG = FR_CDA_ORCD.resolve("IMG_CR_IMG_2024.01.xml");
    public static final Path VSM = FR_CDA.resolve("VSM_1.4_2022.01.xml");
    public static final Path IPS_FR = FR_CDA.resolve("IPS-FR_2024.01.xml");
    public static final Path EP = FR_CDA.resolve("eP-MED-DM_2024.01_PosoStruct.xml");
    public static final Path EDISP = FR_CDA.resolve("eDISP-MED_2024.01.xml");

    private static Terminology terminology;

    private SharedSamples() {
    }

    public static synchronized Terminology terminology() {
        if (terminology == null) {
            try {
                terminology = TerminologyCatalogue.load(Path.of("../src/data/terminology"));
            } catch (Exception e) {
                throw new IllegalStateException("repository terminology data did not load", e);
            }
        }
        return terminology;
    }

    public static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
