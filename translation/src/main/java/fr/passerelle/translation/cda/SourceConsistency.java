package fr.passerelle.translation.cda;

import fr.passerelle.translation.cda.ClinicalEntry.Dosage;
import fr.passerelle.translation.cda.ClinicalEntry.Ingredient;
import fr.passerelle.translation.cda.ClinicalEntry.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a French medication line contradicts itself — a product name stating "75 microgrammes" beside an
 * ingredient strength of 75 mg, a narrative dose "1 to 2 tablets" beside a structured dose of exactly 1. Nothing
 * is corrected: both statements are carried as written and the translation report warns. Messages name the
 * place (XPath) and the units, never the clinical text.
 */
public final class SourceConsistency {

    private static final Pattern STRENGTH = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)\\s*(mg|g|µg|μg|mcg|microgrammes?|milligrammes?|grammes?|ui|u\\.i\\.|ml|%)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");

    private SourceConsistency() {
    }

    /** Warnings for one medication line (product and posology phases). */
    public static List<String> warnings(Product product, List<Dosage> phases, String where) {
        List<String> out = new ArrayList<>();
        if (product != null && product.name() != null) {
            Matcher m = STRENGTH.matcher(product.name());
            while (m.find()) {
                BigDecimal value = decimal(m.group(1));
                String unit = canonical(m.group(2));
                for (Ingredient i : product.ingredients()) {
                    if (i.strengthNumerator() == null) {
                        continue;
                    }
                    BigDecimal strength = decimal(i.strengthNumerator().value());
                    String strengthUnit = canonical(i.strengthNumerator().unit());
                    if (value != null && strength != null && value.compareTo(strength) == 0 && unit != null
                            && strengthUnit != null && !unit.equals(strengthUnit)) {
                        out.add("inconsistent source at " + where + ": the product name states a strength in "
                                + unit + " where the ingredient strength is in " + strengthUnit
                                + "; both carried as written, not corrected");
                    }
                }
            }
        }
        for (Dosage d : phases) {
            if (d.doseText() == null || !d.hasStructuredDose()) {
                continue;
            }
            List<BigDecimal> written = new ArrayList<>();
            Matcher n = NUMBER.matcher(d.doseText());
            while (n.find()) {
                written.add(decimal(n.group()));
            }
            BigDecimal low = d.doseLow() == null ? null : decimal(d.doseLow().value());
            BigDecimal high = d.doseHigh() == null ? null : decimal(d.doseHigh().value());
            BigDecimal writtenLow = written.isEmpty() ? null : written.get(0);
            BigDecimal writtenHigh = written.isEmpty() ? null : written.get(written.size() - 1);
            if (!same(low, writtenLow) || !same(high, writtenHigh)) {
                out.add("inconsistent source at " + where + " phase " + d.sequence()
                        + ": the narrative dose differs from the structured dose; both carried as written, not corrected");
            }
        }
        return out;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null || b == null || a.compareTo(b) == 0;
    }

    private static String canonical(String unit) {
        if (unit == null) {
            return null;
        }
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.equals("µg") || u.equals("μg") || u.equals("mcg") || u.equals("ug") || u.startsWith("microgramme")) {
            return "ug";
        }
        if (u.equals("mg") || u.startsWith("milligramme")) {
            return "mg";
        }
        if (u.equals("g") || u.startsWith("gramme")) {
            return "g";
        }
        if (u.equals("ui") || u.equals("u.i.") || u.equals("[iu]")) {
            return "[iU]";
        }
        if (u.equals("ml")) {
            return "mL";
        }
        return u.equals("%") ? "%" : null;
    }

    private static BigDecimal decimal(String s) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
