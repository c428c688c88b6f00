package fr.passerelle.gateway.console.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.springframework.stereotype.Component;

/**
 * The results of a FHIR laboratory report document Bundle as table rows: the DiagnosticReport's results in their
 * order, a battery's members after it (its name prefixed), each value, unit, range and interpretation as written
 * (the lab's words: nothing is translated, converted or recomputed).
 */
@Component
@DemoEnabled
public class LabResultsView {

    public List<ShownReport.ShownResult> results(Bundle bundle) {
        Map<String, Resource> byReference = new LinkedHashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() != null) {
                if (entry.hasFullUrl()) {
                    byReference.put(entry.getFullUrl(), entry.getResource());
                }
                byReference.put(entry.getResource().fhirType() + "/" + entry.getResource().getIdElement().getIdPart(),
                        entry.getResource());
            }
        }
        List<ShownReport.ShownResult> rows = new ArrayList<>();
        Set<Resource> seen = new HashSet<>();
        bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(DiagnosticReport.class::isInstance).map(DiagnosticReport.class::cast)
                .forEach(report -> report.getResult().forEach(r -> add(r, "", byReference, rows, seen)));
        return rows;
    }

    private void add(Reference reference, String battery, Map<String, Resource> byReference,
                     List<ShownReport.ShownResult> rows, Set<Resource> seen) {
        if (!(byReference.get(reference.getReference()) instanceof Observation observation)
                || !seen.add(observation)) {
            return;
        }
        String test = battery + name(observation.getCode());
        if (observation.hasValue() || observation.hasDataAbsentReason() || !observation.hasHasMember()) {
            rows.add(new ShownReport.ShownResult(test, value(observation), unit(observation.getValue()),
                    range(observation), interpretation(observation)));
        }
        for (Reference member : observation.getHasMember()) {
            add(member, name(observation.getCode()) + " › ", byReference, rows, seen);
        }
    }

    private static String name(CodeableConcept code) {
        Coding first = code.getCodingFirstRep();
        String label = code.hasText() ? code.getText() : first.hasDisplay() ? first.getDisplay() : first.getCode();
        return first.hasCode() && !first.getCode().equals(label) ? label + " (" + first.getCode() + ")"
                : label == null ? "" : label;
    }

    private static String value(Observation observation) {
        if (!observation.hasValue()) {
            return observation.hasDataAbsentReason() ? "absent: " + concept(observation.getDataAbsentReason()) : "";
        }
        Type value = observation.getValue();
        if (value instanceof Quantity quantity) {
            return (quantity.hasComparator() ? quantity.getComparator().toCode() + " " : "")
                    + quantity.getValueElement().getValueAsString();
        }
        if (value instanceof Range range) {
            return bound(range.getLow()) + " – " + bound(range.getHigh());
        }
        if (value instanceof Ratio ratio) {
            return bound(ratio.getNumerator()) + " / " + bound(ratio.getDenominator());
        }
        if (value instanceof CodeableConcept concept) {
            return concept(concept);
        }
        return value.primitiveValue() == null ? "" : value.primitiveValue();
    }

    private static String unit(Type value) {
        Quantity quantity = value instanceof Quantity q ? q : value instanceof Range r ? r.getLow() : null;
        if (quantity == null) {
            return "";
        }
        return quantity.hasUnit() ? quantity.getUnit() : quantity.hasCode() ? quantity.getCode() : "";
    }

    private static String range(Observation observation) {
        return observation.getReferenceRange().stream().map(range -> {
            if (range.hasLow() || range.hasHigh()) {
                String bounds = range.hasLow() && range.hasHigh()
                        ? bound(range.getLow()) + " – " + bound(range.getHigh())
                        : range.hasLow() ? "≥ " + bound(range.getLow()) : "≤ " + bound(range.getHigh());
                return range.hasText() ? bounds + " (" + range.getText() + ")" : bounds;
            }
            return range.hasText() ? range.getText() : "";
        }).filter(s -> !s.isEmpty()).collect(Collectors.joining("; "));
    }

    private static String interpretation(Observation observation) {
        return observation.getInterpretation().stream().map(LabResultsView::concept)
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
    }

    private static String bound(Quantity quantity) {
        return quantity.hasValue() ? quantity.getValueElement().getValueAsString() : "?";
    }

    private static String concept(CodeableConcept concept) {
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream().map(c -> c.hasDisplay() ? c.getDisplay() + " (" + c.getCode() + ")"
                : c.getCode()).filter(s -> s != null && !s.isEmpty()).collect(Collectors.joining(", "));
    }
}
