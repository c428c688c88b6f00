package fr.passerelle.gateway.terminology.fhir;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.catalogue.CatalogueIndex;
import fr.passerelle.terminology.catalogue.Concept;
import fr.passerelle.terminology.catalogue.MedicinalProduct;
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
 * fallback as in-process translation) and every designation the catalogue holds. For a French medicinal product
 * (CIS) or presentation (CIP13) it adds, as properties, what the medicines database says of it in codes: the CIS,
 * the EDQM dose form and routes (displayed in {@code displayLanguage}) and each ingredient with its strength.
 * Unknown code: 404.
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
        String language = displayLanguage != null && displayLanguage.hasValue() ? displayLanguage.getValue() : null;
        index.medicinalProduct(wanted).ifPresent(p -> product(out, index, p, language));
        return out;
    }

    private static void product(Parameters out, CatalogueIndex index, MedicinalProduct p, String language) {
        property(out, "cis", new CodeType(p.cis()));
        if (p.doseForm() != null) {
            property(out, "doseForm", coding(index, p.doseForm(), language));
        }
        for (Coding route : p.routes()) {
            property(out, "route", coding(index, route, language));
        }
        for (MedicinalProduct.Ingredient i : p.ingredients()) {
            property(out, "ingredient", new StringType(i.substanceCode()
                    + (i.strength() == null ? "" : " " + i.strength())
                    + (i.strengthReference() == null ? "" : " per " + i.strengthReference())
                    + (i.nature() == null ? "" : " (" + i.nature() + ")")));
        }
        if (p.provenance() != null) {
            property(out, "provenance", new StringType(p.provenance()));
        }
    }

    private static org.hl7.fhir.r4.model.Coding coding(CatalogueIndex index, Coding c, String language) {
        String display = language == null ? index.concept(c.system(), c.code()).map(Concept::display).orElse(null)
                : index.translate(c, language).orElse(null);
        return FhirCodings.toFhir(c.withDisplay(display));
    }

    private static void property(Parameters out, String code, org.hl7.fhir.r4.model.Type value) {
        Parameters.ParametersParameterComponent property = out.addParameter().setName("property");
        property.addPart().setName("code").setValue(new CodeType(code));
        property.addPart().setName("value").setValue(value);
    }
}
