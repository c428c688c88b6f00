package fr.passerelle.gateway.translation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Copies the terminology data packaged in the jar ({@code passerelle-terminology/} on the classpath) to a
 * folder, because the terminology loaders read folders. Uses Spring's resource resolver only as a library:
 * no application context is started.
 */
final class PackagedData {

    private static final String ROOT = "passerelle-terminology/";

    private PackagedData() {
    }

    static Path extract(Path target) throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**/*.*");
        if (resources.length == 0) {
            throw new IOException("no terminology data packaged in this jar; give --terminology DIR");
        }
        Files.createDirectories(target);
        for (Resource r : resources) {
            String url = r.getURL().toString();
            int at = url.lastIndexOf(ROOT);
            String relative = at < 0 ? "" : url.substring(at + ROOT.length());
            if (relative.isEmpty() || relative.endsWith("/") || !r.isReadable()) {
                continue;
            }
            Path file = target.resolve(relative).normalize();
            if (!file.startsWith(target)) {
                continue;
            }
            Files.createDirectories(file.getParent());
            try (InputStream in = r.getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary folder left behind is harmless; the OS cleans it.
        }
    }
}
