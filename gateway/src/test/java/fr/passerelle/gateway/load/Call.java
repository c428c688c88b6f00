package fr.passerelle.gateway.load;

import java.net.http.HttpRequest;

/**
 * One prepared request: its kind (xcpd, query, retrieve, summary), the HTTP request without its target, and the
 * correlation id it carries (the gateway echoes it and writes it into the audit record).
 */
public record Call(String kind, Protocol protocol, String path, String contentType, byte[] body, String authorization,
            String correlationId) {

    HttpRequest.Builder request(String baseUrl) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(java.net.URI.create(baseUrl + path))
                .header("X-Correlation-Id", correlationId);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (body == null) {
            return builder.header("Accept", contentType).GET();
        }
        return builder.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }
}
