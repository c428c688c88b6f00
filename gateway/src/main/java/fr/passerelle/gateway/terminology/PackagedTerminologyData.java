package fr.passerelle.gateway.terminology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The terminology data built into the jar (from the repository's src/data/terminology, under
 * {@code passerelle-terminology/} on the classpath). The loaders read folders, so it is copied to a folder on
 * start-up; the copy is replaced each time so it always matches the running jar.
 */
public final class PackagedTerminologyData {

    static final String ROOT = "passerelle-terminology/";

    private PackagedTerminologyData() {
    }

    /** The list of packaged files, one relative path a line (kept equal to the folder by a test). */
    static final String INDEX = ROOT + "INDEX";

    /** Copies the packaged data to {@code target} (replacing what is there) and returns it. */
    public static Path extractTo(Path requested) {
        // Normalised first: "./data/terminology" would otherwise never contain its own normalised children.
        Path target = requested.toAbsolutePath().normalize();
        // The files are listed in an index rather than discovered by classpath scanning: scanning is not reliable
        // inside the nested jars of an executable Spring Boot jar, and an index is read the same way everywhere.
        ClassLoader loader = PackagedTerminologyData.class.getClassLoader();
        try (InputStream index = loader.getResourceAsStream(INDEX)) {
            if (index == null) {
                throw new IllegalStateException("No terminology data packaged in the application (classpath:"
                        + INDEX + "); set passerelle.terminology.data-dir");
            }
            List<String> files = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
            Path tmp = target.resolveSibling(target.getFileName() + ".new");
            deleteTree(tmp);
            Files.createDirectories(tmp);
            for (String relative : files) {
                Path file = tmp.resolve(relative).normalize();
                if (!file.startsWith(tmp) || relative.contains("..")) {
                    throw new IllegalStateException("Packaged terminology index names a path outside its folder: "
                            + relative);
                }
                try (InputStream in = loader.getResourceAsStream(ROOT + relative)) {
                    if (in == null) {
                        throw new IllegalStateException("Packaged terminology index names a missing file: " + relative);
                    }
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract the packaged terminology data to " + target, e);
        }
    }

    /** Deletes a folder made by {@link #extractTo} (best effort: a leftover temporary folder is harmless). */
    public static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            // The OS cleans temporary folders; nothing depends on this one being gone.
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
