package fr.passerelle.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.conformance.ConformanceProperties;
import fr.passerelle.gateway.conformance.ConformanceProperties.Mode;
import fr.passerelle.gateway.conformance.PivotConformance;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.Code;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.healthspace.PrescriptionLine;
import fr.passerelle.gateway.healthspace.StoredDocument;
import fr.passerelle.gateway.testsupport.Fixtures;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.translation.DocumentTranslator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a listed document is offered as is what a retrieval serves: a multi-line ePrescription item by item under
 * {@link PrescriptionItemId}, without its dispensed items; a level 1 only from a document carrying a PDF; nothing for
 * a document the health space no longer returns.
 */
class DocumentOffersTest {

    static final Ins PATIENT = new Ins(Ins.TEST_NIR, "284056912304563");
    static final String PRESCRIPTION_ENTRY = "root=\"1.3.6.1.4.1.12559.11.10.1.3.1.2.1\"";
    static final Set<Rendering> ALSO = EnumSet.of(Rendering.PIVOT_PDF, Rendering.FHIR_IPS);
    static final CrossBorderCall CALL = new CrossBorderCall(ExchangeRulesTest.treating(null), "NCP-BE", "offers");

    static DocumentTranslator translator;

    final Map<String, StoredDocument> stored = new HashMap<>();
    final Map<String, List<PrescriptionLine>> lines = new HashMap<>();
    final AtomicInteger reads = new AtomicInteger();
    final NationalHealthSpace healthSpace;
    DocumentOffers offers;

    @BeforeAll
    static void catalogue() throws Exception {
        translator = new DocumentTranslator(TerminologyCatalogue.load(Path.of("../src/data/terminology")));
    }

