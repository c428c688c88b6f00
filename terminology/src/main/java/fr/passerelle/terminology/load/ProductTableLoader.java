package fr.passerelle.terminology.load;

import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.catalogue.CatalogueIndex;
import fr.passerelle.terminology.catalogue.MedicinalProduct;
import fr.passerelle.terminology.catalogue.PackageContent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Loads the code-only tables of French medicinal products derived from the national medicines database
 * ({@code fr-products/*.csv}, written by {@code terminology import --bdpm}; format in terminology/README.md).
 * A file's header says which table it is:
 * <ul>
 *   <li>products: {@code cis,dose_form,routes,provenance} (EDQM codes; routes separated by spaces);</li>
 *   <li>presentations: {@code cip13,cis[,content,content_unit]} (what the package holds, when known);</li>
 *   <li>compositions: {@code cis,substance_code,strength,strength_reference,nature,link}.</li>
 * </ul>
 */
public final class ProductTableLoader {

    static final List<String> PRODUCTS = List.of("cis", "dose_form", "routes");
    static final List<String> PRESENTATIONS = List.of("cip13", "cis");
    static final List<String> COMPOSITIONS = List.of("cis", "substance_code", "strength", "strength_reference",
            "nature");
    private static final Pattern CIS = Pattern.compile("[0-9]{8}");
    private static final Pattern CIP13 = Pattern.compile("[0-9]{13}");
    private static final Pattern EDQM_CODE = Pattern.compile("[0-9]{8}");

    /** Strengths, units and references repeat across thousands of lines: one instance of each per load. */
    private final Map<String, String> strings = new HashMap<>();
    private final Map<String, Coding> edqmCodings = new HashMap<>();

    private String one(String s) {
        return s == null ? null : strings.computeIfAbsent(s, x -> x);
    }

    /** Returns the number of lines read. */
    public int load(Path file, CatalogueIndex.Builder into) throws TerminologyLoadException {
        CsvLines.Table table = CsvLines.readTable(file, List.of("cis"));
        List<CsvLines.Row> rows = table.rows();
        List<String> header = table.header();
        String kind;
        if (header.containsAll(PRODUCTS)) {
            kind = "products";
            for (CsvLines.Row row : rows) {
                String cis = code(row, "cis", CIS);
                Coding form = row.optional("dose_form") == null ? null : edqm(row, row.optional("dose_form"));
                List<Coding> routes = new ArrayList<>(1);
                String words = row.optional("routes");
                if (words != null) {
                    for (String r : words.split(" +")) {
                        routes.add(edqm(row, r));
                    }
                }
                into.medicinalProduct(cis, form, routes, row.optional("provenance"));
            }
        } else if (header.containsAll(COMPOSITIONS)) {
            kind = "compositions";
            for (CsvLines.Row row : rows) {
                into.ingredient(code(row, "cis", CIS), new MedicinalProduct.Ingredient(
                        one(row.required("substance_code")), one(row.optional("strength")),
                        one(row.optional("strength_reference")), one(row.optional("nature")), one(row.optional("link"))));
            }
        } else if (header.containsAll(PRESENTATIONS)) {
            kind = "presentations";
            for (CsvLines.Row row : rows) {
                String content = row.optional("content");
                PackageContent packageContent = null;
                if (content != null) {
                    try {
                        packageContent = new PackageContent(content, row.required("content_unit"));
                    } catch (IllegalArgumentException e) {
                        throw new TerminologyLoadException(row.file() + ":" + row.line(), e.getMessage());
                    }
                }
                into.presentation(code(row, "cip13", CIP13), code(row, "cis", CIS), packageContent);
            }
        } else {
            throw new TerminologyLoadException(file + ":1", "not a product table: the header names neither "
                    + String.join(",", PRODUCTS) + ", " + String.join(",", PRESENTATIONS) + " nor "
                    + String.join(",", COMPOSITIONS));
        }
        into.source(file.getFileName() + " (" + rows.size() + " " + kind + ")");
        return rows.size();
    }

    private static String code(CsvLines.Row row, String column, Pattern pattern) throws TerminologyLoadException {
        String v = row.required(column);
        if (!pattern.matcher(v).matches()) {
            throw new TerminologyLoadException(row.file() + ":" + row.line(), column + " '" + v + "' is malformed");
        }
        return v;
    }

    private Coding edqm(CsvLines.Row row, String code) throws TerminologyLoadException {
        if (!EDQM_CODE.matcher(code).matches()) {
            throw new TerminologyLoadException(row.file() + ":" + row.line(), "'" + code + "' is not an EDQM code");
        }
        return edqmCodings.computeIfAbsent(code, c -> Coding.of(CodeSystems.EDQM, c));
    }
}
