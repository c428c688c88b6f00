package fr.passerelle.gateway.console.demo;

import ca.uhn.fhir.context.FhirContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * The FHIR road as an NCP-B drives it: the patient searched by INS, the Patient Summary by {@code $summary} in the
 * chosen language, the open ePrescriptions as MedicationRequests with their Medications, then the reports (MHD
 * DocumentReference search by the three OrCD types): each read as its OrCD ({@code Binary/cda-}) for the PDF and, when
 * offered, as its FHIR laboratory report Bundle for the results; fresh assertions in headers on each call. Reports
 * the consent does not share (4701) are no refusal of what was shown.
 */
@Component
@DemoEnabled
public class FhirDemoRoad {

    private static final String EHDSI_CODE_SYSTEM_NAME = "ehdsi-error-code";
    private static final String SEARCH = "FHIR Patient search";
    private static final String SUMMARY = "FHIR Patient $summary";
    private static final String PRESCRIPTIONS = "FHIR MedicationRequest search";
    private static final String REPORTS = "FHIR DocumentReference search";
    private static final String REPORT_READ = "FHIR document read";

    private final DemoSigner signer;
    private final SelfEndpoint self;
    private final FhirView view;
    private final FhirContext fhir;
    private final OrcdView reports;
    private final LabResultsView labResults;

    public FhirDemoRoad(DemoSigner signer, SelfEndpoint self, FhirView view, FhirContext fhir, OrcdView reports,
                        LabResultsView labResults) {
        this.signer = signer;
        this.self = self;
        this.view = view;
        this.fhir = fhir;
        this.reports = reports;
        this.labResults = labResults;
    }

