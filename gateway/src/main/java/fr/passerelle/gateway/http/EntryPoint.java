package fr.passerelle.gateway.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * One HTTP entry point of the gateway as the body limit sees it: which requests it serves, the largest body it
 * takes, and how it says "too large" in its protocol (SOAP fault, OperationOutcome, problem+json), auditing the
 * refusal where its road audits refusals. Beans of this type are asked in their {@code @Order}; the first that serves
 * a request decides.
 */
public interface EntryPoint {

    /** Whether this entry point serves the request, by its path within the application ({@link #pathOf}). */
    boolean serves(String path);

    /** The largest request body accepted, in bytes. */
    long maxBodyBytes(String path);

    /** Answers 413 in the protocol's error shape; nothing of the body has been read. */
    void refuseTooLarge(HttpServletRequest request, HttpServletResponse response, long limitBytes) throws IOException;

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

    /** The request's path within the application, decoded and normalised by the container. */
    static String pathOf(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.isEmpty() ? "/" : path;
    }
}
