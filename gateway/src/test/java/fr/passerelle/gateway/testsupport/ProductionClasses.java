package fr.passerelle.gateway.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The compiled main classes of the four modules, imported once per test JVM for every architecture rule: the import
 * is the slow part of an ArchUnit check (seconds), the rules themselves are cheap.
 */
public final class ProductionClasses {

    private static JavaClasses passerelle;

    private ProductionClasses() {
    }

    /** Every main class under {@code fr.passerelle} (tests left out). */
    public static synchronized JavaClasses passerelle() {
        if (passerelle == null) {
            passerelle = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("fr.passerelle");
        }
        return passerelle;
    }
}
