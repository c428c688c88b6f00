package fr.passerelle.gateway.terminology.fhir;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.catalogue.CatalogueIndex;
import fr.passerelle.terminology.catalogue.Concept;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code CodeSystem/$lookup}: the published display of a code, the display in {@code displayLanguage} (same
 * fallback as in-process translation) and every designation the catalogue holds. Unknown code: 404.
 */
@Component
public class CodeSystemLookupProvider implements IResourceProvider {

    private static final String OP = "$lookup";

    private final TerminologyCatalogue terminology;

    public CodeSystemLookupProvider(TerminologyCatalogue terminology) {
        this.terminology = terminology;
    }

    @Override
    public Class<CodeSystem> getResourceType() {
        return CodeSystem.class;
    }

    @Operation(name = OP, idempotent = true)
    public Parameters lookup(@OperationParam(name = "system") UriType system,
                             @OperationParam(name = "code") CodeType code,
                             @OperationParam(name = "coding") org.hl7.fhir.r4.model.Coding coding,
                             @OperationParam(name = "displayLanguage") CodeType displayLanguage) {
        Coding wanted = FhirCodings.coding(system, code, coding, OP);
        CatalogueIndex index = terminology.index();
        Concept concept = index.concept(wanted.system(), wanted.code()).orElseThrow(() ->
                new ResourceNotFoundException(OP + ": code " + wanted.code() + " is not known in "
                        + (index.knowsSystem(wanted.system()) ? "" : "the unknown code system ")
                        + wanted.canonicalSystem()));
        Parameters out = new Parameters();
        out.addParameter("name", concept.system());
        String display = displayLanguage != null && displayLanguage.hasValue()
                ? index.translate(wanted, displayLanguage.getValue()).orElse(concept.display())
                : concept.display();
        if (display != null) {
            out.addParameter("display", display);
        }
        for (Map.Entry<String, String> d : new TreeMap<>(concept.designations()).entrySet()) {
            Parameters.ParametersParameterComponent designation = out.addParameter().setName("designation");
            designation.addPart().setName("language").setValue(new CodeType(d.getKey()));
            designation.addPart().setName("value").setValue(new StringType(d.getValue()));
        }
        return out;
    }
}
