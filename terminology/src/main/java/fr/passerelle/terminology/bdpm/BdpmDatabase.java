package fr.passerelle.terminology.bdpm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.terminology.TerminologyLoadException;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The four files of the ANSM public medicines database (BDPM) Passerelle derives codes from, read and checked:
 * {@code CIS_bdpm.txt} (products), {@code CIS_MITM.txt} (CIS to ATC), {@code CIS_CIP_bdpm.txt} (CIP13
 * presentations), {@code CIS_COMPO_bdpm.txt} (compositions). A malformed line (too few fields, a code of the
 * wrong shape) stops the import with its file and line: an agency re-downloads rather than ships half a table.
 *
 * @param dates    the date of each file: the download date a {@code meta.json} beside them gives, otherwise the
 *                 file's modification date, unless the caller fixes one
 * @param charsets the encoding each file was read in (UTF-8 or Windows-1252)
 */
public record BdpmDatabase(List<Product> products, Map<String, String> atcByCis, List<Presentation> presentations,
                           List<Composition> compositions, Map<String, LocalDate> dates, Map<String, Charset> charsets) {

    public static final String PRODUCTS = "CIS_bdpm.txt";
    public static final String ATC = "CIS_MITM.txt";
    public static final String PRESENTATIONS = "CIS_CIP_bdpm.txt";
    public static final String COMPOSITIONS = "CIS_COMPO_bdpm.txt";

    private static final Pattern CIS = Pattern.compile("[0-9]{8}");
    private static final Pattern CIP13 = Pattern.compile("[0-9]{13}");
    /** ATC: anatomical group, therapeutic, pharmacological, chemical subgroup, substance (1 to 7 characters). */
    private static final Pattern ATC_CODE = Pattern.compile("[A-Z]([0-9]{2}([A-Z]([A-Z]([0-9]{2})?)?)?)?");

    /** A CIS product: its dose form and routes in French words ({@code routes} split at {@code ;}). */
    public record Product(String cis, String doseFormWords, List<String> routeWords, String authorisation,
                          String marketing) {
    }

    /** A CIP13 presentation of a CIS product, with its label (what the package holds, in French words). */
    public record Presentation(String cis, String cip13, String label) {
    }

    /** One composition line (CIS_COMPO): substance code, strength and the quantity it is given for. */
    public record Composition(String cis, String element, String substanceCode, String strength,
                              String strengthReference, String nature, String link) {
    }

    /** Reads the four files of {@code dir}; {@code asOf}, when not null, is the date of every file. */
    public static BdpmDatabase read(Path dir, LocalDate asOf) throws TerminologyLoadException {
        if (!Files.isDirectory(dir)) {
            throw new TerminologyLoadException(dir.toString(), "BDPM folder does not exist");
        }
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        Map<String, Charset> charsets = new LinkedHashMap<>();
        Map<String, LocalDate> downloaded = downloadDates(dir);
        for (String name : List.of(PRODUCTS, ATC, PRESENTATIONS, COMPOSITIONS)) {
            Path f = dir.resolve(name);
            if (!Files.isRegularFile(f)) {
                throw new TerminologyLoadException(f.toString(), "missing BDPM file (the folder must hold "
                        + String.join(", ", PRODUCTS, ATC, PRESENTATIONS, COMPOSITIONS) + ")");
            }
            try {
                dates.put(name, asOf != null ? asOf : downloaded.getOrDefault(name,
                        LocalDate.ofInstant(Files.getLastModifiedTime(f).toInstant(), ZoneOffset.UTC)));
            } catch (IOException e) {
                throw new TerminologyLoadException(f.toString(), "cannot read: " + e.getMessage(), e);
            }
        }
        TabFile productFile = tab(dir.resolve(PRODUCTS));
        List<Product> products = new ArrayList<>();
        for (TabFile.Line l : productFile.lines()) {
            fields(productFile, l, 12);
            String routes = l.field(3);
            products.add(new Product(code(productFile, l, 0, CIS), l.field(2),
                    routes.isEmpty() ? List.of() : Arrays.stream(routes.split(";")).map(String::strip)
                            .filter(s -> !s.isEmpty()).toList(), l.field(4), l.field(6)));
        }
        TabFile atcFile = tab(dir.resolve(ATC));
        Map<String, String> atc = new LinkedHashMap<>();
        for (TabFile.Line l : atcFile.lines()) {
            fields(atcFile, l, 2);
            String cis = code(atcFile, l, 0, CIS);
            String code = code(atcFile, l, 1, ATC_CODE);
            String before = atc.putIfAbsent(cis, code);
            if (before != null && !before.equals(code)) {
                throw new TerminologyLoadException(where(atcFile, l), "CIS " + cis + " has two ATC codes ("
                        + before + ", " + code + ")");
            }
        }
        TabFile cipFile = tab(dir.resolve(PRESENTATIONS));
        List<Presentation> presentations = new ArrayList<>();
        for (TabFile.Line l : cipFile.lines()) {
            fields(cipFile, l, 7);
            presentations.add(new Presentation(code(cipFile, l, 0, CIS), code(cipFile, l, 6, CIP13),
                    l.field(2)));
        }
        TabFile compoFile = tab(dir.resolve(COMPOSITIONS));
        List<Composition> compositions = new ArrayList<>();
        for (TabFile.Line l : compoFile.lines()) {
            fields(compoFile, l, 8);
            if (l.field(2).isEmpty()) {
                throw new TerminologyLoadException(where(compoFile, l), "composition line without substance code");
            }
            compositions.add(new Composition(code(compoFile, l, 0, CIS), l.field(1), l.field(2), l.field(4),
                    l.field(5), l.field(6), l.field(7)));
        }
        for (TabFile f : List.of(productFile, atcFile, cipFile, compoFile)) {
            charsets.put(f.file().getFileName().toString(), f.charset());
        }
        // insertion order kept: the report lists the files in the order the database documents them
        return new BdpmDatabase(List.copyOf(products), Collections.unmodifiableMap(atc), List.copyOf(presentations),
                List.copyOf(compositions), Collections.unmodifiableMap(dates), Collections.unmodifiableMap(charsets));
    }

    /** {@code meta.json} of a mirror: {@code {"CIS_bdpm.txt": {"downloadedAt": "2025-07-07T21:23:03Z"}, …}}. */
    private static Map<String, LocalDate> downloadDates(Path dir) throws TerminologyLoadException {
        Path meta = dir.resolve("meta.json");
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        if (!Files.isRegularFile(meta)) {
            return dates;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(meta.toFile());
            for (var it = root.fields(); it.hasNext(); ) {
                var e = it.next();
                String at = e.getValue().path("downloadedAt").asText("");
                if (!at.isEmpty()) {
                    dates.put(e.getKey(), OffsetDateTime.parse(at).toLocalDate());
                }
            }
        } catch (IOException | DateTimeParseException e) {
            throw new TerminologyLoadException(meta.toString(), "unreadable download dates: " + e.getMessage(), e);
        }
        return dates;
    }

    private static TabFile tab(Path f) throws TerminologyLoadException {
        try {
            return TabFile.read(f);
        } catch (IOException | RuntimeException e) {
            throw new TerminologyLoadException(f.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    private static void fields(TabFile f, TabFile.Line l, int atLeast) throws TerminologyLoadException {
        if (l.fields().size() < atLeast) {
            throw new TerminologyLoadException(where(f, l), "expected at least " + atLeast
                    + " tab-separated fields, found " + l.fields().size() + " (is this " + f.file().getFileName() + "?)");
        }
    }

    private static String code(TabFile f, TabFile.Line l, int i, Pattern shape) throws TerminologyLoadException {
        String v = l.field(i);
        if (!shape.matcher(v).matches()) {
            throw new TerminologyLoadException(where(f, l), "field " + (i + 1) + " '" + v + "' is not "
                    + (shape == CIS ? "a CIS code" : shape == CIP13 ? "a CIP13 code" : "an ATC code"));
        }
        return v;
    }

    private static String where(TabFile f, TabFile.Line l) {
        return f.file() + ":" + l.number();
    }
}
