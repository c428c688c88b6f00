/**
 * Test support shared by every persistence test of the gateway: run the same test against embedded H2 (PostgreSQL
 * mode, the URL options of {@code application.yml}) and a real PostgreSQL, each on a fresh Flyway-migrated schema.
 *
 * <p>Usage:
 * <pre>{@code
 * @DatabaseTest
 * void storesSomething(TestDatabase db) {
 *     JdbcClient jdbc = JdbcClient.create(db.dataSource());
 *     ...
 * }
 * }</pre>
 * The PostgreSQL variant reads its JDBC URL from {@code PASSERELLE_TEST_POSTGRES_URL} (user {@code postgres}, no
 * password). When unset it is skipped with a visible reason, unless {@code PASSERELLE_TEST_POSTGRES=required}, in
 * which case it fails.
 */
package fr.passerelle.gateway.testsupport;
