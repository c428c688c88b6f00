package fr.passerelle.translation.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import fr.passerelle.translation.SharedSamples;
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
 * HAPI's validator loaded with the IPS 2.0.0 package, HL7 terminology and extensions packages from src/fixtures, plus
 * the core R4 definitions; {@link VersionedCoreCanonicals} resolves the {@code …|4.0.1} canonicals IPS cites.
 */
public final class IpsValidator {

    static final Path PACKAGES = SharedSamples.FHIR_PACKAGES;
    private static FhirValidator validator;

    private IpsValidator() {
    }

    public static synchronized List<SingleValidationMessage> errors(String json) throws Exception {
        if (validator == null) {
            validator = build();
        }
        ValidationResult result = validator.validateWithResult(json);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    /** The errors of one resource against a profile the packages define (e.g. an IPS profile it does not declare). */
    public static synchronized List<SingleValidationMessage> errors(String json, String profile) throws Exception {
        if (validator == null) {
            validator = build();
        }
        ValidationResult result = validator.validateWithResult(json,
                new ca.uhn.fhir.validation.ValidationOptions().addProfile(profile));
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    private static FhirValidator build() throws Exception {
        FhirContext ctx = FhirContext.forR4Cached();
        PrePopulatedValidationSupport npm = new PrePopulatedValidationSupport(ctx);
        for (String p : List.of("hl7.fhir.uv.ips-2.0.0.tgz", "hl7.terminology.r4-7.0.1.tgz",
                "hl7.fhir.uv.extensions.r4-5.3.0-ballot-tc1.tgz")) {
            try (InputStream in = Files.newInputStream(PACKAGES.resolve(p))) {
                NpmPackage pkg = NpmPackage.fromPackage(in);
                for (String file : pkg.listResources("StructureDefinition", "ValueSet", "CodeSystem")) {
                    try (InputStream r = pkg.loadResource(file)) {
                        npm.addResource(ctx.newJsonParser().parseResource(r));
                    } catch (RuntimeException e) {
                        // A few terminology resources are R5-only shapes; they are not needed for IPS.
                    }
                }
            }
        }
        ValidationSupportChain chain = new ValidationSupportChain(
                new VersionedCoreCanonicals(ctx),
                npm,
                new DefaultProfileValidationSupport(ctx),
                new CommonCodeSystemsTerminologyService(ctx),
                new InMemoryTerminologyServerValidationSupport(ctx),
                new SnapshotGeneratingValidationSupport(ctx));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        FhirValidator v = ctx.newValidator();
        v.registerValidatorModule(module);
        return v;
    }

    /**
     * Resolves {@code http://hl7.org/fhir/StructureDefinition/X|4.0.1} to the unversioned core definition:
     * IPS cites core profiles with the version suffix and HAPI's default support only knows them unversioned.
     */
    static final class VersionedCoreCanonicals implements IValidationSupport {
        private final FhirContext ctx;

        VersionedCoreCanonicals(FhirContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public FhirContext getFhirContext() {
            return ctx;
        }

        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
            String unversioned = unversioned(uri);
            return unversioned == null ? null : DEFAULT.get(ctx).fetchResource(type, unversioned);
        }

        @Override
        public IBaseResource fetchStructureDefinition(String url) {
            String unversioned = unversioned(url);
            return unversioned == null ? null : DEFAULT.get(ctx).fetchStructureDefinition(unversioned);
        }

        @Override
        public boolean isValueSetSupported(ValidationSupportContext context, String url) {
            return false;
        }

        private static String unversioned(String url) {
            if (url == null || !url.startsWith("http://hl7.org/fhir/") || !url.endsWith("|4.0.1")) {
                return null;
            }
            return url.substring(0, url.length() - "|4.0.1".length());
        }

        private static final ThreadLocalDefault DEFAULT = new ThreadLocalDefault();
    }

    /** One default (core R4) support per context, shared by the resolver. */
    static final class ThreadLocalDefault {
        private DefaultProfileValidationSupport support;

        synchronized DefaultProfileValidationSupport get(FhirContext ctx) {
            if (support == null) {
                support = new DefaultProfileValidationSupport(ctx);
            }
            return support;
        }
    }
}
