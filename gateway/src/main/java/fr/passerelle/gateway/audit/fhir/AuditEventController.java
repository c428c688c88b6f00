package fr.passerelle.gateway.audit.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/audit/AuditEvent?patient=&date=&country=&_count=} (operators): the audit trail as a FHIR
 * {@code searchset} Bundle of AuditEvents. It is served under the operators' API rather than on {@code /fhir},
 * because {@code /fhir} is open to foreign NCPs and an access history is only the agency's and the patient's.
 */
@RestController
public class AuditEventController {

    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    // HAPI's shared R4 context: the audit slice of the application runs without the FHIR server's beans.
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final AuditEventSearch search;

    public AuditEventController(AuditEventSearch search) {
        this.search = search;
    }

    @GetMapping("/api/admin/audit/AuditEvent")
    public ResponseEntity<String> search(@RequestParam(required = false) String patient,
                                         @RequestParam(required = false) List<String> date,
                                         @RequestParam(required = false) String country,
                                         @RequestParam(name = "_count", required = false) String count) {
        List<AuditEvent> events = search.search(patient, date, country, integer(count));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(events.size());
        events.forEach(event -> bundle.addEntry().setFullUrl("AuditEvent/" + event.getIdPart()).setResource(event)
                .getSearch().setMode(Bundle.SearchEntryMode.MATCH));
        return encoded(200, bundle);
    }

    /** _count as the operator wrote it: not an integer is a FHIR search error, answered like the others. */
    private static Integer integer(String count) {
        if (count == null) {
            return null;
        }
        try {
            return Integer.valueOf(count.strip());
        } catch (NumberFormatException e) {
            throw new InvalidAuditSearchException("_count must be an integer");
        }
    }

    @ExceptionHandler(InvalidAuditSearchException.class)
    ResponseEntity<String> invalid(InvalidAuditSearchException e) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.INVALID).setDiagnostics(e.getMessage());
        return encoded(400, outcome);
    }

    private ResponseEntity<String> encoded(int status, IBaseResource resource) {
        return ResponseEntity.status(status).contentType(FHIR_JSON)
                .body(FHIR.newJsonParser().encodeResourceToString(resource));
    }
}
