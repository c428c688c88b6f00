package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.cda.ClinicalEntry.Dosage;
import fr.passerelle.translation.cda.ClinicalEntry.Ingredient;
import fr.passerelle.translation.cda.ClinicalEntry.Product;
import fr.passerelle.translation.cda.ClinicalEntry.Quantity;
import fr.passerelle.translation.cda.CodedValue;
import org.w3c.dom.Element;

/**
 * Writes a medicinal product and its dosage the eHDSI way: the active ingredient coded by ATC (from the
 * national product code, mapped later by the transcoder), strength, EDQM dose form and package.
 */
final class MedicineWriter {

    private MedicineWriter() {
    }

    /** Frequency, route and dose of one dosage line, in the CDA order of substanceAdministration. */
    static void dosage(PivotDom dom, Element sa, Dosage d, Integer repeats) {
        if (d != null && d.period() != null) {
            Element pivl = dom.add(sa, "effectiveTime", "xsi:type", "PIVL_TS", "operator", "A", "institutionSpecified", "true");
            dom.quantity(pivl, "period", d.period());
        }
        if (repeats != null) {
            dom.add(sa, "repeatNumber", "value", repeats.toString());
        }
        if (d != null && d.route() != null) {
            dom.coded(sa, "routeCode", d.route());
        }
        if (d != null && (d.doseLow() != null || d.doseHigh() != null)) {
            // eHDSI expresses the dose as a range; a single French dose is the range [dose, dose].
            Element dose = dom.add(sa, "doseQuantity");
            dom.quantity(dose, "low", unitless(d.doseLow() != null ? d.doseLow() : d.doseHigh()));
            dom.quantity(dose, "high", unitless(d.doseHigh() != null ? d.doseHigh() : d.doseLow()));
        } else {
            // No structured dose (e.g. a magistral preparation "applied" to the skin): eHDSI requires the element.
            dom.add(sa, "doseQuantity", "nullFlavor", "UNK");
        }
    }

    /**
     * French doses count units of presentation ({tablet}); in eHDSI the dose form already says what is
     * counted and the unit is "1".
     */
    private static Quantity unitless(Quantity q) {
        return q.unit() != null && q.unit().startsWith("{") ? new Quantity(q.value(), "1") : q;
    }

    static void consumable(PivotDom dom, Element sa, Product p, String productTemplate, String materialTemplate) {
        Element product = dom.add(dom.add(sa, "consumable"), "manufacturedProduct", "classCode", "MANU");
        dom.templates(product, productTemplate);
        Element material = dom.add(product, "manufacturedMaterial", "classCode", "MMAT", "determinerCode", "KIND");
        dom.templates(material, materialTemplate);
        material(dom, material, p);
    }

    static void material(PivotDom dom, Element material, Product p) {
        if (p.code() != null && p.code().isCoded()) {
            // The national product identifier (CIS/CIP/UCD), which no MVC value set covers: carried as is.
            dom.coded(material, "code", p.code());
        }
        dom.text(material, "name", p.name() == null ? "(no name)" : p.name());
        if (p.doseForm() != null) {
            dom.pharmCoded(material, "formCode", p.doseForm());
        }
        if (p.packageForm() != null || p.packageQuantity() != null) {
            Element content = dom.pharm(material, "asContent", "classCode", "CONT");
            if (p.packageQuantity() != null && p.packageQuantity().decimal() == null) {
                dom.pharm(content, "quantity", "nullFlavor", "OTH");
            } else if (p.packageQuantity() != null) {
                Element q = dom.pharm(content, "quantity", "value", p.packageQuantity().value(), "unit",
                        p.packageQuantity().unit() == null || p.packageQuantity().unit().startsWith("{") ? "1"
                                : p.packageQuantity().unit());
                q.setAttributeNS(fr.passerelle.translation.cda.CdaNodes.XSI, "xsi:type", "PQ");
            }
            Element container = dom.pharm(content, "containerPackagedProduct", "classCode", "CONT", "determinerCode", "KIND");
            if (p.packageForm() != null) {
                dom.pharmCoded(container, "formCode", p.packageForm());
            }
        }
        // The national product code goes first so the pivot keeps it as <translation> of the ATC class.
        CodedValue substanceClass = p.code() != null && p.code().isCoded() ? p.code() : p.atc();
        if (substanceClass != null && substanceClass.isCoded()) {
            Element kind = dom.pharm(material, "asSpecializedKind", "classCode", "GRIC");
            Element general = dom.pharm(kind, "generalizedMaterialKind", "classCode", "MMAT", "determinerCode", "KIND");
            dom.pharmCoded(general, "code", withFallbacks(substanceClass, p));
        }
        if (p.ingredients().isEmpty() && substanceClass != null && substanceClass.isCoded()) {
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
