package fr.passerelle.gateway.terminology;

import fr.passerelle.gateway.PasserelleApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The one gateway the terminology-over-HTTP tests share (one cached application context: same configuration). Its
 * terminology folder is the repository's (linked) plus the demo concept map as a copy, so that a test may add a
 * concept map, reload, and take it away again; operator {@value #OPERATOR} may reload. Each test class leaves the
 * folder and the live catalogue as it found them, and counts what it asserts from the state it finds (a reload
 * starts a new generation of cached answers).
 */
@SpringBootTest(classes = PasserelleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "passerelle.data-dir=${java.io.tmpdir}/passerelle-terminology-http/${random.uuid}",
                "passerelle.terminology.data-dir=${" + TerminologyGatewayContext.DATA_PROPERTY + "}",
                "passerelle.security.operators[0].username=" + TerminologyGatewayContext.OPERATOR,
                "passerelle.security.operators[0].password-hash=${" + TerminologyGatewayContext.HASH_PROPERTY + "}"
        })
public abstract class TerminologyGatewayContext {

    public static final String OPERATOR = "op";
    static final String DATA_PROPERTY = "passerelle.test.terminology-http-dir";
    static final String HASH_PROPERTY = "passerelle.test.terminology-http-operator-hash";
    static final String PASSWORD = "s3cret-operator";
    private static final Path REPO_DATA = Path.of("../src/data/terminology").toAbsolutePath().normalize();

    /** The shared gateway's terminology folder (one per JVM, made before the context starts). */
    protected static final Path DATA = install();

    @LocalServerPort
    private int port;

    /** {@code http://127.0.0.1:<port>} of the shared gateway. */
    protected String base;

    @BeforeEach
    final void locateGateway() {
        base = "http://127.0.0.1:" + port;
    }

    private static synchronized Path install() {
        String existing = System.getProperty(DATA_PROPERTY);
        if (existing != null) {
            return Path.of(existing);
        }
        try {
            Path data = Files.createTempDirectory("terminology-http").resolve("terminology");
            Files.createDirectories(data.resolve("concept-maps"));
            for (String linked : new String[] {"mvc", "ehdsi", "fr-value-sets", "designations"}) {
                Files.createSymbolicLink(data.resolve(linked), REPO_DATA.resolve(linked));
            }
            Files.copy(REPO_DATA.resolve("concept-maps/fr-demo-to-ehdsi.csv"), data.resolve("concept-maps/demo.csv"));
            System.setProperty(HASH_PROPERTY, "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD));
            System.setProperty(DATA_PROPERTY, data.toString());
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
