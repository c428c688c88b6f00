package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationReport;
import fr.passerelle.translation.TranslationReport.NotCarried;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.ClinicalEntry.Allergy;
import fr.passerelle.translation.cda.ClinicalEntry.DeviceUse;
import fr.passerelle.translation.cda.ClinicalEntry.Immunization;
import fr.passerelle.translation.cda.ClinicalEntry.MedicationStatement;
import fr.passerelle.translation.cda.ClinicalEntry.Observation;
import fr.passerelle.translation.cda.ClinicalEntry.PlannedItem;
import fr.passerelle.translation.cda.ClinicalEntry.Problem;
import fr.passerelle.translation.cda.ClinicalEntry.ProcedureEntry;
import fr.passerelle.translation.cda.ClinicalEntry.UnmodelledEntry;
import fr.passerelle.translation.cda.ClinicalSection;
import fr.passerelle.translation.cda.CodedValue;
import fr.passerelle.terminology.xml.HardenedXml;
import fr.passerelle.translation.cda.SectionKind;
import fr.passerelle.translation.cda.UniqueIds;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes the eHDSI Patient Summary level-3 pivot CDA from a French PS (VSM or IPS-FR) model, in the eHDSI
 * section and entry templates, with the national codes still in place; {@link PivotTranscoder} then maps them.
 *
 * <p>One pivot section per kind: the French sections of one kind (a document may split its problems or
 * results) are merged, narratives one after the other. Sections eHDSI requires but the source lacks (history
 * of procedures, medical devices) are written in the eHDSI "no information" form. Sections eHDSI has no template
 * for (family history, attached documents…) keep their code, title and narrative; their coded entries, and those
 * of sections eHDSI defines as narrative only (care plan, advance directives), are reported as not carried.
 */
public final class PatientSummaryPivotWriter {

    static final String PS_L3 = "1.3.6.1.4.1.12559.11.10.1.3.1.1.3";
    private static final String E = "1.3.6.1.4.1.12559.11.10.1.3.1.";

    /** Sections the source must have: without them the summary would be presented as complete when it is not. */
    private static final List<SectionKind> REQUIRED = List.of(SectionKind.ALLERGIES, SectionKind.MEDICATIONS,
            SectionKind.PROBLEMS);

    /** Sections eHDSI requires, written as "no information" when the source has none. */
    private static final List<SectionKind> REQUIRED_BY_EHDSI = List.of(SectionKind.PROCEDURES, SectionKind.DEVICES);

