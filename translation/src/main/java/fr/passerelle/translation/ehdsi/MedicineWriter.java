package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.cda.ClinicalEntry.Dosage;
import fr.passerelle.translation.cda.ClinicalEntry.MaxDose;
import fr.passerelle.translation.cda.ClinicalEntry.Posology;
import fr.passerelle.translation.cda.ClinicalEntry.Reason;
import fr.passerelle.translation.cda.ClinicalEntry.Repeat;
import fr.passerelle.translation.cda.ClinicalEntry.Ingredient;
import fr.passerelle.translation.cda.ClinicalEntry.Product;
import fr.passerelle.translation.cda.ClinicalEntry.Quantity;
import fr.passerelle.translation.cda.CodedValue;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.w3c.dom.Element;

/**
 * Writes a medicinal product and its dosage the eHDSI way: the active ingredient coded by ATC (from the
 * national product code, mapped later by the transcoder), strength, EDQM dose form and package.
 */
final class MedicineWriter {

    private MedicineWriter() {
    }

    /** IHE PCC act code system of the instruction acts. */
    private static final String IHE_ACT_CODE = "1.3.6.1.4.1.19376.1.5.3.2";
    private static final String E = "1.3.6.1.4.1.12559.11.10.1.3.1.";

    /**
     * What the pivot says of a medication line beyond its templates and id: a prescription item or a medication
     * statement.
     *
     * @param repeats          renewals allowed (prescriptions only)
     * @param packageFormFallback the package form the source names elsewhere (the unit of the quantity to
     *                         dispense), used when the product names none
     * @param prescriptionItem an ePrescription item: eHDSI requires its package ({@code pharm:asContent}) and lists
     *                         its active ingredients; a PS ingredient must state its strength, so a PS product
     *                         without an ingredient list keeps its active substance in asSpecializedKind only
     */
    record Line(String start, String end, Posology posology, Integer repeats, Product product, List<Reason> reasons,
                CodedValue packageFormFallback, boolean prescriptionItem) {
    }

    /** Whether one substanceAdministration can hold the posology in structure (else the narrative carries it). */
    static boolean structurallyComplete(Posology p) {
        List<Dosage> phases = p.phases();
        if (phases.isEmpty()) {
            return false;
        }
        Dosage first = phases.get(0);
        for (Dosage d : phases) {
            if (!Objects.equals(d.doseLow(), first.doseLow()) || !Objects.equals(d.doseHigh(), first.doseHigh())
                    || !Objects.equals(d.rateLow(), first.rateLow()) || !Objects.equals(d.rateHigh(), first.rateHigh())
                    || !sameRoute(d.route(), first.route()) || d.condition() != null || d.siteText() != null) {
                return false;
            }
        }
        return p.maxDoses().size() <= 1;
    }

    /**
     * Writes, in the CDA order of substanceAdministration, the text (a reference to the posology in the
     * narrative), status, treatment interval, frequency, renewals, route, dose, rate, maximum dose and the
     * consumable. Every phase's timing is structured (one PIVL/EIVL, or an SXPR_TS union of the phases); a dose
     * that differs between phases cannot be one doseQuantity: nullFlavor OTH, the phases' doses in the narrative.
     * A posology given as free text only has no structured dose or frequency: nullFlavor NI (no structured
     * information), its text in the narrative.
     */
    static void administration(PivotDom dom, Element sa, NarrativeBlock narrative, Line line, String status,
                               String productTemplate, String materialTemplate) {
        Posology p = line.posology();
        String described = PosologyText.describe(p);
        if (described != null) {
            dom.add(dom.add(sa, "text"), "reference", "value", narrative.paragraph("Posology", described));
        }
        dom.add(sa, "statusCode", "code", status);
        Element eff = dom.add(sa, "effectiveTime", "xsi:type", "IVL_TS");
        dom.time(eff, "low", line.start());
        dom.time(eff, "high", line.end());
        frequency(dom, sa, p.phases());
        if (line.repeats() != null) {
            dom.add(sa, "repeatNumber", "value", line.repeats().toString());
        }
        CodedValue route = p.phases().isEmpty() ? null : p.phases().get(0).route();
        if (route != null) {
            otherWhenUnmapped(dom.coded(sa, "routeCode", route));
        }
        dose(dom, sa, p.phases());
        rate(dom, sa, p.phases());
        if (!p.maxDoses().isEmpty()) {
            MaxDose max = p.maxDoses().get(0);
            Element m = dom.add(sa, "maxDoseQuantity");
            dom.quantity(m, "numerator", unitless(max.numerator()));
            dom.quantity(m, "denominator", max.denominator() == null ? new Quantity("1", "1") : max.denominator());
        }
        consumable(dom, sa, line, productTemplate, materialTemplate);
        if (!line.reasons().isEmpty()) {
            StringJoiner reasons = new StringJoiner("; ");
            for (Reason r : line.reasons()) {
                String code = r.code() == null ? null : r.code().code() + (r.code().displayName() == null ? ""
                        : " " + r.code().displayName());
                reasons.add(r.text() != null && code != null && !code.contains(r.text()) ? code + " (" + r.text() + ")"
                        : code != null ? code : r.text());
            }
            narrative.paragraph("Reason", reasons.toString());
        }
    }

