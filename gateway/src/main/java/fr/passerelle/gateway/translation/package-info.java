/**
 * The gateway side of translation: the {@code translate} operator command that lets publishers and the agency
 * check a French document's translation (to the eHDSI pivot or FHIR) without starting the server.
 */
package fr.passerelle.gateway.translation;
