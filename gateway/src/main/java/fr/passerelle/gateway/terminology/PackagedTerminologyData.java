package fr.passerelle.gateway.terminology;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The terminology data built into the jar (from the repository's src/data/terminology, under
 * {@code passerelle-terminology/} on the classpath). The loaders read folders, so it is copied to a folder on
 * start-up; the copy is replaced each time so it always matches the running jar.
 */
public final class PackagedTerminologyData {

    static final String ROOT = "passerelle-terminology/";

    private PackagedTerminologyData() {
    }

    /** Copies the packaged data to {@code target} (replacing what is there) and returns it. */
    public static Path extractTo(Path target) {
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            Resource[] resources = resolver.getResources("classpath*:" + ROOT + "**/*.*");
            if (resources.length == 0) {
                throw new IllegalStateException("No terminology data packaged in the application (classpath:"
                        + ROOT + "); set passerelle.terminology.data-dir");
            }
            Path tmp = target.resolveSibling(target.getFileName() + ".new");
            deleteTree(tmp);
            Files.createDirectories(tmp);
            for (Resource r : resources) {
                String url = r.getURL().toString();
                int at = url.lastIndexOf(ROOT);
                if (at < 0 || !r.isReadable()) {
                    continue;
                }
                String relative = url.substring(at + ROOT.length());
                if (relative.isEmpty() || relative.endsWith("/") || relative.contains("..")) {
                    continue;
                }
                Path file = tmp.resolve(relative).normalize();
                if (!file.startsWith(tmp)) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = r.getInputStream()) {
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
