package fr.passerelle.translation.ehdsi;

import static fr.passerelle.translation.ehdsi.PatientSummaryPivotTest.entries;
import static fr.passerelle.translation.ehdsi.PatientSummaryPivotTest.translated;
import static fr.passerelle.translation.ehdsi.PrescriptionPivotTest.referenced;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.EpVariants;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationOutcome.Translated;
import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.terminology.xml.HardenedXml;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The eHDSI ePrescription pivot of each prescription item: one item per document and section, the posology with
 * every phase, the instructions, the package, the quantity to dispense, and what the pivot cannot carry reported.
 */
class PrescriptionItemsPivotTest {

    private static final String ITEM = "1.3.6.1.4.1.12559.11.10.1.3.1.3.2";
    private final DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());

    private static Element root(String xml) throws Exception {
        return HardenedXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    private static Element item(Element root) {
        List<Element> items = entries(root, ITEM);
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    @Test
    void eachPrescriptionItemIsAnEhdsiEPrescriptionOfItsOwnWithDerivedIds() throws Exception {
        Translated out = translated(translator.toPivot(SharedSamples.bytes(SharedSamples.EP), null));
        assertThat(out.items()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Element root = root(out.items().get(i));
            List<Element> sections = CdaNodes.descendants(root, "section");
            assertThat(sections).hasSize(1);
            assertThat(CdaNodes.text(CdaNodes.child(sections.get(0), "title"))).isEqualTo("Prescriptions");
            // The French prescription's id with the item's position; the set id likewise.
            assertThat(CdaNodes.attr(CdaNodes.child(root, "id"), "root")).isEqualTo("1.2.250.1.213.1.1.1.39.2024.2.1");
            assertThat(CdaNodes.attr(CdaNodes.child(root, "id"), "extension")).isEqualTo(Integer.toString(i + 1));
            assertThat(CdaNodes.attr(CdaNodes.child(root, "setId"), "extension")).isEqualTo(Integer.toString(i + 1));
            Element sa = item(root);
            assertThat(CdaNodes.attr(CdaNodes.child(sa, "consumable"), "typeCode")).isEqualTo("CSM");
            Element supplied = CdaNodes.path(sa, "entryRelationship", "supply", "quantity");
            assertThat(supplied.getAttribute("unit")).isEqualTo("1");
            Element content = CdaNodes.path(sa, "consumable", "manufacturedProduct", "manufacturedMaterial", "asContent");
            assertThat(content).as("pharm:asContent").isNotNull();
            assertThat(content.getNamespaceURI()).isEqualTo(CdaNodes.PHARM);
            assertThat(PivotSchema.errors(out.items().get(i))).isEmpty();
        }
        // The whole prescription as one document: one eHDSI prescription section per item.
        Element whole = root(out.document());
        assertThat(CdaNodes.descendants(whole, "section")).hasSize(2).allSatisfy(s ->
                assertThat(entries(s, ITEM)).hasSize(1));
        assertThat(PivotSchema.errors(out.document())).isEmpty();
    }

    @Test
    void theSampleBoxesAreCountedAndTheBoxIsThePackage() throws Exception {
        Translated out = translated(translator.toPivot(SharedSamples.bytes(SharedSamples.EP), null));
        Element sa = item(root(out.items().get(0)));
        assertThat(CdaNodes.path(sa, "entryRelationship", "supply", "quantity").getAttribute("value")).isEqualTo("2");
        Element container = CdaNodes.path(sa, "consumable", "manufacturedProduct", "manufacturedMaterial", "asContent",
                "containerPackagedProduct");
        assertThat(CdaNodes.child(container, "formCode").getAttribute("code")).isEqualTo("30009000");
        // The CIP names the presentation prescribed.
        assertThat(CdaNodes.child(container, "code").getAttribute("code")).isEqualTo("3400933516390");
        // No package size in the French line, but the CIP's presentation holds 16 tablets (BDPM): taken, said so.
        Element size = CdaNodes.path(sa, "consumable", "manufacturedProduct", "manufacturedMaterial", "asContent",
                "quantity");
        assertThat(size.hasAttribute("nullFlavor")).isFalse();
        assertThat(size.getAttribute("value") + " " + size.getAttribute("unit")).isEqualTo("16 1");
        assertThat(out.report().warnings()).anyMatch(w -> w.startsWith("package size 16 1 at ")
                && w.contains("CIP13 3400933516390"));
        // The compounded ointment names no presentation: still unknown, said so.
        Element ointment = CdaNodes.path(item(root(out.items().get(1))), "consumable", "manufacturedProduct",
                "manufacturedMaterial", "asContent", "quantity");
        assertThat(ointment.getAttribute("nullFlavor")).isEqualTo("UNK");
        assertThat(out.report().warnings()).anyMatch(w -> w.startsWith("package size unknown at ")
                && w.contains("names no presentation"));
    }

    @Test
    void thePrescribersCommentGoesWithEveryItemAndTheBarcodeIsReportedNotCarried() throws Exception {
        Translated out = translated(translator.toPivot(SharedSamples.bytes(SharedSamples.EP), null));
        for (String item : out.items()) {
            assertThat(CdaNodes.descendants(root(item), "paragraph")).anySatisfy(p ->
                    assertThat(p.getTextContent()).isEqualTo("Prescriber's comment: (texte libre)"));
        }
        assertThat(out.report().notCarried()).anySatisfy(n -> {
            assertThat(n.statement()).startsWith("section 57723-9");
            assertThat(n.sourceXpath()).endsWith("/section");
        });
        // The copy of the document is the level-1 pivot's PDF: carried, not reported.
        assertThat(out.report().notCarried()).noneMatch(n -> n.statement().startsWith("section 55108-5"));
    }

    @Test
    void aDoseFormOutsideTheEhdsiListIsOtherWithTheEdqmCodeAsTranslation() throws Exception {
        Translated out = translated(translator.toPivot(SharedSamples.bytes(SharedSamples.EP), null));
        Element form = CdaNodes.path(item(root(out.items().get(1))), "consumable", "manufacturedProduct",
                "manufacturedMaterial", "formCode");
        assertThat(form.getAttribute("nullFlavor")).isEqualTo("OTH");
        assertThat(form.hasAttribute("code")).isFalse();
        Element translation = CdaNodes.child(form, "translation");
        assertThat(translation.getAttribute("code")).isEqualTo("50015000");
        assertThat(translation.getAttribute("codeSystem")).isEqualTo("0.4.0.127.0.16.1.1.2.1");
        assertThat(out.report().unmapped()).anySatisfy(u -> assertThat(u.code()).isEqualTo("50015000"));
    }

    @Test
    void phasesWithDifferentDosesAreTimedInStructureAndSpelledOutInTheNarrativeAndPatientInstructions() throws Exception {
        Translated out = translated(translator.toPivot(EpVariants.bytes(EpVariants.MULTIPHASE), null));
        Element root = root(out.document());
        Element sa = item(root);
        Element frequency = CdaNodes.children(sa, "effectiveTime").get(1);
        assertThat(frequency.getAttributeNS(CdaNodes.XSI, "type")).isEqualTo("SXPR_TS");
        List<Element> phases = CdaNodes.children(frequency, "comp");
        assertThat(phases).hasSize(2);
        assertThat(phases.get(1).getAttribute("operator")).isEqualTo("I");
        assertThat(CdaNodes.descendants(phases.get(0), "low").get(0).getAttribute("value")).isEqualTo("20250301");
        assertThat(CdaNodes.descendants(phases.get(1), "period").get(0).getAttribute("value")).isEqualTo("12");
        // 2 tablets then 1: one doseQuantity cannot say it.
        assertThat(CdaNodes.child(sa, "doseQuantity").getAttribute("nullFlavor")).isEqualTo("OTH");
        assertThat(CdaNodes.path(sa, "maxDoseQuantity", "numerator").getAttribute("value")).isEqualTo("4");
        String posology = referenced(root, CdaNodes.path(sa, "text", "reference"));
        assertThat(posology).contains("Phase 1", "dose 2", "Phase 2", "dose 1", "2 comprimés toutes les 8 heures");
        Element patient = instruction(sa, "PINSTRUCT");
        assertThat(CdaNodes.attr(CdaNodes.child(patient, "templateId"), "root")).isEqualTo("2.16.840.1.113883.10.20.1.49");
        assertThat(referenced(root, CdaNodes.path(patient, "text", "reference")))
                .contains("Phase 2", "à prendre au cours d'un repas");
        assertThat(referenced(root, CdaNodes.path(instruction(sa, "FINSTRUCT"), "text", "reference")))
                .isEqualTo("délivrer en boîtes de 16");
        assertThat(out.report().warnings()).anyMatch(w -> w.contains("2 posology phases"));
        assertThat(PivotSchema.errors(out.document())).isEmpty();
    }

    @Test
    void aFreeTextPosologyIsNoInventedStructure() throws Exception {
        Translated out = translated(translator.toPivot(EpVariants.bytes(EpVariants.FREE_TEXT), null));
        Element root = root(out.document());
        Element sa = item(root);
        assertThat(CdaNodes.child(sa, "doseQuantity").getAttribute("nullFlavor")).isEqualTo("NI");
        Element frequency = CdaNodes.children(sa, "effectiveTime").get(1);
        assertThat(CdaNodes.child(frequency, "period").getAttribute("nullFlavor")).isEqualTo("NI");
        assertThat(referenced(root, CdaNodes.path(sa, "text", "reference")))
                .contains("1 à 2 comprimés 3 fois/j pendant 7 jours");
        assertThat(referenced(root, CdaNodes.path(instruction(sa, "PINSTRUCT"), "text", "reference")))
                .contains("1 à 2 comprimés 3 fois/j", "à prendre au cours d'un repas");
        assertThat(PivotSchema.errors(out.document())).isEmpty();
    }

    @Test
    void repeatedIdsAreMadeUniqueAndTheDeviceAndContextAreReportedNotCarried() throws Exception {
        Translated out = translated(translator.toPivot(EpVariants.bytes(EpVariants.IDS_DEVICE_CONTEXT), null));
        List<Element> items = entries(root(out.document()), ITEM);
        List<String> ids = items.stream().map(sa -> CdaNodes.child(sa, "id").getAttribute("root") + "^"
                + CdaNodes.child(sa, "id").getAttribute("extension")).toList();
        assertThat(ids.get(0)).isEqualTo("5A1E0000-0000-4000-8000-000000000003^");
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(out.report().warnings()).anyMatch(w -> w.contains("identifier repeated in the source")
                && w.contains("entry[2]/substanceAdministration"));
        // Each item's own document carries the same line ids.
        assertThat(out.items()).extracting(x -> {
            Element sa = item(root(x));
            return CdaNodes.child(sa, "id").getAttribute("root") + "^" + CdaNodes.child(sa, "id").getAttribute("extension");
        }).containsExactlyElementsOf(ids);
        assertThat(out.report().notCarried()).extracting(n -> n.statement())
                .contains("medical device prescription", "pregnancy status", "vital sign (Poids)", "vital sign (Taille)");
        assertThat(out.report().notCarried()).allSatisfy(n -> assertThat(n.sourceXpath()).startsWith("/ClinicalDocument/"));
        // A product named in microgrammes with a strength in mg: both as written, and a warning.
        Element material = CdaNodes.path(items.get(0), "consumable", "manufacturedProduct", "manufacturedMaterial");
        assertThat(CdaNodes.text(CdaNodes.child(material, "name"))).contains("75 microgrammes");
        assertThat(CdaNodes.path(material, "ingredient", "quantity", "numerator").getAttribute("unit")).isEqualTo("mg");
        assertThat(out.report().warnings()).anyMatch(w -> w.contains("strength in ug") && w.contains("not corrected"));
        // "Before breakfast" is an EIVL event; "once a day" keeps institutionSpecified.
        Element eivl = CdaNodes.children(items.get(1), "effectiveTime").get(1);
        assertThat(eivl.getAttributeNS(CdaNodes.XSI, "type")).isEqualTo("EIVL_TS");
        assertThat(CdaNodes.child(eivl, "event").getAttribute("code")).isEqualTo("ACM");
        assertThat(CdaNodes.children(items.get(0), "effectiveTime").get(1).getAttribute("institutionSpecified")).isEqualTo("true");
        for (String item : out.items()) {
            assertThat(PivotSchema.errors(item)).isEmpty();
        }
    }

    private static Element instruction(Element sa, String code) {
        return CdaNodes.children(sa, "entryRelationship").stream().map(r -> CdaNodes.child(r, "act"))
                .filter(a -> a != null && code.equals(CdaNodes.attr(CdaNodes.child(a, "code"), "code")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + code + " act"));
    }
}
