/**
 * The hardened XML entry point of the terminology and translation modules ({@link
 * fr.passerelle.terminology.xml.HardenedXml}): every XML file, value set or clinical document they read from outside
 * is parsed here. Its twin for the trust module and the gateway's messages is {@code fr.passerelle.trust.xml.HardenedXml}
 * (the module rules forbid one library reaching the other); both follow one recipe and one set of limits, which
 * the gateway's {@code OneXmlRecipeTest} holds them to.
 */
package fr.passerelle.terminology.xml;