    /**
     * The eHDSI patient medication instructions (and the instructions to the dispenser), each an act whose text
     * references the narrative. When the posology cannot be held in structure, its description leads the
     * patient's instructions so that a reader of either finds the whole regimen.
     */
    static void instructions(PivotDom dom, Element sa, NarrativeBlock narrative, Posology p) {
        if (p.fulfilmentInstructions() != null) {
            instruction(dom, sa, "FINSTRUCT", "Medication fulfillment instructions", narrative.paragraph(
                    "Instructions to the dispenser", p.fulfilmentInstructions()),
                    "2.16.840.1.113883.10.20.1.43", "1.3.6.1.4.1.19376.1.5.3.1.4.3.1", E + "3.13");
        }
        String posology = structurallyComplete(p) ? null : PosologyText.describe(p);
        if (p.patientInstructions() != null || posology != null) {
            StringJoiner text = new StringJoiner(" ");
            if (posology != null) {
                text.add(posology);
            }
            if (p.patientInstructions() != null) {
                text.add(p.patientInstructions());
            }
            instruction(dom, sa, "PINSTRUCT", "Patient Medication Instructions", narrative.paragraph(
                    "Patient medication instructions", text.toString()),
                    "2.16.840.1.113883.10.20.1.49", "1.3.6.1.4.1.19376.1.5.3.1.4.3", E + "3.12");
        }
    }

    /** One IHE instruction act (IHEActCode {@code code}) whose text references its narrative paragraph. */
    private static void instruction(PivotDom dom, Element sa, String code, String display, String narrativeId,
                                    String... templates) {
        Element act = dom.add(dom.add(sa, "entryRelationship", "typeCode", "SUBJ", "inversionInd", "true"), "act",
                "classCode", "ACT", "moodCode", "INT");
        dom.templates(act, templates);
        dom.add(act, "code", "code", code, "codeSystem", IHE_ACT_CODE, "codeSystemName", "IHEActCode",
                "displayName", display);
        dom.add(dom.add(act, "text"), "reference", "value", narrativeId);
        dom.add(act, "statusCode", "code", "completed");
    }

