package fr.passerelle.gateway.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * One HTTP entry point of the gateway as what answers before its protocol sees it: which requests it serves, the
 * largest body it takes, and how it refuses a request in its protocol's shape (SOAP fault, OperationOutcome,
 * problem+json), auditing the refusal where its road audits refusals — a body too large, a URL the security
 * firewall rejects. Beans of this type are asked in their {@code @Order}; the first that serves a request decides.
 */
public interface EntryPoint {

    /** Whether this entry point serves the request, by its path within the application ({@link #pathOf}). */
    boolean serves(String path);

    /** The largest request body accepted, in bytes. */
    long maxBodyBytes(String path);

    /**
     * Refuses the request in the protocol's error shape, nothing of its body read.
     *
     * @param rule   why, as the audit trail and the log record it (e.g. {@code BODY_TOO_LARGE})
     * @param reason Passerelle's own words for the client, quoting nothing of the request
     */
    void refuse(HttpServletRequest request, HttpServletResponse response, int status, String rule, String reason)
            throws IOException;

    /** Answers 413: the body is over the limit. */
    default void refuseTooLarge(HttpServletRequest request, HttpServletResponse response, long limitBytes)
            throws IOException {
        refuse(request, response, 413, "BODY_TOO_LARGE", BodyTooLarge.reason(limitBytes));
    }

    /**
     * Sends a refusal whole, then closes the connection: the body left unread is not worth swallowing, and a response
     * still in the buffer when the container gives up on that body would be lost.
     */
    static void send(HttpServletResponse response, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Connection", "close");
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** Whether {@code path} is {@code base} itself or below it ({@code /fhir} serves {@code /fhir/Patient}, not {@code /fhirx}). */
    static boolean isUnder(String base, String path) {
        return path.equals(base) || path.startsWith(base + "/");
    }

    /** The request's path within the application, decoded and normalised by the container. */
    static String pathOf(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.isEmpty() ? "/" : path;
    }
}
