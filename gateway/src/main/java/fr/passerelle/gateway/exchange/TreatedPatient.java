package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.hl7.Cx;
import fr.passerelle.trust.VerifiedRequester;
import java.util.Optional;

/**
 * Whether the request's patient is the one the TRC assertion confirms a treatment relationship with. Trust
 * compares when the road knows the patient before validating; this check covers roads that learn the patient
 * later (a FHIR read of a document by its id). TRC patient ids come as HL7 CX {@code id^^^&root&ISO} or
 * {@code root^id}, read with {@link Cx.Rules#LENIENT_OR_ROOT_CARET_ID}.
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
        return Cx.read(identifier, Cx.Rules.LENIENT_OR_ROOT_CARET_ID).cx().flatMap(Ins::of);
    }

    static boolean same(String identifier, Ins patient) {
        return parse(identifier).filter(patient::equals).isPresent();
    }
}
