package fr.passerelle.gateway.terminology.fhir;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fr.passerelle.gateway.terminology.TerminologyProperties;
import fr.passerelle.terminology.CodeValidation;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.TranscodingFailure.Reason;
import fr.passerelle.terminology.catalogue.CatalogueIndex;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * {@code ValueSet/$validate-code} and {@code ValueSet/$expand} (with {@code filter}, {@code count},
 * {@code offset}, {@code displayLanguage}) for the catalogue's value sets, named by {@code url}: canonical URL,
 * {@code urn:oid:} or bare OID. Large sets are paged: a page holds at most {@code expand-max-count} codes and
 * {@code total} tells how many match.
 */
@Component
public class ValueSetOperationsProvider implements IResourceProvider {

    private final TerminologyCatalogue terminology;
    private final int maxCount;

    public ValueSetOperationsProvider(TerminologyCatalogue terminology, TerminologyProperties properties) {
        this.terminology = terminology;
        this.maxCount = properties.expandMaxCount();
    }

    @Override
    public Class<ValueSet> getResourceType() {
        return ValueSet.class;
    }

    @Operation(name = "$validate-code", idempotent = true)
    public Parameters validateCode(@OperationParam(name = "url") UriType url,
                                   @OperationParam(name = "system") UriType system,
                                   @OperationParam(name = "code") CodeType code,
                                   @OperationParam(name = "display") StringType display,
                                   @OperationParam(name = "coding") org.hl7.fhir.r4.model.Coding coding) {
        String valueSet = FhirCodings.required(url, "url", "$validate-code");
        Coding wanted = FhirCodings.coding(system, code, coding, "$validate-code");
        CodeValidation validation = terminology.index().validate(wanted, valueSet);
        Parameters out = new Parameters();
        if (validation instanceof CodeValidation.Valid v) {
            out.addParameter("result", true);
            if (v.concept().display() != null) {
                out.addParameter("display", v.concept().display());
            }
            if (display != null && display.hasValue() && v.concept().display() != null
                    && !display.getValue().strip().equalsIgnoreCase(v.concept().display())) {
                out.addParameter("message", "The display '" + display.getValue() + "' is not the display of code "
                        + wanted.code() + " ('" + v.concept().display() + "')");
            }
            return out;
        }
        CodeValidation.Invalid i = (CodeValidation.Invalid) validation;
        if (i.failure().reason() == Reason.UNKNOWN_VALUE_SET) {
            throw new ResourceNotFoundException("$validate-code: " + i.failure().message());
        }
        out.addParameter("result", false);
        out.addParameter("message", i.failure().message());
        return out;
    }

    @Operation(name = "$expand", idempotent = true)
    public ValueSet expand(@OperationParam(name = "url") UriType url,
                           @OperationParam(name = "filter") StringType filter,
                           @OperationParam(name = "count") IntegerType count,
                           @OperationParam(name = "offset") IntegerType offset,
                           @OperationParam(name = "displayLanguage") CodeType displayLanguage) {
        String key = FhirCodings.required(url, "url", "$expand");
        CatalogueIndex index = terminology.index();
        fr.passerelle.terminology.ValueSet vs = index.valueSet(key).orElseThrow(() ->
                new ResourceNotFoundException("$expand: value set " + key + " is not in the catalogue"));
        int first = offset == null || offset.getValue() == null ? 0 : offset.getValue();
        if (first < 0) {
            throw new InvalidRequestException("$expand: offset must be 0 or more");
        }
        int size = count == null || count.getValue() == null ? maxCount : count.getValue();
        if (size < 0 || size > maxCount) {
            throw new InvalidRequestException("$expand: count must be between 0 and " + maxCount
                    + "; page through larger value sets with offset");
        }
        String language = displayLanguage == null || !displayLanguage.hasValue() ? null : displayLanguage.getValue();
        String needle = filter == null || !filter.hasValue() ? null : filter.getValue().strip().toLowerCase(Locale.ROOT);
        List<Coding> matching = vs.concepts().stream()
                .filter(c -> needle == null || needle.isEmpty() || matches(c, needle, index, language)).toList();
        ValueSet out = new ValueSet();
        out.setUrl(vs.url());
        out.setVersion(vs.version());
        out.setName(vs.name());
        out.setTitle(vs.title());
        out.setStatus(Enumerations.PublicationStatus.ACTIVE);
        if (vs.oid() != null) {
            out.addIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:oid:" + vs.oid());
        }
        ValueSet.ValueSetExpansionComponent expansion = out.getExpansion();
        expansion.setTimestamp(new Date());
        expansion.setTotal(matching.size());
        expansion.setOffset(first);
        expansion.addParameter().setName("offset").setValue(new IntegerType(first));
        expansion.addParameter().setName("count").setValue(new IntegerType(size));
        if (needle != null) {
            expansion.addParameter().setName("filter").setValue(new StringType(filter.getValue()));
        }
        if (language != null) {
            expansion.addParameter().setName("displayLanguage").setValue(new CodeType(language));
        }
        int end = (int) Math.min((long) first + size, matching.size());
        for (int i = first; i < end; i++) {
            Coding c = matching.get(i);
            String display = language == null ? c.display() : index.translate(c, language).orElse(c.display());
            expansion.addContains().setSystem(c.system()).setCode(c.code()).setDisplay(display);
        }
        return out;
    }

    private static boolean matches(Coding c, String needle, CatalogueIndex index, String language) {
        if (c.code().toLowerCase(Locale.ROOT).startsWith(needle)) {
            return true;
        }
        String display = language == null ? c.display() : index.translate(c, language).orElse(c.display());
        return display != null && display.toLowerCase(Locale.ROOT).contains(needle);
    }
}
