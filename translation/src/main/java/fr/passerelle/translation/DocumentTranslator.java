package fr.passerelle.translation;

import fr.passerelle.terminology.Terminology;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.CdaReader;
import fr.passerelle.translation.cda.CdaWriter;
import fr.passerelle.translation.cda.DocumentFormat;
import fr.passerelle.translation.ehdsi.CodedElementList;
import fr.passerelle.translation.ehdsi.CodedElementList.PivotType;
import fr.passerelle.translation.ehdsi.LevelOnePivotWriter;
import fr.passerelle.translation.ehdsi.OrcdPivotWriter;
import fr.passerelle.translation.orcd.DocumentAttachments;
import fr.passerelle.translation.orcd.OrcdType;
import fr.passerelle.translation.orcd.ReportRenderer;
import fr.passerelle.translation.ehdsi.PatientSummaryPivotWriter;
import fr.passerelle.translation.ehdsi.PivotHeaderGaps;
import fr.passerelle.translation.ehdsi.PivotTranscoder;
import fr.passerelle.translation.ehdsi.NationalPackageSizes;
import fr.passerelle.translation.ehdsi.PrescriptionPivotWriter;
import fr.passerelle.translation.fhir.BundleJson;
import fr.passerelle.translation.fhir.IpsBundleBuilder;
import fr.passerelle.translation.fhir.LabReportBundleBuilder;
import fr.passerelle.translation.fhir.MedicationDispenseReader;
import fr.passerelle.translation.fhir.MpdBuilder;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.Header;
import fr.passerelle.translation.cda.IrregularValue;
import fr.passerelle.translation.cda.SectionKind;
import fr.passerelle.translation.fr.EdispMedWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.w3c.dom.Document;

/**
 * The module's entry point: reads a document once and writes it in the requested target format.
 * Thread-safe; one instance serves every request.
 */
public final class DocumentTranslator {

    private final CdaReader reader = new CdaReader();
    private final PivotTranscoder transcoder;
    private final NationalPackageSizes packageSizes;
    private final IpsBundleBuilder ips;
    private final MpdBuilder mpd;
    private final LabReportBundleBuilder labReport = new LabReportBundleBuilder();

    public DocumentTranslator(Terminology terminology) {
        this.transcoder = new PivotTranscoder(terminology, CodedElementList.bundled());
        this.packageSizes = new NationalPackageSizes(terminology);
        this.ips = new IpsBundleBuilder(terminology);
        this.mpd = new MpdBuilder(terminology);
    }

    /** Reads a CDA into the typed model (exposed for callers that write several targets from one parse). */
    public CdaDocument read(byte[] cda) throws TranslationException {
        return reader.read(cda);
    }

    /** French PS (VSM, IPS-FR) or ePrescription (eP-MED-DM) to the eHDSI pivot CDA level 3 (and level 1 if a PDF is embedded). */
    public TranslationOutcome toPivot(byte[] cda, String language) {
        return readThen(cda, source -> toPivot(source, language));
    }

