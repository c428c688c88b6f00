package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.VerifiedRequester;
import java.util.Optional;

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

    /** The patient the TRC assertion names, when it names an INS. */
    static Optional<Ins> of(VerifiedRequester requester) {
        return requester.treatedPatientId().flatMap(TreatedPatient::parse);
    }

    private static Optional<Ins> parse(String identifier) {
        String[] components = unquoted(identifier).split("\\^", -1);
        try {
            if (components.length >= 4) {
                String[] authority = components[3].split("&", -1);
                return authority.length >= 2 ? Optional.of(new Ins(authority[1], components[0])) : Optional.empty();
            }
            return components.length == 2 ? Optional.of(new Ins(components[0], components[1])) : Optional.empty();
        } catch (IllegalArgumentException notAnIns) {
            return Optional.empty();
        }
    }

    private static String unquoted(String identifier) {
        String value = identifier.trim();
        if (value.length() > 1 && value.startsWith("'") && value.endsWith("'")) {
            value = value.substring(1, value.length() - 1);
        }
        return value;
    }

    static boolean same(String identifier, Ins patient) {
        return parse(identifier).filter(patient::equals).isPresent();
    }
}
