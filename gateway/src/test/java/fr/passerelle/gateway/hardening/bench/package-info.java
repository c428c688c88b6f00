/**
 * What the hardening of issue 20 costs a request, measured outside the build (a {@code main}, not a test): see
 * docs/benchmarks.md, section "Hardening (issue 20)".
 */
package fr.passerelle.gateway.hardening.bench;
