package fr.passerelle.gateway.terminology;

import fr.passerelle.gateway.cli.OperatorCommand;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.ValueSet;
import fr.passerelle.terminology.catalogue.CatalogueIndex;
import fr.passerelle.terminology.catalogue.CatalogueStatistics;
import fr.passerelle.terminology.load.LoadProgress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code terminology import [--data-dir DIR] [--strict] [DOCUMENT.xml …]}: loads a terminology folder exactly as
 * the gateway would (so an agency checks new files before reloading the live gateway), shows progress, prints a
 * summary, and lists the French codes of the given documents that have no pivot equivalent.
 */
public final class TerminologyImportCommand implements OperatorCommand {

    static final String FRENCH_OID_ARC = "1.2.250.";

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
                usage: terminology import [--data-dir DIR] [--strict] [DOCUMENT.xml ...]
                  --data-dir DIR  terminology folder (mvc/, ehdsi/, fr-value-sets/, concept-maps/, designations/);
                                  default: the copy packaged in this jar
                  --strict        exit 1 when a document holds a French code without pivot equivalent
                  DOCUMENT.xml    CDA documents whose codes are checked against the catalogue
                exit: 0 loaded (and, with --strict, every French code mapped), 1 load error or unmapped codes, 2 usage""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path dataDir = null;
        boolean strict = false;
        List<Path> documents = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--data-dir")) {
                if (i + 1 >= args.size()) {
                    err.println("--data-dir needs a folder");
                    err.println(usage());
                    return 2;
                }
                dataDir = Path.of(args.get(++i));
            } else if (a.equals("--strict")) {
                strict = true;
            } else if (a.startsWith("--")) {
                err.println("unknown option " + a);
                err.println(usage());
                return 2;
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
        Path tempDir = null;
        try {
            if (dataDir == null) {
                tempDir = Files.createTempDirectory("passerelle-terminology");
                dataDir = PackagedTerminologyData.extractTo(tempDir.resolve("data"));
            }
            long start = System.nanoTime();
            TerminologyCatalogue catalogue = TerminologyCatalogue.load(dataDir, new ProgressBar(out));
            long ms = (System.nanoTime() - start) / 1_000_000;
            out.println();
            summary(catalogue.statistics(), ms, dataDir, out);
            int unmapped = 0;
            for (Path d : documents) {
                unmapped += check(catalogue.index(), d, out);
            }
            if (!documents.isEmpty()) {
                out.printf("%d French code(s) without pivot equivalent in %d document(s)%n", unmapped, documents.size());
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
                deleteQuietly(tempDir);
            }
        }
    }

    private static void summary(CatalogueStatistics s, long ms, Path dir, PrintStream out) {
        out.printf("Loaded %s in %d ms%n", dir, ms);
        out.printf("  value sets       %,d (%,d members)%n", s.valueSets(), s.valueSetMembers());
        out.printf("  concepts         %,d%n", s.concepts());
        out.printf("  mapped codes     %,d%n", s.mappedSourceCodes());
        out.printf("  designations     %,d%n", s.designations());
        out.printf("  coded elements   %,d%n", s.codedElements());
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
        for (ValueSet vs : index.valueSetsContaining(c)) {
            if (vs.source().equals("MVC")) {
                return true;
            }
        }
        return false;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary copy; the OS cleans temp folders
        }
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
