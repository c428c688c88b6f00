/**
 * JMH benchmarks of the trust module, run through {@link fr.passerelle.trust.bench.ValidationBenchmark#main}
 * (never as unit tests). Method and results: docs/benchmarks/trust.md.
 */
package fr.passerelle.trust.bench;
