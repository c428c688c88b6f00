package fr.passerelle.translation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.translation.TranslationOutcome.Translated;
import fr.passerelle.translation.TranslationReport.NotCarried;
import fr.passerelle.terminology.xml.HardenedXml;
import fr.passerelle.translation.conformance.ConformanceResult;
import fr.passerelle.translation.conformance.EhdsiRuntime;
import fr.passerelle.translation.fhir.IpsValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ImmunizationRecommendation;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The Patient Summary's clinical content reaches both outputs with the same meaning — the eHDSI pivot (asserted by
 * XPath) and the IPS Bundle (asserted on its resources) — or is reported as not carried. Each item is checked on a
 * small French document written for it ({@code fr-cda/ips-fr-fidelity.xml}) and, where the ANS samples have it, on
 * those too.
 */
class PatientSummaryFidelityTest {

    private static final Path FIXTURE = Path.of("src/test/resources/fr-cda/ips-fr-fidelity.xml");
    private static final String E = "1.3.6.1.4.1.12559.11.10.1.3.1.";
    private static final DocumentTranslator TRANSLATOR = new DocumentTranslator(SharedSamples.terminology());

    // ---------------------------------------------------------------- allergies

    @Test
    void everyReactionOfAnAllergyWithItsSeverityAndTheAllergysCriticalityCertaintyAndStatus() throws Exception {
        Pivot p = pivot(FIXTURE);
        String allergy = "//h:observation[h:templateId/@root='" + E + "3.17'][h:id/@root='1.2.250.1.999.7.10.2']";
        assertThat(p.count(allergy + "/h:entryRelationship[@typeCode='MFST']/h:observation[h:templateId/@root='"
                + E + "3.44']")).isEqualTo(2);
        String first = allergy + "/h:entryRelationship[@typeCode='MFST'][1]/h:observation";
        String second = allergy + "/h:entryRelationship[@typeCode='MFST'][2]/h:observation";
        assertThat(p.value(first + "/h:effectiveTime/h:low/@value")).isEqualTo("20200316");
        // The second reaction is undated: unknown, not the allergy's onset.
        assertThat(p.value(second + "/h:effectiveTime/h:low/@nullFlavor")).isEqualTo("UNK");
        assertThat(p.value(first + "/h:entryRelationship/h:observation[h:templateId/@root='" + E + "3.8']/h:value/@code"))
                .isEqualTo("24484000");
        assertThat(p.value(second + "/h:entryRelationship/h:observation[h:templateId/@root='" + E + "3.8']/h:value/@code"))
                .isEqualTo("371923003");
        String criticality = allergy + "/h:entryRelationship[@typeCode='SUBJ']/h:observation[h:templateId/@root='" + E + "3.33']";
        assertThat(p.value(criticality + "/h:value/@code")).isEqualTo("high");
        assertThat(p.value(criticality + "/h:value/@xsi:type")).isEqualTo("CE");
        assertThat(p.value(allergy + "/h:entryRelationship[@typeCode='SUBJ']/h:observation[h:templateId/@root='"
                + E + "3.35']/h:value/@code")).isEqualTo("confirmed");
        String status = allergy + "/h:entryRelationship[@typeCode='REFR']/h:observation[h:templateId/@root='" + E + "3.34']";
        assertThat(p.value(status + "/h:value/@code")).isEqualTo("active");
        assertThat(p.value(status + "/h:value/@xsi:type")).isEqualTo("CE");

        Bundle b = bundle(FIXTURE);
        AllergyIntolerance ai = resources(b, AllergyIntolerance.class).stream()
                .filter(a -> a.getIdentifierFirstRep().getSystem().endsWith("1.2.250.1.999.7.10.2")
                        || a.getIdentifierFirstRep().getValue().endsWith("1.2.250.1.999.7.10.2"))
                .findFirst().orElseThrow();
        assertThat(ai.getReaction()).hasSize(2);
        assertThat(ai.getReaction().get(0).getSeverity()).isEqualTo(AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE);
        assertThat(ai.getReaction().get(0).getOnsetElement().getValueAsString()).isEqualTo("2020-03-16");
        assertThat(ai.getReaction().get(0).getManifestationFirstRep().getCoding())
                .anySatisfy(c -> assertThat(c.getCode()).isEqualTo("126485001"));
        // FHIR has no "mild to moderate": said in a note with its SNOMED CT code, not rounded to mild or moderate.
        assertThat(ai.getReaction().get(1).hasSeverity()).isFalse();
        assertThat(ai.getReaction().get(1).getNoteFirstRep().getText()).contains("371923003");
        assertThat(ai.getCriticality()).isEqualTo(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
        assertThat(ai.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("confirmed");
        assertThat(ai.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
    }

    @Test
    void anAllergyWithoutCertaintyIsNotClaimedConfirmed() throws Exception {
        Bundle b = bundle(FIXTURE);
        AllergyIntolerance penicillin = resources(b, AllergyIntolerance.class).stream()
                .filter(a -> a.getCode().getCoding().stream().anyMatch(c -> "J01CE".equals(c.getCode())))
                .findFirst().orElseThrow();
        assertThat(penicillin.hasVerificationStatus()).isFalse();
        assertThat(penicillin.getReaction()).isEmpty();
    }

    @Test
    void aNegatedAllergyStaysNegatedAndNoKnownProblemsStaysAbsentInformation() throws Exception {
        Pivot p = pivot(FIXTURE);
        assertThat(p.value("//h:observation[h:templateId/@root='" + E + "3.17'][h:id/@root='1.2.250.1.999.7.11.3']"
                + "/@negationInd")).isEqualTo("true");
        assertThat(p.value("//h:section[h:templateId/@root='" + E + "2.10']//h:observation[h:templateId/@root='"
                + E + "3.7']/h:value/@code")).isEqualTo("no-known-problems");

        Bundle b = bundle(FIXTURE);
        AllergyIntolerance latex = resources(b, AllergyIntolerance.class).stream()
                .filter(a -> a.getCode().getCoding().stream().anyMatch(c -> "111088007".equals(c.getCode())))
                .findFirst().orElseThrow();
        assertThat(latex.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("refuted");
        Condition none = sectionResources(b, composition(b), "11348-0", Condition.class).get(0);
        assertThat(none.getCode().getCodingFirstRep().getSystem())
                .isEqualTo("http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips");
        assertThat(none.getCode().getCodingFirstRep().getCode()).isEqualTo("no-known-problems");
    }

    @Test
    void theIpsFrSampleAllergyKeepsBothReactionsAndTheirSeverities() throws Exception {
        Pivot p = pivot(SharedSamples.IPS_FR);
        String reactions = "//h:observation[h:templateId/@root='" + E + "3.17']/h:entryRelationship[@typeCode='MFST']"
                + "/h:observation";
        assertThat(p.count(reactions)).isEqualTo(2);
        assertThat(p.values(reactions + "/h:entryRelationship/h:observation[h:templateId/@root='" + E + "3.8']/h:value/@code"))
                .containsExactly("6736007", "255604002");
        assertThat(p.values("//h:observation[h:templateId/@root='" + E + "3.33']/h:value/@code")).containsExactly("low");
        assertThat(p.values("//h:observation[h:templateId/@root='" + E + "3.34']/h:value/@code")).containsExactly("active");

        AllergyIntolerance ai = resources(bundle(SharedSamples.IPS_FR), AllergyIntolerance.class).get(0);
        assertThat(ai.getReaction()).extracting(AllergyIntolerance.AllergyIntoleranceReactionComponent::getSeverity)
                .containsExactly(AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE,
                        AllergyIntolerance.AllergyIntoleranceSeverity.MILD);
        assertThat(ai.getCriticality()).isEqualTo(AllergyIntolerance.AllergyIntoleranceCriticality.LOW);
        assertThat(ai.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("confirmed");
    }

    @Test
    void allergiesSplitOverTwoFrenchSectionsAreOneSectionOfBothOutputs() throws Exception {
        Pivot p = pivot(FIXTURE);
        assertThat(p.count("//h:section[h:templateId/@root='" + E + "2.12']")).isEqualTo(1);
        String section = "//h:section[h:templateId/@root='" + E + "2.12']";
        assertThat(p.count(section + "/h:entry")).isEqualTo(3);
        // Both narratives, word for word.
        assertThat(p.value(section + "/h:text//*[@ID='all-1']")).isEqualTo("Allergie au paracétamol");
        assertThat(p.value(section + "/h:text//*[@ID='all-2']")).isEqualTo("Allergie à la pénicilline");

        Composition c = composition(bundle(FIXTURE));
        assertThat(c.getSection().stream().filter(s -> code(s).equals("48765-2"))).singleElement()
                .satisfies(s -> assertThat(s.getEntry()).hasSize(3));
    }

    // ---------------------------------------------------------------- problems

    @Test
    void problemsKeepTheirStatusSeverityAndCertainty() throws Exception {
        Pivot p = pivot(FIXTURE);
        String problems = "//h:section[h:templateId/@root='" + E + "2.9']//h:observation[h:templateId/@root='" + E + "3.7']";
        String first = "(" + problems + ")[1]";
        String second = "(" + problems + ")[2]";
        String status = "/h:entryRelationship[@typeCode='REFR']/h:observation[h:templateId/@root='" + E + "3.9']";
        assertThat(p.values(first + status + "/h:templateId/@root")).contains(E + "3.9", "2.16.840.1.113883.10.20.1.57",
                "2.16.840.1.113883.10.20.1.50");
        // condition-clinical "active" is transcoded to eHDSIStatusCode (SNOMED CT Active), the French code kept.
        assertThat(p.value(first + status + "/h:value/@code")).isEqualTo("55561003");
        assertThat(p.value(first + status + "/h:value/h:translation/@code")).isEqualTo("active");
        assertThat(p.value(first + "/h:entryRelationship/h:observation[h:templateId/@root='" + E + "3.8']/h:value/@code"))
                .isEqualTo("6736007");
        assertThat(p.value(first + "/h:entryRelationship[@inversionInd='true']/h:observation[h:templateId/@root='"
                + E + "3.49']/h:value/@code")).isEqualTo("confirmed");
        assertThat(p.value(second + "/h:entryRelationship/h:observation[h:templateId/@root='" + E + "3.49']/h:value/@code"))
                .isEqualTo("unconfirmed");

        Bundle b = bundle(FIXTURE);
        List<Condition> conditions = sectionResources(b, composition(b), "11450-4", Condition.class);
        assertThat(conditions).hasSize(2);
        assertThat(conditions.get(0).getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
        assertThat(conditions.get(0).getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("confirmed");
        assertThat(conditions.get(0).getSeverity().getCoding()).anySatisfy(c -> assertThat(c.getCode()).isEqualTo("6736007"));
        assertThat(conditions.get(1).getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("remission");
        assertThat(conditions.get(1).getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("unconfirmed");
    }

    @Test
    void theIpsFrSampleProblemsKeepStatusSeverityCertaintyAndHealthStatus() throws Exception {
        Pivot p = pivot(SharedSamples.IPS_FR);
        String problems = "//h:section[h:templateId/@root='" + E + "2.9']//h:observation[h:templateId/@root='" + E + "3.7']";
        int n = p.count(problems);
        assertThat(n).isEqualTo(5);
        assertThat(p.count(problems + "/h:entryRelationship/h:observation[h:templateId/@root='" + E + "3.9']")).isEqualTo(n);
        assertThat(p.count(problems + "/h:entryRelationship/h:observation[h:templateId/@root='" + E + "3.8']")).isEqualTo(n);
        assertThat(p.count(problems + "/h:entryRelationship/h:observation[h:templateId/@root='" + E + "3.49']")).isEqualTo(n);
        assertThat(p.count(problems + "/h:entryRelationship/h:observation[h:templateId/@root='" + E + "3.10']")).isEqualTo(n);

        Bundle b = bundle(SharedSamples.IPS_FR);
        Composition c = composition(b);
        List<Condition> active = sectionResources(b, c, "11450-4", Condition.class);
        assertThat(active).hasSize(5).allSatisfy(cond -> {
            assertThat(cond.hasClinicalStatus()).isTrue();
            assertThat(cond.hasVerificationStatus()).isTrue();
            assertThat(cond.hasSeverity()).isTrue();
        });
        assertThat(active.get(4).getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("unconfirmed");
        assertThat(active.get(4).getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("recurrence");
        // FHIR Condition has no element for the patient's health status: a note says it.
        assertThat(active.get(0).getNoteFirstRep().getText()).startsWith("Health status:");
    }

    @Test
    void entriesThatShareOneSourceIdGetDistinctIdsAndAWarning() throws Exception {
        Translated out = translated(TRANSLATOR.toPivot(SharedSamples.bytes(FIXTURE), null));
        Pivot p = new Pivot(out.document());
        List<String> ids = p.values("//h:section[h:templateId/@root='" + E + "2.9']//h:observation[h:templateId/@root='"
                + E + "3.7']/h:id/@root");
        assertThat(ids).hasSize(2).doesNotHaveDuplicates().first().isEqualTo("1.2.250.1.999.7.20.1");
        assertThat(out.report().warnings()).anyMatch(w -> w.contains("identifier repeated in the source"));

        Translated fhir = translated(TRANSLATOR.toFhirIps(SharedSamples.bytes(FIXTURE), null));
        assertThat(resources(parse(fhir.document()), Condition.class))
                .extracting(c -> c.getIdentifierFirstRep().getValue()).hasSize(3).doesNotHaveDuplicates();
        assertThat(fhir.report().warnings()).anyMatch(w -> w.contains("identifier repeated in the source"));
    }

    // ---------------------------------------------------------------- medication reasons

    @Test
    void theReasonAMedicineIsTakenIsCarried() throws Exception {
        Pivot p = pivot(FIXTURE);
        String reason = "//h:substanceAdministration[h:templateId/@root='" + E + "3.4']/h:entryRelationship[@typeCode='RSON']"
                + "/h:observation[h:templateId/@root='" + E + "3.41']";
        assertThat(p.value(reason + "/h:value/@code")).isEqualTo("J45");
        assertThat(p.value(reason + "/h:text/h:reference/@value")).isEqualTo("#med-1-motif");

        MedicationStatement ms = resources(bundle(FIXTURE), MedicationStatement.class).get(0);
        assertThat(ms.getReasonCodeFirstRep().getCoding()).anySatisfy(c -> assertThat(c.getCode()).isEqualTo("J45"));

        MedicationStatement levothyrox = resources(bundle(SharedSamples.IPS_FR), MedicationStatement.class).get(0);
        assertThat(levothyrox.getReasonCodeFirstRep().getCoding()).anySatisfy(c -> assertThat(c.getCode()).isEqualTo("E06.3"));
    }

    // ---------------------------------------------------------------- narrative references

    @Test
    void everyEntryPointsAtTheNarrativeWhoseTextIsUnchanged() throws Exception {
        Pivot p = pivot(FIXTURE);
        List<String> references = p.values("//h:reference/@value");
        assertThat(references).isNotEmpty().allSatisfy(r -> {
            assertThat(r).startsWith("#");
            assertThat(p.count("//*[@ID='" + r.substring(1) + "']")).as(r).isEqualTo(1);
        });
        // The procedure names no narrative element: its section's narrative block gets an ID, its text does not change.
        String procedureRef = p.value("//h:procedure[h:templateId/@root='" + E + "3.26']/h:text/h:reference/@value");
        Element target = (Element) p.node("//*[@ID='" + procedureRef.substring(1) + "']");
        assertThat(target.getLocalName()).isEqualTo("text");
        assertThat(target.getTextContent()).isEqualTo("2019Appendicectomie");
        // The criticality names no element either: it points at its allergy's row.
        String criticalityRef = p.value("//h:observation[h:templateId/@root='" + E + "3.33']/h:text/h:reference/@value");
        assertThat(((Element) p.node("//*[@ID='" + criticalityRef.substring(1) + "']")).getLocalName()).isEqualTo("tr");

        for (Path sample : List.of(SharedSamples.VSM, SharedSamples.IPS_FR)) {
            Pivot s = pivot(sample);
            for (String template : List.of("3.7", "3.17", "3.26", "3.19", "3.44", "3.34")) {
                String entries = "//*[h:templateId/@root='" + E + template + "']";
                assertThat(s.count(entries + "/h:text/h:reference")).as(sample + " " + template).isEqualTo(s.count(entries));
            }
        }
    }

    // ---------------------------------------------------------------- immunisations and devices

    @Test
    void anImmunisationHasTheEhdsiCodeAndProductWrapper() throws Exception {
        Pivot p = pivot(FIXTURE);
        String imm = "//h:substanceAdministration[h:templateId/@root='" + E + "3.19']";
        assertThat(p.value(imm + "/h:code/@code")).isEqualTo("IMMUNIZ");
        assertThat(p.value(imm + "/h:code/@codeSystem")).isEqualTo("1.3.5.1.4.1.19376.1.5.3.2");
        assertThat(p.values(imm + "/h:consumable/h:manufacturedProduct/h:templateId/@root"))
                .containsExactly(E + "3.18", "2.16.840.1.113883.10.20.1.53");
        assertThat(p.value(imm + "//h:manufacturedMaterial/h:name")).isEqualTo("REVAXIS");
        assertThat(p.value(imm + "//h:manufacturedMaterial/h:code/h:originalText/h:reference/@value")).isEqualTo("#vac-1");

        org.hl7.fhir.r4.model.Immunization i = resources(bundle(FIXTURE), org.hl7.fhir.r4.model.Immunization.class).get(0);
        assertThat(i.getVaccineCode().getCoding()).anySatisfy(c -> assertThat(c.getCode()).isEqualTo("J07CA01"));
        assertThat(i.getVaccineCode().getText()).isEqualTo("REVAXIS");
    }

    @Test
    void aSummaryWithoutDevicesSectionSaysNoInformationNeverNoDevices() throws Exception {
        Translated out = translated(TRANSLATOR.toPivot(SharedSamples.bytes(FIXTURE), null));
        Pivot p = new Pivot(out.document());
        String device = "//h:section[h:templateId/@root='" + E + "2.4']//h:supply[h:templateId/@root='" + E + "3.5']"
                + "//h:playingDevice";
        assertThat(p.value(device + "/h:code/@code")).isEqualTo("no-device-info");
        assertThat(p.value(device + "/@classCode")).isEqualTo("DEV");
        assertThat(p.value(device + "/@determinerCode")).isEqualTo("INSTANCE");
        assertThat(out.document()).doesNotContain("no-known-devices");
        assertThat(out.report().warnings()).anyMatch(w -> w.contains("no History of medical device use section"));
        assertThat(pivot(SharedSamples.VSM).value(device + "/h:code/@code")).isEqualTo("no-device-info");
        // The IPS Bundle has no devices section to fill: IPS makes it optional.
        assertThat(composition(bundle(FIXTURE)).getSection()).noneMatch(s -> code(s).equals("46264-8"));
    }

    @Test
    void aDeviceCodeOutsideTheEhdsiValueSetIsOtherWithTheFrenchCodeAsTranslation() throws Exception {
        Pivot p = pivot(SharedSamples.IPS_FR);
        String devices = "//h:supply[h:templateId/@root='" + E + "3.5']//h:playingDevice";
        assertThat(p.values(devices + "/@classCode")).containsOnly("DEV");
        assertThat(p.values(devices + "/@determinerCode")).containsOnly("INSTANCE");
        // "Other medical device" (ANS TRE_A00) has no eHDSIMedicalDevice equivalent: nullFlavor OTH, the French code
        // kept; the EMDN pacemaker code is transcoded.
        assertThat(p.value(devices + "/h:code[@nullFlavor='OTH']/h:translation/@code")).isEqualTo("GEN-092.02.02");
        assertThat(p.value(devices + "/h:code[@code='J010104']/@codeSystem")).isEqualTo("1.3.6.1.4.1.12559.11.10.1.3.1.44.6");
        assertThat(p.values("//h:supply[h:templateId/@root='" + E + "3.5']/h:text/h:reference/@value"))
                .containsExactly("#DM-01-categorie", "#DM-02-categorie");
    }

    // ---------------------------------------------------------------- sections eHDSI and IPS hold differently

    @Test
    void thePlanOfCareIsTheEhdsiCarePlanSectionAndCarePlansInIps() throws Exception {
        Translated out = translated(TRANSLATOR.toPivot(SharedSamples.bytes(FIXTURE), null));
        Pivot p = new Pivot(out.document());
        String plan = "//h:section[h:templateId/@root='" + E + "2.8'][h:templateId/@root='2.16.840.1.113883.10.20.1.10']";
        assertThat(p.value(plan + "/h:code/@code")).isEqualTo("18776-5");
        assertThat(p.value(plan + "/h:text//*[@ID='plan-1']")).isEqualTo("Spirométrie de contrôle en mars 2025");
        // eHDSI's care plan section holds no entry: each planned item is reported, with its French XPath.
        assertThat(out.report().notCarried()).filteredOn(n -> n.statement().startsWith("plan of care")).hasSize(2)
                .allSatisfy(n -> assertThat(n.sourceXpath()).startsWith("/ClinicalDocument/component/structuredBody"));

        Bundle b = bundle(FIXTURE);
        Composition c = composition(b);
        List<Resource> planned = sectionResources(b, c, "18776-5", Resource.class);
        assertThat(planned).hasSize(2);
        CarePlan spirometry = (CarePlan) planned.get(0);
        assertThat(spirometry.getActivityFirstRep().getDetail().getCode().getCoding())
                .anySatisfy(x -> assertThat(x.getCode()).isEqualTo("127783003"));
        assertThat(spirometry.getActivityFirstRep().getDetail().getScheduledPeriod().getStartElement().getValueAsString())
                .isEqualTo("2025-03-01");
        ImmunizationRecommendation booster = (ImmunizationRecommendation) planned.get(1);
        assertThat(booster.getRecommendationFirstRep().getVaccineCodeFirstRep().getCoding())
                .anySatisfy(x -> assertThat(x.getCode()).isEqualTo("J07CA01"));
        assertThat(booster.getRecommendationFirstRep().getDateCriterionFirstRep().getValueElement().getValueAsString())
                .isEqualTo("2028-01-01");

        assertThat(sectionResources(bundle(SharedSamples.IPS_FR), composition(bundle(SharedSamples.IPS_FR)), "18776-5",
                Resource.class)).hasSize(9);
    }

    @Test
    void advanceDirectivesAreCarriedByTheirNarrativeAndTheirEntriesReported() throws Exception {
        Translated out = translated(TRANSLATOR.toPivot(SharedSamples.bytes(FIXTURE), null));
        Pivot p = new Pivot(out.document());
        String section = "//h:section[h:templateId/@root='" + E + "2.16']";
        assertThat(p.value(section + "/h:code/@code")).isEqualTo("42348-3");
        assertThat(p.value(section + "/h:text")).contains("Pas de réanimation cardio-pulmonaire");
        assertThat(out.report().notCarried()).extracting(NotCarried::statement).contains("advance directive entry");

        Translated fhir = translated(TRANSLATOR.toFhirIps(SharedSamples.bytes(FIXTURE), null));
        Composition.SectionComponent s = composition(parse(fhir.document())).getSection().stream()
                .filter(x -> code(x).equals("42348-3")).findFirst().orElseThrow();
        assertThat(s.getText().getDivAsString()).contains("Pas de réanimation cardio-pulmonaire");
        assertThat(fhir.report().notCarried()).extracting(NotCarried::statement).contains("advance directive entry");

        assertThat(new Pivot(translated(TRANSLATOR.toPivot(SharedSamples.bytes(SharedSamples.IPS_FR), null)).document())
                .count("//h:section[h:templateId/@root='" + E + "2.16']")).isEqualTo(1);
    }

    @Test
    void sectionsNoTargetModelsKeepTheirCodeTitleAndNarrativeTheirEntriesReported() throws Exception {
        Translated out = translated(TRANSLATOR.toPivot(SharedSamples.bytes(FIXTURE), null));
        Pivot p = new Pivot(out.document());
        assertThat(p.value("//h:section[h:code/@code='10157-6']/h:title")).isEqualTo("Antécédents familiaux");
        assertThat(p.value("//h:section[h:code/@code='10157-6']/h:text")).contains("Père : diabète de type 2");
        assertThat(p.value("//h:section[h:code/@code='44944-7']/h:text")).contains("anticoagulant");
        assertThat(p.count("//h:section[h:code/@code='10157-6']/h:templateId")).isZero();
        assertThat(out.report().notCarried()).anySatisfy(n -> {
            assertThat(n.statement()).contains("10157-6");
            assertThat(n.sourceXpath()).endsWith("/entry/organizer");
        });

        Translated fhir = translated(TRANSLATOR.toFhirIps(SharedSamples.bytes(FIXTURE), null));
        Composition c = composition(parse(fhir.document()));
        assertThat(c.getSection()).filteredOn(s -> code(s).equals("10157-6")).singleElement()
                .satisfies(s -> assertThat(s.getText().getDivAsString()).contains("Père : diabète de type 2"));
        assertThat(c.getSection()).filteredOn(s -> code(s).equals("44944-7")).singleElement()
                .satisfies(s -> assertThat(s.getText().getDivAsString()).contains("anticoagulant"));
        assertThat(fhir.report().notCarried()).anySatisfy(n -> assertThat(n.statement()).contains("10157-6"));

        // The IPS-FR sample's family history, adverse drug effects, alerts and attached documents.
        Composition sample = composition(bundle(SharedSamples.IPS_FR));
        assertThat(sample.getSection()).extracting(PatientSummaryFidelityTest::code)
                .contains("10157-6", "44939-7", "44944-7", "55107-7", "10161-8");
    }

    @Test
    void functionalStatusIsAClinicalImpressionInIpsAsItIsAnObservationInThePivot() throws Exception {
        Pivot p = pivot(FIXTURE);
        String obs = "//h:organizer[h:templateId/@root='" + E + "3.39']/h:component/h:observation[h:templateId/@root='"
                + E + "3.40']";
        assertThat(p.value(obs + "/h:value/@code")).isEqualTo("LA9623-5");

        Bundle b = bundle(FIXTURE);
        List<ClinicalImpression> assessments = sectionResources(b, composition(b), "47420-5", ClinicalImpression.class);
        assertThat(assessments).singleElement().satisfies(ci -> {
            assertThat(ci.getCode().getCodingFirstRep().getCode()).isEqualTo("89247-1");
            assertThat(ci.getFindingFirstRep().getItemCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("LA9623-5");
        });
        Bundle sample = bundle(SharedSamples.IPS_FR);
        assertThat(sectionResources(sample, composition(sample), "47420-5", ClinicalImpression.class)).hasSize(3);
    }

    // ---------------------------------------------------------------- participants

    @Test
    void theGuardianAndEmergencyContactsArePatientContacts() throws Exception {
        Patient patient = resources(bundle(FIXTURE), Patient.class).get(0);
        Map<String, String> byRelation = patient.getContact().stream().collect(Collectors.toMap(
                c -> c.getName().getFamily(), c -> c.getRelationshipFirstRep().getCodingFirstRep().getCode()));
        assertThat(byRelation).containsEntry("TUTRICE", "GUARD").containsEntry("URGENCE", "C")
                .containsEntry("PREVENIR", "C");
        assertThat(resources(bundle(SharedSamples.VSM), Patient.class).get(0).getContact())
                .anySatisfy(c -> assertThat(c.getName().getFamily()).isEqualTo("NESSI"));
    }

    // ---------------------------------------------------------------- validity

    /**
     * The fixture's pivot through the eHDSI ART-DECOR runtime: no error in any section or entry template (the
     * document-level rules, e.g. the header's, belong to the document template and are the harness's business).
     */
    @Test
    void theFixturesPivotHasNoSectionOrEntryErrorInTheEhdsiRuntime() throws Exception {
        EhdsiRuntime.assumePresent();
        String pivot = translated(TRANSLATOR.toPivot(SharedSamples.bytes(FIXTURE), null)).document();
        ConformanceResult result = EhdsiRuntime.schematron(EhdsiRuntime.PS_L3).validate(pivot);
        assertThat(result.errors()).filteredOn(f -> !f.ruleId().startsWith(E + "1.3-"))
                .extracting(f -> f.ruleId() + " " + f.message() + " at " + f.location()).isEmpty();
    }

    @Test
    void theFixturesIpsBundleValidatesAgainstIps200() throws Exception {
        String json = translated(TRANSLATOR.toFhirIps(SharedSamples.bytes(FIXTURE), null)).document();
        assertThat(IpsValidator.errors(json)).extracting(m -> m.getLocationString() + " " + m.getMessage()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static Translated translated(TranslationOutcome out) {
        assertThat(out).isInstanceOf(Translated.class);
        return (Translated) out;
    }

    private static Pivot pivot(Path source) throws Exception {
        return new Pivot(translated(TRANSLATOR.toPivot(SharedSamples.bytes(source), null)).document());
    }

    private static Bundle bundle(Path source) {
        return parse(translated(TRANSLATOR.toFhirIps(SharedSamples.bytes(source), null)).document());
    }

    private static Bundle parse(String json) {
        return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
    }

    private static Composition composition(Bundle b) {
        return (Composition) b.getEntryFirstRep().getResource();
    }

    private static String code(Composition.SectionComponent s) {
        return s.getCode().getCodingFirstRep().getCode() == null ? "" : s.getCode().getCodingFirstRep().getCode();
    }

    private static <T> List<T> resources(Bundle b, Class<T> type) {
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private static <T> List<T> sectionResources(Bundle b, Composition c, String loinc, Class<T> type) {
        Map<String, Resource> byUrl = b.getEntry().stream().collect(Collectors.toMap(
                Bundle.BundleEntryComponent::getFullUrl, Bundle.BundleEntryComponent::getResource));
        return c.getSection().stream().filter(s -> code(s).equals(loinc)).flatMap(s -> s.getEntry().stream())
                .map(r -> byUrl.get(r.getReference())).filter(type::isInstance).map(type::cast).toList();
    }

    /** A pivot document queried by XPath ({@code h:} the HL7 namespace). */
    private static final class Pivot {
        private final Document doc;
        private final XPath xpath;

        Pivot(String xml) throws Exception {
            this.doc = HardenedXml.parse(xml.getBytes(StandardCharsets.UTF_8));
            this.xpath = XPathFactory.newInstance().newXPath();
            xpath.setNamespaceContext(new NamespaceContext() {
                @Override
                public String getNamespaceURI(String prefix) {
                    return switch (prefix) {
                        case "h" -> "urn:hl7-org:v3";
                        case "xsi" -> "http://www.w3.org/2001/XMLSchema-instance";
                        default -> null;
                    };
                }

                @Override
                public String getPrefix(String uri) {
                    return null;
                }

                @Override
                public Iterator<String> getPrefixes(String uri) {
                    return null;
                }
            });
        }

        String value(String path) throws Exception {
            return xpath.evaluate(path, doc);
        }

        int count(String path) throws Exception {
            return ((Double) xpath.evaluate("count(" + path + ")", doc, XPathConstants.NUMBER)).intValue();
        }

        Node node(String path) throws Exception {
            return (Node) xpath.evaluate(path, doc, XPathConstants.NODE);
        }

        List<String> values(String path) throws Exception {
            NodeList nodes = (NodeList) xpath.evaluate(path, doc, XPathConstants.NODESET);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(nodes.item(i).getTextContent());
            }
            return out;
        }
    }
}
