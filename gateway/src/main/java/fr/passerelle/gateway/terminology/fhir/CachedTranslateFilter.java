package fr.passerelle.gateway.terminology.fhir;

import fr.passerelle.gateway.console.admin.CrossBorderService;
import fr.passerelle.gateway.console.admin.CrossBorderTiming;
import fr.passerelle.gateway.logging.CorrelationIdFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers a repeated {@code GET <fhir>/ConceptMap/$translate?…} from {@link TranslateResponseCache}, ahead of the
 * security filter chain and the FHIR server, which cost about 95 % of such a request's CPU (the lookup itself is
 * 0.5 µs).
 *
 * <p>Why skipping them is right: the terminology operations are public (no requester, no patient, no audit —
 * {@code RequesterInterceptor} lets them through and the security chain permits {@code /fhir/**}); and the answer
 * replayed is the FHIR server's own, captured on the first request with the same query string, {@code Accept}
 * header and scheme under the same catalogue: status, body bytes and headers (the security headers included), the
 * per-request ones ({@code X-Correlation-Id}, {@code X-Request-ID}) made afresh. Only {@code 200} answers are kept:
 * errors (OperationOutcome 400/404…) always go through the server. Anything else — POST, another path, no query, a
 * caller's own {@code X-Request-ID}, an {@code Origin}, several {@code Accept} headers, an over-long query — is left
 * to the server. A filter that makes the answer depend on another request header must be added to that list.
 */
public final class CachedTranslateFilter extends OncePerRequestFilter {

    /** Kept out of the cached headers: they differ per request or belong to the connection. */
    private static final Set<String> PER_REQUEST_HEADERS = Set.of("date", "content-length", "transfer-encoding",
            "connection", "keep-alive", "set-cookie", "x-correlation-id", "x-request-id", "content-type");
    private static final String REQUEST_ID = "X-Request-ID";
    /** A browser's cross-origin call: any CORS answer would depend on it, so it is left to the server. */
    private static final String ORIGIN = "Origin";
    private static final int MAX_QUERY = 2_048;

    private final String path;
    private final TranslateResponseCache cache;
    private final Timer fhirTimer;

    /** @param fhirServletPath the FHIR servlet's mapping, e.g. {@code /fhir/*} */
    public CachedTranslateFilter(String fhirServletPath, TranslateResponseCache cache, MeterRegistry meters) {
        String base = fhirServletPath.endsWith("/*") ? fhirServletPath.substring(0, fhirServletPath.length() - 2)
                : fhirServletPath;
        this.path = base + "/ConceptMap/$translate";
        this.cache = cache;
        // Hits are FHIR requests too: they go into the same timer the consoles read.
        this.fhirTimer = CrossBorderTiming.timer(meters, CrossBorderService.FHIR);
    }

    String path() {
        return path;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return !"GET".equals(request.getMethod()) || uri.length() != context.length() + path.length()
                || !uri.endsWith(path) || !uri.startsWith(context);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query == null || query.isEmpty() || query.length() > MAX_QUERY || request.getHeader(REQUEST_ID) != null
                || request.getHeader(ORIGIN) != null) {
            chain.doFilter(request, response);
            return;
        }
        Enumeration<String> accepts = request.getHeaders("Accept");
        String accept = accepts.hasMoreElements() ? accepts.nextElement() : null;
        if (accepts.hasMoreElements()) {
            chain.doFilter(request, response); // the server reads every Accept header; the key holds one
            return;
        }
        TranslateResponseCache.Key key = cache.key(query, accept, request.isSecure());
        TranslateResponseCache.Answer hit = cache.get(key);
        if (hit != null) {
            long start = System.nanoTime();
            replay(hit, response);
            fhirTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return;
        }
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, capture);
            if (capture.getStatus() == HttpServletResponse.SC_OK && capture.getContentType() != null) {
                cache.put(key, captured(capture));
            }
        } finally {
            capture.copyBodyToResponse();
        }
    }

    private static TranslateResponseCache.Answer captured(ContentCachingResponseWrapper response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", response.getContentType()));
        for (String name : response.getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("x-request-id")) {
                headers.add(Map.entry(REQUEST_ID, "")); // made afresh on each replay
            } else if (!PER_REQUEST_HEADERS.contains(lower)) {
                for (String value : response.getHeaders(name)) {
                    headers.add(Map.entry(name, value));
                }
            }
        }
        return new TranslateResponseCache.Answer(response.getStatus(), List.copyOf(headers),
                response.getContentAsByteArray());
    }

    private static void replay(TranslateResponseCache.Answer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        for (Map.Entry<String, String> header : answer.headers()) {
            if (header.getKey().equals("Content-Type")) {
                response.setContentType(header.getValue());
            } else if (header.getKey().equals(REQUEST_ID)) {
                // The FHIR server's request id is the correlation id (PasserelleFhirServer.newRequestId).
                String correlationId = response.getHeader(CorrelationIdFilter.HEADER);
                if (correlationId != null) {
                    response.setHeader(REQUEST_ID, correlationId);
                }
            } else {
                response.addHeader(header.getKey(), header.getValue());
            }
        }
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }
}
