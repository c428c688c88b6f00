package fr.passerelle.translation.fhir;

import fr.passerelle.terminology.Terminology;
import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.TranslationReport;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.ClinicalEntry.Allergy;
import fr.passerelle.translation.cda.ClinicalEntry.DeviceUse;
import fr.passerelle.translation.cda.ClinicalEntry.Dosage;
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
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DeviceUseStatement;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * Builds the International Patient Summary document Bundle (IPS 2.0.0) from a French PS model: Composition
 * first, Patient, author, custodian, then one resource per clinical entry, all referenced by {@code urn:uuid}
 * full URLs inside the Bundle.
 */
public final class IpsBundleBuilder {

    private static final String LOINC = "http://loinc.org";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String VS = "1.3.6.1.4.1.12559.11.10.1.3.1.42.";

    private static final List<SectionKind> ORDER = List.of(SectionKind.ALLERGIES, SectionKind.MEDICATIONS,
            SectionKind.PROBLEMS, SectionKind.PROCEDURES, SectionKind.IMMUNIZATIONS, SectionKind.DEVICES,
            SectionKind.PAST_ILLNESS, SectionKind.VITAL_SIGNS, SectionKind.RESULTS, SectionKind.SOCIAL_HISTORY,
            SectionKind.PREGNANCY);

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
            Map.entry(SectionKind.PREGNANCY, "History of Pregnancy"));

    private final Terminology terminology;

    public IpsBundleBuilder(Terminology terminology) {
        this.terminology = terminology;
    }

    public Bundle build(CdaDocument source, String language, TranslationReport.Builder report) throws TranslationException {
        for (SectionKind kind : List.of(SectionKind.ALLERGIES, SectionKind.MEDICATIONS, SectionKind.PROBLEMS)) {
            if (source.section(kind).isEmpty()) {
                throw new TranslationException(new TranslationFailure.MissingMandatorySection(
                        "/ClinicalDocument/component/structuredBody", kind.loinc(), kind.englishTitle()));
            }
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
            report.mapped(new TranslationReport.MappedCode("Composition.type", VS + "32", h.documentCode().codeSystem(),
                    h.documentCode().code(), "2.16.840.1.113883.6.1", "60591-5"));
        }
        composition.setSubject(subject);
        composition.setDateElement(effective == null ? DateTimeType.now() : effective);
        composition.addAuthor(new Reference(authorUrl != null ? authorUrl : custodianUrl));
        composition.setTitle("Patient Summary");
        composition.setCustodian(new Reference(custodianUrl));
        if (h.id() != null) {
            composition.setIdentifier(FhirHeader.identifier(h.id()));
        }
        if (h.confidentiality() != null) {
            try {
                composition.setConfidentiality(Composition.DocumentConfidentiality.fromCode(h.confidentiality().code()));
            } catch (org.hl7.fhir.exceptions.FHIRException notHl7) {
                // Composition.confidentiality is bound to the HL7 codes (U, L, M, N, R, V): another code has no place.
                report.notCarried(new TranslationReport.NotCarried(h.confidentiality().source().xpath(),
                        "document confidentiality", "not an HL7 Confidentiality code, which Composition.confidentiality requires"));
            }
        }

        int sectionIndex = 0;
        for (SectionKind kind : ORDER) {
            ClinicalSection s = source.section(kind).orElse(null);
            if (s == null) {
                continue;
            }
            sectionIndex++;
            Composition.SectionComponent section = composition.addSection();
            section.setTitle(TITLES.get(kind));
            section.setCode(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(LOINC, kind.loinc(),
                    kind.englishTitle())));
            List<String> lines = new ArrayList<>();
            int entryIndex = 0;
            for (ClinicalEntry e : s.entries()) {
                entryIndex++;
                String where = "Composition.section[" + sectionIndex + "].entry[" + entryIndex + "]";
                Resource r = e instanceof Observation o ? observation(kind, o, subject, codes, where)
                        : resource(e, subject, codes, where);
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
            if (section.getEntry().isEmpty()) {
                section.setEmptyReason(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
                        "http://terminology.hl7.org/CodeSystem/list-empty-reason", "unavailable", "Unavailable")));
                lines.add("No information available.");
            }
            section.setText(narrative(lines));
        }
        composition.setText(narrative(List.of("Patient Summary translated from a French "
                + source.format().name().replace('_', '-') + " document.")));
        return bundle;
    }

    private Resource resource(ClinicalEntry e, Reference subject, FhirCodes codes, String where) {
        if (e instanceof Allergy a) {
            AllergyIntolerance ai = new AllergyIntolerance();
            ai.setPatient(subject);
            CodeableConcept agent = codes.concept(a.agent(), VS + "24", where + ".code", true);
            ai.setCode(agent != null ? agent : unknown());
            ai.setClinicalStatus(clinical("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                    a.clinicalStatus() != null && "inactive".equals(a.clinicalStatus().code()) ? "inactive" : "active"));
            ai.setVerificationStatus(clinical("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed"));
            if (a.type() != null && a.type().code() != null) {
                // SNOMED "allergy to …" concepts say allergy; anything else is left to the code.
                ai.setType(a.type().displayName() != null && a.type().displayName().toLowerCase().contains("intol")
                        ? AllergyIntolerance.AllergyIntoleranceType.INTOLERANCE
                        : AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
            }
            DateTimeType onset = FhirDates.dateTime(a.onset());
            if (onset != null) {
                ai.setOnset(onset);
            }
            if (a.reaction() != null) {
                CodeableConcept m = codes.concept(a.reaction(), VS + "5", where + ".reaction.manifestation", false);
                if (m != null) {
                    ai.addReaction().addManifestation(m);
                }
            }
            return ai;
        }
        if (e instanceof MedicationStatement m) {
            org.hl7.fhir.r4.model.MedicationStatement ms = new org.hl7.fhir.r4.model.MedicationStatement();
            ms.setStatus(org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus.ACTIVE);
            ms.setSubject(subject);
            CodeableConcept medication = codes.concept(m.product().code(), VS + "24", where + ".medicationCodeableConcept", true);
            if (medication == null && m.product().atc() != null) {
                medication = codes.concept(m.product().atc(), VS + "24", where + ".medicationCodeableConcept", true);
            }
            if (medication != null && m.product().name() != null) {
                medication.setText(m.product().name());
            }
            ms.setMedication(medication != null ? medication : unknown());
            org.hl7.fhir.r4.model.Period period = new org.hl7.fhir.r4.model.Period();
            DateTimeType start = FhirDates.dateTime(m.start());
            DateTimeType end = FhirDates.dateTime(m.end());
            if (start != null) {
                period.setStartElement(start);
            }
            if (end != null) {
                period.setEndElement(end);
            }
            if (start == null && end == null) {
                DateTimeType absent = new DateTimeType();
                absent.addExtension(dataAbsent());
                ms.setEffective(absent);
            } else {
                ms.setEffective(period);
            }
            for (Dosage d : m.dosages()) {
                ms.addDosage(MpdBuilder.dosage(d, codes, where + ".dosage"));
            }
            return ms;
        }
        if (e instanceof Problem p) {
            Condition c = new Condition();
            c.setSubject(subject);
            CodeableConcept code = codes.concept(p.condition(), VS + "5", where + ".code", true);
            c.setCode(code != null ? code : unknown());
            c.setClinicalStatus(clinical("http://terminology.hl7.org/CodeSystem/condition-clinical",
                    p.resolved() == null ? "active" : "resolved"));
            DateTimeType onset = FhirDates.dateTime(p.onset());
            if (onset != null) {
                c.setOnset(onset);
            }
            DateTimeType resolved = FhirDates.dateTime(p.resolved());
            if (resolved != null) {
                c.setAbatement(resolved);
            }
            return c;
        }
        if (e instanceof ProcedureEntry p) {
            Procedure proc = new Procedure();
            proc.setStatus(Procedure.ProcedureStatus.COMPLETED);
            proc.setSubject(subject);
            CodeableConcept code = codes.concept(p.code(), VS + "10", where + ".code", false);
            proc.setCode(code != null ? code : unknown());
            DateTimeType when = FhirDates.dateTime(p.date());
            if (when == null) {
                when = new DateTimeType();
                when.addExtension(dataAbsent());
            }
            proc.setPerformed(when);
            return proc;
        }
        if (e instanceof Immunization i) {
            org.hl7.fhir.r4.model.Immunization imm = new org.hl7.fhir.r4.model.Immunization();
            imm.setStatus(org.hl7.fhir.r4.model.Immunization.ImmunizationStatus.COMPLETED);
            imm.setPatient(subject);
            CodeableConcept vaccine = codes.concept(i.vaccine(), VS + "28", where + ".vaccineCode", false);
            imm.setVaccineCode(vaccine != null ? vaccine : unknown());
            DateTimeType when = FhirDates.dateTime(i.date());
            imm.setOccurrence(when != null ? when : new StringType("unknown"));
            return imm;
        }
        if (e instanceof DeviceUse d) {
            Device device = new Device();
            CodeableConcept type = codes.concept(d.device(), VS + "8", where + ".device.type", false);
            device.setType(type != null ? type : unknown());
            device.setPatient(subject);
            DeviceUseStatement dus = new DeviceUseStatement();
            dus.setStatus(DeviceUseStatement.DeviceUseStatementStatus.ACTIVE);
            dus.setSubject(subject);
            dus.getDevice().setResource(device);
            DateTimeType start = FhirDates.dateTime(d.start());
            if (start != null) {
                dus.setTiming(start);
            }
            return dus;
        }
        // Observations are built by observation(), which needs the section they belong to.
        return null;
    }

    private static final String VITAL_SIGNS_PROFILE = "http://hl7.org/fhir/StructureDefinition/vitalsigns";
    private static final String UCUM = "http://unitsofmeasure.org";

    /**
     * An observation of the vital signs, results, social history or pregnancy section. The LOINC code the
     * French document uses is what IPS expects for these observations, so it is kept; social history codes
     * also get their eHDSISocialHistory pivot coding. Vital signs with a date and a UCUM quantity claim the
     * core vital-signs profile the IPS section slices on.
     */
    private static org.hl7.fhir.r4.model.Observation observation(SectionKind kind, Observation o, Reference subject,
                                                                FhirCodes codes, String where) {
        org.hl7.fhir.r4.model.Observation obs = new org.hl7.fhir.r4.model.Observation();
        obs.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL);
        obs.setSubject(subject);
        String category = switch (kind) {
            case VITAL_SIGNS -> "vital-signs";
            case RESULTS -> "laboratory";
            case SOCIAL_HISTORY -> "social-history";
            default -> null;
        };
        if (category != null) {
            obs.addCategory(clinical("http://terminology.hl7.org/CodeSystem/observation-category", category));
        }
        CodeableConcept code = kind == SectionKind.SOCIAL_HISTORY
                ? codes.concept(o.code(), VS + "14", where + ".code", false) : FhirCodes.asIs(o.code());
        obs.setCode(code != null ? code : unknown());
        DateTimeType when = FhirDates.dateTime(o.date());
        if (when != null) {
            obs.setEffective(when);
        }
        java.math.BigDecimal number = o.quantity() == null ? null : o.quantity().decimal();
        if (o.codedValue() != null && o.codedValue().isCoded()) {
            obs.setValue(FhirCodes.asIs(o.codedValue()));
        } else if (o.quantity() != null && number == null) {
            // Not an HL7 number (e.g. a decimal comma): carried as written, as text, never guessed; reported.
            obs.setValue(new StringType(o.quantity().value() + (o.quantity().unit() == null ? "" : " " + o.quantity().unit())));
        } else if (o.quantity() != null && o.quantity().unit() != null && !o.quantity().unit().startsWith("{")) {
            // French CDA quantities are UCUM: the unit is also the UCUM code.
            obs.setValue(new org.hl7.fhir.r4.model.Quantity().setValue(number)
                    .setUnit(o.quantity().unit()).setSystem(UCUM).setCode(o.quantity().unit()));
        } else if (o.quantity() != null && isInteger(number)) {
            obs.setValue(new org.hl7.fhir.r4.model.IntegerType(number.intValueExact()));
        } else if (o.quantity() != null) {
            obs.setValue(new org.hl7.fhir.r4.model.Quantity().setValue(number));
        } else if (o.textValue() != null) {
            obs.setValue(new StringType(o.textValue()));
        } else {
            obs.setDataAbsentReason(clinical("http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown"));
        }
        if (kind == SectionKind.VITAL_SIGNS && when != null && obs.getValue() instanceof org.hl7.fhir.r4.model.Quantity q
                && q.hasSystem()) {
            obs.getMeta().addProfile(VITAL_SIGNS_PROFILE);
        }
        return obs;
    }

    private static boolean isInteger(java.math.BigDecimal n) {
        try {
            n.intValueExact();
            return true;
        } catch (ArithmeticException notAnInt) {
            return false;
        }
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

    private static CodeableConcept clinical(String system, String code) {
        return new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(system, code, null));
    }

    private static void add(Bundle bundle, String fullUrl, Resource r) {
        String profile = PROFILES.get(r.fhirType());
        if (profile != null) {
            r.getMeta().addProfile(IPS + profile);
        }
        bundle.addEntry().setFullUrl(fullUrl).setResource(r);
    }

    private static final String IPS = "http://hl7.org/fhir/uv/ips/StructureDefinition/";

    /** The IPS 2.0.0 profile each resource claims (and is validated against). */
    private static final Map<String, String> PROFILES = Map.ofEntries(
            Map.entry("Composition", "Composition-uv-ips"),
            Map.entry("Patient", "Patient-uv-ips"),
            Map.entry("Practitioner", "Practitioner-uv-ips"),
            Map.entry("Organization", "Organization-uv-ips"),
            Map.entry("AllergyIntolerance", "AllergyIntolerance-uv-ips"),
            Map.entry("MedicationStatement", "MedicationStatement-uv-ips"),
            Map.entry("Condition", "Condition-uv-ips"),
            Map.entry("Procedure", "Procedure-uv-ips"),
            Map.entry("Immunization", "Immunization-uv-ips"),
            Map.entry("DeviceUseStatement", "DeviceUseStatement-uv-ips"),
            Map.entry("Device", "Device-uv-ips"));
}
