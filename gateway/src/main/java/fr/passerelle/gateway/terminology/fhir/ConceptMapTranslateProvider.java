package fr.passerelle.gateway.terminology.fhir;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.Equivalence;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.TranscodingFailure.Reason;
import fr.passerelle.terminology.TranscodingResult;
import fr.passerelle.terminology.catalogue.CatalogueIndex;
import fr.passerelle.terminology.catalogue.MapEntry;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.UriType;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * {@code ConceptMap/$translate}. With {@code target} (an MVC value set, OID or URL) it answers what in-process
 * transcoding answers; without it, every mapping recorded for the code. {@code url} restricts the answer to one
 * loaded concept map (404 when no map has that URL; CSV maps are named {@code urn:passerelle:conceptmap:<file>}).
 * Each match carries the equivalence its map states and the map's URL as {@code source}. {@code reverse=true}
 * reads the maps backwards: from a pivot code to the national codes mapped to it, equivalences inverted
 * (wider ↔ narrower, subsumes ↔ specializes). A match that is not exact (a pivot broader than the national code,
 * {@code wider}) is said so in {@code message}, with where the mapping comes from.
 */
@Component
public class ConceptMapTranslateProvider implements IResourceProvider {

    private static final String OP = "$translate";
    private static final int MAX_NOTES = 5;

    private final TerminologyCatalogue terminology;

    public ConceptMapTranslateProvider(TerminologyCatalogue terminology) {
        this.terminology = terminology;
    }

    @Override
    public Class<ConceptMap> getResourceType() {
        return ConceptMap.class;
    }

    @Operation(name = OP, idempotent = true)
    public Parameters translate(@OperationParam(name = "url") UriType url,
                                @OperationParam(name = "system") UriType system,
                                @OperationParam(name = "code") CodeType code,
                                @OperationParam(name = "coding") org.hl7.fhir.r4.model.Coding coding,
                                @OperationParam(name = "target") UriType target,
                                @OperationParam(name = "targetsystem") UriType targetSystem,
                                @OperationParam(name = "reverse") BooleanType reverse) {
        Coding given = FhirCodings.coding(system, code, coding, OP);
        CatalogueIndex index = terminology.index();
        String mapUrl = url == null || !url.hasValue() || url.getValue().isBlank() ? null : url.getValue().strip();
        if (mapUrl != null && !index.conceptMapUrls().contains(mapUrl)) {
            throw new ResourceNotFoundException(OP + ": no concept map with url " + mapUrl);
        }
        String valueSet = target == null || !target.hasValue() || target.getValue().isBlank() ? null
                : target.getValue().strip();
        if (valueSet != null && index.valueSet(valueSet).isEmpty()) {
            throw new ResourceNotFoundException(OP + ": value set " + valueSet + " is not in the catalogue");
        }
        String wantedSystem = targetSystem == null || !targetSystem.hasValue() ? null
                : CodeSystems.canonicalUri(targetSystem.getValue());
        if (reverse != null && reverse.booleanValue()) {
            return reverse(index, given, mapUrl, valueSet, wantedSystem);
        }
        if (valueSet != null) {
            return mapUrl == null ? toTarget(index, given, valueSet) : toTargetInMap(index, given, mapUrl, valueSet);
        }
        List<MapEntry> entries = index.entriesFrom(given).stream()
                .filter(e -> mapUrl == null || e.mapUrl().equals(mapUrl))
                .filter(e -> e.target() != null)
                .filter(e -> wantedSystem == null || e.target().system().equals(wantedSystem)).toList();
        Parameters out = new Parameters();
        if (entries.isEmpty()) {
            boolean reviewed = index.entriesFrom(given).stream()
                    .anyMatch(e -> e.target() == null && (mapUrl == null || e.mapUrl().equals(mapUrl)));
            out.addParameter("result", false);
            out.addParameter("message", reviewed
                    ? "Code " + given.code() + " has no pivot equivalent (concept map: unmatched)"
                    : "No mapping of code " + given.code() + " of " + given.canonicalSystem());
            return out;
        }
        out.addParameter("result", true);
        entries.forEach(e -> match(out, e.equivalence(), e.target(), e.mapUrl()));
        message(out, entries.stream().flatMap(e -> note(given, e.target(), e.equivalence(), e.provenance()).stream())
                .toList());
        return out;
    }

    /** Says what a non-exact match means, e.g. "609328004 is broader than 416098002 (wider; from …)". */
    private static Optional<String> note(Coding source, Coding target, String equivalence, String provenance) {
        return Equivalence.isExact(equivalence) ? Optional.empty()
                : Optional.of(target.code() + ": " + Equivalence.describe(equivalence) + " " + source.code() + " ("
                        + equivalence + (provenance == null ? "" : "; " + provenance) + ")");
    }

