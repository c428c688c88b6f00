package fr.passerelle.gateway.security;

import fr.passerelle.gateway.http.ProblemEntryPoint;
import fr.passerelle.gateway.logging.RequestLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operators' API is for scripts, not pages: a request a browser sent on behalf of another site — its
 * {@code Sec-Fetch-Site} says {@code cross-site} or {@code same-site}, or its {@code Origin} is not this server — is
 * refused with 403 before any credential is read, so neither a console session nor Basic credentials a browser
 * remembered can be used from elsewhere.
 */
final class CrossSiteRefusal extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (fromAnotherSite(request)) {
            RequestLog.refused("ADMIN_API", 403, "-", "CROSS_SITE");
            response.setStatus(403);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(ProblemEntryPoint.problem(403, "Forbidden",
                    "The operators' API does not take requests sent by another site"));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !origin.toLowerCase(Locale.ROOT).equals(ownOrigin(request));
    }

    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
