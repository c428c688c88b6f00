package fr.passerelle.gateway.healthspace.dmp;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * Guards every DMP call (Resilience4j): a semaphore bulkhead bounds the calls in flight (a caller waits at most
 * {@code maxWaitForPermit}, then fails BUSY), one circuit breaker for the DMP opens when too many calls fail for
 * reasons that say the DMP is unwell, and idempotent reads are retried; a submission never is. Each call is timed
 * per operation and outcome ({@code passerelle.dmp.calls}); circuit and bulkhead states are exported too.
 */
public final class DmpResilience {

    static final String NAME = "dmp";
    static final String TIMER = "passerelle.dmp.calls";

    private final Bulkhead bulkhead;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final MeterRegistry meters;

    public DmpResilience(DmpProperties.Resilience settings, MeterRegistry meters) {
        this.meters = meters;
        var bulkheads = io.github.resilience4j.bulkhead.BulkheadRegistry.ofDefaults();
        this.bulkhead = bulkheads.bulkhead(NAME, BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(settings.maxWaitForPermit())
                .build());
        var circuits = io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.ofDefaults();
        this.circuitBreaker = circuits.circuitBreaker(NAME, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .recordException(DmpResilience::dmpUnwell)
                .build());
        this.retry = Retry.of(NAME, RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .waitDuration(settings.retryWait())
                .retryOnException(DmpResilience::dmpUnwell)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuits).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    }

    /** Runs one DMP operation under the guards; any failure comes out as a {@link DmpFailure}. */
    public <T> T call(DmpOperation operation, Supplier<T> attempt) {
        Supplier<T> guarded = Bulkhead.decorateSupplier(bulkhead, attempt);
        guarded = CircuitBreaker.decorateSupplier(circuitBreaker, guarded);
        if (operation.idempotent()) {
            guarded = Retry.decorateSupplier(retry, guarded);
        }
        Timer.Sample sample = Timer.start(meters);
        String outcome = "success";
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            outcome = DmpFailure.Kind.CIRCUIT_OPEN.name();
            throw new DmpFailure(DmpFailure.Kind.CIRCUIT_OPEN, operation, "the DMP circuit is open", e);
        } catch (BulkheadFullException e) {
            outcome = DmpFailure.Kind.BUSY.name();
            throw new DmpFailure(DmpFailure.Kind.BUSY, operation, "too many DMP calls in flight", e);
        } catch (DmpFailure e) {
            outcome = e.kind().name();
            throw e;
        } finally {
            sample.stop(Timer.builder(TIMER).description("DMP calls by operation and outcome")
                    .tag("operation", operation.tag()).tag("outcome", outcome.toLowerCase(java.util.Locale.ROOT))
                    .register(meters));
        }
    }

    private static boolean dmpUnwell(Throwable failure) {
        return failure instanceof DmpFailure dmp && dmp.kind().countsAgainstDmp();
    }
}
