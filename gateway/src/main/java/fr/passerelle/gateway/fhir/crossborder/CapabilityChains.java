package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * Shows in {@code /metadata} the searches by patient that work and HAPI does not list: the chain
 * {@code patient.identifier} (IHE MHD ITI-67 names it so; R4's CapabilityStatement has no element for chains, so it is
 * listed as a search parameter of its own, with its documentation) on DocumentReference and MedicationRequest, and
 * what the Patient parameters take.
 */
@Interceptor
public final class CapabilityChains {

    private static final Set<String> BY_PATIENT = Set.of("DocumentReference", "MedicationRequest");
    private static final String INS = "`urn:oid:<INS OID>|<INS>` (OIDs 1.2.250.1.213.1.4.8, .9, .10, .11)";

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void showChains(IBaseConformance generated) {
        if (!(generated instanceof CapabilityStatement capability)) {
            return;
        }
        for (CapabilityStatement.CapabilityStatementRestComponent rest : capability.getRest()) {
            for (CapabilityStatement.CapabilityStatementRestResourceComponent resource : rest.getResource()) {
                if (BY_PATIENT.contains(resource.getType())) {
                    document(resource, "patient", "`Patient/<id>`, the id `Patient?identifier=` answered");
                    if (resource.getSearchParam().stream().noneMatch(p -> p.getName().equals("patient.identifier"))) {
                        resource.addSearchParam().setName("patient.identifier")
                                .setType(Enumerations.SearchParamType.TOKEN)
                                .setDocumentation("The patient by INS: " + INS);
                    }
                } else if (resource.getType().equals("Patient")) {
                    document(resource, "identifier", "The INS: " + INS);
                    document(resource, "_id", "The server's opaque patient id (never the INS)");
                }
            }
        }
    }

    private static void document(CapabilityStatement.CapabilityStatementRestResourceComponent resource, String name,
                                 String documentation) {
        resource.getSearchParam().stream().filter(p -> p.getName().equals(name))
                .forEach(p -> p.setDocumentation(documentation));
    }
}
