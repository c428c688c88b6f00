package fr.passerelle.translation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every French CDA document the tests have: the ANS samples ({@link SharedSamples#FR_CDA}) and the demo health
 * space's documents ({@code src/data/demo/documents}), by name.
 */
public final class FrenchCorpus {

    public static final Path DEMO_DOCUMENTS = Path.of("../src/data/demo/documents");

    /** One French document: a short name for tables and messages, and its file. */
    public record Source(String name, Path file) {
    }

    private FrenchCorpus() {
    }

    public static List<Source> documents() {
        List<Source> out = new ArrayList<>();
        for (Path folder : List.of(SharedSamples.FR_CDA, DEMO_DOCUMENTS)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted()
                        .forEach(p -> out.add(new Source((folder == DEMO_DOCUMENTS ? "demo/" : "")
                                + p.getFileName().toString(), p)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
        }
        return out;
    }
}
