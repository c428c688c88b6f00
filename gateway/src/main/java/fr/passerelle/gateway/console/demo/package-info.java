/**
 * The foreign-practitioner demo page ({@code /demo}): the gateway plays a foreign NCP-B against itself. A visitor
 * picks a demo country (one of the demo PKI's signers), a demo practitioner and a French patient's INS; the page
 * signs HCP + TRC assertions with that country's demo key and runs the real road over HTTP to the gateway's own
 * endpoints — SOAP (XCPD ITI-55 → XCA ITI-38 → ITI-39) or FHIR ({@code Patient} search, {@code $summary},
 * {@code MedicationRequest}) — so trust, consent, access policy, translation and audit all apply exactly as for a
 * real NCP. The returned documents are shown as HTML with displays translated by the terminology module; refusals
 * with their eHDSI code; and a trace of each exchange (transaction, HTTP status, duration — never identifiers or
 * assertions).
 *
 * <p>Enabled by {@code passerelle.demo.enabled}; unset, it is on exactly when the embedded defaults are (demo health
 * space and demo PKI), see {@link fr.passerelle.gateway.console.demo.DemoProperties}. When off, none of its beans
 * exists and the security chain denies {@code /demo/**} like any unknown path.
 */
package fr.passerelle.gateway.console.demo;
