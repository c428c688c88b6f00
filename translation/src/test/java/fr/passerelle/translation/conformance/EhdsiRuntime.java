package fr.passerelle.translation.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * The eHDSI ART-DECOR runtime schematrons for tests: found through system property {@value #PROPERTY} or env
 * {@value #ENV} (the .tgz), by default {@value #DEFAULT}; unpacked once under {@code target/}; each schematron
 * compiled once per JVM. Not redistributable, so never in the repository: when absent, tests skip loudly unless
 * env {@value #REQUIRED_ENV}{@code =required}, then they fail.
 */
public final class EhdsiRuntime {

    public static final String PROPERTY = "passerelle.ehdsi.runtime";
    public static final String ENV = "PASSERELLE_EHDSI_RUNTIME";
    public static final String REQUIRED_ENV = "PASSERELLE_EHDSI_VALIDATORS";
    public static final String DEFAULT = "../../shared/validators/ehdsi-artdecor-runtime-20240422.tgz";

    public static final String PS_L3 = "epsos-PatientSummary.sch";
    public static final String PS_L1 = "epsos-PatientSummary_L1.sch";
    public static final String EP_L3 = "epsos-ePrescription.sch";
    public static final String EP_L1 = "epsos-ePrescriptionL1.sch";

    private static final Map<String, PivotSchematron> COMPILED = new ConcurrentHashMap<>();
    private static Path unpacked;

    private EhdsiRuntime() {
    }

    /** The runtime .tgz this run uses (it may not exist). */
    public static Path archive() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENV);
        }
        return Path.of(p == null || p.isBlank() ? DEFAULT : p);
    }

    /** Skips the calling test loudly (or fails it when the validators are required) if the runtime is absent. */
    public static void assumePresent() {
        Path tgz = archive();
        if (Files.isRegularFile(tgz)) {
            return;
        }
        String why = "eHDSI ART-DECOR runtime not found at " + tgz.toAbsolutePath().normalize()
                + ": eHDSI pivot conformance NOT checked. Enable it with -D" + PROPERTY + "=<runtime .tgz> or env "
                + ENV + "; set " + REQUIRED_ENV + "=required to make its absence fail the build.";
        if ("required".equalsIgnoreCase(System.getenv(REQUIRED_ENV))) {
            fail(why);
        }
        System.err.println("SKIPPED: " + why);
        Assumptions.abort(why);
    }

    /** A schematron of the runtime (file name, e.g. {@link #PS_L3}), compiled on first use. */
    public static PivotSchematron schematron(String file) {
        assumePresent();
        return COMPILED.computeIfAbsent(file, f -> {
            try {
                long start = System.nanoTime();
                PivotSchematron s = PivotSchematron.compile(directory().resolve(f));
                System.out.printf("eHDSI runtime %s compiled: %d assertions in %.1f s%n", f, s.assertionCount(),
                        (System.nanoTime() - start) / 1e9);
                return s;
            } catch (SchematronException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** The unpacked runtime, under target/ (unpacked again when the archive changed). */
    public static synchronized Path directory() {
        if (unpacked != null) {
            return unpacked;
        }
        Path tgz = archive();
        try {
            String name = tgz.getFileName().toString().replaceFirst("\\.(tgz|tar\\.gz)$", "");
            Path dir = Path.of("target", "ehdsi-runtime", name).toAbsolutePath();
            Path stamp = dir.resolve(".unpacked-from");
            String signature = tgz.toAbsolutePath().normalize() + " " + Files.size(tgz) + " "
                    + Files.getLastModifiedTime(tgz).toMillis();
            if (!Files.isRegularFile(stamp) || !Files.readString(stamp).equals(signature)) {
                untar(tgz, dir);
                Files.writeString(stamp, signature);
            }
            unpacked = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + tgz, e);
        }
    }

    /** Regular files and folders of a gzip'd (ustar / GNU / pax) tar; anything reaching outside dir is refused. */
    static void untar(Path tgz, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tgz)))) {
            byte[] header = new byte[512];
            String longName = null;
            while (in.readNBytes(header, 0, 512) == 512) {
                if (header[0] == 0) {
                    break;
                }
                long size = Long.parseLong(field(header, 124, 12).strip().isEmpty() ? "0" : field(header, 124, 12).strip(), 8);
                char type = (char) header[156];
                String name = field(header, 0, 100);
                String prefix = "ustar".equals(field(header, 257, 5)) ? field(header, 345, 155) : "";
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                byte[] body = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'L') {
                    longName = new String(body, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                if (type == 'x') {
                    for (String rec : new String(body, StandardCharsets.UTF_8).split("\n")) {
                        int eq = rec.indexOf(" path=");
                        if (eq > 0) {
                            longName = rec.substring(eq + " path=".length());
                        }
                    }
                    continue;
                }
                if (longName != null) {
                    name = longName;
                    longName = null;
                }
                Path target = dir.resolve(name).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("archive entry outside its folder: " + name);
                }
                if (type == '5') {
                    Files.createDirectories(target);
                } else if (type == '0' || type == 0) {
                    Files.createDirectories(target.getParent());
                    Path tmp = target.resolveSibling(target.getFileName() + ".part");
                    Files.write(tmp, body);
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    /** Findings of assertions reading an empty stub vocabulary (whatever their role): possibly spurious. */
    static List<Finding> stubVocabularyFindings(ConformanceResult result) {
        return result.findings().stream().filter(Finding::onStubVocabulary).toList();
    }

    /** The distinct rule ids of the errors, sorted. */
    static SortedSet<String> errorRuleIds(ConformanceResult result) {
        return result.errors().stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
    }
}