    /** The frequency: one phase's repeat rule, an SXPR_TS of several, or nullFlavor NI when none is structured. */
    private static void frequency(PivotDom dom, Element sa, List<Dosage> phases) {
        List<Dosage> timed = phases.stream().filter(d -> d.hasTiming()
                || (phases.size() > 1 && (d.start() != null || d.end() != null || d.duration() != null))).toList();
        if (timed.isEmpty()) {
            // No structured frequency (a free-text posology): the element is required, and a null effectiveTime
            // beside the non-null treatment interval is not allowed (RIM-001): a periodic time whose period is NI.
            Element pivl = dom.add(sa, "effectiveTime", "xsi:type", "PIVL_TS", "operator", "A");
            dom.add(pivl, "period", "nullFlavor", "NI");
            return;
        }
        if (phases.size() == 1 && timed.get(0).repeats().size() == 1) {
            repeat(dom, sa, "effectiveTime", timed.get(0).repeats().get(0), timed.get(0).start(), "A");
            return;
        }
        // Intersected (operator A) with the treatment interval, like a single PIVL_TS.
        Element union = dom.add(sa, "effectiveTime", "xsi:type", "SXPR_TS", "operator", "A");
        if (phases.size() == 1) {
            boolean first = true;
            for (Repeat r : timed.get(0).repeats()) {
                // Several rules of one phase (e.g. every 12 h and at bedtime) apply together: their union.
                repeat(dom, union, "comp", r, timed.get(0).start(), first ? null : "I");
                first = false;
            }
            return;
        }
        boolean first = true;
        for (Dosage d : timed) {
            // Each phase is its interval intersected with its repeat rules; the posology is their union.
            Element comp = dom.add(union, "comp", "xsi:type", "SXPR_TS");
            if (!first) {
                comp.setAttribute("operator", "I");
            }
            first = false;
            boolean firstPart = true;
            if (d.start() != null || d.end() != null || d.duration() != null) {
                Element ivl = dom.add(comp, "comp", "xsi:type", "IVL_TS");
                if (d.start() != null) {
                    dom.add(ivl, "low", "value", d.start());
                }
                if (d.duration() != null) {
                    dom.quantity(ivl, "width", d.duration());
                } else if (d.end() != null) {
                    dom.add(ivl, "high", "value", d.end());
                }
                firstPart = false;
            }
            for (Repeat r : d.repeats()) {
                repeat(dom, comp, "comp", r, d.start(), firstPart ? null : "A");
                firstPart = false;
            }
        }
    }

    private static void repeat(PivotDom dom, Element parent, String name, Repeat r, String start, String operator) {
        Element e;
        if (r.event() != null) {
            e = dom.add(parent, name, "xsi:type", "EIVL_TS");
            if (operator != null) {
                e.setAttribute("operator", operator);
            }
            // EIVL events are HL7 TimingEvent codes (before breakfast, at bedtime…).
            String display = PosologyText.timingEvent(r.event());
            Element event = dom.add(e, "event", "code", r.event(), "codeSystem", "2.16.840.1.113883.5.139");
            if (display != null) {
                event.setAttribute("displayName", display);
            }
            if (r.offset() != null) {
                dom.quantity(dom.add(e, "offset"), "low", r.offset());
            }
            return;
        }
        e = dom.add(parent, name, "xsi:type", "PIVL_TS");
        if (operator != null) {
            e.setAttribute("operator", operator);
        }
        e.setAttribute("institutionSpecified", Boolean.toString(r.institutionSpecified()));
        if (r.timeOfDay() != null) {
            // A PIVL phase is a point in time whose date is arbitrary: the start of the treatment, or the epoch.
            String day = start != null && start.length() >= 8 ? start.substring(0, 8) : "19700101";
            dom.add(dom.add(e, "phase"), "low", "value", day + r.timeOfDay().replace(":", ""));
        }
        if (r.period() != null) {
            dom.quantity(e, "period", r.period());
        } else {
            dom.quantity(e, "period", new Quantity("1", "d"));
        }
    }

    private static void dose(PivotDom dom, Element sa, List<Dosage> phases) {
        List<Dosage> dosed = phases.stream().filter(Dosage::hasStructuredDose).toList();
        if (dosed.isEmpty()) {
            dom.add(sa, "doseQuantity", "nullFlavor", "NI");
            return;
        }
        Dosage d = dosed.get(0);
        boolean same = dosed.size() == phases.size() && phases.stream().allMatch(x ->
                Objects.equals(x.doseLow(), d.doseLow()) && Objects.equals(x.doseHigh(), d.doseHigh()));
        if (!same) {
            // Phases with different doses: one doseQuantity cannot say it (the narrative gives each phase's dose).
            dom.add(sa, "doseQuantity", "nullFlavor", "OTH");
            return;
        }
        // eHDSI expresses the dose as a range; a single French dose is the range [dose, dose].
        Element dose = dom.add(sa, "doseQuantity");
        dom.quantity(dose, "low", unitless(d.doseLow() != null ? d.doseLow() : d.doseHigh()));
        dom.quantity(dose, "high", unitless(d.doseHigh() != null ? d.doseHigh() : d.doseLow()));
    }

