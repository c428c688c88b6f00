package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.CdaNodes;
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
import fr.passerelle.translation.cda.HardenedXml;
import fr.passerelle.translation.cda.SectionKind;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the eHDSI Patient Summary level-3 pivot CDA from a French PS (VSM or IPS-FR) model, in the eHDSI
 * section and entry templates, with the national codes still in place; {@link PivotTranscoder} then maps them.
 */
public final class PatientSummaryPivotWriter {

    static final String PS_L3 = "1.3.6.1.4.1.12559.11.10.1.3.1.1.3";
    private static final String E = "1.3.6.1.4.1.12559.11.10.1.3.1.";

    /** Sections the eHDSI PS requires, in the order they are written first. */
    private static final List<SectionKind> REQUIRED = List.of(SectionKind.ALLERGIES, SectionKind.MEDICATIONS,
            SectionKind.PROBLEMS);

    private static final List<SectionKind> ORDER = List.of(SectionKind.ALLERGIES, SectionKind.MEDICATIONS,
            SectionKind.PROBLEMS, SectionKind.PROCEDURES, SectionKind.DEVICES, SectionKind.PAST_ILLNESS,
            SectionKind.IMMUNIZATIONS, SectionKind.SOCIAL_HISTORY, SectionKind.PREGNANCY, SectionKind.VITAL_SIGNS,
            SectionKind.RESULTS, SectionKind.FUNCTIONAL_STATUS);

    /** eHDSI section templates (plus the CCD/PCC ones the eHDSI templates declare). */
    private static final Map<SectionKind, String[]> SECTION_TEMPLATES = Map.ofEntries(
            Map.entry(SectionKind.MEDICATIONS, new String[] {E + "2.3", "2.16.840.1.113883.10.20.1.8"}),
            Map.entry(SectionKind.ALLERGIES, new String[] {E + "2.12"}),
            Map.entry(SectionKind.PROCEDURES, new String[] {E + "2.11"}),
            Map.entry(SectionKind.PROBLEMS, new String[] {E + "2.9", "2.16.840.1.113883.10.20.1.11"}),
            Map.entry(SectionKind.DEVICES, new String[] {E + "2.4", "2.16.840.1.113883.10.20.1.7",
                    "1.3.6.1.4.1.19376.1.5.3.1.1.5.3.5"}),
            Map.entry(SectionKind.PAST_ILLNESS, new String[] {E + "2.10"}),
            Map.entry(SectionKind.IMMUNIZATIONS, new String[] {E + "2.15", "2.16.840.1.113883.10.20.1.6"}),
            Map.entry(SectionKind.PREGNANCY, new String[] {E + "2.7"}),
            Map.entry(SectionKind.SOCIAL_HISTORY, new String[] {E + "2.13", "2.16.840.1.113883.10.20.1.15"}),
            Map.entry(SectionKind.VITAL_SIGNS, new String[] {E + "2.6"}),
            Map.entry(SectionKind.RESULTS, new String[] {E + "2.5"}),
            Map.entry(SectionKind.FUNCTIONAL_STATUS, new String[] {E + "2.14"}));

    public Document write(CdaDocument source) throws TranslationException {
        for (SectionKind kind : REQUIRED) {
            if (source.section(kind).isEmpty()) {
                throw new TranslationException(new TranslationFailure.MissingMandatorySection(
                        "/ClinicalDocument/component/structuredBody", kind.loinc(), kind.englishTitle()));
            }
        }
        PivotDom dom = new PivotDom(HardenedXml.newDocument());
        Element doc = PivotHeaderWriter.write(dom, source.header(), PS_L3, "60591-5", "Patient summary Document",
                "Patient Summary");
        Element body = dom.add(dom.add(doc, "component"), "structuredBody");
        for (SectionKind kind : ORDER) {
            source.section(kind).ifPresent(s -> section(dom, body, s));
        }
        return dom.document();
    }

    private void section(PivotDom dom, Element body, ClinicalSection s) {
        Element section = dom.add(dom.add(body, "component"), "section");
        dom.templates(section, SECTION_TEMPLATES.get(s.kind()));
        dom.fixedCode(section, "code", s.kind().loinc(), PivotHeaderWriter.LOINC, s.kind().englishTitle());
        dom.text(section, "title", s.title() == null ? s.kind().englishTitle() : s.title());
        narrative(dom, section, s);
        for (ClinicalEntry entry : s.entries()) {
            if (entry instanceof Allergy a) {
                allergy(dom, section, a);
            } else if (entry instanceof MedicationStatement m) {
                medication(dom, section, m);
            } else if (entry instanceof Problem p) {
                problem(dom, section, p);
            } else if (entry instanceof ProcedureEntry p) {
                procedure(dom, section, p);
            } else if (entry instanceof DeviceUse d) {
                device(dom, section, d);
            } else if (entry instanceof Immunization i) {
                immunization(dom, section, i);
            } else if (entry instanceof Observation o) {
                observation(dom, section, s.kind(), o);
            }
            // Prescription and dispensation lines never occur in a patient summary section.
        }
    }

