package fr.passerelle.gateway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The support itself: each engine gives a working, isolated, migrated database. */
class DatabasesTest {

    @DatabaseTest
    void givesAWorkingDatabasePerEngine(TestDatabase db) throws Exception {
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS support_probe (id BIGINT PRIMARY KEY, payload BYTEA)");
            statement.execute("DELETE FROM support_probe");
            statement.execute("INSERT INTO support_probe (id, payload) VALUES (1, NULL)");
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM support_probe")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            if (db.engine() == DatabaseEngine.POSTGRESQL) {
                try (ResultSet schema = statement.executeQuery("SELECT current_schema()")) {
                    schema.next();
                    assertThat(schema.getString(1)).startsWith("t_databasestest_");
                }
            }
        }
    }

    @DatabaseTest
    void isMigratedByFlyway(TestDatabase db) throws Exception {
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*) FROM flyway_schema_history WHERE success = TRUE")) {
            rows.next();
            assertThat(rows.getInt(1)).isPositive();
        }
    }

    @Test
    void unsetPostgresIsASkipWithAReasonUnlessRequired() {
        TestDatabase skipped = TestDatabase.unavailable(DatabaseEngine.POSTGRESQL, "PostgreSQL variant skipped: x",
                false);
        TestDatabase required = TestDatabase.unavailable(DatabaseEngine.POSTGRESQL, "PostgreSQL variant skipped: x",
                true);

        org.assertj.core.api.Assertions.assertThatThrownBy(skipped::dataSource)
                .isInstanceOf(org.opentest4j.TestAbortedException.class)
                .hasMessageContaining("skipped");
        org.assertj.core.api.Assertions.assertThatThrownBy(required::dataSource)
                .isInstanceOf(org.opentest4j.AssertionFailedError.class)
                .hasMessageContaining("required");
        assertThat(skipped).hasToString("PostgreSQL");
    }
}
