package fr.passerelle.gateway.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A 4xx the container or the framework sends itself for a protocol or API path ({@code sendError}: a credential
 * challenge, a URL the container refuses, a method the API does not take) is forwarded to {@code /error}; this
 * answers it in the entry point's shape instead of the framework's error page. A 5xx keeps the error page (its text is
 * fixed, never the exception's: {@code server.error.include-*} never).
 */
public final class ErrorDispatchAnswer extends OncePerRequestFilter {

    private final EntryPoints entryPoints;

    public ErrorDispatchAnswer(EntryPoints entryPoints) {
        this.entryPoints = entryPoints;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status instanceof Integer code && code >= 400 && code < 500 && uri instanceof String original
                && !response.isCommitted()) {
            String path = original.substring(Math.min(original.length(), request.getContextPath().length()));
            if (entryPoints.isProtocol(path)) {
                HttpStatus known = HttpStatus.resolve(code);
                entryPoints.forPath(path).refuse(request, response, code, "HTTP_" + code,
                        "The request was refused: " + (known == null ? "HTTP " + code : known.getReasonPhrase()));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