    /**
     * Copies the French narrative as it is (the pivot carries the original narrative; the receiving country
     * translates coded entries). Multimedia references are dropped: the media objects are not carried over.
     */
    static void narrative(PivotDom dom, Element section, ClinicalSection s) {
        if (s.narrative() == null) {
            dom.text(section, "text", s.title());
            return;
        }
        Element copy = (Element) dom.document().importNode(s.narrative(), true);
        for (Element media : CdaNodes.descendants(copy, "renderMultiMedia")) {
            media.getParentNode().removeChild(media);
        }
        section.appendChild(copy);
    }

    private static Element entry(PivotDom dom, Element section) {
        return dom.add(section, "entry", "typeCode", "DRIV");
    }

    private void allergy(PivotDom dom, Element section, Allergy a) {
        Element act = dom.add(entry(dom, section), "act", "classCode", "ACT", "moodCode", "EVN");
        dom.templates(act, E + "3.16");
        dom.id(act, (String) null);
        dom.fixedCode(act, "code", "CONC", "2.16.840.1.113883.5.6", null);
        dom.add(act, "statusCode", "code", "active");
        Element eff = dom.add(act, "effectiveTime");
        dom.time(eff, "low", a.onset());
        Element obs = dom.add(dom.add(act, "entryRelationship", "typeCode", "SUBJ", "inversionInd", "false"),
                "observation", "classCode", "OBS", "moodCode", "EVN");
        dom.templates(obs, E + "3.17");
        dom.id(obs, a.id());
        dom.coded(obs, "code", a.type());
        dom.add(obs, "statusCode", "code", "completed");
        Element oeff = dom.add(obs, "effectiveTime");
        dom.time(oeff, "low", a.onset());
        Element entity = dom.add(dom.add(dom.add(obs, "participant", "typeCode", "CSM"), "participantRole",
                "classCode", "MANU"), "playingEntity", "classCode", "MMAT");
        dom.coded(entity, "code", a.agent());
        if (a.reaction() != null) {
            Element m = dom.add(dom.add(obs, "entryRelationship", "typeCode", "MFST", "inversionInd", "true"),
                    "observation", "classCode", "OBS", "moodCode", "EVN");
            dom.templates(m, E + "3.44");
            dom.fixedCode(m, "code", "418799008", "2.16.840.1.113883.6.96", "Finding reported by subject or history provider");
            dom.add(m, "statusCode", "code", "completed");
            dom.coded(m, "value", a.reaction(), "xsi:type", "CD");
        }
        if (a.clinicalStatus() != null) {
            Element st = dom.add(dom.add(obs, "entryRelationship", "typeCode", "REFR"), "observation",
                    "classCode", "OBS", "moodCode", "EVN");
            dom.templates(st, E + "3.34");
            dom.fixedCode(st, "code", "33999-4", PivotHeaderWriter.LOINC, "Status");
            dom.add(st, "statusCode", "code", "completed");
            dom.coded(st, "value", a.clinicalStatus(), "xsi:type", "CD");
        }
    }

    private void problem(PivotDom dom, Element section, Problem p) {
        Element act = dom.add(entry(dom, section), "act", "classCode", "ACT", "moodCode", "EVN");
        dom.templates(act, E + "3.15", "2.16.840.1.113883.10.20.1.27");
        dom.id(act, (String) null);
        dom.fixedCode(act, "code", "CONC", "2.16.840.1.113883.5.6", null);
        dom.add(act, "statusCode", "code", p.resolved() == null ? "active" : "completed");
        Element eff = dom.add(act, "effectiveTime");
        dom.time(eff, "low", p.onset());
        Element obs = dom.add(dom.add(act, "entryRelationship", "typeCode", "SUBJ", "inversionInd", "false"),
                "observation", "classCode", "OBS", "moodCode", "EVN");
        dom.templates(obs, E + "3.7");
        dom.id(obs, p.id());
        dom.coded(obs, "code", p.code());
        dom.add(obs, "statusCode", "code", "completed");
        Element oeff = dom.add(obs, "effectiveTime");
        dom.time(oeff, "low", p.onset());
        if (p.resolved() != null) {
            dom.time(oeff, "high", p.resolved());
        }
        dom.coded(obs, "value", p.condition(), "xsi:type", "CD");
    }

    private void medication(PivotDom dom, Element section, MedicationStatement m) {
        Element sa = dom.add(entry(dom, section), "substanceAdministration", "classCode", "SBADM", "moodCode", "INT");
        dom.templates(sa, E + "3.4", "2.16.840.1.113883.10.20.1.24", "1.3.6.1.4.1.19376.1.5.3.1.4.7.1");
        dom.id(sa, m.id());
        Dosage first = m.dosages().isEmpty() ? null : m.dosages().get(0);
        if (first != null && first.text() != null) {
            dom.text(sa, "text", first.text());
        }
        dom.add(sa, "statusCode", "code", m.end() == null ? "active" : "completed");
        Element eff = dom.add(sa, "effectiveTime", "xsi:type", "IVL_TS");
        dom.time(eff, "low", m.start());
        // An ongoing treatment has no end: eHDSI wants the element, unknown.
        dom.time(eff, "high", m.end());
        MedicineWriter.dosage(dom, sa, first, null);
        MedicineWriter.consumable(dom, sa, m.product(), E + "3.31", E + "3.32");
    }

