package fr.passerelle.translation.ehdsi;

import static fr.passerelle.translation.ehdsi.PatientSummaryPivotTest.entries;
import static fr.passerelle.translation.ehdsi.PatientSummaryPivotTest.translated;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.Terminology;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationOutcome.Translated;
import fr.passerelle.translation.TranslationReport.NotCarried;
import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.terminology.xml.HardenedXml;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Where the eHDSI Patient Summary pivot puts pregnancy and vital-sign observations and problem certainty, checked
 * against the eHDSI runtime's templates (2024-04-22) and the MVC value sets their codes are bound to: pregnancy
 * status in the Pregnancy Status observation (3.45, eHDSICurrentPregnancyStatus), the expected delivery date in
 * its Expected Delivery Date observation (3.24, eHDSIPregnancyInformation) with its date, counts and weight/height
 * reported not carried (no eHDSI coded place), certainty in eHDSICertainty. Variants of the IPS-FR sample show the
 * rules hold for other documents, not only the sample's arrangement.
 */
class PregnancyAndVitalSignsPlacementTest {

    private static final String E = "1.3.6.1.4.1.12559.11.10.1.3.1.";
    private static final String LOINC = "2.16.840.1.113883.6.1";
    private static final String PREGNANCY_STATUS = E + "3.45";
    private static final String EXPECTED_DELIVERY = E + "3.24";
    private static final String CURRENT_PREGNANCY_STATUS_VS = E + "42.60";
    private static final String PREGNANCY_INFORMATION_VS = E + "42.9";
    private static final String CERTAINTY_VS = E + "42.64";

    private final Terminology terminology = SharedSamples.terminology();
    private final DocumentTranslator translator = new DocumentTranslator(terminology);

    @Test
    void pregnancyStatusAndExpectedDeliveryDateGoInTheirEhdsiObservationsWithCodesOfTheBoundValueSets() throws Exception {
        Translated out = pivot(ipsFr());
        Element root = root(out);

        List<Element> status = entries(root, PREGNANCY_STATUS);
        assertThat(status).hasSize(1);
        Element obs = status.get(0);
        Element code = CdaNodes.child(obs, "code");
        assertThat(code.getAttribute("code")).isEqualTo("82810-3");
        // The French "reported" pregnancy status code stays beside eHDSI's.
        assertThat(CdaNodes.children(code, "translation")).anySatisfy(t -> {
            assertThat(t.getAttribute("code")).isEqualTo("11449-6");
            assertThat(t.getAttribute("codeSystem")).isEqualTo(LOINC);
        });
        Element value = CdaNodes.child(obs, "value");
        assertThat(value.getAttributeNS(CdaNodes.XSI, "type")).isEqualTo("CE");
        assertThat(value.getAttribute("code")).isEqualTo("77386006");
        assertInValueSet(value, CURRENT_PREGNANCY_STATUS_VS);

        List<Element> delivery = entries(obs, EXPECTED_DELIVERY);
        assertThat(delivery).hasSize(1);
        Element edd = delivery.get(0);
        assertThat(((Element) edd.getParentNode()).getAttribute("typeCode")).isEqualTo("COMP");
        assertThat(CdaNodes.children(edd, "templateId")).extracting(t -> t.getAttribute("root"))
                .containsExactly(E + "3.24", E + "3.20", "1.3.6.1.4.1.19376.1.5.3.1.4.13", "1.3.6.1.4.1.19376.1.5.3.1.4.13.5");
        assertThat(CdaNodes.child(edd, "code").getAttribute("code")).isEqualTo("11778-8");
        assertInValueSet(CdaNodes.child(edd, "code"), PREGNANCY_INFORMATION_VS);
        // The date itself (an IVL_TS in the French document) is carried, as eHDSI's TS.
        Element date = CdaNodes.child(edd, "value");
        assertThat(date.getAttributeNS(CdaNodes.XSI, "type")).isEqualTo("TS");
        assertThat(date.getAttribute("value")).isEqualTo("20240903");

        // Both coded elements counted as transcoded into the value sets the eHDSI list binds.
        assertThat(out.report().mapped()).anySatisfy(m -> {
            assertThat(m.valueSet()).isEqualTo(CURRENT_PREGNANCY_STATUS_VS);
            assertThat(m.toCode()).isEqualTo("77386006");
        });
        assertThat(out.report().mapped()).anySatisfy(m -> {
            assertThat(m.valueSet()).isEqualTo(PREGNANCY_INFORMATION_VS);
            assertThat(m.toCode()).isEqualTo("11778-8");
        });
        // Nothing of the pregnancy section is left bound to pregnancy outcomes.
        assertThat(out.report().unmapped()).noneSatisfy(u -> assertThat(u.valueSet()).isEqualTo(E + "42.62"));
        assertThat(PivotSchema.errors(out.document())).isEmpty();
    }

