package fr.passerelle.terminology.bdpm;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the EDQM term a French word group of the medicines database names, by the EDQM French designations,
 * in three steps whose result says which one matched:
 * <ol>
 *   <li>{@link Kind#EXACT}: the same words, case and runs of spaces aside;</li>
 *   <li>{@link Kind#NORMALISED}: the same words once spelling is set aside: accents and ligatures, hyphens
 *       ({@code gastro-résistant} = {@code gastrorésistant}), the slash EDQM writes for "or"
 *       ({@code injectable/pour perfusion} = {@code injectable ou pour perfusion}), a leading {@code voie}
 *       ({@code orale} = {@code Voie orale}), and the gender and number marks of the database
 *       ({@code effervescent(e)}, {@code médicamenteux(se)}: both spellings tried);</li>
 *   <li>{@link Kind#SCORE_LINE_DROPPED}: as 2, without {@code sécable} / {@code quadrisécable}: a score line is
 *       not a characteristic of an EDQM dose form (a scored film-coated tablet is a film-coated tablet).</li>
 * </ol>
 * A step that finds two terms stops the search ({@link Kind#AMBIGUOUS}): never a guess.
 */
public final class FrenchTermMatcher {

    public enum Kind { EXACT, NORMALISED, SCORE_LINE_DROPPED, AMBIGUOUS, UNMATCHED }

    /** The outcome for one word group: the EDQM code (null unless matched) and the candidates when ambiguous. */
    public record Match(Kind kind, String code, Set<String> candidates) {

        public boolean matched() {
            return code != null;
        }
    }

    private static final Pattern MARKS = Pattern.compile("([a-z]*?)(x?)\\((e|s|es|x|se|ne|le)\\)");
    private static final Pattern SCORE = Pattern.compile("\\b(quadri)?secable\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Map<String, Set<String>> exact = new HashMap<>();
    private final Map<String, Set<String>> normalised = new HashMap<>();

    /** Indexes the French designation of each term ({@code code -> designation}). */
    public FrenchTermMatcher(Map<String, String> frenchByCode) {
        frenchByCode.forEach((code, french) -> {
            exact.computeIfAbsent(exactKey(french), k -> new TreeSet<>()).add(code);
            for (String v : variants(french)) {
                normalised.computeIfAbsent(v, k -> new TreeSet<>()).add(code);
            }
        });
    }

    public Match match(String words) {
        if (words == null || words.isBlank()) {
            return new Match(Kind.UNMATCHED, null, Set.of());
        }
        Set<String> hit = exact.get(exactKey(words));
        if (hit != null) {
            return decide(Kind.EXACT, hit);
        }
        Set<String> variants = variants(words);
        Set<String> found = lookup(variants, false);
        if (!found.isEmpty()) {
            return decide(Kind.NORMALISED, found);
        }
        found = lookup(variants, true);
        return found.isEmpty() ? new Match(Kind.UNMATCHED, null, Set.of()) : decide(Kind.SCORE_LINE_DROPPED, found);
    }

    private Set<String> lookup(Set<String> variants, boolean dropScore) {
        Set<String> found = new TreeSet<>();
        for (String v : variants) {
            String key = dropScore ? SPACES.matcher(SCORE.matcher(v).replaceAll(" ")).replaceAll(" ").strip() : v;
            Set<String> codes = normalised.get(key);
            if (codes != null) {
                found.addAll(codes);
            }
        }
        return found;
    }

    private static Match decide(Kind kind, Set<String> codes) {
        return codes.size() == 1 ? new Match(kind, codes.iterator().next(), Set.copyOf(codes))
                : new Match(Kind.AMBIGUOUS, null, Set.copyOf(codes));
    }

    static String exactKey(String s) {
        return SPACES.matcher(s.strip().toLowerCase(Locale.FRENCH)).replaceAll(" ");
    }

    /** The normalised spellings of a word group (several when it carries gender or number marks). */
    static Set<String> variants(String s) {
        String base = s.toLowerCase(Locale.FRENCH).replace("œ", "oe").replace("æ", "ae");
        base = Normalizer.normalize(base, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        base = base.replace("/", " ou ").replace("-", "").replace("'", " ").replace("\u2019", " ").replace(",", " ");
        base = SPACES.matcher(base).replaceAll(" ").strip();
        if (base.startsWith("voie ")) {
            base = base.substring("voie ".length());
        }
        List<String> out = new ArrayList<>(List.of(""));
        Matcher m = MARKS.matcher(base);
        int at = 0;
        while (m.find()) {
            String before = base.substring(at, m.start()) + m.group(1);
            String x = m.group(2);
            String mark = m.group(3);
            // "médicamenteux(se)": the feminine replaces the x; "effervescent(e)": the mark is added
            String without = before + x;
            String with = mark.equals("se") && !x.isEmpty() ? before + "se" : before + x + mark;
            List<String> next = new ArrayList<>(out.size() * 2);
            for (String prefix : out) {
                next.add(prefix + without);
                next.add(prefix + with);
            }
            out = next;
            at = m.end();
        }
        Set<String> variants = new LinkedHashSet<>();
        for (String prefix : out) {
            variants.add(SPACES.matcher(prefix + base.substring(at)).replaceAll(" ").strip());
        }
        return variants;
    }
}
