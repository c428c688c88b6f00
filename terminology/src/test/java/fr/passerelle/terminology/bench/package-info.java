/** JMH benchmarks of the terminology (run {@link fr.passerelle.terminology.bench.TerminologyBenchmarks#main}). */
package fr.passerelle.terminology.bench;
