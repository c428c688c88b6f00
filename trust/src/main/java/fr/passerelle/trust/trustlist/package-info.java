/**
 * The trust list: per country, the NCP signing/TLS certificates or the CA certificates that issue them, read
 * from {@code <dir>/<ISO 3166 alpha-2>/*.pem} and reloaded when the directory changes
 * ({@link fr.passerelle.trust.trustlist.DirectoryTrustList}); the decision whether a signer chains to its
 * country's entries ({@link fr.passerelle.trust.trustlist.SignerTrust}); and the expiry report.
 */
package fr.passerelle.trust.trustlist;
