package fr.passerelle.terminology.catalogue;

import fr.passerelle.terminology.Equivalence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * French documents code diagnoses in CIM-10, ATIH's national modification of ICD-10, under the WHO ICD-10 OID.
 * ATIH keeps every WHO code and only adds characters after the WHO code (a 5th or 6th character, or a
 * {@code +} extension of a category WHO does not subdivide, e.g. {@code I10+0}). So a CIM-10 code that is not
 * itself in the eHDSI value set becomes the longest WHO code it starts with that the value set holds: the same
 * code when only its spelling differs (no dot, lower case, dagger or asterisk sign: {@code equal}), its WHO
 * parent otherwise ({@code wider}: the pivot is broader than the French code, and said so). Never the other way:
 * a code is never replaced by a narrower one, which would be a guess.
 */
final class Cim10Rule {

    static final String SAME_CODE = "rule CIM-10 to ICD-10: the WHO code itself, spelt differently (ATIH CIM-10 keeps WHO codes)";
    static final String TRUNCATED = "rule CIM-10 to ICD-10: ATIH characters after the WHO code removed, the WHO"
            + " parent code kept (ATIH only adds characters after the WHO code)";

    /** A letter, two digits (the WHO category), then whatever ATIH or the writer added. */
    private static final Pattern CODE = Pattern.compile("([A-Z][0-9]{2})\\.?([0-9A-Z+\\-]*)");

    record Match(String code, String equivalence, String provenance) {
    }

    private Cim10Rule() {
    }

    /** The WHO ICD-10 code for a CIM-10 code, among those {@code inValueSet} accepts; empty if none. */
    static Optional<Match> toWho(String cim10, Predicate<String> inValueSet) {
        String s = cim10.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        // The dagger and asterisk of the WHO dual classification mark a code's role, not another code.
        while (!s.isEmpty() && (s.endsWith("*") || s.endsWith("\u2020") || s.endsWith("!"))) {
            s = s.substring(0, s.length() - 1);
        }
        Matcher m = CODE.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        String category = m.group(1);
        String rest = m.group(2);
        List<String> candidates = new ArrayList<>(3);
        int digits = 0;
        while (digits < rest.length() && digits < 2 && Character.isDigit(rest.charAt(digits))) {
            digits++;
        }
        for (int n = digits; n >= 1; n--) {
            candidates.add(category + "." + rest.substring(0, n));
        }
        candidates.add(category);
        for (String candidate : candidates) {
            if (inValueSet.test(candidate)) {
                int kept = candidate.length() == 3 ? 0 : candidate.length() - 4;
                boolean whole = kept == rest.length();
                return Optional.of(whole ? new Match(candidate, Equivalence.EQUAL, SAME_CODE)
                        : new Match(candidate, Equivalence.WIDER, TRUNCATED));
            }
        }
        return Optional.empty();
    }
}