    public DemoResult run(DemoRequest request) {
        List<ExchangeStep> steps = new ArrayList<>();
        String identifier = encode("urn:oid:" + request.patient().oid() + "|" + request.patient().value());
        SelfEndpoint.Answer search = self.get("/fhir/Patient?identifier=" + identifier,
                signer.fhirHeaders(request, false));
        if (search.status() != 200) {
            return refused(SEARCH, "/fhir/Patient", search, steps);
        }
        Bundle found = view.parse(search.body());
        steps.add(new ExchangeStep(SEARCH, "/fhir/Patient", 200, found.getEntry().size() + " match(es)",
                search.millis()));
        if (found.getEntry().isEmpty() || !(found.getEntryFirstRep().getResource() instanceof Patient patient)) {
            return new DemoResult.Refused(SEARCH, "ERROR_PI_NO_MATCH", DemoResult.NO_MATCH, steps);
        }
        String patientName = patient.getNameFirstRep().getNameAsSingleString();
        // The server's own id of the patient (opaque: never the INS), as a partner's client takes it from the search.
        String id = patient.getIdElement().getIdPart();

        List<ShownDocument> documents = new ArrayList<>();
        SelfEndpoint.Answer summary = self.get("/fhir/Patient/" + id + "/$summary?_language=" + request.language(),
                signer.fhirHeaders(request, true));
        if (summary.status() == 200) {
            steps.add(new ExchangeStep(SUMMARY, "/fhir/Patient/{id}/$summary", 200, "IPS document", summary.millis()));
            documents.add(view.summary(view.parse(summary.body()), request.language()));
        } else if (summary.status() == 404) {
            // No visible Patient Summary is not a refusal: the ePrescriptions may still be there.
            steps.add(new ExchangeStep(SUMMARY, "/fhir/Patient/{id}/$summary", 404, outcome(summary).code(),
                    summary.millis()));
        } else {
            return refused(SUMMARY, "/fhir/Patient/{id}/$summary", summary, steps);
        }

        SelfEndpoint.Answer prescriptions = self.get("/fhir/MedicationRequest?patient=" + encode("Patient/" + id)
                + "&status=active&_include=" + encode("MedicationRequest:medication"), signer.fhirHeaders(request, true));
        if (prescriptions.status() != 200) {
            return refused(PRESCRIPTIONS, "/fhir/MedicationRequest", prescriptions, steps);
        }
        Bundle items = view.parse(prescriptions.body());
        long count = items.getEntry().stream().filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.MedicationRequest)
                .count();
        steps.add(new ExchangeStep(PRESCRIPTIONS, "/fhir/MedicationRequest", 200, count + " item(s)",
                prescriptions.millis()));
        if (count > 0) {
            documents.add(view.prescriptions(items, request.language()));
        }
        return new DemoResult.Shown(patientName, documents, reports(request, id, steps), steps);
    }

    /** The reports the patient shares; none when the consent does not share them (the step says why). */
    private List<ShownReport> reports(DemoRequest request, String patientId, List<ExchangeStep> steps) {
        SelfEndpoint.Answer search = self.get("/fhir/DocumentReference?patient=" + encode("Patient/" + patientId)
                + "&type=" + encode("http://loinc.org|11502-2,http://loinc.org|34105-7,http://loinc.org|18748-4"),
                signer.fhirHeaders(request, true));
        if (search.status() != 200) {
            steps.add(new ExchangeStep(REPORTS, "/fhir/DocumentReference", search.status(), outcome(search).code(),
                    search.millis()));
            return List.of();
        }
        List<DocumentReference> found = view.parse(search.body()).getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource).filter(DocumentReference.class::isInstance)
                .map(DocumentReference.class::cast).toList();
        steps.add(new ExchangeStep(REPORTS, "/fhir/DocumentReference", 200, found.size() + " report(s)",
                search.millis()));
        List<ShownReport> shown = new ArrayList<>();
        for (DocumentReference reference : found) {
            List<String> urls = reference.getContent().stream().map(c -> c.getAttachment().getUrl()).toList();
            List<ShownReport.ShownResult> results = List.of();
            String bundleUrl = urls.stream().filter(u -> u.startsWith("Bundle/")).findFirst().orElse(null);
            if (bundleUrl != null) {
                SelfEndpoint.Answer lab = read(request, bundleUrl, steps);
                if (lab.status() == 200) {
                    results = labResults.results(view.parse(lab.body()));
                }
            }
            String cdaUrl = urls.stream().filter(u -> u.startsWith("Binary/cda-")).findFirst().orElse(null);
            if (cdaUrl == null) {
                continue;
            }
            SelfEndpoint.Answer orcd = read(request, cdaUrl, steps);
            if (orcd.status() == 200) {
                Binary binary = binary(orcd.body());
                shown.add(reports.render(binary.getData(), results));
            }
        }
        return shown;
    }

    private SelfEndpoint.Answer read(DemoRequest request, String url, List<ExchangeStep> steps) {
        SelfEndpoint.Answer answer = self.get("/fhir/" + url, signer.fhirHeaders(request, true));
        String endpoint = "/fhir/" + url.substring(0, url.indexOf('/')) + "/{id}";
        steps.add(new ExchangeStep(REPORT_READ, endpoint, answer.status(),
                answer.status() == 200 ? url.startsWith("Bundle/") ? "laboratory report Bundle" : "OrCD"
                        : outcome(answer).code(), answer.millis()));
        return answer;
    }

    private Binary binary(byte[] json) {
        try {
            return fhir.newJsonParser().parseResource(Binary.class, new String(json, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new DemoXml.UnreadableAnswer("the answer is not a FHIR Binary");
        }
    }

    private DemoResult refused(String transaction, String endpoint, SelfEndpoint.Answer answer,
                               List<ExchangeStep> steps) {
        Outcome outcome = outcome(answer);
        steps.add(new ExchangeStep(transaction, endpoint, answer.status(), outcome.code(), answer.millis()));
        return new DemoResult.Refused(transaction, outcome.code(), outcome.text(), steps);
    }

    /** The eHDSI code and diagnostics of an OperationOutcome answer; the HTTP status when there is none. */
    private record Outcome(String code, String text) {
    }

    private Outcome outcome(SelfEndpoint.Answer answer) {
        String fallback = answer.status() == 0 ? "no answer" : "HTTP " + answer.status();
        if (answer.body().length == 0) {
            return new Outcome(fallback, "The gateway answered without an OperationOutcome.");
        }
        try {
            OperationOutcome outcome = fhir.newJsonParser().parseResource(OperationOutcome.class,
                    new String(answer.body(), StandardCharsets.UTF_8));
            OperationOutcome.OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
            // The gateway puts the eHDSI code alone in issue.details (its code system's URI is the gateway's
            // business; prefer a coding that names it, else the only one).
            String code = issue.getDetails().getCoding().stream()
                    .sorted(java.util.Comparator.comparing(c -> c.getSystem() == null
                            || !c.getSystem().contains(EHDSI_CODE_SYSTEM_NAME)))
                    .map(c -> c.getCode()).filter(c -> c != null && !c.isBlank()).findFirst().orElse(fallback);
            return new Outcome(code, issue.getDiagnostics() == null ? "" : issue.getDiagnostics());
        } catch (RuntimeException notAnOutcome) {
            return new Outcome(fallback, "The gateway's answer is not an OperationOutcome.");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
