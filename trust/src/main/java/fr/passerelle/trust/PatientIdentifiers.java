package fr.passerelle.trust;

import fr.passerelle.trust.hl7.Cx;
import java.util.Optional;

/**
 * Compares patient identifiers as IHE writes them: HL7 CX {@code id^^^&root&ISO} (the form of TRC assertions and
 * XCA queries) or plain {@code root^id}, both read by the one CX reader ({@link Cx.Rules#LENIENT_OR_ROOT_CARET_ID}).
 * Two identifiers are the same patient when assigning authority and id are equal; a text that is no identifier is
 * the same as nothing, not even itself.
 */
final class PatientIdentifiers {

    private PatientIdentifiers() {
    }

    static boolean same(String a, String b) {
        Optional<Cx> x = read(a);
        Optional<Cx> y = read(b);
        return x.isPresent() && y.isPresent() && x.get().id().equals(y.get().id())
                && x.get().assigningAuthority().equals(y.get().assigningAuthority());
    }

    private static Optional<Cx> read(String value) {
        return value == null ? Optional.empty() : Cx.read(value, Cx.Rules.LENIENT_OR_ROOT_CARET_ID).cx();
    }
}
