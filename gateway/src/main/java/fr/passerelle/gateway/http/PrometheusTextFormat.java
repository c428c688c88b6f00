package fr.passerelle.gateway.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The metrics are exposed in Prometheus' text formats only: the protobuf format and its shaded protobuf library
 * (2 MB) are left out of the jar. A scraper that prefers protobuf still lists the text formats as fallbacks in its
 * {@code Accept}; this filter takes the protobuf media ranges out of that header so the text format is chosen, and
 * answers 406 when protobuf was all the client would take (the endpoint would otherwise fail with a 500).
 */
public final class PrometheusTextFormat extends OncePerRequestFilter {

    static final String PROTOBUF = "application/vnd.google.protobuf";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains(PROTOBUF)) {
            chain.doFilter(request, response);
            return;
        }
        List<String> text = MediaType.parseMediaTypes(accept).stream()
                .filter(type -> !PROTOBUF.equalsIgnoreCase(type.getType() + "/" + type.getSubtype()))
                .map(MediaType::toString).toList();
        if (text.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.getWriter().write("the metrics are served in the Prometheus text formats only");
            return;
        }
        String without = String.join(", ", text);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? without : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(without))
                        : super.getHeaders(name);
            }
        }, response);
    }
}
