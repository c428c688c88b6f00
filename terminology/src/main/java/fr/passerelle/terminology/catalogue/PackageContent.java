package fr.passerelle.terminology.catalogue;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a medicinal product one French presentation (CIP13) holds — 16 tablets, 150 mL — as an HL7 decimal
 * and a UCUM unit ({@code 1} for a count of units of presentation). The national medicines database publishes it
 * only in words ("3 plaquette(s) aluminium de 10 comprimé(s)"); {@link #parse} reads the one unambiguous shape of
 * those words and nothing else: a label with two quantities, a kit ("+", " - "), a unit it does not know (doses,
 * puffs, MBq, IU) or several containers of a volume gives no content rather than a guess.
 *
 * @param value HL7 decimal ({@code 16}, {@code 3.5})
 * @param unit  UCUM: {@code 1}, {@code mL}, {@code L}, {@code g}, {@code mg} or {@code kg}
 */
public record PackageContent(String value, String unit) {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern QUANTITY = Pattern.compile("\\bde ([0-9]+(?:,[0-9]+)?) +([^\\s()]+)");
    private static final Pattern LEADING_COUNT = Pattern.compile("^([0-9]+) ");

    /** Units counted one by one (unit "1"), by their French word without plural mark. */
    private static final java.util.Set<String> COUNTED = java.util.Set.of("comprimé", "gélule", "capsule",
            "suppositoire", "pastille", "gomme", "lyophilisat", "ovule", "emplâtre", "film", "anneau", "compresse",
            "implant", "pansement", "patch", "insert", "tampon", "granule");
    /** Measured units: French word to UCUM. */
    private static final Map<String, String> MEASURED = Map.of("ml", "mL", "l", "L", "litre", "L", "g", "g",
            "mg", "mg", "kg", "kg");

    public PackageContent {
        if (value == null || !DECIMAL.matcher(value).matches()) {
            throw new IllegalArgumentException("package content '" + value + "' is not a decimal");
        }
        if (!"1".equals(unit) && !MEASURED.containsValue(unit)) {
            throw new IllegalArgumentException("package content unit '" + unit + "' is not one this reads");
        }
    }

    /** The content a BDPM presentation label states, when it states exactly one in a known unit. */
    public static Optional<PackageContent> parse(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String words = label.strip().replaceAll("\\s+", " ");
        if (words.contains("+") || words.contains(" - ") || words.contains(";")) {
            return Optional.empty();
        }
        Matcher q = QUANTITY.matcher(words);
        if (!q.find()) {
            return Optional.empty();
        }
        String amount = q.group(1).replace(',', '.');
        String unitWord = singular(q.group(2).toLowerCase(Locale.ROOT).replaceAll("[.,:]+$", ""));
        if (q.find()) {
            return Optional.empty();
        }
        Matcher lead = LEADING_COUNT.matcher(words);
        long containers = lead.find() ? Long.parseLong(lead.group(1)) : 1;
        if (containers < 1) {
            return Optional.empty();
        }
        if (COUNTED.contains(unitWord)) {
            if (amount.contains(".")) {
                return Optional.empty();
            }
            long total;
            try {
                total = Math.multiplyExact(containers, Long.parseLong(amount));
            } catch (ArithmeticException | NumberFormatException e) {
                return Optional.empty();
            }
            return total < 1 ? Optional.empty() : Optional.of(new PackageContent(Long.toString(total), "1"));
        }
        String ucum = MEASURED.get(unitWord);
        // Several containers of a volume or mass are a two-level package: not flattened into one figure.
        if (ucum == null || containers != 1) {
            return Optional.empty();
        }
        return Optional.of(new PackageContent(amount, ucum));
    }

    private static String singular(String word) {
        String w = word.endsWith("(s)") ? word.substring(0, word.length() - 3) : word;
        if (w.endsWith("(x)")) {
            w = w.substring(0, w.length() - 3);
        }
        if (w.endsWith("x") && COUNTED.contains(w.substring(0, w.length() - 1))) {
            return w.substring(0, w.length() - 1);
        }
        return w.endsWith("s") && w.length() > 2 ? w.substring(0, w.length() - 1) : w;
    }
}
