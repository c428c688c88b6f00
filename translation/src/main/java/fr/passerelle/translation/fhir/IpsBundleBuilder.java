package fr.passerelle.translation.fhir;

import fr.passerelle.terminology.Terminology;
import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationReport;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.ClinicalEntry.Allergy;
import fr.passerelle.translation.cda.ClinicalEntry.DeviceUse;
import fr.passerelle.translation.cda.ClinicalEntry.Immunization;
import fr.passerelle.translation.cda.ClinicalEntry.MedicationStatement;
import fr.passerelle.translation.cda.ClinicalEntry.Observation;
import fr.passerelle.translation.cda.ClinicalEntry.Problem;
import fr.passerelle.translation.cda.ClinicalEntry.ProcedureEntry;
import fr.passerelle.translation.cda.ClinicalSection;
import fr.passerelle.translation.cda.Header;
import fr.passerelle.translation.cda.SectionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DeviceUseStatement;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * Builds the International Patient Summary document Bundle (IPS 2.0.0) from a French PS model: Composition
 * first, Patient, author, custodian, then one resource per clinical entry, all referenced by {@code urn:uuid}
 * full URLs inside the Bundle.
 */
public final class IpsBundleBuilder {

    private static final String LOINC = "http://loinc.org";

    private static final List<SectionKind> ORDER = List.of(SectionKind.ALLERGIES, SectionKind.MEDICATIONS,
            SectionKind.PROBLEMS, SectionKind.PROCEDURES, SectionKind.IMMUNIZATIONS, SectionKind.DEVICES,
            SectionKind.PAST_ILLNESS, SectionKind.VITAL_SIGNS, SectionKind.RESULTS, SectionKind.SOCIAL_HISTORY,
            SectionKind.PREGNANCY, SectionKind.FUNCTIONAL_STATUS, SectionKind.PLAN_OF_CARE,
            SectionKind.ADVANCE_DIRECTIVES);

    private static final Map<SectionKind, String> TITLES = Map.ofEntries(
            Map.entry(SectionKind.ALLERGIES, "Allergies and Intolerances"),
            Map.entry(SectionKind.MEDICATIONS, "Medication Summary"),
            Map.entry(SectionKind.PROBLEMS, "Problem List"),
            Map.entry(SectionKind.PROCEDURES, "History of Procedures"),
            Map.entry(SectionKind.IMMUNIZATIONS, "Immunizations"),
            Map.entry(SectionKind.DEVICES, "Medical Devices"),
            Map.entry(SectionKind.PAST_ILLNESS, "History of Past Illness"),
            Map.entry(SectionKind.VITAL_SIGNS, "Vital Signs"),
            Map.entry(SectionKind.RESULTS, "Results"),
            Map.entry(SectionKind.SOCIAL_HISTORY, "Social History"),
            Map.entry(SectionKind.PREGNANCY, "History of Pregnancy"),
            Map.entry(SectionKind.FUNCTIONAL_STATUS, "Functional Status"),
            Map.entry(SectionKind.PLAN_OF_CARE, "Plan of Care"),
            Map.entry(SectionKind.ADVANCE_DIRECTIVES, "Advance Directives"));

    private final Terminology terminology;

    public IpsBundleBuilder(Terminology terminology) {
        this.terminology = terminology;
    }

    public Bundle build(CdaDocument source, String language, TranslationReport.Builder report) throws TranslationException {
        for (SectionKind kind : List.of(SectionKind.ALLERGIES, SectionKind.MEDICATIONS, SectionKind.PROBLEMS)) {
            source.requiredSection(kind);
        }
        Header h = source.header();
        ResourceIds ids = new ResourceIds(h.id() == null ? null : h.id().root() + "^" + h.id().extension());
        FhirCodes codes = new FhirCodes(terminology, language, report);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.DOCUMENT);
        bundle.getMeta().addProfile(IPS + "Bundle-uv-ips");
        bundle.setIdentifier(h.id() == null ? null : FhirHeader.identifier(h.id()));
        DateTimeType effective = FhirDates.dateTime(h.effectiveTime());
        bundle.setTimestamp(effective == null ? new java.util.Date() : effective.getValue());

