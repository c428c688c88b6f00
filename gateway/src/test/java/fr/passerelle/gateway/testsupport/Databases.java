package fr.passerelle.gateway.testsupport;

import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Supplies one {@link TestDatabase} per engine. Databases are created lazily and once per test class (a fresh H2
 * in-memory database, a fresh PostgreSQL schema), migrated by Flyway, and dropped when the class's tests are done,
 * so test classes can run repeatedly and in any order.
 */
public final class Databases implements ArgumentsProvider {

    /** JDBC URL of the PostgreSQL database to test against; unset means "skip PostgreSQL". */
    public static final String POSTGRES_URL_ENV = "PASSERELLE_TEST_POSTGRES_URL";
    /** Set to {@code required} (as CI does) to make a missing PostgreSQL a failure instead of a skip. */
    public static final String POSTGRES_REQUIRED_ENV = "PASSERELLE_TEST_POSTGRES";

    /** Same options as the gateway's own H2 URL in application.yml. */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        ExtensionContext.Store store = classContext.getStore(
                ExtensionContext.Namespace.create(Databases.class, classContext.getUniqueId()));
        String owner = classContext.getRequiredTestClass().getSimpleName();
        TestDatabase h2 = store.computeIfAbsent(DatabaseEngine.H2, engine -> new ClassScoped(h2(owner)),
                ClassScoped.class).database();
        TestDatabase postgres = store.computeIfAbsent(DatabaseEngine.POSTGRESQL,
                engine -> new ClassScoped(postgres(owner)), ClassScoped.class).database();
        return Stream.of(Arguments.of(h2), Arguments.of(postgres));
    }

    /** A fresh in-memory H2 database; usable outside parameterized tests too. */
    public static TestDatabase h2(String owner) {
        String name = sanitize(owner) + "_" + shortId();
        return TestDatabase.h2("jdbc:h2:mem:" + name + H2_OPTIONS + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * A fresh schema in the PostgreSQL database named by {@value #POSTGRES_URL_ENV}, or an unavailable database
     * that skips (or fails, when required) the test that uses it.
     */
    public static TestDatabase postgres(String owner) {
        String url = System.getenv(POSTGRES_URL_ENV);
        boolean required = "required".equalsIgnoreCase(System.getenv(POSTGRES_REQUIRED_ENV));
        if (url == null || url.isBlank()) {
            return TestDatabase.unavailable(DatabaseEngine.POSTGRESQL,
                    "PostgreSQL variant skipped: env " + POSTGRES_URL_ENV + " is not set (e.g. "
                            + "jdbc:postgresql://127.0.0.1:5432/passerelle_test, user postgres without password)", required);
        }
        return TestDatabase.postgres(url, ("t_" + sanitize(owner) + "_" + shortId()));
    }

    /** Released by JUnit when the test class's context closes. */
    private record ClassScoped(TestDatabase database) implements AutoCloseable {
        @Override
        public void close() {
            database.release();
        }
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static String sanitize(String owner) {
        String cleaned = owner.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
