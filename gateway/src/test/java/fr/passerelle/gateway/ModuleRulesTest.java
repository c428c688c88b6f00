package fr.passerelle.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import fr.passerelle.gateway.testsupport.ProductionClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/architecture.md, checked on the compiled classes of the four modules (main code only):
 * the libraries know nothing of Spring, dependencies point one way ({@code gateway → translation → terminology},
 * {@code gateway → trust}), and the gateway's capability packages form no cycle.
 */
class ModuleRulesTest {

    static JavaClasses passerelle;

    @BeforeAll
    static void importClasses() {
        passerelle = ProductionClasses.passerelle();
    }

    @Test
    void theLibrariesCompileWithoutSpring() {
        ArchRule rule = noClasses().that().resideInAnyPackage("fr.passerelle.trust..", "fr.passerelle.terminology..",
                        "fr.passerelle.translation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .because("each library's rules are tested without a web server (docs/architecture.md, Modules)");

        rule.check(passerelle);
    }

    @Test
    void dependenciesPointOneWay() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("gateway").definedBy("fr.passerelle.gateway..")
                .layer("translation").definedBy("fr.passerelle.translation..")
                .layer("terminology").definedBy("fr.passerelle.terminology..")
                .layer("trust").definedBy("fr.passerelle.trust..")
                .whereLayer("gateway").mayNotBeAccessedByAnyLayer()
                .whereLayer("translation").mayOnlyBeAccessedByLayers("gateway")
                .whereLayer("terminology").mayOnlyBeAccessedByLayers("translation", "gateway")
                .whereLayer("trust").mayOnlyBeAccessedByLayers("gateway");

        rule.check(passerelle);
    }

    @Test
    void theLibrariesHaveNoPackageCycles() {
        slices().matching("fr.passerelle.(trust|terminology|translation).(**)").should().beFreeOfCycles()
                .check(passerelle);
    }

    @Test
    void theGatewayCapabilitiesHaveNoPackageCycles() {
        slices().matching("fr.passerelle.gateway.(*)..").should().beFreeOfCycles().check(passerelle);
    }
}