    private static final List<SectionKind> ORDER = List.of(SectionKind.ALLERGIES, SectionKind.MEDICATIONS,
            SectionKind.PROBLEMS, SectionKind.PROCEDURES, SectionKind.DEVICES, SectionKind.PAST_ILLNESS,
            SectionKind.IMMUNIZATIONS, SectionKind.SOCIAL_HISTORY, SectionKind.PREGNANCY, SectionKind.VITAL_SIGNS,
            SectionKind.RESULTS, SectionKind.FUNCTIONAL_STATUS, SectionKind.PLAN_OF_CARE,
            SectionKind.ADVANCE_DIRECTIVES);

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
            Map.entry(SectionKind.FUNCTIONAL_STATUS, new String[] {E + "2.14"}),
            Map.entry(SectionKind.PLAN_OF_CARE, new String[] {E + "2.8", "2.16.840.1.113883.10.20.1.10"}),
            Map.entry(SectionKind.ADVANCE_DIRECTIVES, new String[] {E + "2.16"}));

    /** eHDSI sections whose template requires at least one entry of its own kind: narrative-only otherwise. */
    private static final List<SectionKind> NEED_ENTRIES = List.of(SectionKind.RESULTS, SectionKind.SOCIAL_HISTORY);

    public Document write(CdaDocument source) throws TranslationException {
        return write(source, new TranslationReport.Builder());
    }

    public Document write(CdaDocument source, TranslationReport.Builder report) throws TranslationException {
        for (SectionKind kind : REQUIRED) {
            source.requiredSection(kind);
        }
        PivotDom dom = new PivotDom(HardenedXml.newDocument());
        Element doc = PivotHeaderWriter.write(dom, source.header(), PS_L3, "60591-5", "Patient summary Document",
                "Patient Summary");
        Element body = dom.add(dom.add(doc, "component"), "structuredBody");
        NarrativeLinks links = new NarrativeLinks();
        PatientSummaryEntries entries = new PatientSummaryEntries(dom, links, new UniqueIds(report::warning));
        for (SectionKind kind : ORDER) {
            List<ClinicalSection> sections = source.sections(kind);
            if (!sections.isEmpty()) {
                section(dom, body, kind, sections, entries, report);
            } else if (REQUIRED_BY_EHDSI.contains(kind)) {
                noInformation(dom, body, kind, entries, report);
            }
        }
        for (ClinicalSection other : source.sections(SectionKind.OTHER)) {
            otherSection(dom, body, other, report);
        }
        links.resolve();
        return dom.document();
    }

    private void section(PivotDom dom, Element body, SectionKind kind, List<ClinicalSection> sections,
                         PatientSummaryEntries entries, TranslationReport.Builder report) {
        boolean anyEntry = sections.stream().anyMatch(s -> !s.entries().isEmpty());
        Element section = dom.add(dom.add(body, "component"), "section");
        if (!NEED_ENTRIES.contains(kind) || anyEntry) {
            dom.templates(section, SECTION_TEMPLATES.get(kind));
        }
        // Without entries, a results or social history section is carried by its narrative alone: eHDSI's
        // template would require an entry the source does not have.
        dom.fixedCode(section, "code", kind.loinc(), PivotHeaderWriter.LOINC, kind.englishTitle());
        ClinicalSection first = sections.get(0);
        dom.text(section, "title", first.title() == null ? kind.englishTitle() : first.title());
        Element narrative = narrative(dom, section, sections);
        if (kind == SectionKind.PREGNANCY) {
            pregnancy(dom, section, narrative, sections, entries, report);
            return;
        }
        for (ClinicalSection s : sections) {
            for (ClinicalEntry entry : s.entries()) {
                entry(dom, section, narrative, kind, entry, entries, report);
            }
        }
    }

    /**
     * eHDSI's Pregnancy History section (2.7) has one coded place for the current pregnancy: the Pregnancy Status
     * observation (3.45, value in eHDSICurrentPregnancyStatus) holding the Expected Delivery Date observation (3.24,
     * code in eHDSIPregnancyInformation). The first French status and the first dated expected delivery date go
     * there. The pregnancy outcome observation (3.46) codes an outcome of eHDSIOutcomeOfPregnancy with a count:
     * French counts (live children, terminations…) are LOINC count codes, not outcomes, and any other pregnancy
     * observation has no eHDSI template; they stay in the section narrative and are reported as not carried.
     */
    private void pregnancy(PivotDom dom, Element section, Element narrative, List<ClinicalSection> sections,
                           PatientSummaryEntries entries, TranslationReport.Builder report) {
        Observation status = null;
        Observation delivery = null;
        for (ClinicalSection s : sections) {
            for (ClinicalEntry entry : s.entries()) {
                if (!(entry instanceof Observation o)) {
                    entry(dom, section, narrative, SectionKind.PREGNANCY, entry, entries, report);
                } else if (PatientSummaryEntries.isLoinc(o.code(), PatientSummaryEntries.PREGNANCY_STATUS)) {
                    if (status == null) {
                        status = o;
                    } else {
                        report.notCarried(new NotCarried(o.source().xpath(), "pregnancy status " + o.code().code()
                                + " (a second one)", "eHDSI's Pregnancy History section (" + E + "2.7) holds one"
                                + " current pregnancy status (" + E + "3.45): the first is carried, this one is in"
                                + " the section narrative copied to the pivot"));
                    }
                } else if (PatientSummaryEntries.isLoinc(o.code(), PatientSummaryEntries.EXPECTED_DELIVERY)
                        && o.timeValue() != null && delivery == null) {
                    delivery = o;
                } else if (PatientSummaryEntries.isLoinc(o.code(), PatientSummaryEntries.EXPECTED_DELIVERY)) {
                    report.notCarried(new NotCarried(o.source().xpath(), "expected delivery date " + o.code().code(),
                            (o.timeValue() == null ? "no date value (TS) to carry" : "a second one: eHDSI's"
                                    + " pregnancy status (" + E + "3.45) holds one expected delivery date (" + E
                                    + "3.24), the first") + "; the section narrative copied to the pivot has it"));
                } else {
                    report.notCarried(new NotCarried(o.source().xpath(), "pregnancy observation "
                            + (o.code() == null || o.code().code() == null ? "without code" : o.code().code()),
                            "eHDSI's Pregnancy History section (" + E + "2.7) codes the current pregnancy status,"
                                    + " the expected delivery date and pregnancy outcomes (" + E + "3.46: an outcome"
                                    + " of eHDSIOutcomeOfPregnancy with a count), which this observation is not; the"
                                    + " section narrative copied to the pivot carries it"));
                }
            }
        }
        if (status != null || delivery != null) {
            entries.pregnancyStatus(section, narrative, status, delivery);
        }
    }

    private void entry(PivotDom dom, Element section, Element narrative, SectionKind kind, ClinicalEntry entry,
                       PatientSummaryEntries entries, TranslationReport.Builder report) {
        if (entry instanceof Allergy a) {
            entries.allergy(section, narrative, a);
        } else if (entry instanceof MedicationStatement m) {
            medication(dom, section, narrative, m, entries);
        } else if (entry instanceof Problem p) {
            entries.problem(section, narrative, p);
        } else if (entry instanceof ProcedureEntry p) {
            entries.procedure(section, narrative, p);
        } else if (entry instanceof DeviceUse d) {
            entries.device(section, narrative, d);
        } else if (entry instanceof Immunization i) {
            entries.immunization(section, narrative, i);
        } else if (entry instanceof Observation o && kind == SectionKind.ADVANCE_DIRECTIVES) {
            report.notCarried(new NotCarried(o.source().xpath(), "advance directive entry", "the eHDSI Advance"
                    + " Directives section (1.3.6.1.4.1.12559.11.10.1.3.1.2.16) is narrative only; the directive is"
                    + " in the section narrative copied to the pivot"));
        } else if (entry instanceof Observation o && kind == SectionKind.VITAL_SIGNS
                && !PatientSummaryEntries.isBloodPressure(o)) {
            report.notCarried(new NotCarried(o.source().xpath(), "vital sign " + (o.code() == null
                    || o.code().code() == null ? "without code" : o.code().code()), "the eHDSI Vital Signs section ("
                    + E + "2.6) codes blood pressure only (organizer " + E + "3.21, eHDSIBloodPressure): the"
                    + " measurement is in the section narrative copied to the pivot"));
        } else if (entry instanceof Observation o) {
            entries.observation(section, narrative, kind, o);
        } else if (entry instanceof PlannedItem p) {
            report.notCarried(new NotCarried(p.source().xpath(), "plan of care " + p.act() + " entry", "the eHDSI"
                    + " Health Maintenance Care Plan section (1.3.6.1.4.1.12559.11.10.1.3.1.2.8) defines no entry;"
                    + " the planned item is in the section narrative copied to the pivot"));
        } else if (entry instanceof UnmodelledEntry u) {
            report.notCarried(new NotCarried(u.source().xpath(), u.act() + " entry of the " + kind.englishTitle()
                    + " section", "no eHDSI entry template for this statement; its section narrative is copied to"
                    + " the pivot"));
        } else {
            report.notCarried(new NotCarried(entry.source().xpath(), "entry of the " + kind.englishTitle()
                    + " section", "no eHDSI Patient Summary entry for this statement"));
        }
    }

    private void medication(PivotDom dom, Element section, Element narrative, MedicationStatement m,
                            PatientSummaryEntries entries) {
        Element sa = dom.add(dom.add(section, "entry", "typeCode", "DRIV"), "substanceAdministration",
                "classCode", "SBADM", "moodCode", "INT");
        dom.templates(sa, E + "3.4", "2.16.840.1.113883.10.20.1.24", "1.3.6.1.4.1.19376.1.5.3.1.4.7.1");
        dom.id(sa, entries.uniqueId(m.id(), m.source()));
        // Posology (every phase) and instructions: MedicineWriter, shared with the ePrescription. The reasons are
        // PatientSummaryEntries' structured RSON observations.
        NarrativeBlock posology = new NarrativeBlock(dom, section, "pass-medication");
        MedicineWriter.administration(dom, sa, posology, new MedicineWriter.Line(m.start(), m.end(), m.posology(),
                null, m.product(), List.of(), null, false), m.end() == null ? "active" : "completed", E + "3.31",
                E + "3.32");
        MedicineWriter.instructions(dom, sa, posology, m.posology());
        entries.reasons(sa, narrative, m);
    }

    /**
     * The narrative of a pivot section: the French narrative copied as it is (the receiving country translates
     * coded entries), several French sections of one kind one after the other, each after its title.
     * Multimedia references are dropped: the media objects are not carried over.
     */
    static Element narrative(PivotDom dom, Element section, List<ClinicalSection> sections) {
        ClinicalSection first = sections.get(0);
        Element text;
        if (first.narrative() == null) {
            text = dom.text(section, "text", first.title());
        } else {
            text = (Element) dom.document().importNode(first.narrative(), true);
            section.appendChild(text);
        }
        for (ClinicalSection more : sections.subList(1, sections.size())) {
            if (more.title() != null) {
                dom.add(text, "paragraph").setTextContent(more.title());
            }
            if (more.narrative() != null) {
                for (Node n = more.narrative().getFirstChild(); n != null; n = n.getNextSibling()) {
                    text.appendChild(dom.document().importNode(n, true));
                }
            }
        }
        for (Element media : CdaNodes.descendants(text, "renderMultiMedia")) {
            media.getParentNode().removeChild(media);
        }
        return text;
    }

    /** Compatibility for writers of one section (the ePrescription). */
    static void narrative(PivotDom dom, Element section, ClinicalSection s) {
        narrative(dom, section, List.of(s));
    }

    /** A section eHDSI requires that the source lacks: the eHDSI "no information" form, never "none known". */
    private void noInformation(PivotDom dom, Element body, SectionKind kind, PatientSummaryEntries entries,
                               TranslationReport.Builder report) {
        Element section = dom.add(dom.add(body, "component"), "section");
        dom.templates(section, SECTION_TEMPLATES.get(kind));
        dom.fixedCode(section, "code", kind.loinc(), PivotHeaderWriter.LOINC, kind.englishTitle());
        dom.text(section, "title", kind.englishTitle());
        Element text = dom.add(section, "text");
        dom.text(text, "paragraph", "No information: the French document has no " + kind.englishTitle().toLowerCase()
                + " section.");
        if (kind == SectionKind.DEVICES) {
            entries.noDeviceInformation(section, text);
        } else {
            entries.noProcedureInformation(section, text);
        }
        report.warning("the source has no " + kind.englishTitle() + " section (" + kind.loinc() + "), which eHDSI"
                + " requires: written as 'no information', not as 'none known'");
    }

    /** A section eHDSI has no template for: its code, title and narrative; its entries reported. */
    private void otherSection(PivotDom dom, Element body, ClinicalSection s, TranslationReport.Builder report) {
        CodedValue code = s.code();
        if (s.hasNarrativeText() || s.title() != null) {
            Element section = dom.add(dom.add(body, "component"), "section");
            if (code != null && code.isCoded()) {
                dom.fixedCode(section, "code", code.code(), code.codeSystem(), code.displayName());
            }
            dom.text(section, "title", s.title() == null ? code == null ? "Other section" : code.displayName() : s.title());
            narrative(dom, section, List.of(s));
        } else {
            report.notCarried(new NotCarried(s.source().xpath(), "section " + (code == null ? "without code"
                    : code.code()), "no title and no narrative text to carry, and no eHDSI template"));
        }
        for (ClinicalEntry e : s.entries()) {
            report.notCarried(new NotCarried(e.source().xpath(), "entry of section " + (code == null ? "without code"
                    : code.code()), "no eHDSI Patient Summary section or entry for it; the section narrative is"
                    + " copied to the pivot"));
        }
    }
}
