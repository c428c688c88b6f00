package fr.passerelle.trust;

/**
 * Compares patient identifiers as IHE writes them: HL7 CX {@code id^^^&root&ISO} (the form of TRC assertions and
 * XCA queries) or plain {@code root^id}. Two identifiers are the same patient when root and extension are equal.
 */
final class PatientIdentifiers {

    private PatientIdentifiers() {
    }

    static boolean same(String a, String b) {
        return a != null && b != null && normalise(a).equals(normalise(b));
    }

    static String normalise(String value) {
        String trimmed = value.trim();
        if (trimmed.length() > 1 && trimmed.startsWith("'") && trimmed.endsWith("'")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        String[] components = trimmed.split("\\^", -1);
        if (components.length >= 4) {
            String[] authority = components[3].split("&", -1);
            if (authority.length >= 2 && !authority[1].isBlank()) {
                return authority[1] + "^" + components[0];
            }
        }
        return trimmed;
    }
}
