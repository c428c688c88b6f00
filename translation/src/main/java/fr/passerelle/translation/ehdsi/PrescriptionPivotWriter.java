package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.ClinicalEntry.Dosage;
import fr.passerelle.translation.cda.ClinicalEntry.PrescriptionLine;
import fr.passerelle.translation.cda.ClinicalSection;
import fr.passerelle.translation.cda.HardenedXml;
import fr.passerelle.translation.cda.SectionKind;
import java.util.StringJoiner;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the eHDSI ePrescription level-3 pivot from a French eP-MED-DM: one prescription entry per medicine,
 * product by active ingredient (ATC) with strength, EDQM dose form and package, quantity, structured and
 * narrative posology, and whether substitution is allowed.
 */
public final class PrescriptionPivotWriter {

    static final String EP_L3 = "1.3.6.1.4.1.12559.11.10.1.3.1.1.1";
    private static final String E = "1.3.6.1.4.1.12559.11.10.1.3.1.";

    public Document write(CdaDocument source) throws TranslationException {
        ClinicalSection prescriptions = source.section(SectionKind.PRESCRIPTIONS).orElseThrow(() ->
                new TranslationException(new TranslationFailure.MissingMandatorySection(
                        "/ClinicalDocument/component/structuredBody", SectionKind.PRESCRIPTIONS.loinc(),
                        SectionKind.PRESCRIPTIONS.englishTitle())));
        PivotDom dom = new PivotDom(HardenedXml.newDocument());
        Element doc = PivotHeaderWriter.write(dom, source.header(), EP_L3, "57833-6", "Prescription for medication",
                "ePrescription");
        Element body = dom.add(dom.add(doc, "component"), "structuredBody");
        Element section = dom.add(dom.add(body, "component"), "section");
        // The eHDSI prescription section is a CCD medications section (the eHDSI schematron checks that lineage).
        dom.templates(section, E + "2.1", "2.16.840.1.113883.10.20.1.8");
        dom.id(section, source.header().id());
        dom.fixedCode(section, "code", SectionKind.PRESCRIPTIONS.loinc(), PivotHeaderWriter.LOINC, "Prescriptions");
        dom.text(section, "title", prescriptions.title() == null ? "Prescriptions" : prescriptions.title());
        PatientSummaryPivotWriter.narrative(dom, section, prescriptions);
        // The prescriber of every line: the French document's author.
        PivotHeaderWriter.prescriber(dom, section, source.header());
        for (ClinicalEntry e : prescriptions.entries()) {
            if (e instanceof PrescriptionLine line) {
                line(dom, section, line);
            }
        }
        return dom.document();
    }

    private void line(PivotDom dom, Element section, PrescriptionLine line) {
        Element sa = dom.add(dom.add(section, "entry", "typeCode", "COMP"), "substanceAdministration",
                "classCode", "SBADM", "moodCode", "INT");
        dom.templates(sa, "2.16.840.1.113883.10.20.1.24", "1.3.6.1.4.1.19376.1.5.3.1.4.7", E + "3.2",
                "1.3.6.1.4.1.19376.1.5.3.1.4.7.1", E + "3.4");
        dom.id(sa, line.id());
        dom.fixedCode(sa, "code", "DRUG", "2.16.840.1.113883.5.4", "Drug therapy");
        dom.text(sa, "text", posologyText(line));
        dom.add(sa, "statusCode", "code", "active");
        Element eff = dom.add(sa, "effectiveTime", "xsi:type", "IVL_TS");
        dom.time(eff, "low", line.start());
        dom.time(eff, "high", line.end());
        Dosage first = line.dosages().isEmpty() ? null : line.dosages().get(0);
        MedicineWriter.dosage(dom, sa, first, line.repeats());
        MedicineWriter.consumable(dom, sa, line.product(), E + "3.29", E + "3.30");
        Element supply = dom.add(dom.add(sa, "entryRelationship", "typeCode", "COMP"), "supply", "classCode", "SPLY",
                "moodCode", "RQO");
        dom.add(supply, "independentInd", "value", "false");
        if (line.quantityToDispense() != null) {
            dom.quantity(supply, "quantity", line.quantityToDispense());
        } else {
            dom.add(supply, "quantity", "nullFlavor", "UNK");
        }
        Element subst = dom.add(dom.add(sa, "entryRelationship", "typeCode", "SUBJ", "inversionInd", "true"),
                "observation", "classCode", "OBS", "moodCode", "EVN");
        dom.add(subst, "code", "code", "SUBST", "codeSystem", "2.16.840.1.113883.5.6");
        if (line.substitutionAllowed()) {
            dom.add(subst, "value", "xsi:type", "CE", "code", "G", "codeSystem", "2.16.840.1.113883.5.1070",
                    "displayName", "generic composition");
        } else {
            dom.add(subst, "value", "xsi:type", "CE", "code", "N", "codeSystem", "2.16.840.1.113883.5.1070",
                    "displayName", "none");
        }
    }

    /** The narrative posology: every dosage line, as the French prescriber wrote it. */
    private static String posologyText(PrescriptionLine line) {
        StringJoiner text = new StringJoiner("; ");
        if (line.narrative() != null) {
            text.add(line.narrative());
        }
        for (Dosage d : line.dosages()) {
            if (d.text() != null) {
                text.add(d.text());
            }
        }
        return text.length() == 0 ? (line.product().name() == null ? "-" : line.product().name()) : text.toString();
    }
}
