package fr.passerelle.gateway.console.demo;

import java.util.List;

/** What a demo run produced: the documents shown, or the refusal the gateway answered; always with the trace. */
public sealed interface DemoResult {

    /**
     * What the page says of an identification that found nobody: the gateway answers alike a patient it does not know
     * and one who does not share their data with this country (identification policy, docs/security.md).
     */
    String NO_MATCH = "No patient with this INS shares their data with this country (an unknown INS is answered alike).";

    List<ExchangeStep> steps();

    /**
     * The road went through: the patient found and the documents the requester may see, rendered; the original
     * clinical documents (reports) the patient shares apart, as PDF (and lab results when received structured).
     */
    record Shown(String patientName, List<ShownDocument> documents, List<ShownReport> reports,
                 List<ExchangeStep> steps) implements DemoResult {
    }

    /**
     * The gateway refused (or could not answer): the eHDSI error code and its text as the road carried them.
     *
     * @param code eHDSI code (e.g. {@code 4701}, {@code ERROR_PI_NO_MATCH}) or, for a transport failure, the HTTP status
     */
    record Refused(String transaction, String code, String text, List<ExchangeStep> steps) implements DemoResult {
    }
}