    public TranslationOutcome toPivot(CdaDocument source, String language) {
        try {
            TranslationReport.Builder report = new TranslationReport.Builder();
            Document pivot;
            List<Document> items = List.of();
            PivotType type;
            String template;
            String loinc;
            String display;
            String title;
            if (source.format().isPatientSummary()) {
                pivot = new PatientSummaryPivotWriter().write(source, report);
                type = PivotType.PATIENT_SUMMARY;
                template = "1.3.6.1.4.1.12559.11.10.1.3.1.1.3";
                loinc = "60591-5";
                display = "Patient summary Document";
                title = "Patient Summary";
            } else if (source.format() == DocumentFormat.EP_MED_DM) {
                PrescriptionPivotWriter writer = new PrescriptionPivotWriter();
                List<Document> itemPivots = writer.writeItems(source);
                writer.report(source, report);
                // eHDSI: one prescription item per ePrescription document. The whole prescription is the one item,
                // or every item in its own section of one document (what a road serving one document needs).
                pivot = itemPivots.size() == 1 ? itemPivots.get(0) : writer.write(source);
                packageSizes.complete(pivot.getDocumentElement(), report::warning);
                for (Document item : itemPivots) {
                    if (item != pivot) {
                        packageSizes.complete(item.getDocumentElement(), warning -> { });
                        // The items repeat the whole document's codes: their findings are the whole document's.
                        transcoder.transcode(item.getDocumentElement(), PivotType.EPRESCRIPTION, language,
                                new TranslationReport.Builder());
                    }
                }
                items = itemPivots;
                type = PivotType.EPRESCRIPTION;
                template = "1.3.6.1.4.1.12559.11.10.1.3.1.1.1";
                loinc = "57833-6";
                display = "Prescription for medication";
                title = "ePrescription";
            } else {
                return unknownFormat(source.format() + " has no eHDSI pivot counterpart");
            }
            PivotHeaderGaps.of(source.header(), template).forEach(report::warning);
            transcoder.transcode(pivot.getDocumentElement(), type, language, report);
            irregularValues(source, report);
            Optional<String> levelOne = source.pdf().map(pdf -> {
                Document l1 = new LevelOnePivotWriter().write(source, pdf, template, loinc, display, title);
                // The level-1 header carries the same codes; its findings duplicate the level-3 ones.
                transcoder.transcode(l1.getDocumentElement(), type, language, new TranslationReport.Builder());
                return CdaWriter.toXml(l1);
            });
            if (levelOne.isEmpty()) {
                report.warning("the source embeds no PDF: no level-1 pivot document");
            }
            String pivotXml = CdaWriter.toXml(pivot);
            // A one-line prescription is its own only item: the same DOM, serialised once.
            List<String> itemXml = new ArrayList<>();
            for (Document item : items) {
                itemXml.add(item == pivot ? pivotXml : CdaWriter.toXml(item));
            }
            return new TranslationOutcome.Translated(pivotXml, "application/xml", levelOne, report.build(), itemXml);
        } catch (TranslationException e) {
            return new TranslationOutcome.Rejected(e.failure());
        }
    }

    /**
     * French report (CR-BIO laboratory report, LDL-SES discharge letter, CR-IMG imaging report) to the eHDSI
     * Original Clinical Document of its type: the eHDSI header around the original as PDF. The French document's own
     * PDF copy is used unchanged when it has one; otherwise the report is rendered with the ANS stylesheet.
     */
    public TranslationOutcome toOrcd(byte[] cda, String language) {
        try {
            Document dom = CdaReader.parse(cda);
            CdaDocument source = reader.read(dom);
            OrcdType type = OrcdType.of(source.format());
            if (type == null) {
                return unknownFormat(source.format() + " is not an original clinical document (CR-BIO, LDL-SES or CR-IMG)");
            }
            TranslationReport.Builder report = new TranslationReport.Builder();
            DocumentAttachments attachments = DocumentAttachments.of(dom.getDocumentElement());
            String base64;
            if (attachments.copy().isPresent()) {
                base64 = attachments.copy().get().base64();
                report.warning("the original is the French document's own PDF copy at "
                        + attachments.copy().get().source().xpath() + ", carried unchanged");
            } else if (source.sections().isEmpty()) {
                return new TranslationOutcome.Rejected(new TranslationFailure.MissingMandatoryElement(
                        "/ClinicalDocument/component", "structuredBody with a section, or a PDF copy of the document"));
            } else {
                try {
                    base64 = Base64.getMimeEncoder(76, new byte[] {'\n'})
                            .encodeToString(ReportRenderer.shared().render(cda));
                } catch (ReportRenderer.RenderingException e) {
                    return new TranslationOutcome.Rejected(new TranslationFailure.NotRenderable("/", e.getMessage()));
                }
                report.warning("the French document has no PDF copy: the original is rendered from it with the ANS "
                        + "stylesheet CDA-FO.xsl");
            }
            String attachmentLeftOut = attachments.copy().isPresent()
                    ? "an OrCD carries one PDF, the original; this attachment is another document"
                    : "not rendered into the PDF: the product carries no PDF/image merger for attachments";
            for (DocumentAttachments.Attachment a : attachments.others()) {
                report.notCarried(new TranslationReport.NotCarried(a.source().xpath(),
                        "attached document (" + a.mediaType() + ")", attachmentLeftOut));
            }
            Document orcd = new OrcdPivotWriter().write(source, type.template(), type.loinc(), type.display(),
                    type.title(), base64);
            PivotHeaderGaps.of(source.header(), type.template()).forEach(report::warning);
            transcoder.transcode(orcd.getDocumentElement(), PivotType.ORIGINAL_CLINICAL_DOCUMENT, language, report);
            return new TranslationOutcome.Translated(CdaWriter.toXml(orcd), "application/xml", Optional.empty(),
                    report.build());
        } catch (TranslationException e) {
            return new TranslationOutcome.Rejected(e.failure());
        }
    }

