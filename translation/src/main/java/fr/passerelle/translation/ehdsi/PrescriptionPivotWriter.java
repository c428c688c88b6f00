package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.TranslationReport;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.ClinicalEntry.DeviceRequest;
import fr.passerelle.translation.cda.ClinicalEntry.Observation;
import fr.passerelle.translation.cda.ClinicalEntry.PrescriptionLine;
import fr.passerelle.translation.cda.ClinicalEntry.Quantity;
import fr.passerelle.translation.cda.ClinicalSection;
import fr.passerelle.translation.cda.CodedValue;
import fr.passerelle.translation.cda.UniqueIds;
import fr.passerelle.terminology.xml.HardenedXml;
import fr.passerelle.translation.cda.PrescriptionDocument;
import fr.passerelle.translation.cda.Header;
import fr.passerelle.translation.cda.SectionKind;
import fr.passerelle.translation.cda.SourceConsistency;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the eHDSI ePrescription level-3 pivot from a French eP-MED-DM. eHDSI holds one prescription item per
 * ePrescription document ({@link #writeItems}): the product by active ingredient (ATC) with strength, EDQM dose
 * form and package, the quantity to dispense, the posology (every phase's timing structured, the rest in the
 * narrative and the patient medication instructions), the instructions to the dispenser and whether substitution
 * is allowed. {@link #write} puts every item in its own prescription section of one document, for roads that
 * serve one document per French prescription.
 *
 * <p>What the eHDSI ePrescription has no place for is reported as not carried: a prescribed medical device (eHDSI
 * prescribes medicinal products only) and the pregnancy status and vital signs the prescriber recorded.
 */
public final class PrescriptionPivotWriter {

    static final String EP_L3 = "1.3.6.1.4.1.12559.11.10.1.3.1.1.1";
    private static final String E = "1.3.6.1.4.1.12559.11.10.1.3.1.";
    private static final String EDQM = "0.4.0.127.0.16.1.1.2.1";

    /** One document holding every prescription item, each in its own eHDSI prescription section. */
    public Document write(CdaDocument source) throws TranslationException {
        List<PrescriptionLine> lines = lines(source);
        List<String> ids = lineIds(lines, warning -> { });
        PivotDom dom = new PivotDom(HardenedXml.newDocument());
        Element body = header(dom, source);
        for (int i = 0; i < lines.size(); i++) {
            section(dom, body, source, lines.get(i), ids.get(i), i + 1);
        }
        return dom.document();
    }

    /**
     * One eHDSI ePrescription document per prescription item, as eHDSI requires. When the French prescription
     * has several lines, each document gets its own id and set id, derived from the French ones and the item's
     * position ({@link #itemDocumentId}); a single-line prescription keeps the French ids.
     */
    public List<Document> writeItems(CdaDocument source) throws TranslationException {
        List<PrescriptionLine> lines = lines(source);
        List<String> ids = lineIds(lines, warning -> { });
        List<Document> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            PivotDom dom = new PivotDom(HardenedXml.newDocument());
            Element body = header(dom, source);
            if (lines.size() > 1) {
                Element root = dom.document().getDocumentElement();
                identify(CdaNodes.child(root, "id"), itemDocumentId(source.header().id(), i + 1));
                identify(CdaNodes.child(root, "setId"), itemDocumentId(source.header().setId(), i + 1));
            }
            section(dom, body, source, lines.get(i), ids.get(i), i + 1);
            out.add(dom.document());
        }
        return out;
    }

    /**
     * The id of the document of the n-th item of a multi-line French prescription: the French root with the
     * extension {@code n} (or {@code extension-n}), so the French prescription and the line stay traceable.
     */
    public static Header.InstanceId itemDocumentId(Header.InstanceId french, int n) {
        if (french == null) {
            return null;
        }
        return new Header.InstanceId(french.root(), french.extension() == null ? Integer.toString(n)
                : french.extension() + "-" + n);
    }

    private static void identify(Element id, Header.InstanceId value) {
        if (id == null || value == null) {
            return;
        }
        id.removeAttribute("nullFlavor");
        id.setAttribute("root", value.root());
        id.setAttribute("extension", value.extension());
    }

    private static List<PrescriptionLine> lines(CdaDocument source) throws TranslationException {
        ClinicalSection prescriptions = source.requiredSection(SectionKind.PRESCRIPTIONS);
        // Every prescription section's lines, in document order.
        List<PrescriptionLine> lines = new ArrayList<>();
        for (ClinicalEntry e : source.entries(SectionKind.PRESCRIPTIONS)) {
            if (e instanceof PrescriptionLine line) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw new TranslationException(new TranslationFailure.MissingMandatorySection(
                    prescriptions.source().xpath(), SectionKind.PRESCRIPTIONS.loinc(),
                    "a prescription item (medicinal product)"));
        }
        return lines;
    }

    private static Element header(PivotDom dom, CdaDocument source) {
        Element doc = PivotHeaderWriter.write(dom, source.header(), EP_L3, "57833-6", "Prescription for medication",
                "ePrescription");
        return dom.add(dom.add(doc, "component"), "structuredBody");
    }

    /** Reports what the pivot cannot hold, and what the source says inconsistently or ambiguously. */
    public void report(CdaDocument source, TranslationReport.Builder report) throws TranslationException {
        List<PrescriptionLine> lines = lines(source);
        for (ClinicalEntry e : source.entries(SectionKind.DEVICES)) {
            if (e instanceof DeviceRequest d) {
                report.notCarried(new TranslationReport.NotCarried(d.source().xpath(), "medical device prescription",
                        "the eHDSI ePrescription prescribes medicinal products only; the FHIR MPD carries it as a"
                                + " DeviceRequest"));
            }
        }
        PrescriptionDocument.unmodelledEntries(source, "eHDSI ePrescription").forEach(report::notCarried);
        for (ClinicalSection s : PrescriptionDocument.uncarriedSections(source, true)) {
            report.notCarried(new TranslationReport.NotCarried(s.source().xpath(), PrescriptionDocument.describe(s),
                    "the eHDSI ePrescription has no place for it"));
        }
        for (SectionKind kind : List.of(SectionKind.PREGNANCY, SectionKind.VITAL_SIGNS)) {
            for (ClinicalEntry e : source.entries(kind)) {
                if (e instanceof Observation o) {
                    report.notCarried(new TranslationReport.NotCarried(o.source().xpath(),
                            kind == SectionKind.PREGNANCY ? "pregnancy status" : "vital sign (" + code(o.code()) + ")",
                            "the eHDSI ePrescription has no element for it; the FHIR MPD carries it as an Observation"
                                    + " supporting each MedicationRequest"));
                }
            }
        }
        lineIds(lines, report::warning);
        for (int i = 0; i < lines.size(); i++) {
            PrescriptionLine line = lines.get(i);
            for (String w : SourceConsistency.warnings(line.product(), line.dosages(), line.source().xpath())) {
                report.warning(w);
            }
            if (line.posology().isMultiPhase() && !MedicineWriter.structurallyComplete(line.posology())) {
                report.warning("prescription line " + (i + 1) + " at " + line.source().xpath() + ": "
                        + line.posology().phases().size() + " posology phases that one eHDSI substanceAdministration"
                        + " cannot hold in structure (doses, routes or conditions differ): timings as an SXPR_TS union,"
                        + " each phase in the narrative and the patient medication instructions");
            }
            if (line.quantityToDispense() != null && !countable(line.quantityToDispense().unit())) {
                report.warning("prescription line " + (i + 1) + " at " + line.source().xpath()
                        + ": the quantity to dispense is in " + line.quantityToDispense().unit()
                        + ", not a count of packages; carried as written (eHDSI expects unit 1)");
            }
        }
    }

    private void section(PivotDom dom, Element body, CdaDocument source, PrescriptionLine line, String lineId, int n) {
        Element section = dom.add(dom.add(body, "component"), "section", "classCode", "DOCSECT", "moodCode", "EVN");
        // The eHDSI prescription section is a CCD medications section (the eHDSI schematron checks that lineage).
        dom.templates(section, E + "2.1", "2.16.840.1.113883.10.20.1.8");
        dom.id(section, sectionId(source.header().id(), n));
        dom.fixedCode(section, "code", SectionKind.PRESCRIPTIONS.loinc(), PivotHeaderWriter.LOINC, "Prescriptions");
        // eHDSI fixes the title: "Prescriptions".
        dom.text(section, "title", "Prescriptions");
        NarrativeBlock narrative = new NarrativeBlock(dom, section, "ep-item-" + n);
        narrative.paragraph("Medicinal product", line.product().name() == null ? "(no name)" : line.product().name());
        // The prescriber of every line: the French document's author.
        PivotHeaderWriter.prescriber(dom, section, source.header());
        Element sa = dom.add(dom.add(section, "entry", "typeCode", "COMP"), "substanceAdministration",
                "classCode", "SBADM", "moodCode", "INT");
        dom.templates(sa, "2.16.840.1.113883.10.20.1.24", "1.3.6.1.4.1.19376.1.5.3.1.4.7", E + "3.2",
                "1.3.6.1.4.1.19376.1.5.3.1.4.7.1", E + "3.4");
        dom.id(sa, lineId);
        dom.fixedCode(sa, "code", "DRUG", "2.16.840.1.113883.5.4", "Drug therapy");
        CodedValue packageForm = line.quantityToDispense() != null && isEdqmCode(line.quantityToDispense().unit())
                ? new CodedValue(line.quantityToDispense().unit(), EDQM, null, null, line.source()) : null;
        MedicineWriter.administration(dom, sa, narrative, new MedicineWriter.Line(line.start(), line.end(),
                line.posology(), line.repeats(), line.product(), line.reasons(), packageForm, true), "active",
                E + "3.29", E + "3.30");
        Element supply = dom.add(dom.add(sa, "entryRelationship", "typeCode", "COMP"), "supply", "classCode", "SPLY",
                "moodCode", "RQO");
        dom.add(supply, "independentInd", "value", "false");
        Quantity toDispense = line.quantityToDispense();
        if (toDispense != null) {
            // eHDSI counts packages (unit 1); the package's form is the product's asContent.
            dom.quantity(supply, "quantity", countable(toDispense.unit()) ? new Quantity(toDispense.value(), "1") : toDispense);
        } else {
            dom.add(supply, "quantity", "nullFlavor", "UNK");
        }
        narrative.paragraph("Quantity to dispense", toDispense == null ? "not stated"
                : toDispense.value() + (toDispense.unit() == null || toDispense.unit().equals("1") ? ""
                : isEdqmCode(toDispense.unit()) ? " package(s) (EDQM " + toDispense.unit() + ")" : " " + toDispense.unit()));
        MedicineWriter.instructions(dom, sa, narrative, line.posology());
        Element subst = dom.add(dom.add(sa, "entryRelationship", "typeCode", "SUBJ", "inversionInd", "true"),
                "observation", "classCode", "OBS", "moodCode", "EVN");
        dom.add(subst, "code", "code", "SUBST", "codeSystem", "2.16.840.1.113883.5.6", "displayName", "Substitution");
        if (line.substitutionAllowed()) {
            dom.add(subst, "value", "xsi:type", "CE", "code", "G", "codeSystem", "2.16.840.1.113883.5.1070",
                    "displayName", "generic composition");
        } else {
            dom.add(subst, "value", "xsi:type", "CE", "code", "N", "codeSystem", "2.16.840.1.113883.5.1070",
                    "displayName", "none");
        }
        narrative.paragraph("Substitution", (line.substitutionAllowed() ? "allowed" : "not allowed")
                + (line.substitutionReason() == null ? "" : " (\u00ab " + line.substitutionReason() + " \u00bb)"));
        if (line.repeats() != null) {
            narrative.paragraph("Renewals allowed", line.repeats().toString());
        }
        if (line.start() != null || line.end() != null) {
            narrative.paragraph("Treatment period", (line.start() == null ? "?" : PosologyText.date(line.start()))
                    + " - " + (line.end() == null ? "?" : PosologyText.date(line.end())));
        }
        String qualifiers = qualifiers(line.qualifiers());
        if (qualifiers != null) {
            narrative.paragraph("French prescription qualifiers", qualifiers);
        }
        for (String comment : PrescriptionDocument.comments(source)) {
            // The prescriber's comment on the whole prescription goes with every item.
            narrative.paragraph("Prescriber's comment", comment);
        }
    }

    /**
     * The output id of every line: a line repeating an earlier line's id gets a derived one ({@link UniqueIds}),
     * the same in every document of the prescription and in the FHIR MPD, since a dispensation abroad names the
     * line it fulfils by its id.
     */
    static List<String> lineIds(List<PrescriptionLine> lines, java.util.function.Consumer<String> warnings) {
        UniqueIds unique = new UniqueIds(warnings);
        return lines.stream().map(l -> unique.unique(l.id(), l.source())).toList();
    }

    /** Each prescription section's own id, derived from the document id and the item's position. */
    private static String sectionId(Header.InstanceId documentId, int n) {
        String seed = (documentId == null ? "" : documentId.root() + "^" + documentId.extension()) + "/prescription/" + n;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(java.util.Locale.ROOT);
    }

    /** A count of packages or of units: an EDQM package code, a UCUM annotation, "1" or no unit at all. */
    private static boolean countable(String unit) {
        return unit == null || unit.equals("1") || unit.startsWith("{") || isEdqmCode(unit);
    }

    private static final java.util.regex.Pattern EIGHT_DIGITS = java.util.regex.Pattern.compile("\\d{8}");

    private static boolean isEdqmCode(String unit) {
        return unit != null && EIGHT_DIGITS.matcher(unit).matches();
    }

    private static String qualifiers(List<Observation> qualifiers) {
        StringJoiner out = new StringJoiner("; ");
        for (Observation o : qualifiers) {
            String value = o.textValue() != null ? ("true".equals(o.textValue()) ? "yes" : "false".equals(o.textValue())
                    ? "no" : o.textValue())
                    : o.codedValue() != null ? code(o.codedValue()) : o.quantity() != null ? PosologyText.quantity(o.quantity()) : null;
            if (o.code() != null && value != null) {
                out.add(code(o.code()) + ": " + value);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static String code(CodedValue c) {
        if (c == null) {
            return "uncoded";
        }
        return c.displayName() != null ? c.displayName() : c.code();
    }
}
