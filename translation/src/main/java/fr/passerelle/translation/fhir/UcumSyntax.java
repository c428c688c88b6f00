package fr.passerelle.translation.fhir;

import java.util.regex.Pattern;

/**
 * Whether a unit as written can be a UCUM code: UCUM's own character set (printable ASCII, no space), balanced
 * brackets, braces and parentheses, no operator at either end. It is a check of form, not of meaning (the
 * product carries no UCUM atom table): {@code µg/mL} (micro is {@code u}) or {@code mUI / l} fail it, a
 * well-formed code of an atom UCUM does not define passes. A unit that fails keeps its text, not a UCUM coding.
 */
final class UcumSyntax {

    /** UCUM: ASCII 33–126; {@code "} and the space are not allowed outside annotations. */
    private static final Pattern CHARACTERS = Pattern.compile("[!#-~]+");

    private UcumSyntax() {
    }

    static boolean isWellFormed(String unit) {
        if (unit == null || unit.isEmpty()) {
            return false;
        }
        String outside = withoutAnnotations(unit);
        if (outside == null || (!outside.isEmpty() && !CHARACTERS.matcher(outside).matches())) {
            return false;
        }
        if (outside.isEmpty()) {
            // An annotation alone ({tablet}) is a unit of 1.
            return true;
        }
        char first = outside.charAt(0);
        char last = outside.charAt(outside.length() - 1);
        if (first == '.' || last == '.' || last == '/') {
            return false;
        }
        return balanced(outside);
    }

    /** The unit without its {annotations} (which may hold any printable ASCII but braces); null if unbalanced. */
    private static String withoutAnnotations(String unit) {
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        for (int i = 0; i < unit.length(); i++) {
            char c = unit.charAt(i);
            if (c == '{') {
                if (inside) {
                    return null;
                }
                inside = true;
            } else if (c == '}') {
                if (!inside) {
                    return null;
                }
                inside = false;
            } else if (inside) {
                if (c < 32 || c > 126) {
                    return null;
                }
            } else {
                out.append(c);
            }
        }
        return inside ? null : out.toString();
    }

    private static boolean balanced(String s) {
        int parentheses = 0;
        boolean bracket = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '[' -> {
                    if (bracket) {
                        return false;
                    }
                    bracket = true;
                }
                case ']' -> {
                    if (!bracket) {
                        return false;
                    }
                    bracket = false;
                }
                case '(' -> parentheses++;
                case ')' -> {
                    if (--parentheses < 0) {
                        return false;
                    }
                }
                default -> {
                }
            }
        }
        return !bracket && parentheses == 0;
    }
}