    private static void message(Parameters out, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        // a pivot code may gather hundreds of national codes (reverse): the first few say it, the count the rest
        List<String> shown = notes.size() <= MAX_NOTES ? notes : notes.subList(0, MAX_NOTES);
        out.addParameter("message", String.join(" | ", shown)
                + (notes.size() > MAX_NOTES ? " | and " + (notes.size() - MAX_NOTES) + " more not exact" : ""));
    }

    private static Parameters toTarget(CatalogueIndex index, Coding source, String target) {
        TranscodingResult result = index.transcode(source, target);
        Parameters out = new Parameters();
        if (result instanceof TranscodingResult.Transcoded t) {
            out.addParameter("result", true);
            // the equivalence and map of the line (or rule) the transcoder went through
            match(out, t.equivalence(), t.pivot(), t.mapUrl());
            message(out, note(source, t.pivot(), t.equivalence(), t.provenance()).stream().toList());
            return out;
        }
        TranscodingResult.NotTranscoded n = (TranscodingResult.NotTranscoded) result;
        if (n.failure().reason() == Reason.UNKNOWN_VALUE_SET) {
            throw new ResourceNotFoundException(OP + ": " + n.failure().message());
        }
        return failed(n.failure().ehdsiCode(), n.failure().reason().name(), n.failure().message());
    }

    /** Like {@link #toTarget} but with the lines of one map only (the merged transcoding index is not used). */
    private static Parameters toTargetInMap(CatalogueIndex index, Coding source, String mapUrl, String target) {
        Parameters out = new Parameters();
        if (index.inValueSet(target, source)) {
            out.addParameter("result", true);
            match(out, "equal", source.withCanonicalSystem(), null);
            return out;
        }
        List<MapEntry> lines = index.entriesFrom(source).stream().filter(e -> e.mapUrl().equals(mapUrl)).toList();
        List<MapEntry> hits = lines.stream()
                .filter(e -> e.target() != null && index.inValueSet(target, e.target())).toList();
        if (hits.size() > 1) {
            return failed(Reason.AMBIGUOUS_MAPPING, "Code " + source.code() + " maps to " + hits.size()
                    + " codes of value set " + target + " in concept map " + mapUrl);
        }
        if (hits.isEmpty()) {
            boolean reviewed = lines.stream().anyMatch(e -> e.target() == null);
            return failed(Reason.NO_MAPPING, reviewed
                    ? "Code " + source.code() + " has no pivot equivalent (concept map " + mapUrl + ": unmatched)"
                    : "No mapping of code " + source.code() + " of " + source.canonicalSystem() + " into value set "
                    + target + " in concept map " + mapUrl);
        }
        out.addParameter("result", true);
        MapEntry hit = hits.get(0);
        match(out, hit.equivalence(), hit.target(), mapUrl);
        message(out, note(source, hit.target(), hit.equivalence(), hit.provenance()).stream().toList());
        return out;
    }

    /** From a pivot code back to the national codes mapped to it. */
    private static Parameters reverse(CatalogueIndex index, Coding pivot, String mapUrl, String valueSet,
                                      String wantedSystem) {
        List<MapEntry> lines = index.entriesTo(pivot).stream()
                .filter(e -> mapUrl == null || e.mapUrl().equals(mapUrl))
                .filter(e -> wantedSystem == null || e.source().system().equals(wantedSystem))
                .filter(e -> valueSet == null || index.inValueSet(valueSet, e.source())).toList();
        Parameters out = new Parameters();
        if (lines.isEmpty()) {
            out.addParameter("result", false);
            out.addParameter("message", "No national code maps to code " + pivot.code() + " of "
                    + pivot.canonicalSystem());
            return out;
        }
        out.addParameter("result", true);
        List<String> notes = new java.util.ArrayList<>();
        for (MapEntry e : lines) {
            match(out, e.reverseEquivalence(), e.source(), e.mapUrl());
            if (!Equivalence.isExact(e.equivalence())) {
                notes.add(e.source().code() + ": " + e.reverseEquivalence() + " (" + e.source().code()
                        + " maps to " + pivot.code() + " as " + e.equivalence()
                        + (e.provenance() == null ? "" : "; " + e.provenance()) + ")");
            }
        }
        message(out, notes);
        return out;
    }

    private static Parameters failed(Reason reason, String message) {
        return failed(reason.ehdsiCode(), reason.name(), message);
    }

    private static Parameters failed(String ehdsiCode, String reason, String message) {
        Parameters out = new Parameters();
        out.addParameter("result", false);
        out.addParameter("message", "[eHDSI " + ehdsiCode + " " + reason + "] " + message);
        return out;
    }

    private static void match(Parameters out, String equivalence, Coding concept, String mapUrl) {
        Parameters.ParametersParameterComponent match = out.addParameter().setName("match");
        match.addPart().setName("equivalence").setValue(new CodeType(equivalence));
        match.addPart().setName("concept").setValue(FhirCodings.toFhir(concept));
        if (mapUrl != null) {
            // FHIR: the canonical reference to the concept map the match came from.
            match.addPart().setName("source").setValue(new UriType(mapUrl));
        }
    }
}
