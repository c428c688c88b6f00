package fr.passerelle.gateway.terminology;

import fr.passerelle.gateway.cli.OperatorCommand;
import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.MvcPackage;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.bdpm.BdpmDatabase;
import fr.passerelle.terminology.bdpm.BdpmDerivation;
import fr.passerelle.terminology.bdpm.CatalogueDiff;
import fr.passerelle.terminology.bdpm.DerivedTableWriter;
import fr.passerelle.terminology.bdpm.EdqmTerms;
import fr.passerelle.terminology.catalogue.CatalogueIndex;
import fr.passerelle.terminology.catalogue.CatalogueStatistics;
import fr.passerelle.terminology.load.LoadProgress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code terminology import [--data-dir DIR] [--mvc-package ID[#VERSION]] [--bdpm DIR --edqm DIR [--as-of DATE]]
 * [--strict] [DOCUMENT.xml …]}: loads a terminology folder exactly as the gateway would (so an agency checks new
 * files before reloading the live gateway), shows progress, prints a summary, and lists the French codes of the
 * given documents that have no pivot equivalent, with the share of their coded elements that reach their eHDSI
 * value set. With {@code --bdpm} it first derives the code tables from the ANSM medicines database and the EDQM
 * designations ({@link BdpmDerivation}) into the folder, then prints what changed against the catalogue loaded
 * before; if the new folder does not load, the previous tables are put back.
 */
public final class TerminologyImportCommand implements OperatorCommand {

    static final String FRENCH_OID_ARC = "1.2.250.";
    static final String ACTIVE_INGREDIENT = "1.3.6.1.4.1.12559.11.10.1.3.1.42.24";
    private static final List<String> DERIVED = List.of(DerivedTableWriter.CIS_ATC, DerivedTableWriter.CIP13_ATC,
            DerivedTableWriter.PRODUCTS, DerivedTableWriter.PRESENTATIONS, DerivedTableWriter.COMPOSITIONS,
            DerivedTableWriter.DESIGNATIONS, "INDEX");

    @Override
    public String name() {
        return "terminology import";
    }

    @Override
    public String summary() {
        return "load and check terminology data; report unmapped French codes of documents";
    }

    @Override
    public String usage() {
        return """
                usage: terminology import [--data-dir DIR] [--mvc-package ID[#VERSION]]
                                          [--bdpm DIR --edqm DIR [--as-of YYYY-MM-DD]] [--strict] [DOCUMENT.xml ...]
                  --data-dir DIR  terminology folder (mvc/, ehdsi/, fr-value-sets/, concept-maps/, designations/,
                                  fr-products/); default: the copy packaged in this jar
                  --mvc-package ID[#VERSION]  the MVC release to load from mvc/ (e.g. myhealth.eu.fhir.mvc-package#9.1.0);
                                  default: the single MVC package there
                  --bdpm DIR      derive code tables from the ANSM BDPM files of DIR (CIS_bdpm.txt, CIS_MITM.txt,
                                  CIS_CIP_bdpm.txt, CIS_COMPO_bdpm.txt; UTF-8 or Windows-1252) and write them into
                                  --data-dir (required), then show what changed
                  --edqm DIR      with --bdpm: the EDQM designation files (PharmaceuticalDoseForm.fsh,
                                  CombinedPharmaceuticalDoseForm.fsh, RouteOfAdministration.fsh, UnitOfPresentation.fsh)
                  --as-of DATE    with --bdpm: the date of the BDPM files (default: meta.json, else the files' dates)
                  --strict        exit 1 when a document holds a French code without pivot equivalent
                  DOCUMENT.xml    CDA documents whose codes are checked against the catalogue
                exit: 0 loaded (and, with --strict, every French code mapped), 1 load or import error or unmapped codes,
                      2 usage""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path dataDir = null;
        Path bdpm = null;
        Path edqm = null;
        LocalDate asOf = null;
        MvcPackage mvc = MvcPackage.ANY;
        boolean strict = false;
        List<Path> documents = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (List.of("--data-dir", "--bdpm", "--edqm", "--as-of", "--mvc-package").contains(a)) {
                if (i + 1 >= args.size()) {
                    return usageError(err, a + " needs a value");
                }
                String v = args.get(++i);
                try {
                    switch (a) {
                        case "--data-dir" -> dataDir = Path.of(v);
                        case "--bdpm" -> bdpm = Path.of(v);
                        case "--edqm" -> edqm = Path.of(v);
                        case "--as-of" -> asOf = LocalDate.parse(v);
                        default -> {
                            int hash = v.indexOf('#');
                            mvc = hash < 0 ? new MvcPackage(v, null)
                                    : new MvcPackage(v.substring(0, hash), v.substring(hash + 1));
                        }
                    }
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    return usageError(err, a + ": " + e.getMessage());
                }
            } else if (a.equals("--strict")) {
                strict = true;
            } else if (a.startsWith("--")) {
                return usageError(err, "unknown option " + a);
            } else {
                documents.add(Path.of(a));
            }
        }
        for (Path d : documents) {
            if (!Files.isRegularFile(d)) {
                err.println("no such document: " + d);
                return 2;
            }
        }
        if ((bdpm != null || edqm != null || asOf != null) && (bdpm == null || edqm == null || dataDir == null)) {
            return usageError(err, "--bdpm needs --edqm and --data-dir (the folder the derived tables are written to)");
        }
        Path tempDir = null;
        try {
            if (dataDir == null) {
                tempDir = Files.createTempDirectory("passerelle-terminology");
                dataDir = PackagedTerminologyData.extractTo(tempDir.resolve("data"));
            }
            TerminologyCatalogue catalogue = load(dataDir, mvc, out);
            if (bdpm != null) {
                catalogue = importBdpm(catalogue, dataDir, bdpm, edqm, asOf, mvc, out, err);
                if (catalogue == null) {
                    return 1;
                }
            }
            int unmapped = 0;
            for (Path d : documents) {
                unmapped += check(catalogue.index(), d, out);
            }
            if (!documents.isEmpty()) {
                out.printf("%d French code(s) without pivot equivalent in %d document(s)%n", unmapped, documents.size());
                out.print(TranscodingCoverage.of(catalogue, documents).toText());
            }
            return strict && unmapped > 0 ? 1 : 0;
        } catch (TerminologyLoadException e) {
            out.println();
            err.println("terminology not loaded: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            out.println();
            err.println("terminology import failed: " + e.getMessage());
            return 1;
        } finally {
            if (tempDir != null) {
                PackagedTerminologyData.deleteQuietly(tempDir);
            }
        }
    }

    private static TerminologyCatalogue load(Path dataDir, MvcPackage mvc, PrintStream out)
            throws TerminologyLoadException {
        long start = System.nanoTime();
        TerminologyCatalogue catalogue = TerminologyCatalogue.load(dataDir, new ProgressBar(out), mvc);
        long ms = (System.nanoTime() - start) / 1_000_000;
        out.println();
        summary(catalogue, ms, dataDir, out);
        return catalogue;
    }

    /**
     * Derives the BDPM tables into {@code dataDir}, reloads, prints the derivation report and the changes; returns
     * the new catalogue, or null (error printed) after putting the previous files back.
     */
    private static TerminologyCatalogue importBdpm(TerminologyCatalogue before, Path dataDir, Path bdpm, Path edqm,
                                                   LocalDate asOf, MvcPackage mvc, PrintStream out, PrintStream err)
            throws IOException {
        BdpmDerivation.Result derived;
        try {
            out.println("Reading the BDPM files of " + bdpm + " and the EDQM designations of " + edqm);
            BdpmDatabase db = BdpmDatabase.read(bdpm, asOf);
            EdqmTerms terms = EdqmTerms.read(edqm);
            CatalogueIndex index = before.index();
            derived = BdpmDerivation.derive(db, terms,
                    atc -> index.inValueSet(ACTIVE_INGREDIENT, Coding.of(CodeSystems.ATC, atc)));
        } catch (TerminologyLoadException e) {
            err.println("BDPM not imported: " + e.getMessage());
            return null;
        }
        out.print(derived.report().toText());
        Map<String, byte[]> previous = new LinkedHashMap<>();
        for (String f : DERIVED) {
            Path p = dataDir.resolve(f);
            previous.put(f, Files.isRegularFile(p) ? Files.readAllBytes(p) : null);
        }
        TerminologyCatalogue after;
        try {
            List<String> written = DerivedTableWriter.write(derived.tables(), dataDir);
            out.println("Wrote " + String.join(", ", written) + " in " + dataDir);
            after = load(dataDir, mvc, out);
        } catch (TerminologyLoadException e) {
            restore(dataDir, previous);
            err.println("BDPM not imported (previous tables put back): " + e.getMessage());
            return null;
        }
        out.print(CatalogueDiff.between(before.index(), after.index()).toText());
        return after;
    }

    private static void restore(Path dataDir, Map<String, byte[]> previous) throws IOException {
        for (Map.Entry<String, byte[]> e : previous.entrySet()) {
            Path p = dataDir.resolve(e.getKey());
            if (e.getValue() == null) {
                Files.deleteIfExists(p);
            } else {
                Files.write(p, e.getValue());
            }
        }
    }

    private static void summary(TerminologyCatalogue catalogue, long ms, Path dir, PrintStream out) {
        CatalogueStatistics s = catalogue.statistics();
        out.printf("Loaded %s in %d ms (%s)%n", dir, ms, catalogue.index().mvcPackage().orElse("no MVC package"));
        out.printf("  value sets       %,d (%,d members)%n", s.valueSets(), s.valueSetMembers());
        out.printf("  concepts         %,d%n", s.concepts());
        out.printf("  mapped codes     %,d%n", s.mappedSourceCodes());
        out.printf("  designations     %,d%n", s.designations());
        out.printf("  coded elements   %,d%n", s.codedElements());
        out.printf("  French products  %,d (%,d presentations)%n", catalogue.index().medicinalProductCount(),
                catalogue.index().presentationCount());
        for (String source : s.sources()) {
            out.println("  from " + source);
        }
    }

    /** Prints the codes of one document that cannot become pivot codes; returns how many French ones. */
    private static int check(CatalogueIndex index, Path document, PrintStream out) throws IOException {
        Set<Coding> codes = DocumentCodes.of(document);
        int pivot = 0;
        int mapped = 0;
        List<String> unmatched = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> international = new ArrayList<>();
        for (Coding c : codes) {
            boolean french = c.system().startsWith(FRENCH_OID_ARC);
            if (!index.mappings(c).isEmpty()) {
                mapped++;
            } else if (!french && inMvc(index, c)) {
                pivot++;
            } else if (index.reviewedWithoutTarget(c)) {
                unmatched.add(c.system() + " " + c.code());
            } else if (french) {
                unknown.add(c.system() + " " + c.code());
            } else {
                international.add(c.system() + " " + c.code());
            }
        }
        out.printf("%s: %d codes, %d already pivot, %d mapped, %d reviewed without equivalent, %d French unmapped,"
                        + " %d international outside the MVC%n", document.getFileName(), codes.size(), pivot, mapped,
                unmatched.size(), unknown.size(), international.size());
        unmatched.forEach(c -> out.println("  no equivalent   " + c));
        unknown.forEach(c -> out.println("  UNMAPPED        " + c));
        international.forEach(c -> out.println("  outside MVC     " + c));
        return (int) (unmatched.stream().filter(c -> c.startsWith(FRENCH_OID_ARC)).count() + unknown.size());
    }

    private static boolean inMvc(CatalogueIndex index, Coding c) {
        return index.valueSetsContaining(c).stream().anyMatch(vs -> vs.source().equals("MVC"));
    }

    /** A one-line text progress bar, redrawn with carriage returns. */
    static final class ProgressBar implements LoadProgress {

        private static final int WIDTH = 30;
        private final PrintStream out;
        private String lastStep = "";
        private int lastFilled = -1;

        ProgressBar(PrintStream out) {
            this.out = out;
        }

        @Override
        public void progress(String step, int done, int total) {
            int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
            if (!step.equals(lastStep)) {
                if (!lastStep.isEmpty()) {
                    out.println();
                }
                lastStep = step;
                lastFilled = -1;
            }
            if (filled != lastFilled || done == total) {
                lastFilled = filled;
                out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + step + " " + done + "/" + total);
                out.flush();
            }
        }
    }
}
