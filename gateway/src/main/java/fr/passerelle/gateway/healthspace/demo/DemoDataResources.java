package fr.passerelle.gateway.healthspace.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the demo data set is read from: the jar ({@code classpath:demo/}, copied there from {@code src/data/demo}
 * by the build) or, for tools and tests, a directory.
 */
public interface DemoDataResources {

    InputStream open(String relativePath);

    default byte[] read(String relativePath) {
        try (InputStream in = open(relativePath)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo data " + relativePath, e);
        }
    }

    static DemoDataResources classpath() {
        return relativePath -> {
            InputStream in = DemoDataResources.class.getClassLoader().getResourceAsStream("demo/" + relativePath);
            if (in == null) {
                throw new IllegalStateException("Demo data missing from the classpath: demo/" + relativePath);
            }
            return in;
        };
    }

    static DemoDataResources directory(Path root) {
        return relativePath -> {
            try {
                return Files.newInputStream(root.resolve(relativePath));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open demo data " + relativePath, e);
            }
        };
    }
}
