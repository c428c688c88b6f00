/**
 * The demo French health space, the default {@link fr.passerelle.gateway.healthspace.NationalHealthSpace}
 * ({@code passerelle.health-space=demo}): a JDBC store on the Flyway V1 schema, seeded once on first start from the
 * demo data set packaged in the jar under {@code demo/} (synthetic patients and the ANS sample documents
 * re-identified onto them, see {@code src/data/demo/README.md}).
 */
package fr.passerelle.gateway.healthspace.demo;
