package fr.passerelle.gateway.testsupport;

import fr.passerelle.gateway.PasserelleApplication;
import fr.passerelle.trust.issue.DemoPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application started by a test class on a free port, its data directory under a home of its own; the
 * test passes what its case needs as extra {@code --name=value} arguments. Close it after the class.
 */
public final class TestGateway implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path home;

    private TestGateway(ConfigurableApplicationContext context, Path home) {
        this.context = context;
        this.home = home;
    }

    /** With the embedded defaults (demo health space, demo PKI), home a fresh temporary directory. */
    public static TestGateway start(String tempDirPrefix, String... extra) throws IOException {
        return start(Files.createTempDirectory(tempDirPrefix), extra);
    }

    /** With the embedded defaults (demo health space, demo PKI), in {@code home}. */
    public static TestGateway start(Path home, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--passerelle.data-dir=" + home.resolve("data")));
        arguments.addAll(Arrays.asList(extra));
        return new TestGateway(SpringApplication.run(PasserelleApplication.class, arguments.toArray(String[]::new)),
                home);
    }

    /** {@link #trusting(DemoPki, Path, String...)}, home a fresh temporary directory. */
    public static TestGateway trusting(DemoPki pki, String tempDirPrefix, String... extra) throws IOException {
        return trusting(pki, Files.createTempDirectory(tempDirPrefix), extra);
    }

    /**
     * As a foreign NCP's partner, in {@code home}: the SOAP and FHIR roads trust exactly {@code pki}'s countries
     * (its trust list written to {@code home/trust-list}, the demo PKI off), and every demo patient consents to
     * every participating country unless the test says otherwise.
     */
    public static TestGateway trusting(DemoPki pki, Path home, String... extra) throws IOException {
        Path trustList = home.resolve("trust-list");
        pki.writeTrustList(trustList);
        List<String> arguments = new ArrayList<>(List.of(
                "--passerelle.fhir.security.trust-list-dir=" + trustList,
                "--passerelle.trust.list-dir=" + trustList, "--passerelle.trust.demo=false",
                "--passerelle.consent.default-access=all-participating-countries"));
        arguments.addAll(Arrays.asList(extra));
        return start(home, arguments.toArray(String[]::new));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** The directory the data directory (and any trust list) lives in. */
    public Path home() {
        return home;
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    public String base() {
        return "http://127.0.0.1:" + port();
    }

    /** The demo PKI the embedded defaults generated in the data directory (not with {@code trusting}). */
    public DemoPki demoPki() throws IOException {
        return DemoPki.load(home.resolve("data").resolve("demo-pki").resolve("demo-pki.p12"),
                "passerelle-demo".toCharArray());
    }

    @Override
    public void close() {
        context.close();
    }
}