    DocumentOffersTest() {
        healthSpace = (NationalHealthSpace) Proxy.newProxyInstance(
                NationalHealthSpace.class.getClassLoader(), new Class<?>[] {NationalHealthSpace.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "retrieve" -> {
                        reads.incrementAndGet();
                        yield Optional.ofNullable(stored.get((String) args[0]));
                    }
                    case "prescriptionLines" -> lines.getOrDefault((String) args[0], List.of());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        offers = new DocumentOffers(healthSpace, new DocumentListing(healthSpace, null),
                new TranslatedDocuments(translator, 64L << 20, PivotConformance.off()));
    }

    @Test
    void aMultiLinePrescriptionIsOfferedItemByItemWithoutItsDispensedItems() throws Exception {
        DocumentEntry ep = store("2.25.7", DocumentKind.EPRESCRIPTION, "eP-MED-DM_2024.01_PosoStruct.xml");
        lines.put("2.25.7", List.of(new PrescriptionLine("2.25.7", "L1", null), new PrescriptionLine("2.25.7", "L2", null)));

        DocumentOffers.Offer offer = offers.offers(CALL, List.of(ep), ALSO).offers().get(0);
        assertThat(offer.itemised()).isTrue();
        assertThat(offer.pivots()).extracting(DocumentOffers.Pivot::uniqueId)
                .containsExactly(new PrescriptionItemId("2.25.7", 1).xdsUniqueId(),
                        new PrescriptionItemId("2.25.7", 2).xdsUniqueId());
        assertThat(offer.pivots()).allSatisfy(pivot -> assertThat(
                count(new String(pivot.content(), StandardCharsets.UTF_8), PRESCRIPTION_ENTRY)).isEqualTo(1));
        assertThat(offer.pivots().get(0).content()).isNotEqualTo(offer.pivots().get(1).content());
        // The sample embeds the prescription's PDF; an ePrescription has no IPS.
        assertThat(offer.rendered(Rendering.PIVOT_PDF)).isPresent();
        assertThat(offer.rendered(Rendering.FHIR_IPS)).isEmpty();
        assertThat(reads).as("the French bytes read once for every rendering").hasValue(1);

        lines.put("2.25.7", List.of(new PrescriptionLine("2.25.7", "L1", "disp-1"),
                new PrescriptionLine("2.25.7", "L2", null)));
        assertThat(offers.offers(CALL, List.of(ep), ALSO).offers().get(0).pivots()).extracting(DocumentOffers.Pivot::item)
                .containsExactly(2);
        assertThat(reads).as("translations are kept: nothing read again").hasValue(1);
    }

    @Test
    void aSummaryIsOfferedWholeAndItsLevelOneOnlyWhenItCarriesAPdf() throws Exception {
        DocumentEntry vsm = store("2.25.8", DocumentKind.PATIENT_SUMMARY, "VSM_1.4_2022.01.xml");
        DocumentEntry ips = store("2.25.9", DocumentKind.PATIENT_SUMMARY, "IPS-FR_2024.01.xml");
        DocumentEntry gone = new DocumentEntry("2.25.10", PATIENT, DocumentKind.PATIENT_SUMMARY, CODE, CODE, CODE,
                List.of(), OffsetDateTime.now(), null, "gone", "text/xml", "", 0, "fr-FR");

        List<DocumentOffers.Offer> offered = offers.offers(CALL, List.of(vsm, gone, ips), ALSO).offers();
        assertThat(offered).extracting(o -> o.french().uniqueId()).containsExactly("2.25.8", "2.25.9");
        for (DocumentOffers.Offer offer : offered) {
            assertThat(offer.itemised()).isFalse();
            assertThat(offer.pivots()).singleElement().satisfies(p -> {
                assertThat(p.uniqueId()).isEqualTo(offer.french().uniqueId());
                assertThat(p.item()).isZero();
            });
            assertThat(offer.rendered(Rendering.FHIR_IPS)).isPresent();
        }
        assertThat(offered.get(0).rendered(Rendering.PIVOT_PDF)).as("VSM: no PDF").isEmpty();
        assertThat(offered.get(1).rendered(Rendering.PIVOT_PDF)).as("IPS-FR: PDFs").isPresent();
        assertThatThrownBy(() -> offers.offers(CALL, List.of(vsm), Set.of(Rendering.PIVOT_CDA)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLabReportIsOfferedAsItsFhirBundleOnlyWhenItHasStructuredResults() throws Exception {
        byte[] structured = Files.readAllBytes(Path.of("../src/data/demo/documents/berthelot-cr-bio.xml"));
        String cda = new String(structured, StandardCharsets.UTF_8);
        String pdfOnly = cda.substring(0, cda.indexOf("<structuredBody")) + "<nonXMLBody><text mediaType="
                + "\"application/pdf\" representation=\"B64\">JVBERi0x</text></nonXMLBody></component></ClinicalDocument>";
        DocumentEntry lab = store("2.25.11", DocumentKind.LABORATORY_RESULT, structured);
        DocumentEntry pdf = store("2.25.12", DocumentKind.LABORATORY_RESULT, pdfOnly.getBytes(StandardCharsets.UTF_8));
        DocumentEntry summary = store("2.25.13", DocumentKind.PATIENT_SUMMARY, "VSM_1.4_2022.01.xml");
        Set<Rendering> also = EnumSet.of(Rendering.PIVOT_PDF, Rendering.FHIR_IPS, Rendering.FHIR_LAB);

        List<DocumentOffers.Offer> offered = offers.offers(CALL, List.of(lab, pdf, summary), also).offers();

        assertThat(offered).extracting(o -> o.french().uniqueId()).containsExactly("2.25.11", "2.25.12", "2.25.13");
        assertThat(new String(offered.get(0).rendered(Rendering.FHIR_LAB).orElseThrow(), StandardCharsets.UTF_8))
                .contains("\"resourceType\": \"Bundle\"").contains("11502-2").contains("3016-3");
        assertThat(offered.get(0).renderings()).as("no level 1 nor IPS of an OrCD").containsOnlyKeys(Rendering.FHIR_LAB);
        assertThat(offered.get(1).pivots()).as("the PDF-only report still leaves as its OrCD").hasSize(1);
        assertThat(offered.get(1).renderings()).as("no structured result: no Bundle offered").isEmpty();
        assertThat(offered.get(2).rendered(Rendering.FHIR_LAB)).as("a summary is no lab report").isEmpty();
        assertThat(Rendering.fhirDocumentOf(DocumentKind.LABORATORY_RESULT)).contains(Rendering.FHIR_LAB);
        assertThat(Rendering.fhirDocumentOf(DocumentKind.PATIENT_SUMMARY)).contains(Rendering.FHIR_IPS);
        assertThat(Rendering.fhirDocumentOf(DocumentKind.MEDICAL_IMAGING_REPORT)).isEmpty();
    }

    /**
     * A document whose pivot cannot be made, and a prescription item the enforced eHDSI check refuses, are not
     * offered but said not offered, with the id a retrieval would name them by and why: never dropped silently.
     */
    @Test
    void whatCannotBeSentIsSaidNotOfferedWithItsReason() throws Exception {
        DocumentEntry broken = store("2.25.14", DocumentKind.PATIENT_SUMMARY,
                "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8));
        DocumentEntry summary = store("2.25.15", DocumentKind.PATIENT_SUMMARY, "VSM_1.4_2022.01.xml");
        DocumentOffers.Offered offered = offers.offers(CALL, List.of(broken, summary), ALSO);
        assertThat(offered.offers()).extracting(o -> o.french().uniqueId()).containsExactly("2.25.15");
        assertThat(offered.notOffered()).singleElement().satisfies(unsent -> {
            assertThat(unsent.uniqueId()).isEqualTo("2.25.14");
            assertThat(unsent.french()).isEqualTo(broken);
            assertThat(unsent.refusal().error()).isEqualTo(ExchangeError.ERROR_TRANSCODING_ERROR);
            assertThat(unsent.refusal().reason()).startsWith("the French document cannot be translated");
        });

        // The check enforced on ePrescriptions: the second item (dose form 50015000) fails one-item.sch.
        DocumentOffers enforced = new DocumentOffers(healthSpace, new DocumentListing(healthSpace, null),
                new TranslatedDocuments(translator, 64L << 20, PivotConformance.start(new ConformanceProperties(
                        Mode.OFF, Path.of("src/test/resources/conformance"), "-", "-", "one-item.sch", "one-item.sch",
                        "-", "-", "-", 1, Map.of(ConformanceProperties.DocumentKind.EPRESCRIPTION, Mode.ENFORCE)),
                        new SimpleMeterRegistry())));
        DocumentEntry ep = store("2.25.16", DocumentKind.EPRESCRIPTION, "eP-MED-DM_2024.01_PosoStruct.xml");
        DocumentOffers.Offered prescription = enforced.offers(CALL, List.of(ep), ALSO);
        assertThat(prescription.offers()).singleElement().satisfies(offer -> assertThat(offer.pivots())
                .extracting(DocumentOffers.Pivot::item).containsExactly(1));
        assertThat(prescription.notOffered()).singleElement().satisfies(unsent -> {
            assertThat(unsent.uniqueId()).isEqualTo(new PrescriptionItemId("2.25.16", 2).xdsUniqueId());
            assertThat(unsent.refusal().error()).isEqualTo(ExchangeError.ERROR_TRANSCODING_ERROR);
            assertThat(unsent.refusal().reason()).contains("eHDSI EP_L3 validation");
        });
    }

    static final Code CODE = new Code("x", "1.2.3", "x");

    private DocumentEntry store(String uniqueId, DocumentKind kind, String fixture) throws Exception {
        return store(uniqueId, kind, Files.readAllBytes(Fixtures.FR_CDA.resolve(fixture)), fixture);
    }

    private DocumentEntry store(String uniqueId, DocumentKind kind, byte[] content) {
        return store(uniqueId, kind, content, uniqueId);
    }

    private DocumentEntry store(String uniqueId, DocumentKind kind, byte[] content, String fixture) {
        DocumentEntry entry = new DocumentEntry(uniqueId, PATIENT, kind, CODE, CODE, CODE, new ArrayList<>(),
                OffsetDateTime.now(), null, fixture, "text/xml", "", content.length, "fr-FR");
        stored.put(uniqueId, new StoredDocument(entry, content));
        return entry;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
