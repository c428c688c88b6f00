/** On-demand measurement of the rate limiter's cost per request (not a test: run by hand, see docs/benchmarks/ratelimit.md). */
package fr.passerelle.gateway.ratelimit.bench;
