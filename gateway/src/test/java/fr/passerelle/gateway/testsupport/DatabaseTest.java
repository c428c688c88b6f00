package fr.passerelle.gateway.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A test run once per database engine, given a {@link TestDatabase} parameter: {@code [H2]} and
 * {@code [PostgreSQL]} appear in the test names so a CI log shows both engines ran.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedTest(name = "[{0}]")
@ArgumentsSource(Databases.class)
public @interface DatabaseTest {
}