        Composition composition = new Composition();
        String compositionUrl = ids.next("Composition");
        add(bundle, compositionUrl, composition);

        Patient patient = FhirHeader.patient(h.patient());
        FhirHeader.contacts(patient, h.patient().guardian(), h.contacts());
        String patientUrl = ids.next("Patient");
        add(bundle, patientUrl, patient);
        Reference subject = new Reference(patientUrl);

        String authorUrl = null;
        if (h.author().person() != null) {
            Practitioner practitioner = FhirHeader.practitioner(h.author().person());
            authorUrl = ids.next("Practitioner");
            add(bundle, authorUrl, practitioner);
        }
        String custodianUrl = ids.next("Organization");
        add(bundle, custodianUrl, FhirHeader.organization(h.custodian()));

        composition.setStatus(Composition.CompositionStatus.FINAL);
        composition.setType(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(LOINC, "60591-5",
                "Patient summary Document")));
        if (h.documentCode() != null && h.documentCode().isCoded()) {
            // The French document type (a VSM's SYNTH, a discharge letter's 74207-2…) becomes the IPS type.
            report.mapped(new TranslationReport.MappedCode("Composition.type", "1.3.6.1.4.1.12559.11.10.1.3.1.42.32",
                    h.documentCode().codeSystem(),
                    h.documentCode().code(), "2.16.840.1.113883.6.1", "60591-5"));
        }
        composition.setSubject(subject);
        composition.setDateElement(effective == null ? DateTimeType.now() : effective);
        composition.addAuthor(new Reference(authorUrl != null ? authorUrl : custodianUrl));
        composition.setTitle("Patient Summary");
        composition.setCustodian(new Reference(custodianUrl));
        FhirHeader.identity(composition, h, report);

        IpsResources resources = new IpsResources(codes, report, subject, effective);
        int sectionIndex = 0;
        for (SectionKind kind : ORDER) {
            List<ClinicalSection> sections = source.sections(kind);
            if (sections.isEmpty()) {
                continue;
            }
            sectionIndex++;
            Composition.SectionComponent section = composition.addSection();
            section.setTitle(TITLES.get(kind));
            section.setCode(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(LOINC, kind.loinc(),
                    kind.englishTitle())));
            entries(bundle, ids, resources, section, kind, sections, sectionIndex, report);
        }
        for (ClinicalSection other : source.sections(SectionKind.OTHER)) {
            sectionIndex++;
            Composition.SectionComponent section = composition.addSection();
            fr.passerelle.translation.cda.CodedValue code = other.code();
            section.setTitle(other.title() != null ? other.title() : code != null && code.displayName() != null
                    ? code.displayName() : "Other section");
            if (code != null && code.isCoded()) {
                section.setCode(FhirCodes.asIs(code));
            }
            entries(bundle, ids, resources, section, SectionKind.OTHER, List.of(other), sectionIndex, report);
        }
        composition.setText(narrative(List.of("Patient Summary translated from a French "
                + source.format().name().replace('_', '-') + " document.")));
        return bundle;
    }

    /** The section's entries as resources, its narrative (generated lines and the French text), or why it is empty. */
    private static void entries(Bundle bundle, ResourceIds ids, IpsResources resources,
                                Composition.SectionComponent section, SectionKind kind, List<ClinicalSection> sections,
                                int sectionIndex, TranslationReport.Builder report) {
        List<String> lines = new ArrayList<>();
        List<org.w3c.dom.Element> narratives = new ArrayList<>();
        int entryIndex = 0;
        for (ClinicalSection s : sections) {
            narratives.add(s.narrative());
            for (ClinicalEntry e : s.entries()) {
                entryIndex++;
                if (kind == SectionKind.OTHER) {
                    String code = s.code() == null ? "without code" : s.code().code();
                    report.notCarried(new TranslationReport.NotCarried(e.source().xpath(), "entry of section " + code,
                            "no IPS section or resource for it; the section's narrative is in the Bundle"));
                    continue;
                }
                String where = "Composition.section[" + sectionIndex + "].entry[" + entryIndex + "]";
                Resource r = resources.resource(kind, e, where);
                if (r == null) {
                    continue;
                }
                String url = ids.next(r.fhirType());
                add(bundle, url, r);
                section.addEntry(new Reference(url));
                lines.add(describe(e));
                if (r instanceof DeviceUseStatement dus && dus.getDevice().getResource() instanceof Device device) {
                    String deviceUrl = ids.next("Device");
                    add(bundle, deviceUrl, device);
                    dus.setDevice(new Reference(deviceUrl));
                }
            }
        }
        boolean anyText = sections.stream().anyMatch(ClinicalSection::hasNarrativeText);
        if (section.getEntry().isEmpty() && !anyText) {
            section.setEmptyReason(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
                    "http://terminology.hl7.org/CodeSystem/list-empty-reason", "unavailable", "Unavailable")));
            lines.add("No information available.");
        }
        section.setText(FhirNarrative.section(lines, narratives));
    }

    private static String describe(ClinicalEntry e) {
        if (e instanceof Allergy a) {
            return "Allergy/intolerance: " + display(a.agent());
        }
        if (e instanceof MedicationStatement m) {
            return "Medication: " + (m.product().name() != null ? m.product().name() : display(m.product().code()));
        }
        if (e instanceof Problem p) {
            return "Problem: " + display(p.condition());
        }
        if (e instanceof ProcedureEntry p) {
            return "Procedure: " + display(p.code());
        }
        if (e instanceof Immunization i) {
            return "Immunization: " + display(i.vaccine());
        }
        if (e instanceof DeviceUse d) {
            return "Device: " + display(d.device());
        }
        if (e instanceof ClinicalEntry.PlannedItem p) {
            return "Planned: " + (p.productName() != null ? p.productName() : p.code() != null ? display(p.code())
                    : p.narrative() != null ? p.narrative() : p.act());
        }
        if (e instanceof Observation o) {
            String value = o.codedValue() != null ? display(o.codedValue())
                    : o.quantity() != null ? o.quantity().value() + (o.quantity().unit() == null ? "" : " " + o.quantity().unit())
                    : o.textValue() != null ? o.textValue() : "no value";
            return display(o.code()) + ": " + value;
        }
        return "Entry";
    }

    private static String display(fr.passerelle.translation.cda.CodedValue v) {
        if (v == null) {
            return "unknown";
        }
        return v.displayName() != null ? v.displayName() : v.code();
    }

    static Narrative narrative(List<String> lines) {
        XhtmlNode div = new XhtmlNode(org.hl7.fhir.utilities.xhtml.NodeType.Element, "div");
        div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
        XhtmlNode ul = div.addTag("ul");
        for (String line : lines) {
            ul.addTag("li").addText(line);
        }
        return new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED).setDiv(div);
    }

    static CodeableConcept unknown() {
        return new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
                "http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown", "Unknown"));
    }

    static org.hl7.fhir.r4.model.Extension dataAbsent() {
        return new org.hl7.fhir.r4.model.Extension("http://hl7.org/fhir/StructureDefinition/data-absent-reason",
                new org.hl7.fhir.r4.model.CodeType("unknown"));
    }

    private static void add(Bundle bundle, String fullUrl, Resource r) {
        if (PROFILED.contains(r.fhirType())) {
            r.getMeta().addProfile(IPS + r.fhirType() + "-uv-ips");
        }
        bundle.addEntry().setFullUrl(fullUrl).setResource(r);
    }

    private static final String IPS = "http://hl7.org/fhir/uv/ips/StructureDefinition/";

    /** The resources with an IPS 2.0.0 profile ({@code <type>-uv-ips}), which they claim and are validated against. */
    private static final Set<String> PROFILED = Set.of("Composition", "Patient", "Practitioner", "Organization",
            "AllergyIntolerance", "MedicationStatement", "Condition", "Procedure", "Immunization", "DeviceUseStatement",
            "Device");
}
