package fr.passerelle.translation.schematron;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The eHDSI schematrons OpenNCP checks pivot documents with (SchXslt on Saxon-HE), on every pivot this module
 * writes: PS from VSM and from IPS-FR, eP from eP-MED-DM, and the level-1 PDF wrapper (XDS-SD).
 *
 * <p>The schematrons date from epSOS (2010) and contradict the eHDSI documents in a few rules; OpenNCP's own
 * wave-8 critical test data fails them too (83 failed assertions for its PS, 30 for its eP). Every failure of
 * our pivots must be one of the {@link #WAIVERS}, each with the reason a correct eHDSI document cannot satisfy
 * it; everything else must pass. The exact number of failed assertions per document is the expectation, so a
 * regression that adds even a waived failure is seen, and a waiver no pivot needs any more fails the run.
 */
class EhdsiSchematronTest {

    /** A schematron rule (identified by a fragment of its message) our pivots deliberately do not satisfy. */
    record Waiver(String rule, String reason) {
    }

    private static final String WAVE8 = " OpenNCP's eHDSI wave-8 critical test data fails it too.";
    private static final String VALUE_SET_AS_SYSTEM = "The rule wants the MVC value-set OID in @codeSystem (the"
            + " epSOS convention); eHDSI codes carry their code system's OID, as coded_element_list_ehdsi.xml and"
            + " the MVC state and as the PivotTranscoder writes.";
    private static final String EPSOS_NAMESPACE = "The rule reads elements in the epSOS namespace"
            + " urn:epsos-org:ep:medication; the eHDSI pharm-extended CDA schema (src/fixtures/ehdsi-transcoding) defines them in"
            + " urn:hl7-org:pharm, so a document satisfying the rule would fail the schema.";
    private static final String PCC_MEDICATION = "Declaring the IHE PCC medication lineage makes the PCC rules of"
            + " the same schematron require status 'completed' and a PCC Product Entry (CCD 2.16.840.1.113883.10.20.1.53"
            + " parent, originalText reference), which the eHDSI PS medication statements (status 'active') do not"
            + " follow; eHDSI's PS declares eHDSI, CCD and PCC 4.7.1 templates only.";

    static final List<Waiver> WAIVERS = List.of(
            new Waiver("shall be set to the value \"RELMAD572\"", "epSOS placeholder document code; the eHDSI PS"
                    + " code is LOINC 60591-5 (what XCA FindDocuments asks for)." + WAVE8),
            new Waiver("(1.3.6.1.4.1.19376.1.5.3.1.3.19) for Medication Summary Section", PCC_MEDICATION + WAVE8),
            new Waiver("(1.3.6.1.4.1.19376.1.5.3.1.4.7) for Medication Item Entry", PCC_MEDICATION + WAVE8),
            new Waiver("R1.10.6 HCP Profession", VALUE_SET_AS_SYSTEM + " (ISCO-08: 2.16.840.1.113883.2.9.6.2.7)." + WAVE8),
            new Waiver("R4.7 (1.3.6.1.4.1.12559.11.10.1.3.1.3.", VALUE_SET_AS_SYSTEM + " (EDQM routes: 0.4.0.127.0.16.1.1.2.1)."
                    + WAVE8),
            new Waiver("R8.2 (1.3.6.1.4.1.19376.1.5.3.1.4.12) Vaccinations code", "Defect: the test compares @code"
                    + " (not @codeSystem) with the value-set OID 1.3.6.1.4.1.12559.11.10.1.3.1.42.18; no vaccine"
                    + " code can satisfy it." + WAVE8),
            new Waiver("R11.1 (1.3.6.1.4.1.12559.11.10.1.3.1.3.5) The Device and Implant code", "Defect: the test"
                    + " compares @code with the value-set OID 1.3.6.1.4.1.12559.11.10.1.3.1.42.8; no device code can"
                    + " satisfy it." + WAVE8),
            new Waiver("2.16.840.1.11383.10.20.1.7", "Defect: a typo of the CCD medical equipment section OID"
                    + " 2.16.840.1.113883.10.20.1.7, which the pivot declares." + WAVE8),
            new Waiver("In IHE PCC Medical Devices Section (1.3.6.1.4.1.19376.1.5.3.1.1.5.3.5), the parent template",
                    "Defect: its test looks for the same mistyped OID 2.16.840.1.11383.10.20.1.7 (CCD's is"
                    + " 2.16.840.1.113883.10.20.1.7, declared)." + WAVE8),
            new Waiver("R12.3 (1.3.6.1.4.1.12559.11.10.1.3.1.3.5)", "The eHDSI device entry's effectiveTime is an"
                    + " interval (IVL_TS, low = start of use); the rule reads @value of the interval itself." + WAVE8),
            new Waiver("In IHE PCC Simple Observation (1.3.6.1.4.1.19376.1.5.3.1.4.13), the <effectiveTime> element",
                    "The eHDSI Social History Observation (1.3.6.1.4.1.12559.11.10.1.3.1.3.23, runtime 2024-04-22)"
                    + " declares this PCC template and requires an effectiveTime interval with <low>; the epSOS rule"
                    + " wants @value on effectiveTime itself. The current eHDSI runtime is the one NCPs are"
                    + " validated against."),
            new Waiver("In IHE PCC Immunizations (1.3.6.1.4.1.19376.1.5.3.1.4.12), the <consumable>", "A PCC Product"
                    + " Entry needs an originalText reference into the narrative for the product, which French"
                    + " immunization entries do not carry; the vaccine is coded instead." + WAVE8),
            new Waiver("Prescription Section type code of a ePrescription Documents must be set to the value \"10160-0\"",
                    "The eHDSI prescription section code is LOINC 57828-6 (Prescription list)." + WAVE8),
            new Waiver("(1.3.6.1.4.1.12559.11.10.1.3.1.2.3) for Prescription Section", "Declaring the PS medication"
                    + " summary template obliges the section code 10160-0 (see the 57828-6 waiver)." + WAVE8),
            new Waiver("(1.3.6.1.4.1.19376.1.5.3.1.3.19) for Prescription Section", "Declaring the IHE PCC"
                    + " medications section obliges the section code 10160-0 (see the 57828-6 waiver)." + WAVE8),
            new Waiver("the status of all Medications <substanceAdministration> elements must be \"completed\"",
                    "An eHDSI prescription item is an open order: status 'active'." + WAVE8),
            new Waiver("In IHE PCC Medications (1.3.6.1.4.1.19376.1.5.3.1.4.7), the <consumable>", "A PCC Product"
                    + " Entry needs an originalText reference into the narrative for the product, which eP-MED-DM"
                    + " lines do not carry; eHDSI's product template 1.3.6.1.4.1.12559.11.10.1.3.1.3.29 is declared"
                    + " instead." + WAVE8),
            new Waiver("R4.16 (1.3.6.1.4.1.12559.11.10.1.3.1.3.2) The Substitution", "eHDSI codes substitution as a CE"
                    + " from HL7 ActSubstanceAdminSubstitutionCode (2.16.840.1.113883.5.1070), not the epSOS BL."
                    + WAVE8),
            new Waiver("The \"asContent\" element is required", EPSOS_NAMESPACE + WAVE8),
            new Waiver("The Frequency of intake element \"effectiveTime[2]\" is required", "epSOS-era rule: it admits"
                    + " only TS, IVL_TS, PIVL_TS or EIVL_TS; the eHDSI 2024 runtime templates (3.2 prescription item, 3.4"
                    + " medication item) admit SXPR_TS, which a posology of several phases needs (each phase's interval"
                    + " intersected with its period, the phases united)."),
            new Waiver("The Medicinal product package element \"formCode\" is required", EPSOS_NAMESPACE
                    + " " + VALUE_SET_AS_SYSTEM + WAVE8),
            new Waiver("The Pharmaceutical dose form element \"formCode\" is required", EPSOS_NAMESPACE
                    + " " + VALUE_SET_AS_SYSTEM + WAVE8),
            new Waiver("R4.8.1 (1.3.6.1.4.1.12559.11.10.1.3.1.3.", EPSOS_NAMESPACE + WAVE8),
            new Waiver("R3.2.3 (1.3.6.1.4.1.12559.11.10.1.3.1.3.3) The Dispensed Medicine Id", EPSOS_NAMESPACE),
            new Waiver("document type code must be set to the value \"RELMA9ED5\"", "epSOS placeholder document"
                    + " code; the eHDSI eDispensation code is LOINC 60593-1."),
            new Waiver("Dispensation Section type code of a eDispensation Document must be set to the value \"10160-0\"",
                    "The eHDSI dispensation section code is LOINC 60590-7 (Medication dispensed)."),
            new Waiver("HCP Telecom telephone/mail address is required", "The eHDSI runtime of 2024-04-22 requires a"
                    + " telecom on every organisation and author (nullFlavor allowed); the French source gives none for"
                    + " the professional's organisation (and the level-1 authoring device has none), so the pivot writes"
                    + " telecom nullFlavor NI, which this epSOS rule (value and use required) refuses. Inventing a"
                    + " number is not an option."),
            new Waiver("CTX: ClinicalDocument/id@extension is empty (PASS)", "Defect in xds_sd.sch: an informative"
                    + " message written as an assert, so it fails whenever the document id is a bare OID (root"
                    + " only) — valid HL7 and how French document ids are written."));

    private static final Path SCH = SharedSamples.EHDSI.resolve("schematron");
    private static final Set<Waiver> USED = new HashSet<>();
    private final DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());

    @Test
    void vsmPatientSummaryPivot() throws Exception {
        String pivot = levelThree(SharedSamples.VSM);
        assertOnlyWaivedFailures("VSM → PS", "PatientSummary.sch", pivot, 20);
        assertTemplateCheckBites(pivot);
    }

    @Test
    void ipsFrPatientSummaryPivot() throws Exception {
        String pivot = levelThree(SharedSamples.IPS_FR);
        // 17: the second device ("Autre dispositif médical", no eHDSI equivalent) is written per eHDSI with
        // nullFlavor OTH and the French code as translation, which R11.1 accepts (one failure fewer than with the
        // code left as is).
        assertOnlyWaivedFailures("IPS-FR → PS", "PatientSummary.sch", pivot, 29);
        assertTemplateCheckBites(pivot);
    }

    @Test
    void prescriptionPivot() throws Exception {
        // 46: each prescription item sits in its own section (eHDSI: one item per section), so the section-level
        // epSOS rules fire once per item; plus the SXPR_TS frequency of the two-phase posology (waived, see above).
        assertOnlyWaivedFailures("eP-MED-DM → eP", "ePrescription.sch", levelThree(SharedSamples.EP), 46);
    }

    @Test
    void levelOnePdfWrapperAgainstXdsSd() throws Exception {
        TranslationOutcome out = translator.toPivot(SharedSamples.bytes(SharedSamples.IPS_FR), null);
        String levelOne = ((TranslationOutcome.Translated) out).levelOne().orElseThrow();
        assertOnlyWaivedFailures("IPS-FR PDF → L1", "xds_sd.sch", levelOne, 2);
        List<String> noDevice = Schematron.failedAssertions(SCH.resolve("xds_sd.sch"),
                levelOne.replace("assignedAuthoringDevice", "assignedPerson").replaceAll(
                        "<(/?)(manufacturerModelName|softwareName)>", "<$1name>"));
        assertThat(noDevice).anyMatch(f -> f.contains("assignedAuthoringDevice/code is missing"));
    }

    /**
     * We receive eDispensations, we do not write them: the check is on our test input, so that the eD → eDISP-MED
     * tests (EdispMedTest, AnsSchematronTest) start from a document an eHDSI NCP would accept.
     */
    @Test
    void theEDispensationTestInputAgainstEDispensationSch() throws Exception {
        String ed;
        try (var in = getClass().getResourceAsStream("/ehdsi/eD-paracetamol.xml")) {
            ed = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertOnlyWaivedFailures("eD test input", "eDispensation.sch", ed, 8);
    }

    @AfterAll
    static void everyWaiverIsStillNeeded() {
        assertThat(WAIVERS).allMatch(USED::contains);
    }

    private void assertOnlyWaivedFailures(String name, String schematron, String pivot, int expected) throws Exception {
        List<String> failures = Schematron.failedAssertions(SCH.resolve(schematron), pivot);
        List<String> unexplained = new ArrayList<>();
        for (String f : failures) {
            Waiver w = WAIVERS.stream().filter(x -> f.contains(x.rule())).findFirst().orElse(null);
            if (w == null) {
                unexplained.add(f);
            } else {
                synchronized (USED) {
                    USED.add(w);
                }
            }
        }
        System.out.println(name + ": " + failures.size() + " failed assertions, all waived: " + unexplained.isEmpty());
        assertThat(unexplained).as(name + " failures no waiver explains").isEmpty();
        assertThat(failures).as(name + " failed assertions").hasSize(expected);
    }

    /** The schematron does run and does catch a pivot that lost its document template. */
    private static void assertTemplateCheckBites(String pivot) throws Exception {
        List<String> broken = Schematron.failedAssertions(SCH.resolve("PatientSummary.sch"),
                pivot.replace("1.3.6.1.4.1.12559.11.10.1.3.1.1.3", "9.9.9"));
        assertThat(broken).anyMatch(f -> f.contains("requires the Patient Summary Document template ID"));
    }

    private String levelThree(Path sample) {
        TranslationOutcome out = translator.toPivot(SharedSamples.bytes(sample), null);
        assertThat(out).isInstanceOf(TranslationOutcome.Translated.class);
        return ((TranslationOutcome.Translated) out).document();
    }
}
