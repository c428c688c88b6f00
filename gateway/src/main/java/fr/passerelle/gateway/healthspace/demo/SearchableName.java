package fr.passerelle.gateway.healthspace.demo;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names as demographic search compares them: upper case, without diacritics, single spaces (INS traits are written
 * this way, while a foreign query may say "Lefèvre" for LEFEVRE).
 */
final class SearchableName {

    private SearchableName() {
    }

    static String of(String name) {
        if (name == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toUpperCase(Locale.ROOT).replace('’', '\'').strip().replaceAll("\\s+", " ");
    }
}
