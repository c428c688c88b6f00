/**
 * The terminology inside the gateway: loads the catalogue at start-up (the copy packaged in the jar, or an
 * agency's folder), reloads it atomically on an operator's request ({@code POST /api/admin/terminology/reload}),
 * exposes its size as metrics and offers the {@code terminology import} operator command.
 */
package fr.passerelle.gateway.terminology;
