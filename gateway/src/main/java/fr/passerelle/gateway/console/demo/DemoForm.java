package fr.passerelle.gateway.console.demo;

import fr.passerelle.gateway.healthspace.Ins;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the form posts, unchecked. {@link #check} turns it into a {@link DemoRequest} or names each wrong field, so
 * bad input is a form error, never a server error.
 */
public record DemoForm(String country, String practitioner, String ins, String road, String language) {

    public static final List<String> LANGUAGES = List.of("en", "fr", "de", "es", "it");
    /** NIR shape: sex, year, month, department (digits, 2A or 2B), commune, order, key. */
    private static final Pattern NIR = Pattern.compile("[1-478][0-9]{4}(?:[0-9]{2}|2A|2B)[0-9]{8}");

    public static DemoForm initial(String country) {
        return new DemoForm(country, "doctor", "", Road.SOAP.name(), "en");
    }

    /** Either the request or, per field name, what is wrong with it. */
    public sealed interface Checked {
        record Valid(DemoRequest request) implements Checked {
        }

        record Invalid(Map<String, String> errors) implements Checked {
        }
    }

    public Checked check(Set<String> countries) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cc = trim(country).toUpperCase(Locale.ROOT);
        if (!countries.contains(cc)) {
            errors.put("country", "Unknown country \"" + trim(country) + "\": choose one of " + countries
                    + " (the demo PKI's countries).");
        }
        DemoPractitioner who = DemoPractitioner.byKey(trim(practitioner)).orElse(null);
        if (who == null) {
            errors.put("practitioner", "Choose one of the demo practitioners.");
        }
        String value = trim(ins).replace(" ", "").toUpperCase(Locale.ROOT);
        Ins patient = null;
        if (!NIR.matcher(value).matches()) {
            errors.put("ins", "An INS is 15 characters: 13 of the NIR (digits; 2A or 2B for Corsica) and a 2-digit key.");
        } else if (!keyMatches(value)) {
            errors.put("ins", "The INS key (last 2 digits) does not match the first 13 characters.");
        } else {
            patient = new Ins(Ins.TEST_NIR, value);
        }
        Road chosenRoad = null;
        try {
            chosenRoad = Road.valueOf(trim(road).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("road", "Choose SOAP or FHIR.");
        }
        String lang = trim(language).toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(lang)) {
            errors.put("language", "Choose one of " + LANGUAGES + ".");
        }
        if (!errors.isEmpty()) {
            return new Checked.Invalid(errors);
        }
        return new Checked.Valid(new DemoRequest(cc, who, patient, chosenRoad, lang));
    }

    /** NIR key: 97 − (number mod 97), Corsica's 2A/2B counted as 19/18. */
    static boolean keyMatches(String nir) {
        String body = nir.substring(0, 13).replace("2A", "19").replace("2B", "18");
        long number = Long.parseLong(body);
        return 97 - number % 97 == Long.parseLong(nir.substring(13));
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
