/**
 * The eHDSI SAML assertions: a strict reader of the SAML 2.0 structure ({@link fr.passerelle.trust.assertion.AssertionReader})
 * and the three typed claims built from it — who the practitioner is ({@link fr.passerelle.trust.assertion.HcpIdentity}),
 * which patient they treat ({@link fr.passerelle.trust.assertion.TreatmentConfirmation}) and the optional next of kin
 * ({@link fr.passerelle.trust.assertion.NextOfKin}). Reading never decides trust: signatures and rules live elsewhere.
 */
package fr.passerelle.trust.assertion;
