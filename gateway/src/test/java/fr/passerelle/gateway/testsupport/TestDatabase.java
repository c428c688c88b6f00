package fr.passerelle.gateway.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * One engine's fresh, Flyway-migrated database for a test class. Connecting happens on first use of
 * {@link #dataSource()}, so an unavailable PostgreSQL only touches the tests that actually run on it.
 * {@code toString()} is the engine's name, which the parameterized test names show.
 */
public final class TestDatabase {

    private final DatabaseEngine engine;
    private final String url;
    private final String username;
    private final String schema;
    private final String unavailableReason;
    private final boolean required;
    private HikariDataSource dataSource;

    private TestDatabase(DatabaseEngine engine, String url, String username, String schema,
                         String unavailableReason, boolean required) {
        this.engine = engine;
        this.url = url;
        this.username = username;
        this.schema = schema;
        this.unavailableReason = unavailableReason;
        this.required = required;
    }

    static TestDatabase h2(String url) {
        return new TestDatabase(DatabaseEngine.H2, url, "sa", null, null, false);
    }

    static TestDatabase postgres(String baseUrl, String schema) {
        String separator = baseUrl.contains("?") ? "&" : "?";
        return new TestDatabase(DatabaseEngine.POSTGRESQL, baseUrl + separator + "currentSchema=" + schema,
                "postgres", schema, null, false);
    }

    static TestDatabase unavailable(DatabaseEngine engine, String reason, boolean required) {
        return new TestDatabase(engine, null, null, null, reason, required);
    }

    public DatabaseEngine engine() {
        return engine;
    }

    /**
     * The migrated database. Skips the calling test (a JUnit assumption with the reason) when the engine is not
     * configured, or fails it when {@code PASSERELLE_TEST_POSTGRES=required}.
     */
    public synchronized DataSource dataSource() {
        if (unavailableReason != null) {
            if (required) {
                Assertions.fail(unavailableReason.replace("skipped", "required")
                        + " but " + Databases.POSTGRES_REQUIRED_ENV + "=required");
            }
            Assumptions.abort(unavailableReason);
        }
        if (dataSource == null) {
            dataSource = open();
        }
        return dataSource;
    }

    /** The JDBC URL (including the schema for PostgreSQL), e.g. to start a Spring context on this database. */
    public String url() {
        dataSource();
        return url;
    }

    public String username() {
        dataSource();
        return username;
    }

    private HikariDataSource open() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setPoolName("test-" + engine.name().toLowerCase());
        HikariDataSource pool = new HikariDataSource(config);
        try {
            var flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration");
            if (schema != null) {
                flyway.schemas(schema).createSchemas(true);
            }
            flyway.load().migrate();
            return pool;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Drops what this database created (the H2 database, the PostgreSQL schema). Not {@link AutoCloseable} on
     * purpose: JUnit closes AutoCloseable arguments after each invocation, but this database lives for the class.
     */
    synchronized void release() {
        if (dataSource == null) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (engine == DatabaseEngine.H2) {
                statement.execute("DROP ALL OBJECTS");
            } else {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clean up the " + engine + " test database", e);
        } finally {
            dataSource.close();
            dataSource = null;
        }
    }

    @Override
    public String toString() {
        return engine.toString();
    }
}
