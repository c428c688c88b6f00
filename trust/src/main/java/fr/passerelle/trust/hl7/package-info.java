/**
 * HL7 v2 data types as the IHE profiles carry them inside SOAP and SAML: {@link fr.passerelle.trust.hl7.Cx}, the
 * patient identifier. One reader and one writer for each, so that every road reads the same text the same way;
 * where the roads must read differently (strict XDS, lenient TRC) the difference is a named rule of the one reader.
 */
package fr.passerelle.trust.hl7;
