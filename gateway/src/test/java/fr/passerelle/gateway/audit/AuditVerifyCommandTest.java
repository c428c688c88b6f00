package fr.passerelle.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code audit verify} on a database file, without Spring: 0 when intact, 1 with the broken record. */
class AuditVerifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void verifiesTheTrailOfADatabaseFile() {
        String url = "jdbc:h2:file:" + dir.resolve("passerelle") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH";
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        AuditTrail trail = AuditFixtures.trail(dataSource, Clock.systemUTC(), false);
        trail.record(AuditFixtures.granted("1.2.250.4.1"));
        trail.record(AuditFixtures.granted("1.2.250.4.2"));

        Result intact = run("--url", url);
        assertThat(intact.status()).isZero();
        assertThat(intact.out()).contains("Audit trail intact: 2 record(s)");

        JdbcClient.create(dataSource).sql("UPDATE audit_record SET outcome = 'REFUSED' WHERE seq = 1").update();
        Result broken = run("--url", url, "--user", "sa");
        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.out()).contains("BROKEN at record 1").contains("altered");

        assertThat(run("--bogus").status()).isEqualTo(2);
        assertThat(run("--url", "jdbc:h2:file:" + dir.resolve("missing") + ";IFEXISTS=TRUE").status()).isEqualTo(1);
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new AuditVerifyCommand().run(List.of(args), new PrintStream(out), new PrintStream(err));
        return new Result(status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int status, String out) {
    }
}
