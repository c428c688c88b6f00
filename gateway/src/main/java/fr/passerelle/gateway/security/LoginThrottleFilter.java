package fr.passerelle.gateway.security;

import fr.passerelle.gateway.http.ProblemEntryPoint;
import fr.passerelle.gateway.logging.RequestLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt — the console's {@code POST /login}, or HTTP Basic credentials — with 429 and
 * {@code Retry-After} while {@link LoginThrottle} holds back its account name or client address; the password is
 * not even checked.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> account = attemptedAccount(request);
        if (account.isPresent() && throttle.heldBack(account.get(), request.getRemoteAddr())) {
            RequestLog.refused("LOGIN", 429, "-", "LOGIN_THROTTLED");
            response.setHeader("Retry-After", Long.toString(throttle.retryAfterSeconds()));
            response.setStatus(429);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(ProblemEntryPoint.problem(429, "Too Many Requests",
                    "Too many failed sign-ins; retry later"));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The account name a request tries to sign in as, if it is a sign-in attempt. */
    static Optional<String> attemptedAccount(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            return Optional.ofNullable(request.getParameter("username"));
        }
        return Optional.empty();
    }
}
