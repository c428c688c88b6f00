package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.rest.param.ReferenceParam;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.gateway.healthspace.Ins;

/** The patient a search is about: {@code patient=Patient/<id>} or the chained {@code patient.identifier=system|value}. */
final class PatientReferences {

    private PatientReferences() {
    }

    static Ins of(ReferenceParam patient, boolean chainRequired, FhirPatientIds ids) {
        if (patient == null) {
            throw FhirRefusal.invalid(chainRequired ? "patient.identifier is mandatory"
                    : "patient or patient.identifier is mandatory");
        }
        if ("identifier".equals(patient.getChain())) {
            String value = patient.getValue();
            int bar = value.indexOf('|');
            if (bar < 0) {
                throw FhirRefusal.invalid("patient.identifier is system|value");
            }
            return FhirIds.ins(value.substring(0, bar), value.substring(bar + 1));
        }
        if (chainRequired) {
            throw FhirRefusal.invalid("patient.identifier is mandatory");
        }
        if (patient.getChain() != null && !patient.getChain().isEmpty()) {
            throw FhirRefusal.invalid("only the chain patient.identifier is supported");
        }
        return ids.insOfRequested(patient.getIdPart());
    }
}
