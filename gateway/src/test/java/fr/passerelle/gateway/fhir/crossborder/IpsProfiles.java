package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import fr.passerelle.gateway.testsupport.Fixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * HAPI's FhirValidator with the IPS 2.0.0, HL7 terminology and extensions packages loaded offline from
 * {@code src/fixtures/fhir-packages} (same approach as translation's tests). IPS cites core profiles as
 * {@code …|4.0.1}; those versioned canonicals are resolved to HAPI's unversioned core definitions.
 */
final class IpsProfiles {

    static final Path PACKAGES = Fixtures.FHIR_PACKAGES;
    private static FhirValidator validator;

    private IpsProfiles() {
    }

    static synchronized List<SingleValidationMessage> errors(String json) throws Exception {
        if (validator == null) {
            validator = build();
        }
        return validator.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    private static FhirValidator build() throws Exception {
        FhirContext ctx = FhirContext.forR4Cached();
        PrePopulatedValidationSupport packages = new PrePopulatedValidationSupport(ctx);
        for (String name : List.of("hl7.fhir.uv.ips-2.0.0.tgz", "hl7.terminology.r4-7.0.1.tgz",
                "hl7.fhir.uv.extensions.r4-5.3.0-ballot-tc1.tgz")) {
            try (InputStream in = Files.newInputStream(PACKAGES.resolve(name))) {
                NpmPackage npm = NpmPackage.fromPackage(in);
                for (String file : npm.listResources("StructureDefinition", "ValueSet", "CodeSystem")) {
                    try (InputStream resource = npm.loadResource(file)) {
                        packages.addResource(ctx.newJsonParser().parseResource(resource));
                    } catch (RuntimeException e) {
                        // A few terminology resources have R5-only shapes; IPS does not need them.
                    }
                }
            }
        }
        DefaultProfileValidationSupport core = new DefaultProfileValidationSupport(ctx);
        ValidationSupportChain chain = new ValidationSupportChain(new VersionedCore(ctx, core), packages, core,
                new CommonCodeSystemsTerminologyService(ctx), new InMemoryTerminologyServerValidationSupport(ctx),
                new SnapshotGeneratingValidationSupport(ctx));
        FhirValidator built = ctx.newValidator();
        built.registerValidatorModule(new FhirInstanceValidator(chain));
        return built;
    }

    /** {@code http://hl7.org/fhir/…|4.0.1} → the unversioned core definition. */
    private record VersionedCore(FhirContext ctx, DefaultProfileValidationSupport core) implements IValidationSupport {

        @Override
        public FhirContext getFhirContext() {
            return ctx;
        }

        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
            String plain = unversioned(uri);
            return plain == null ? null : core.fetchResource(type, plain);
        }

        @Override
        public IBaseResource fetchStructureDefinition(String url) {
            String plain = unversioned(url);
            return plain == null ? null : core.fetchStructureDefinition(plain);
        }

        @Override
        public boolean isValueSetSupported(ValidationSupportContext context, String url) {
            return false;
        }

        private static String unversioned(String url) {
            return url != null && url.startsWith("http://hl7.org/fhir/") && url.endsWith("|4.0.1")
                    ? url.substring(0, url.length() - "|4.0.1".length()) : null;
        }
    }
}