    /**
     * French laboratory report (CR-BIO 2024.01) with structured results to a FHIR R4 document Bundle in the shape of
     * the MyHealth@EU Laboratory Result / HL7 Europe Laboratory Report: Composition 11502-2, DiagnosticReport, one
     * Observation per result. Displays stay French as written (LOINC is international: nothing to transcode). A
     * CR-BIO without structured results is refused ({@link TranslationFailure.NoStructuredContent}); what the
     * Bundle cannot carry (isolates, attachments…) is in the report as not carried, with its XPath.
     */
    public TranslationOutcome toLabReportBundle(byte[] cda) {
        try {
            Document dom = CdaReader.parse(cda);
            CdaDocument source = reader.read(dom);
            if (source.format() != DocumentFormat.CR_BIO) {
                return unknownFormat(source.format() + " is not a laboratory report (CR-BIO)");
            }
            TranslationReport.Builder report = new TranslationReport.Builder();
            DocumentAttachments attachments = DocumentAttachments.of(dom.getDocumentElement());
            Bundle bundle = labReport.build(dom.getDocumentElement(), source, attachments.copy(), report);
            return new TranslationOutcome.Translated(BundleJson.encode(bundle), FHIR_JSON, Optional.empty(), report.build());
        } catch (TranslationException e) {
            return new TranslationOutcome.Rejected(e.failure());
        }
    }

    /** French PS (VSM, IPS-FR) to an IPS document Bundle (FHIR R4 JSON). */
    public TranslationOutcome toFhirIps(byte[] cda, String language) {
        return readThen(cda, source -> toFhirIps(source, language));
    }

    public TranslationOutcome toFhirIps(CdaDocument source, String language) {
        try {
            if (!source.format().isPatientSummary()) {
                return unknownFormat(source.format() + " is not a patient summary");
            }
            TranslationReport.Builder report = new TranslationReport.Builder();
            Bundle bundle = ips.build(source, language, report);
            irregularValues(source, report);
            return new TranslationOutcome.Translated(BundleJson.encode(bundle), FHIR_JSON, Optional.empty(), report.build());
        } catch (TranslationException e) {
            return new TranslationOutcome.Rejected(e.failure());
        }
    }

    /** French ePrescription (eP-MED-DM) to MedicationRequests in the HL7 Europe MPD shape (FHIR R4 JSON Bundle). */
    public TranslationOutcome toFhirMpd(byte[] cda, String language) {
        return readThen(cda, source -> toFhirMpd(source, language));
    }

    public TranslationOutcome toFhirMpd(CdaDocument source, String language) {
        try {
            if (source.format() != DocumentFormat.EP_MED_DM) {
                return unknownFormat(source.format() + " is not an ePrescription");
            }
            TranslationReport.Builder report = new TranslationReport.Builder();
            Bundle bundle = mpd.build(source, language, report);
            irregularValues(source, report);
            return new TranslationOutcome.Translated(BundleJson.encode(bundle), FHIR_JSON, Optional.empty(), report.build());
        } catch (TranslationException e) {
            return new TranslationOutcome.Rejected(e.failure());
        }
    }

    private static final String FHIR_JSON = "application/fhir+json";

