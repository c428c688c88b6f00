package fr.passerelle.terminology.bdpm;

import fr.passerelle.terminology.TerminologyLoadException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EDQM Standard Terms with their designations by language, read from the FHIR Shorthand value sets of
 * hl7-eu/unicom-ig ({@code PharmaceuticalDoseForm.fsh}, {@code CombinedPharmaceuticalDoseForm.fsh},
 * {@code RouteOfAdministration.fsh}, {@code UnitOfPresentation.fsh}): the lines
 * {@code * compose.include.concept[+].code = #…}, {@code …[=].display = "…"} (English),
 * {@code …designation[+].language = #fr} and {@code …designation[=].value = "…"}. Other FSH is ignored.
 */
public record EdqmTerms(List<Term> terms, List<Path> files) {

    /** The EDQM classes the files hold; the file name says which. */
    public enum Kind {
        DOSE_FORM("PharmaceuticalDoseForm"), COMBINED_DOSE_FORM("CombinedPharmaceuticalDoseForm"),
        ROUTE("RouteOfAdministration"), UNIT_OF_PRESENTATION("UnitOfPresentation");

        private final String fileStem;

        Kind(String fileStem) {
            this.fileStem = fileStem;
        }

        public String fileName() {
            return fileStem + ".fsh";
        }
    }

    /** One EDQM term: its code, English term and designations by language tag (lower case). */
    public record Term(Kind kind, String code, String english, Map<String, String> designations) {
        public Term {
            designations = Map.copyOf(designations);
        }
    }

    private static final Pattern CODE = Pattern.compile("^\\*\\s*compose\\.include\\.concept\\[\\+]\\.code\\s*=\\s*#\"?([^\"\\s]+)\"?\\s*$");
    private static final Pattern DISPLAY = Pattern.compile("^\\*\\s*compose\\.include\\.concept\\[=]\\.display\\s*=\\s*\"(.*)\"\\s*$");
    private static final Pattern LANGUAGE = Pattern.compile("^\\*\\s*compose\\.include\\.concept\\[=]\\.designation\\[\\+]\\.language\\s*=\\s*#\"?([A-Za-z-]+)\"?\\s*$");
    private static final Pattern VALUE = Pattern.compile("^\\*\\s*compose\\.include\\.concept\\[=]\\.designation\\[=]\\.value\\s*=\\s*\"(.*)\"\\s*$");

    /** Reads the four files of {@code dir} that exist (at least one must). */
    public static EdqmTerms read(Path dir) throws TerminologyLoadException {
        List<Term> terms = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            Path f = dir.resolve(kind.fileName());
            if (Files.isRegularFile(f)) {
                terms.addAll(read(f, kind));
                files.add(f);
            }
        }
        if (files.isEmpty()) {
            throw new TerminologyLoadException(dir.toString(), "no EDQM designation file (PharmaceuticalDoseForm.fsh,"
                    + " CombinedPharmaceuticalDoseForm.fsh, RouteOfAdministration.fsh, UnitOfPresentation.fsh)");
        }
        return new EdqmTerms(List.copyOf(terms), List.copyOf(files));
    }

    static List<Term> read(Path file, Kind kind) throws TerminologyLoadException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TerminologyLoadException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        List<Term> terms = new ArrayList<>();
        String code = null;
        String english = null;
        Map<String, String> designations = new LinkedHashMap<>();
        String language = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher m;
            if ((m = CODE.matcher(line)).matches()) {
                if (code != null) {
                    terms.add(new Term(kind, code, english, designations));
                }
                code = m.group(1);
                english = null;
                designations = new LinkedHashMap<>();
                language = null;
            } else if ((m = DISPLAY.matcher(line)).matches()) {
                english = unescape(m.group(1), file, i + 1);
            } else if ((m = LANGUAGE.matcher(line)).matches()) {
                language = m.group(1).toLowerCase(Locale.ROOT);
            } else if ((m = VALUE.matcher(line)).matches()) {
                if (code == null || language == null) {
                    throw new TerminologyLoadException(file + ":" + (i + 1), "designation value without its concept and language");
                }
                designations.put(language, unescape(m.group(1), file, i + 1));
                language = null;
            }
        }
        if (code != null) {
            terms.add(new Term(kind, code, english, designations));
        }
        return terms;
    }

    /** FSH strings escape {@code "} and {@code \} with a backslash. */
    private static String unescape(String s, Path file, int line) throws TerminologyLoadException {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 >= s.length()) {
                    throw new TerminologyLoadException(file + ":" + line, "string ends with a lone backslash");
                }
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
