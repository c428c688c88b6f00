/**
 * Load harness for XCA retrieve (run as a main class, never as a unit test): requests per second and latency
 * percentiles through real HTTP with real signed assertions. Figures go to {@code docs/benchmarks.md}.
 */
package fr.passerelle.gateway.xca.bench;
