package fr.passerelle.gateway.testsupport;

import java.nio.file.Path;

/**
 * The reference files the gateway tests read from the repository's {@code src/fixtures} (origin and licence of
 * each in its README). Tests run with the module folder as working directory, hence {@code ../}.
 */
public final class Fixtures {

    public static final Path ROOT = Path.of("../src/fixtures");
    /** The four ANS sample documents: VSM, IPS-FR, eP-MED-DM, eDISP-MED. */
    public static final Path FR_CDA = ROOT.resolve("fr-cda");
    /** Two eHDSI ATNA audit message examples (OpenNCP). */
    public static final Path EHDSI_AUDIT = ROOT.resolve("ehdsi-audit");
    /** The IPS 2.0.0, HL7 terminology and extensions FHIR packages. */
    public static final Path FHIR_PACKAGES = ROOT.resolve("fhir-packages");

    private Fixtures() {
    }
}
