/**
 * Hardened XML: parsing with no DTD, no external entities, no XInclude and size, depth and attribute limits
 * ({@link fr.passerelle.trust.xml.HardenedXml}), and strict XML-signature verification of one enveloped
 * signature over exactly the element that is used ({@link fr.passerelle.trust.xml.EnvelopedSignatureVerifier}).
 */
package fr.passerelle.trust.xml;