    @Test
    void pregnancyCountsHaveNoEhdsiCodedPlaceAndAreReportedNotWrittenAsOutcomes() throws Exception {
        Translated out = pivot(ipsFr());
        Element root = root(out);
        assertThat(entries(root, E + "3.46")).isEmpty();
        assertThat(codesOfObservations(root)).doesNotContain("11638-4", "11612-9");
        assertThat(out.report().notCarried()).filteredOn(n -> n.statement().startsWith("pregnancy observation"))
                .extracting(NotCarried::statement)
                .containsExactlyInAnyOrder("pregnancy observation 11638-4", "pregnancy observation 11612-9");
        assertThat(out.report().notCarried()).filteredOn(n -> n.statement().startsWith("pregnancy observation"))
                .allSatisfy(n -> assertThat(n.sourceXpath()).contains("/section/entry"));
        // The section narrative, which has the counts, is copied.
        Element section = (Element) entries(root, E + "2.7").get(0);
        assertThat(CdaNodes.child(section, "text").getTextContent()).contains("Nb d'enfants vivants");
    }

    @Test
    void weightAndHeightAreNotPutInTheBloodPressureOrganizerButReported() throws Exception {
        Translated out = pivot(ipsFr());
        Element root = root(out);
        for (Element bp : entries(root, E + "3.22")) {
            assertInValueSet(CdaNodes.child(bp, "code"), E + "42.21");
        }
        assertThat(codesOfObservations(root)).doesNotContain("29463-7", "8302-2");
        assertThat(out.report().notCarried()).extracting(NotCarried::statement)
                .contains("vital sign 29463-7", "vital sign 8302-2");
        assertThat(out.report().unmapped()).noneSatisfy(u -> assertThat(u.valueSet()).isEqualTo(E + "42.21"));
    }

    @Test
    void aBloodPressureStillGoesInTheEhdsiOrganizer() throws Exception {
        // A French vital sign the eHDSI organizer takes: the weight of the sample recoded as a systolic pressure.
        String doc = ipsFr().replaceFirst("code=\"29463-7\"", "code=\"8480-6\"");
        Translated out = pivot(doc);
        List<Element> bp = entries(root(out), E + "3.22");
        assertThat(bp).hasSize(1);
        assertThat(CdaNodes.child(bp.get(0), "code").getAttribute("code")).isEqualTo("8480-6");
        assertInValueSet(CdaNodes.child(bp.get(0), "code"), E + "42.21");
        assertThat(out.report().notCarried()).extracting(NotCarried::statement).doesNotContain("vital sign 8480-6")
                .contains("vital sign 8302-2");
    }

    @Test
    void anExpectedDeliveryDateWithoutStatusGetsAStatusOfNoInformationNeverAGuess() throws Exception {
        String doc = ipsFr().replaceFirst("code=\"11449-6\"", "code=\"11885-1\"");
        Translated out = pivot(doc);
        Element status = entries(root(out), PREGNANCY_STATUS).get(0);
        Element value = CdaNodes.child(status, "value");
        assertThat(value.getAttribute("nullFlavor")).isEqualTo("NI");
        assertThat(value.hasAttribute("code")).isFalse();
        assertThat(CdaNodes.children(CdaNodes.child(status, "code"), "translation")).isEmpty();
        assertThat(entries(status, EXPECTED_DELIVERY)).hasSize(1);
        // The former status observation, now a gestational age, has no eHDSI place: reported.
        assertThat(out.report().notCarried()).extracting(NotCarried::statement).contains("pregnancy observation 11885-1");
        assertThat(PivotSchema.errors(out.document())).isEmpty();
    }