    private void procedure(PivotDom dom, Element section, ProcedureEntry p) {
        Element proc = dom.add(entry(dom, section), "procedure", "classCode", "PROC", "moodCode", "EVN");
        dom.templates(proc, E + "3.26");
        dom.id(proc, p.id());
        dom.coded(proc, "code", p.code());
        dom.add(proc, "statusCode", "code", "completed");
        dom.time(proc, "effectiveTime", p.date());
    }

    private void device(PivotDom dom, Element section, DeviceUse d) {
        Element supply = dom.add(entry(dom, section), "supply", "classCode", "SPLY", "moodCode", "EVN");
        dom.templates(supply, E + "3.5");
        dom.id(supply, d.id());
        Element eff = dom.add(supply, "effectiveTime", "xsi:type", "IVL_TS");
        dom.time(eff, "low", d.start());
        Element role = dom.add(dom.add(supply, "participant", "typeCode", "DEV"), "participantRole", "classCode", "MANU");
        Element device = dom.add(role, "playingDevice");
        dom.coded(device, "code", d.device());
    }

    private void immunization(PivotDom dom, Element section, Immunization i) {
        Element sa = dom.add(entry(dom, section), "substanceAdministration", "classCode", "SBADM", "moodCode", "EVN",
                "negationInd", "false");
        dom.templates(sa, E + "3.19", "1.3.6.1.4.1.19376.1.5.3.1.4.12", "2.16.840.1.113883.10.20.1.24");
        dom.id(sa, i.id());
        dom.fixedCode(sa, "code", "IMMUNIZ", "2.16.840.1.113883.5.4", null);
        dom.add(sa, "statusCode", "code", "completed");
        dom.time(sa, "effectiveTime", i.date());
        Element product = dom.add(dom.add(sa, "consumable"), "manufacturedProduct", "classCode", "MANU");
        Element material = dom.add(product, "manufacturedMaterial", "classCode", "MMAT", "determinerCode", "KIND");
        dom.coded(material, "code", i.vaccine());
    }

    private void observation(PivotDom dom, Element section, SectionKind kind, Observation o) {
        Element parent = entry(dom, section);
        Element obs;
        if (kind == SectionKind.VITAL_SIGNS) {
            Element organizer = dom.add(parent, "organizer", "classCode", "CLUSTER", "moodCode", "EVN");
            dom.templates(organizer, E + "3.21");
            dom.id(organizer, (String) null);
            dom.fixedCode(organizer, "code", "46680005", "2.16.840.1.113883.6.96", "Vital signs");
            dom.add(organizer, "statusCode", "code", "completed");
            dom.time(organizer, "effectiveTime", o.date());
            obs = dom.add(dom.add(organizer, "component"), "observation", "classCode", "OBS", "moodCode", "EVN");
            dom.templates(obs, E + "3.22");
        } else {
            obs = dom.add(parent, "observation", "classCode", "OBS", "moodCode", "EVN");
            switch (kind) {
                case SOCIAL_HISTORY -> dom.templates(obs, E + "3.23");
                case PREGNANCY -> dom.templates(obs, E + "3.46");
                case RESULTS -> dom.templates(obs, E + "3.25");
                case FUNCTIONAL_STATUS -> dom.templates(obs, E + "3.40");
                default -> {
                    // Other observations carry no eHDSI entry template.
                }
            }
        }
        dom.id(obs, o.id());
        dom.coded(obs, "code", o.code());
        dom.add(obs, "statusCode", "code", "completed");
        dom.time(obs, "effectiveTime", o.date());
        if (o.codedValue() != null) {
            dom.coded(obs, "value", o.codedValue(), "xsi:type", "CD");
        } else if (o.quantity() != null && o.quantity().decimal() == null) {
            // Not an HL7 number (e.g. a decimal comma): carried as written, as text, never guessed; reported.
            dom.text(obs, "value", o.quantity().value() + (o.quantity().unit() == null ? "" : " " + o.quantity().unit()))
                    .setAttributeNS(CdaNodes.XSI, "xsi:type", "ST");
        } else if (o.quantity() != null && o.quantity().unit() != null) {
            dom.quantity(obs, "value", o.quantity(), "xsi:type", "PQ");
        } else if (o.quantity() != null) {
            dom.add(obs, "value", "xsi:type", o.quantity().decimal().scale() <= 0 ? "INT" : "REAL",
                    "value", o.quantity().value());
        } else if (o.textValue() != null) {
            dom.text(obs, "value", o.textValue()).setAttributeNS(CdaNodes.XSI, "xsi:type", "ST");
        }
    }
}
