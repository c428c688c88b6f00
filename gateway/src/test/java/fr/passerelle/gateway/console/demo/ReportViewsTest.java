package fr.passerelle.gateway.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * The demo page's report views: lab results shown as written (comparator, range, coded and absent values, a
 * battery's members), and an OrCD's body embedded only when it is a base64 PDF.
 */
class ReportViewsTest {

    @Test
    void labResultsAreShownAsWrittenInTheReportsOrderWithABatterysMembersAfterIt() {
        Observation tsh = observation("tsh", "3016-3", "TSH").setValue(new Quantity().setValue(new java.math.BigDecimal("1.950"))
                .setUnit("mUI/l"));
        tsh.addReferenceRange().setLow(new Quantity().setValue(new java.math.BigDecimal("0.270")))
                .setHigh(new Quantity().setValue(new java.math.BigDecimal("4.200")));
        tsh.addInterpretation(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
                "N", "Normal")));
        Observation crp = observation("crp", "1988-5", "CRP").setValue(new Quantity().setValue(5)
                .setComparator(Quantity.QuantityComparator.LESS_THAN).setUnit("mg/L"));
        crp.addReferenceRange().setText("< 5 mg/L");
        Observation glucose = observation("glu", "2345-7", "Glucose").setValue(new Range()
                .setLow(new Quantity().setValue(4).setUnit("mmol/L")).setHigh(new Quantity().setValue(6).setUnit("mmol/L")));
        Observation urine = observation("urine", "5778-6", "Couleur").setValue(new CodeableConcept().setText("paille"));
        Observation absent = observation("absent", "2951-2", "Sodium");
        absent.setDataAbsentReason(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/data-absent-reason",
                "not-performed", "Not Performed")));
        Observation note = observation("note", "8251-1", "Remarque").setValue(new StringType("hémolysé"));
        Observation battery = observation("nfs", "58410-2", "NFS");
        battery.addHasMember(new Reference("Observation/glu")).addHasMember(new Reference("Observation/urine"));
        DiagnosticReport report = new DiagnosticReport();
        report.setId("report");
        List.of("tsh", "crp", "nfs", "absent", "note").forEach(id -> report.addResult(new Reference("Observation/" + id)));
        report.addResult(new Reference("Observation/missing"));   // a dangling reference is skipped
        Bundle bundle = new Bundle().setType(Bundle.BundleType.DOCUMENT);
        for (var resource : List.of(report, tsh, crp, glucose, urine, absent, note, battery)) {
            bundle.addEntry().setResource(resource);
        }

        List<ShownReport.ShownResult> rows = new LabResultsView().results(bundle);

        assertThat(rows).extracting(ShownReport.ShownResult::test).containsExactly("TSH (3016-3)", "CRP (1988-5)",
                "NFS (58410-2) › Glucose (2345-7)", "NFS (58410-2) › Couleur (5778-6)", "Sodium (2951-2)",
                "Remarque (8251-1)");
        assertThat(rows.get(0)).isEqualTo(new ShownReport.ShownResult("TSH (3016-3)", "1.950", "mUI/l",
                "0.270 – 4.200", "Normal (N)"));
        assertThat(rows.get(1).value()).isEqualTo("< 5");
        assertThat(rows.get(1).referenceRange()).isEqualTo("< 5 mg/L");
        assertThat(rows.get(2).value()).isEqualTo("4 – 6");
        assertThat(rows.get(2).unit()).isEqualTo("mmol/L");
        assertThat(rows.get(3).value()).isEqualTo("paille");
        assertThat(rows.get(4).value()).isEqualTo("absent: Not Performed (not-performed)");
        assertThat(rows.get(5).value()).isEqualTo("hémolysé");
    }

    @Test
    void anOrcdBodyIsEmbeddedOnlyWhenItIsABase64Pdf() {
        ShownPdfs pdfs = new ShownPdfs();
        OrcdView view = new OrcdView(pdfs);
        String pdf = Base64.getMimeEncoder().encodeToString("%PDF-1.4 demo".getBytes(StandardCharsets.US_ASCII));

        ShownReport shown = view.render(orcd("11502-2", "application/pdf", "B64", pdf), List.of());
        assertThat(shown.kind()).isEqualTo("Laboratory report");
        assertThat(shown.title()).isEqualTo("Compte rendu");
        assertThat(shown.pdfUrl()).matches("/demo/pdf/[0-9a-f]{32}");
        assertThat(pdfs.get(shown.pdfUrl().substring("/demo/pdf/".length())))
                .hasValueSatisfying(bytes -> assertThat(new String(bytes, StandardCharsets.US_ASCII)).startsWith("%PDF-"));

        String html = Base64.getEncoder().encodeToString("<html><script>x</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(view.render(orcd("18748-4", "application/pdf", "B64", html), List.of()).pdfUrl())
                .as("not a PDF").isNull();
        assertThat(view.render(orcd("34105-7", "text/html", "B64", pdf), List.of()).pdfUrl()).as("not PDF media")
                .isNull();
        assertThat(view.render(orcd("34105-7", "application/pdf", "B64", "%%%not base64"), List.of()).pdfUrl())
                .isNull();
        assertThat(view.render(orcd("99999-9", "application/pdf", "B64", pdf), List.of()).kind())
                .isEqualTo("Original clinical document");
        assertThat(pdfs.get("../etc")).isEmpty();
        assertThat(pdfs.get("0".repeat(32))).isEmpty();
    }

    private static Observation observation(String id, String loinc, String label) {
        Observation observation = new Observation();
        observation.setId(id);
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", loinc, null)).setText(label));
        return observation;
    }

    private static byte[] orcd(String code, String mediaType, String representation, String body) {
        return ("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><code code=\"" + code + "\" codeSystem=\"2.16.840.1.113883.6.1\"/>"
                + "<title>Compte rendu</title><component><nonXMLBody><text mediaType=\"" + mediaType
                + "\" representation=\"" + representation + "\">" + body + "</text></nonXMLBody></component>"
                + "</ClinicalDocument>").getBytes(StandardCharsets.UTF_8);
    }
}
