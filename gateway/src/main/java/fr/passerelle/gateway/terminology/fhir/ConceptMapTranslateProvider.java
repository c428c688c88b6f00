package fr.passerelle.gateway.terminology.fhir;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.TranscodingFailure.Reason;
import fr.passerelle.terminology.TranscodingResult;
import fr.passerelle.terminology.catalogue.CatalogueIndex;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code ConceptMap/$translate}: with {@code target} (an MVC value set, OID or URL) it answers exactly what
 * in-process transcoding answers; without it, every mapping recorded for the code. All loaded maps act as one
 * map, so {@code url}/{@code conceptMap} are not used to pick one. Only the national-to-pivot direction exists.
 */
@Component
public class ConceptMapTranslateProvider implements IResourceProvider {

    private static final String OP = "$translate";

    private final TerminologyCatalogue terminology;

    public ConceptMapTranslateProvider(TerminologyCatalogue terminology) {
        this.terminology = terminology;
    }

    @Override
    public Class<ConceptMap> getResourceType() {
        return ConceptMap.class;
    }

    @Operation(name = OP, idempotent = true)
    public Parameters translate(@OperationParam(name = "system") UriType system,
                                @OperationParam(name = "code") CodeType code,
                                @OperationParam(name = "coding") org.hl7.fhir.r4.model.Coding coding,
                                @OperationParam(name = "target") UriType target,
                                @OperationParam(name = "targetsystem") UriType targetSystem,
                                @OperationParam(name = "reverse") BooleanType reverse) {
        if (reverse != null && reverse.booleanValue()) {
            throw new InvalidRequestException(OP + ": reverse translation (pivot to national) is not offered");
        }
        Coding source = FhirCodings.coding(system, code, coding, OP);
        CatalogueIndex index = terminology.index();
        if (target != null && target.hasValue()) {
            return toTarget(index, source, target.getValue());
        }
        String wantedSystem = targetSystem == null || !targetSystem.hasValue() ? null
                : CodeSystems.canonicalUri(targetSystem.getValue());
        List<Coding> targets = index.mappings(source).stream()
                .filter(t -> wantedSystem == null || t.system().equals(wantedSystem)).toList();
        Parameters out = new Parameters();
        if (targets.isEmpty()) {
            out.addParameter("result", false);
            out.addParameter("message", index.reviewedWithoutTarget(source)
                    ? "Code " + source.code() + " has no pivot equivalent (concept map: unmatched)"
                    : "No mapping of code " + source.code() + " of " + source.canonicalSystem());
            return out;
        }
        out.addParameter("result", true);
        for (Coding t : targets) {
            match(out, "relatedto", t);
        }
        return out;
    }

    private static Parameters toTarget(CatalogueIndex index, Coding source, String target) {
        TranscodingResult result = index.transcode(source, target);
        Parameters out = new Parameters();
        if (result instanceof TranscodingResult.Transcoded t) {
            out.addParameter("result", true);
            boolean same = t.pivot().system().equals(source.canonicalSystem()) && t.pivot().code().equals(source.code());
            match(out, same ? "equal" : "relatedto", t.pivot());
            return out;
        }
        TranscodingResult.NotTranscoded n = (TranscodingResult.NotTranscoded) result;
        if (n.failure().reason() == Reason.UNKNOWN_VALUE_SET) {
            throw new ResourceNotFoundException(OP + ": " + n.failure().message());
        }
        out.addParameter("result", false);
        out.addParameter("message", "[eHDSI " + n.failure().ehdsiCode() + " " + n.failure().reason() + "] "
                + n.failure().message());
        return out;
    }

    private static void match(Parameters out, String equivalence, Coding concept) {
        Parameters.ParametersParameterComponent match = out.addParameter().setName("match");
        match.addPart().setName("equivalence").setValue(new CodeType(equivalence));
        match.addPart().setName("concept").setValue(FhirCodings.toFhir(concept));
        match.addPart().setName("source").setValue(new StringType("Passerelle terminology"));
    }
}
