package fr.passerelle.gateway.console.demo;

import java.util.List;

/** What a demo run produced: the documents shown, or the refusal the gateway answered; always with the trace. */
public sealed interface DemoResult {

    List<ExchangeStep> steps();

    /** The road went through: the patient found and the documents the requester may see, rendered. */
    record Shown(String patientName, List<ShownDocument> documents, List<ExchangeStep> steps) implements DemoResult {
    }

    /**
     * The gateway refused (or could not answer): the eHDSI error code and its text as the road carried them.
     *
     * @param code eHDSI code (e.g. {@code 4701}, {@code ERROR_PI_NO_MATCH}) or, for a transport failure, the HTTP status
     */
    record Refused(String transaction, String code, String text, List<ExchangeStep> steps) implements DemoResult {
    }
}
