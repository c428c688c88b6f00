package fr.passerelle.gateway.console.demo;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.gateway.console.demo.ShownDocument.ShownEntry;
import fr.passerelle.gateway.console.demo.ShownDocument.ShownSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Renders what the FHIR road returned — an IPS document Bundle, MedicationRequests with their Medications — in the
 * same shape as {@link PivotCdaView}: a CodeableConcept's first coding is the pivot code, its other codings are
 * the French originals the gateway kept beside it.
 */
@Component
@DemoEnabled
public class FhirView {

    private final FhirContext fhir;
    private final CodeDisplays displays;

    public FhirView(FhirContext fhir, CodeDisplays displays) {
        this.fhir = fhir;
        this.displays = displays;
    }

    public Bundle parse(byte[] json) {
        try {
            return fhir.newJsonParser().parseResource(Bundle.class, new String(json, java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new DemoXml.UnreadableAnswer("the answer is not a FHIR Bundle");
        }
    }

    /** An IPS document Bundle: the Composition's sections and the resources they reference. */
    public ShownDocument summary(Bundle bundle, String language) {
        Map<String, Resource> byReference = index(bundle);
        Composition composition = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Composition.class::isInstance).map(Composition.class::cast).findFirst()
                .orElseThrow(() -> new DemoXml.UnreadableAnswer("the summary Bundle has no Composition"));
        List<ShownSection> sections = new ArrayList<>();
        for (Composition.SectionComponent section : composition.getSection()) {
            Coding code = section.getCode().getCodingFirstRep();
            String heading = displays.heading(code.getSystem(), code.getCode(), section.getTitle(), language);
            List<ShownEntry> entries = section.getEntry().stream()
                    .map(reference -> byReference.get(reference.getReference())).filter(Objects::nonNull)
                    .map(resource -> entry(resource, byReference, language)).toList();
            sections.add(new ShownSection(heading, section.getTitle(), entries));
        }
        return new ShownDocument(composition.getTitle(), "Patient Summary", sections);
    }

    /** A MedicationRequest search (with {@code _include=MedicationRequest:medication}) as one ePrescription view. */
    public ShownDocument prescriptions(Bundle bundle, String language) {
        Map<String, Resource> byReference = index(bundle);
        List<ShownEntry> entries = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(MedicationRequest.class::isInstance)
                .map(request -> entry(request, byReference, language)).toList();
        String heading = displays.heading("http://loinc.org", "57833-6", "Prescription for medication", language);
        return new ShownDocument("ePrescription (" + entries.size() + " item" + (entries.size() == 1 ? "" : "s") + ")",
                "ePrescription", List.of(new ShownSection(heading, "MedicationRequest", entries)));
    }

    private ShownEntry entry(Resource resource, Map<String, Resource> byReference, String language) {
        Map<String, ShownCode> codes = new LinkedHashMap<>();
        String text = null;
        List<Resource> shown = new ArrayList<>();
        shown.add(resource);
        Reference medication = resource instanceof MedicationRequest r && r.hasMedicationReference()
                ? r.getMedicationReference()
                : resource instanceof MedicationStatement s && s.hasMedicationReference() ? s.getMedicationReference()
                : null;
        if (medication != null && byReference.get(medication.getReference()) instanceof Medication product) {
            shown.add(product);
            text = product.getCode().getText();
        }
        for (Resource r : shown) {
            for (CodeableConcept concept : fhir.newTerser().getAllPopulatedChildElementsOfType(r, CodeableConcept.class)) {
                add(concept, language, codes);
            }
        }
        return new ShownEntry(text, List.copyOf(codes.values()));
    }

    private void add(CodeableConcept concept, String language, Map<String, ShownCode> codes) {
        if (!concept.hasCoding()) {
            return;
        }
        Coding pivot = concept.getCodingFirstRep();
        if (!pivot.hasCode() || !pivot.hasSystem() || structural(pivot.getSystem())) {
            return;
        }
        String original = concept.getCoding().stream().skip(1).filter(Coding::hasCode)
                .map(c -> (c.getCode() + " " + (c.hasDisplay() ? c.getDisplay() : "")).strip()).findFirst().orElse(null);
        codes.putIfAbsent(pivot.getSystem() + "|" + pivot.getCode(),
                displays.show(pivot.getSystem(), pivot.getCode(), pivot.getDisplay(), language, original));
    }

    /** HL7 v3 structural vocabularies (act codes, roles): plumbing for a reader. */
    private static boolean structural(String system) {
        return system.startsWith("http://terminology.hl7.org/CodeSystem/v3-");
    }

    /** Resources by every name a reference may use: the entry's fullUrl and {@code Type/id}. */
    private static Map<String, Resource> index(Bundle bundle) {
        Map<String, Resource> index = new LinkedHashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            if (entry.hasFullUrl()) {
                index.put(entry.getFullUrl(), resource);
            }
            if (resource.hasIdElement()) {
                index.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
            }
        }
        return index;
    }
}