    /**
     * Values the source writes in a form its HL7 type does not allow (a decimal comma, a non-integer count): the
     * writers leave them out of structured values rather than guess, and carry them as written only where the
     * output has text; each is reported so the reader abroad knows.
     */
    private static void irregularValues(CdaDocument source, TranslationReport.Builder report) {
        for (IrregularValue v : source.irregularValues()) {
            report.notCarried(new TranslationReport.NotCarried(v.source().xpath(), v.what(),
                    "not " + v.rule() + " as HL7 requires: left out of the structured value, never guessed; carried as"
                            + " written only where the output has text"));
        }
    }

    /** Reads the CDA, then translates it; a document that does not read is refused with why. */
    private TranslationOutcome readThen(byte[] cda, Function<CdaDocument, TranslationOutcome> translation) {
        try {
            return translation.apply(reader.read(cda));
        } catch (TranslationException e) {
            return new TranslationOutcome.Rejected(e.failure());
        }
    }

    /** The source is not a document of the target's kind: refused at its template. */
    private static TranslationOutcome unknownFormat(String why) {
        return new TranslationOutcome.Rejected(new TranslationFailure.UnknownFormat("/ClinicalDocument/templateId", why));
    }

    /** The French document's own identifier, derived from the foreign one so a resend maps to the same id. */
    private static Header.InstanceId frenchId(Header foreign) {
        String seed = foreign.id() == null ? UUID.randomUUID().toString()
                : foreign.id().root() + "^" + foreign.id().extension();
        return new Header.InstanceId(UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString()
                .toUpperCase(Locale.ROOT), null);
    }

    /**
     * An eHDSI eDispensation received from abroad to a French eDISP-MED 2024.01 document, each dispensed
     * product linked to the French prescription line it fulfils.
     */
    public TranslationOutcome toEdispMed(byte[] ehdsiDispensation) {
        return readThen(ehdsiDispensation, source -> toEdispMed(source));
    }

    /**
     * The same, from a document already read (a caller that parsed the eDispensation once, under its own limits,
     * reads it with {@link CdaReader#read(Document)}).
     */
    public TranslationOutcome toEdispMed(CdaDocument source) {
        try {
            if (source.format() != DocumentFormat.EHDSI_EDISPENSATION) {
                return unknownFormat(source.format() + " is not an eHDSI eDispensation");
            }
            List<ClinicalEntry.DispensedLine> lines = source.entries(SectionKind.DISPENSED).stream()
                    .filter(ClinicalEntry.DispensedLine.class::isInstance).map(ClinicalEntry.DispensedLine.class::cast)
                    .toList();
            Header h = source.header();
            TranslationReport.Builder report = new TranslationReport.Builder();
            report.warning("dispensed products carry the pivot codes (ATC, EDQM) received; no French product code (CIS/CIP) is inferred");
            for (IrregularValue v : source.irregularValues()) {
                report.warning(v.what() + " at " + v.source().xpath() + " is not " + v.rule()
                        + " as HL7 requires: carried as written");
            }
            Document french = new EdispMedWriter().write(new EdispMedWriter.Dispensation(h, lines, frenchId(h),
                    h.effectiveTime()));
            return new TranslationOutcome.Translated(CdaWriter.toXml(french), "application/xml", Optional.empty(), report.build());
        } catch (TranslationException e) {
            return new TranslationOutcome.Rejected(e.failure());
        }
    }

    /**
     * A FHIR Bundle of MedicationDispense (with Patient, Practitioner, Organization, Medication) to a French
     * eDISP-MED 2024.01, each dispensed product linked to the prescription line in authorizingPrescription.
     */
    public TranslationOutcome medicationDispenseToEdispMed(String fhirJson) {
        try {
            MedicationDispenseReader.Dispensation d = new MedicationDispenseReader().read(fhirJson);
            Document french = new EdispMedWriter().write(new EdispMedWriter.Dispensation(d.header(), d.lines(),
                    frenchId(d.header()),
                    d.header().effectiveTime()));
            return new TranslationOutcome.Translated(CdaWriter.toXml(french), "application/xml", Optional.empty(),
                    new TranslationReport.Builder().build());
        } catch (TranslationException e) {
            return new TranslationOutcome.Rejected(e.failure());
        }
    }
}
