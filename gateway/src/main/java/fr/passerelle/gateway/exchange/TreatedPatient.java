package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.VerifiedRequester;

/**
 * Whether the request's patient is the one the TRC assertion confirms a treatment relationship with. Trust
 * compares when the road knows the patient before validating; this check covers roads that learn the patient
 * later (a FHIR read of a document by its id). TRC patient ids come as HL7 CX {@code id^^^&root&ISO} or
 * {@code root^id}.
 */
final class TreatedPatient {

    private TreatedPatient() {
    }

    static boolean matches(VerifiedRequester requester, Ins patient) {
        return requester.treatedPatientId().map(id -> same(id, patient)).orElse(true);
    }

    static boolean same(String identifier, Ins patient) {
        String value = identifier.trim();
        if (value.length() > 1 && value.startsWith("'") && value.endsWith("'")) {
            value = value.substring(1, value.length() - 1);
        }
        String[] components = value.split("\\^", -1);
        if (components.length >= 4) {
            String[] authority = components[3].split("&", -1);
            return authority.length >= 2 && authority[1].equals(patient.oid()) && components[0].equals(patient.value());
        }
        return components.length == 2 && components[0].equals(patient.oid()) && components[1].equals(patient.value());
    }
}