    private static void rate(PivotDom dom, Element sa, List<Dosage> phases) {
        if (phases.isEmpty() || phases.stream().anyMatch(x -> x.rateLow() == null && x.rateHigh() == null)) {
            return;
        }
        Dosage d = phases.get(0);
        if (phases.stream().allMatch(x -> Objects.equals(x.rateLow(), d.rateLow())
                && Objects.equals(x.rateHigh(), d.rateHigh()))) {
            Element rate = dom.add(sa, "rateQuantity");
            dom.quantity(rate, "low", d.rateLow() != null ? d.rateLow() : d.rateHigh());
            dom.quantity(rate, "high", d.rateHigh() != null ? d.rateHigh() : d.rateLow());
        }
    }

    private static boolean sameRoute(CodedValue a, CodedValue b) {
        return a == null ? b == null : b != null && Objects.equals(a.code(), b.code())
                && Objects.equals(a.codeSystem(), b.codeSystem());
    }

    /**
     * French doses count units of presentation ({tablet}); in eHDSI the dose form already says what is
     * counted and the unit is "1".
     */
    static Quantity unitless(Quantity q) {
        return q.unit() == null || q.unit().startsWith("{") ? new Quantity(q.value(), "1") : q;
    }

    static void consumable(PivotDom dom, Element sa, Line line, String productTemplate, String materialTemplate) {
        Element product = dom.add(dom.add(sa, "consumable", "typeCode", "CSM"), "manufacturedProduct", "classCode", "MANU");
        dom.templates(product, productTemplate);
        Element material = dom.add(product, "manufacturedMaterial", "classCode", "MMAT", "determinerCode", "KIND");
        dom.templates(material, materialTemplate);
        material(dom, material, line.product(), line.packageFormFallback(), line.prescriptionItem());
    }

    /**
     * The elements eHDSI binds to a value set and lets say "other": a code the transcoder cannot map becomes
     * {@code nullFlavor="OTH"} with the national code as translation (e.g. EDQM 50015000, a dose form the MVC lacks).
     */
    private static Element otherWhenUnmapped(Element coded) {
        coded.setUserData(PivotDom.OTHER_WHEN_UNMAPPED, Boolean.TRUE, null);
        return coded;
    }

    /** CIP: the French code of a package (presentation) of a medicinal product. */
    private static final String CIP = "1.2.250.1.213.2.3.2";

