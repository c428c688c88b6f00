/**
 * The French national health space (Mon Espace Santé / DMP) as Passerelle sees it: the {@link
 * fr.passerelle.gateway.healthspace.NationalHealthSpace} port, its value types (patients identified by INS, documents
 * with XDS-like metadata, the patient's controls, dispensations) and nothing else. Implementations live in
 * sub-packages: {@code demo} (a seeded database, the default) and later {@code dmp}.
 */
package fr.passerelle.gateway.healthspace;
