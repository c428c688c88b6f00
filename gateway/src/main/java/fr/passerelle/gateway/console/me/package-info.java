/**
 * The French patient's page ({@code /me}), in French with an English switch ({@code ?lang=en}): the cross-border
 * sharing choice of the consent model (all participating countries or a list, which documents, until when, or no
 * sharing), changed through a confirmation step and shown at once; the controls kept by the health space
 * (emergency opposition, masked documents), read-only; and the access history told in plain language.
 *
 * <p>The patient signs in with a browser session: against the configured patient identity provider (OIDC,
 * {@code passerelle.patient.login.oidc.*}, off when not configured), or — only when the demo's dev issuer is on —
 * by choosing one of the synthetic demo patients. Every page acts on the signed-in patient only: no request
 * parameter names a patient.
 */
package fr.passerelle.gateway.console.me;