    static void material(PivotDom dom, Element material, Product p, CodedValue packageFormFallback,
                         boolean prescriptionItem) {
        if (p.code() != null && p.code().isCoded()) {
            // The national product identifier (CIS/CIP/UCD), which no MVC value set covers: carried as is.
            dom.coded(material, "code", p.code());
        }
        dom.text(material, "name", p.name() == null ? "(no name)" : p.name());
        if (p.doseForm() != null) {
            otherWhenUnmapped(dom.pharmCoded(material, "formCode", p.doseForm()));
        }
        CodedValue packageForm = p.packageForm() != null ? p.packageForm() : packageFormFallback;
        if (p.packageQuantity() != null || prescriptionItem) {
            // The package: how many units of the product it holds and its form (box, tube…). eHDSI requires it on
            // an ePrescription; a French line that names no package size leaves the quantity unknown (nullFlavor UNK).
            Element content = dom.pharm(material, "asContent", "classCode", "CONT");
            if (p.packageQuantity() != null && p.packageQuantity().decimal() == null) {
                // Not an HL7 decimal (a decimal comma…): not guessed, the reader reported it.
                dom.pharm(content, "quantity", "nullFlavor", "OTH");
            } else if (p.packageQuantity() != null) {
                Quantity q = unitless(p.packageQuantity());
                Element qe = dom.pharm(content, "quantity", "value", q.value(), "unit", q.unit());
                qe.setAttributeNS(fr.passerelle.translation.cda.CdaNodes.XSI, "xsi:type", "PQ");
            } else {
                dom.pharm(content, "quantity", "nullFlavor", "UNK");
            }
            Element container = dom.pharm(content, "containerPackagedProduct", "classCode", "CONT", "determinerCode", "KIND");
            CodedValue cip = p.code() == null ? null : p.code().inSystem(CIP);
            if (cip != null) {
                // The French package code (CIP) names the exact presentation prescribed.
                Element code = dom.pharm(container, "code", "code", cip.code(), "codeSystem", cip.codeSystem());
                if (cip.displayName() != null) {
                    code.setAttribute("displayName", cip.displayName());
                    dom.pharm(container, "name").setTextContent(cip.displayName());
                }
            }
            otherWhenUnmapped(dom.pharmCoded(container, "formCode", packageForm));
        }
        // The national product code goes first so the pivot keeps it as <translation> of the ATC class.
        CodedValue substanceClass = p.code() != null && p.code().isCoded() ? p.code() : p.atc();
        if (substanceClass != null && substanceClass.isCoded()) {
            Element kind = dom.pharm(material, "asSpecializedKind", "classCode", "GRIC");
            Element general = dom.pharm(kind, "generalizedMaterialKind", "classCode", "MMAT", "determinerCode", "KIND");
            otherWhenUnmapped(dom.pharmCoded(general, "code", withFallbacks(substanceClass, p)));
        }
        if (prescriptionItem && p.ingredients().isEmpty() && substanceClass != null && substanceClass.isCoded()) {
            // No ingredient list in the source: the active ingredient is identified from the product code.
            Element ing = dom.pharm(material, "ingredient", "classCode", "ACTI");
            Element substance = dom.pharm(ing, "ingredientSubstance", "classCode", "MMAT", "determinerCode", "KIND");
            dom.pharmCoded(substance, "code", withFallbacks(p.code() != null ? p.code() : p.atc(), p));
        }
        for (Ingredient i : p.ingredients()) {
            Element ing = dom.pharm(material, "ingredient", "classCode", "ACTI");
            if (i.strengthNumerator() != null) {
                Element q = dom.pharm(ing, "quantity");
                dom.quantity(q, "numerator", i.strengthNumerator(), "xsi:type", "PQ");
                dom.quantity(q, "denominator", i.strengthDenominator() == null ? new Quantity("1", "1")
                        : unitless(i.strengthDenominator()), "xsi:type", "PQ");
            }
            Element substance = dom.pharm(ing, "ingredientSubstance", "classCode", "MMAT", "determinerCode", "KIND");
            // Substance first; when it is missing the product code lets the terminology find the ATC substance.
            CodedValue code = i.substance() != null ? i.substance() : (p.atc() != null ? p.atc() : p.code());
            dom.pharmCoded(substance, "code", withFallbacks(code, p));
            if (i.name() != null) {
                dom.pharm(substance, "name").setTextContent(i.name());
            }
        }
    }

    /**
     * The code with the product's other codes (author ATC, national product code) as translations, so the
     * transcoder can still reach the MVC when the first code (e.g. a substance in a national register) has no map.
     */
    private static CodedValue withFallbacks(CodedValue code, Product p) {
        if (code == null) {
            return null;
        }
        java.util.List<CodedValue> translations = new java.util.ArrayList<>(code.translations());
        for (CodedValue other : new CodedValue[] {p.atc(), p.code()}) {
            if (other != null && other.isCoded() && other != code && translations.stream().noneMatch(
                    t -> t.code().equals(other.code()) && other.codeSystem().equals(t.codeSystem()))) {
                translations.add(new CodedValue(other.code(), other.codeSystem(), other.displayName(), null, other.source()));
            }
        }
        return new CodedValue(code.code(), code.codeSystem(), code.displayName(), translations, code.source());
    }
}
