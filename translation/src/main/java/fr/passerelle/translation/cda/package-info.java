/**
 * One parse of a CDA document (hardened: no DTD, no external entities) into a typed clinical model
 * ({@link fr.passerelle.translation.cda.CdaDocument}) that every writer reads; nothing re-parses the input.
 */
package fr.passerelle.translation.cda;
