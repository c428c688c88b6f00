package fr.passerelle.gateway.healthspace.demo;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.testsupport.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The committed demo data set, as tests read it and load it. */
final class DemoData {

    static final Path DIRECTORY = Path.of("..", "src", "data", "demo");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

    private DemoData() {
    }

    static DemoDataSet manifest() {
        try {
            return new DemoDataSetReader().read(Files.newInputStream(DIRECTORY.resolve("patients.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DemoDataSet.Patient patient(String key) {
        return manifest().patients().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }

    static Ins ins(DemoDataSet.Patient patient) {
        return new Ins(Ins.TEST_NIR, patient.insValue());
    }

    static byte[] document(String file) {
        try {
            return Files.readAllBytes(DIRECTORY.resolve("documents").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The health space on this database, seeded from the committed data set (idempotent). */
    static JdbcNationalHealthSpace seededHealthSpace(TestDatabase db) {
        new DemoHealthSpaceSeeder(db.dataSource(), DemoDataResources.directory(DIRECTORY), CLOCK).seed();
        return new JdbcNationalHealthSpace(db.dataSource(), CLOCK);
    }
}
