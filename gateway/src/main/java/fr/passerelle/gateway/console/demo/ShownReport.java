package fr.passerelle.gateway.console.demo;

import java.util.List;

/**
 * An original clinical document as the page shows it: its PDF, embedded from this console (the browser renders it),
 * and, for a laboratory report read over FHIR, the results of its FHIR Bundle.
 *
 * @param kind    "Laboratory report", "Hospital discharge report" or "Imaging report"
 * @param title   the document's title as received
 * @param pdfUrl  where the page embeds the PDF from ({@link ShownPdfs}), null when the document carried none
 * @param results the laboratory results, empty when none were received in structured form
 */
public record ShownReport(String kind, String title, String pdfUrl, List<ShownResult> results) {

    public ShownReport {
        results = List.copyOf(results);
    }

    /**
     * One laboratory result as a row: every field as received (empty when absent), nothing computed.
     *
     * @param test           the test's name (LOINC display or the lab's label) and its code
     * @param value          the value as written ({@code 1.950}, {@code < 0.032}, a coded or text result)
     * @param unit           the unit (UCUM code or as written)
     * @param referenceRange the reference range ({@code 0.270 – 4.200}, or its text)
     * @param interpretation the interpretation's display or code (N, H, L…)
     */
    public record ShownResult(String test, String value, String unit, String referenceRange, String interpretation) {
    }
}
