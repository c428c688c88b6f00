package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import fr.passerelle.gateway.fhir.FhirPlainProvider;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir} with a transaction Bundle holding one {@code POST MedicationDispense} entry: the Bundle form
 * of the dispensation, answered like {@code POST /MedicationDispense}. One dispense per transaction keeps it
 * atomic (the health-space write and its audit record commit together); other entries are refused.
 */
@Component
public class DispenseTransactionProvider implements FhirPlainProvider {

    private final MedicationDispenseProvider dispenses;

    public DispenseTransactionProvider(MedicationDispenseProvider dispenses) {
        this.dispenses = dispenses;
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle, RequestDetails request) {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION || bundle.getEntry().size() != 1
                || !(bundle.getEntryFirstRep().getResource() instanceof MedicationDispense dispense)
                || bundle.getEntryFirstRep().getRequest().getMethod() != Bundle.HTTPVerb.POST) {
            throw FhirRefusal.unprocessable("a transaction here is one POST of a MedicationDispense");
        }
        MethodOutcome outcome = dispenses.create(dispense, request);
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        response.addEntry().setResource((MedicationDispense) outcome.getResource()).getResponse()
                .setStatus(Boolean.TRUE.equals(outcome.getCreated()) ? "201 Created" : "200 OK")
                .setLocation(outcome.getId().toUnqualified().getValue());
        return response;
    }
}
