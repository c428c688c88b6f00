package fr.passerelle.gateway.console.admin;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times every request of the protocol endpoints on this node, by service, into
 * {@value #TIMER}{service=XCPD|XCA|XDR|FHIR} with p50 and p99 published (Micrometer's decaying window of about two
 * minutes). The audit record has no duration, so latency is a per-node figure and the console says so.
 */
@Component
public class CrossBorderTiming extends OncePerRequestFilter {

    static final String TIMER = "passerelle.crossborder.requests";

    private final MeterRegistry meters;

    public CrossBorderTiming(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The service a request path belongs to, if it is a cross-border endpoint. */
    static Optional<CrossBorderService> serviceOf(String path) {
        if (path.startsWith("/services/xcpd")) {
            return Optional.of(CrossBorderService.XCPD);
        }
        if (path.startsWith("/services/xca")) {
            return Optional.of(CrossBorderService.XCA);
        }
        if (path.startsWith("/services/xdr")) {
            return Optional.of(CrossBorderService.XDR);
        }
        if (path.equals("/fhir") || path.startsWith("/fhir/")) {
            return Optional.of(CrossBorderService.FHIR);
        }
        return Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CrossBorderService> service = serviceOf(request.getRequestURI().substring(
                request.getContextPath().length()));
        if (service.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Timer.Sample sample = Timer.start(meters);
        try {
            chain.doFilter(request, response);
        } finally {
            sample.stop(timer(meters, service.get()));
        }
    }

    /** The per-service timer of cross-border requests (also fed by answers served ahead of this filter). */
    public static Timer timer(MeterRegistry meters, CrossBorderService service) {
        return Timer.builder(TIMER).description("Cross-border requests answered by this node, by service")
                .tag("service", service.name()).publishPercentiles(0.5, 0.99).register(meters);
    }
}
