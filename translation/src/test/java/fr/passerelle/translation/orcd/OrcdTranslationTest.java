package fr.passerelle.translation.orcd;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.TranslationOutcome;
import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.terminology.xml.HardenedXml;
import fr.passerelle.translation.ehdsi.PivotSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The five ANS original-document samples into eHDSI OrCDs: header, PDF body, schema; refusals. */
class OrcdTranslationTest {

    private static final DocumentTranslator TRANSLATOR = new DocumentTranslator(SharedSamples.terminology());
    private static final Map<Path, TranslationOutcome> OUTCOMES = new ConcurrentHashMap<>();

    /** One translation per sample for the whole class (rendering costs a second or so). */
    static TranslationOutcome.Translated orcd(Path sample) {
        TranslationOutcome out = OUTCOMES.computeIfAbsent(sample, s -> TRANSLATOR.toOrcd(SharedSamples.bytes(s), null));
        assertThat(out).as(sample + " translated").isInstanceOf(TranslationOutcome.Translated.class);
        return (TranslationOutcome.Translated) out;
    }

    static Path sample(String name) {
        return SharedSamples.FR_CDA_ORCD.resolve(name);
    }

    @ParameterizedTest
    @CsvSource({
        "BIO-CR-BIO_2024.01_TSH_1.xml, 1.3.6.1.4.1.12559.11.10.1.3.1.1.8, 11502-2",
        "BIO-CR-BIO_2024.01_Microbiologie_V2.xml, 1.3.6.1.4.1.12559.11.10.1.3.1.1.8, 11502-2",
        "BIO-CR-BIO_2024.01_CR-2nde-intention-PDF.xml, 1.3.6.1.4.1.12559.11.10.1.3.1.1.8, 11502-2",
        "LDL-SES_2022.01.xml, 1.3.6.1.4.1.12559.11.10.1.3.1.1.9, 34105-7",
        "IMG_CR_IMG_2024.01.xml, 1.3.6.1.4.1.12559.11.10.1.3.1.1.10, 18748-4"})
    void everySampleBecomesTheOrcdOfItsTypeValidAgainstTheCdaSchema(String file, String template, String code)
            throws Exception {
        TranslationOutcome.Translated out = orcd(sample(file));
        Element orcd = parse(out.document());
        Element source = HardenedXml.parse(SharedSamples.bytes(sample(file))).getDocumentElement();

        assertThat(CdaNodes.child(orcd, "templateId").getAttribute("root")).isEqualTo(template);
        assertThat(CdaNodes.child(orcd, "code").getAttribute("code")).isEqualTo(code);
        assertThat(CdaNodes.child(orcd, "code").getAttribute("codeSystem")).isEqualTo("2.16.840.1.113883.6.1");
        // The French document it was made from, by id.
        Element parent = CdaNodes.path(orcd, "relatedDocument", "parentDocument");
        assertThat(CdaNodes.path(orcd, "relatedDocument").getAttribute("typeCode")).isEqualTo("XFRM");
        assertThat(CdaNodes.child(parent, "id").getAttribute("root"))
                .isEqualTo(CdaNodes.child(source, "id").getAttribute("root"));
        assertThat(CdaNodes.child(parent, "id").getAttribute("extension"))
                .isEqualTo(CdaNodes.child(source, "id").getAttribute("extension"));
        // Header carried: patient, author, custodian, legal authenticator, language.
        for (String element : new String[] {"recordTarget", "author", "custodian", "legalAuthenticator",
                "confidentialityCode", "languageCode"}) {
            assertThat(CdaNodes.child(orcd, element)).as(element).isNotNull();
        }
        assertThat(CdaNodes.path(orcd, "recordTarget", "patientRole", "patient", "birthTime").getAttribute("value"))
                .isEqualTo(CdaNodes.path(source, "recordTarget", "patientRole", "patient", "birthTime")
                        .getAttribute("value"));
        Element text = CdaNodes.path(orcd, "component", "nonXMLBody", "text");
        assertThat(text.getAttribute("mediaType")).isEqualTo("application/pdf");
        assertThat(text.getAttribute("representation")).isEqualTo("B64");
        assertThat(new String(pdf(out), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(PivotSchema.errors(out.document())).as("eHDSI CDA schema").isEmpty();
        // The document code is the OrCD template's own (checked by the eHDSI OrCD runtime), not a gap of
        // eHDSIDocumentCode, which lists the PS/eP/eD codes only.
        assertThat(out.report().unmapped()).noneMatch(u -> "/ClinicalDocument/code".equals(u.outputXpath()));
    }

    @ParameterizedTest
    @CsvSource({"BIO-CR-BIO_2024.01_TSH_1.xml", "BIO-CR-BIO_2024.01_Microbiologie_V2.xml",
        "BIO-CR-BIO_2024.01_CR-2nde-intention-PDF.xml"})
    void aReportWithItsOwnPdfCopyIsCarriedWithThatCopyUnchanged(String file) throws Exception {
        TranslationOutcome.Translated out = orcd(sample(file));
        DocumentAttachments source = DocumentAttachments.of(
                HardenedXml.parse(SharedSamples.bytes(sample(file))).getDocumentElement());
        assertThat(source.copy()).isPresent();
        String carried = CdaNodes.path(parse(out.document()), "component", "nonXMLBody", "text").getTextContent();
        assertThat(carried).isEqualTo(source.copy().get().base64());
        assertThat(out.report().warnings()).anyMatch(w -> w.contains("own PDF copy"));
    }

    @Test
    void theSecondOpinionReportsOtherPdfIsReportedNotCarried() {
        TranslationOutcome.Translated out = orcd(SharedSamples.CR_BIO_SECOND_OPINION_PDF);
        // "CRBio" is an attached second report, not the copy of this one: one PDF per OrCD, the rest reported.
        assertThat(out.report().notCarried()).anyMatch(n -> n.statement().contains("application/pdf")
                && n.sourceXpath().contains("observationMedia"));
    }

    @Test
    void aDischargeLetterWithoutPdfIsRenderedCompletely() throws IOException {
        String text = text(pdf(orcd(SharedSamples.LDL_SES)));
        // Header, a coded finding, both medication tables and the follow-up.
        assertThat(text).contains("Lettre de liaison à la sortie de l'établissement de santé", "PAT-TROIS",
                "Streptococcus pneumoniae", "SOLIAN 100 mg", "LEPONEX 100", "Suivi par le psychiatre à prévoir");
        assertThat(orcd(SharedSamples.LDL_SES).report().warnings()).anyMatch(w -> w.contains("CDA-FO.xsl"));
    }

    @Test
    void anImagingReportIsRenderedAndItsAttachedEarlierReportReported() throws IOException {
        TranslationOutcome.Translated out = orcd(SharedSamples.CR_IMG);
        String text = text(pdf(out));
        assertThat(text).contains("CT Head W contrast IV", "XENETIX 350", "patiente actuellement enceinte");
        assertThat(out.report().notCarried()).singleElement()
                .satisfies(n -> assertThat(n.sourceXpath()).contains("observationMedia"));
    }

    @Test
    void theRenderedLabReportShowsTheTshResultWithItsUnitAndReferenceRange() throws Exception {
        // The TSH sample has its own copy; rendering it anyway proves the FOP path carries lab results.
        String text = text(ReportRenderer.shared().render(SharedSamples.bytes(SharedSamples.CR_BIO_TSH)));
        assertThat(text).contains("Thyréostimuline (TSH)", "1.950 mUI/l", "(0.270 - 4.200)", "7.67 pg/ml");
    }

    @Test
    void aDocumentOfAnotherTypeIsRefusedByItsFormat() {
        TranslationOutcome out = TRANSLATOR.toOrcd(SharedSamples.bytes(SharedSamples.VSM), null);
        assertThat(out).isInstanceOfSatisfying(TranslationOutcome.Rejected.class, r -> {
            assertThat(r.failure()).isInstanceOf(TranslationFailure.UnknownFormat.class);
            assertThat(r.failure().message()).contains("VSM", "not an original clinical document");
        });
    }

    @Test
    void aLabReportWithoutBodyIsRefusedNamingWhatIsMissing() throws Exception {
        Document dom = HardenedXml.parse(SharedSamples.bytes(SharedSamples.CR_BIO_TSH));
        Element root = dom.getDocumentElement();
        root.removeChild(CdaNodes.child(root, "component"));
        TranslationOutcome out = TRANSLATOR.toOrcd(fr.passerelle.translation.cda.CdaWriter.toXml(dom)
                .getBytes(StandardCharsets.UTF_8), null);
        assertThat(out).isInstanceOfSatisfying(TranslationOutcome.Rejected.class, r -> {
            assertThat(r.failure()).isInstanceOf(TranslationFailure.MissingMandatoryElement.class);
            assertThat(r.failure().xpath()).isEqualTo("/ClinicalDocument/component");
        });
    }

    @Test
    void notWellFormedInputIsRefusedWithItsPosition() {
        TranslationOutcome out = TRANSLATOR.toOrcd("<ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
                .getBytes(StandardCharsets.UTF_8), null);
        assertThat(out).isInstanceOfSatisfying(TranslationOutcome.Rejected.class,
                r -> assertThat(r.failure()).isInstanceOf(TranslationFailure.NotWellFormed.class));
    }

    static byte[] pdf(TranslationOutcome.Translated out) {
        String b64 = CdaNodes.path(parse(out.document()), "component", "nonXMLBody", "text").getTextContent();
        return Base64.getMimeDecoder().decode(b64);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            // PDF text extraction turns the typographic apostrophe into itself; compare on plain quotes.
            return new PDFTextStripper().getText(d).replace('\u2019', '\'');
        }
    }

    static Element parse(String xml) {
        try {
            return HardenedXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        } catch (fr.passerelle.terminology.xml.UnsafeXmlException e) {
            throw new AssertionError(e.getMessage());
        }
    }
}