    @Test
    void aSecondStatusOrAnUndatedExpectedDeliveryDateIsReportedNotDropped() throws Exception {
        // The live-children count recoded as a second pregnancy status; the delivery date without its date.
        String doc = ipsFr().replaceFirst("code=\"11638-4\"", "code=\"82810-3\"")
                .replaceFirst("<value xsi:type=\"IVL_TS\" value=\"20240903\"/>", "<value xsi:type=\"IVL_TS\" nullFlavor=\"UNK\"/>");
        Translated out = pivot(doc);
        Element status = entries(root(out), PREGNANCY_STATUS).get(0);
        assertThat(entries(root(out), PREGNANCY_STATUS)).hasSize(1);
        assertThat(entries(status, EXPECTED_DELIVERY)).isEmpty();
        assertThat(out.report().notCarried()).extracting(NotCarried::statement)
                .contains("pregnancy status 82810-3 (a second one)", "expected delivery date 11778-8");
        assertThat(out.report().notCarried()).filteredOn(n -> n.statement().equals("expected delivery date 11778-8"))
                .allSatisfy(n -> assertThat(n.reason()).contains("no date value"));
    }

    @Test
    void problemCertaintyIsTranscodedIntoEhdsiCertaintyWithTheRuntimesCodeSystemOid() throws Exception {
        Translated out = pivot(ipsFr());
        List<Element> certainty = entries(root(out), E + "3.49");
        assertThat(certainty).isNotEmpty();
        for (Element c : certainty) {
            Element value = CdaNodes.child(c, "value");
            // The OID the eHDSI runtime's eHDSICertainty lists (not FHIR's 2.16.840.1.113883.4.642.4.1075).
            assertThat(value.getAttribute("codeSystem")).isEqualTo("2.16.840.1.113883.4.642.1.1075");
            assertInValueSet(value, CERTAINTY_VS);
        }
        assertThat(out.report().mapped()).filteredOn(m -> CERTAINTY_VS.equals(m.valueSet())).hasSize(certainty.size());
        // Never again judged against severities.
        assertThat(out.report().unmapped()).noneSatisfy(u -> assertThat(u.code()).isIn("confirmed", "unconfirmed"));
    }

    @Test
    void theExpectedDeliveryDateReachesTheFhirIpsAsADateNotAsUnknown() {
        Translated ips = translated(translator.toFhirIps(ipsFr().getBytes(StandardCharsets.UTF_8), null));
        assertThat(ips.document()).containsPattern("\"valueDateTime\"\\s*:\\s*\"2024-09-03\"");
    }

    private Translated pivot(String document) {
        return translated(translator.toPivot(document.getBytes(StandardCharsets.UTF_8), null));
    }

    private static String ipsFr() {
        return new String(SharedSamples.bytes(SharedSamples.IPS_FR), StandardCharsets.UTF_8);
    }

    private static Element root(Translated out) throws Exception {
        return HardenedXml.parse(out.document().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    private static List<String> codesOfObservations(Element root) {
        return CdaNodes.descendants(root, "observation").stream()
                .map(o -> CdaNodes.child(o, "code")).filter(c -> c != null).map(c -> c.getAttribute("code")).toList();
    }

    private void assertInValueSet(Element coded, String valueSetOid) {
        Coding coding = new Coding(coded.getAttribute("codeSystem"), coded.getAttribute("code"), null);
        assertThat(terminology.validate(coding, valueSetOid).isValid())
                .as("%s|%s in value set %s", coding.system(), coding.code(), valueSetOid).isTrue();
    }
}
