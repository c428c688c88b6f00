package fr.passerelle.gateway.healthspace.bench;

import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.FrenchPatient;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.PatientControls;
import fr.passerelle.gateway.healthspace.PatientSearch;
import fr.passerelle.gateway.healthspace.StoredDocument;
import fr.passerelle.gateway.healthspace.demo.CdaHeader;
import fr.passerelle.gateway.healthspace.demo.CdaHeaderReader;
import fr.passerelle.gateway.healthspace.demo.DemoDataResources;
import fr.passerelle.gateway.healthspace.demo.DemoHealthSpaceSeeder;
import fr.passerelle.gateway.healthspace.demo.JdbcNationalHealthSpace;
import fr.passerelle.gateway.testsupport.Databases;
import fr.passerelle.gateway.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The demo health space's hot paths on embedded H2 (the default store): what one cross-border query costs the
 * French side — find the patient, read their controls, list their documents, retrieve one (a 280 kB IPS-FR with
 * embedded PDFs) — and the header read that seeding does per document.
 *
 * <p>Run (from gateway/, after test-compile):
 * {@code java -cp target/test-classes:target/classes:<test classpath> fr.passerelle.gateway.healthspace.bench.HealthSpaceBenchmarks}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class HealthSpaceBenchmarks {

    private static final Path DEMO = Path.of("..", "src", "data", "demo");

    private TestDatabase database;
    private JdbcNationalHealthSpace healthSpace;
    private Ins patient;
    private String ipsId;
    private byte[] ips;
    private final CdaHeaderReader headers = new CdaHeaderReader();

    @Setup
    public void seed() throws Exception {
        database = Databases.h2("bench");
        new DemoHealthSpaceSeeder(database.dataSource(), DemoDataResources.directory(DEMO), Clock.systemUTC()).seed();
        healthSpace = new JdbcNationalHealthSpace(database.dataSource(), Clock.systemUTC());
        patient = new Ins(Ins.TEST_NIR, "284056912304563");
        ipsId = healthSpace.documents(patient, DocumentKind.PATIENT_SUMMARY).get(0).uniqueId();
        ips = Files.readAllBytes(DEMO.resolve("documents").resolve("berthelot-ps-ips.xml"));
    }

    @Benchmark
    public Optional<FrenchPatient> findPatientByIns() {
        return healthSpace.findPatient(patient);
    }

    @Benchmark
    public List<FrenchPatient> findPatientsByDemographics() {
        return healthSpace.findPatients(new PatientSearch("Berthelot", "Elodie", null, null));
    }

    @Benchmark
    public PatientControls controls() {
        return healthSpace.controls(patient);
    }

    @Benchmark
    public List<DocumentEntry> listPatientSummaries() {
        return healthSpace.documents(patient, DocumentKind.PATIENT_SUMMARY);
    }

    @Benchmark
    public StoredDocument retrieveIpsFr280kB() {
        return healthSpace.retrieve(ipsId).orElseThrow();
    }

    @Benchmark
    public CdaHeader readCdaHeaderOfIpsFr280kB() {
        return headers.read(ips);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(HealthSpaceBenchmarks.class.getSimpleName()).build()).run();
    }
}
