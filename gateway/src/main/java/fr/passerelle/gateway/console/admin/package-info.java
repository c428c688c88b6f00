/**
 * The operator console ({@code /admin}, role OPERATOR), server-rendered with Thymeleaf: the live overview (traffic
 * per minute by transaction and requesting country, refusals by eHDSI code, all read from the audit table so every
 * node's traffic counts; latency per service from this node's timers; the health space connector and its circuit),
 * the trust list with expiries, the audit search with pseudonymised patients and the chain verification, and the
 * terminology catalogue with its reload. Charts are inline SVG drawn on the server: no script, nothing fetched from
 * outside the gateway.
 */
package fr.passerelle.gateway.console.admin;
