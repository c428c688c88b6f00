package fr.passerelle.gateway.console.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The gateway's own HTTP endpoint, as a foreign NCP reaches it: {@code http://127.0.0.1:<local port>}. The demo
 * goes over the network stack on purpose, so every filter, interceptor and the audit see a real request.
 */
@Component
@DemoEnabled
public class SelfEndpoint {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile int port;

    @EventListener
    void started(WebServerInitializedEvent event) {
        // The management server, if on its own port, is not where /services and /fhir live.
        if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    /** One timed exchange; the duration includes only the HTTP round trip. */
    record Answer(int status, String contentType, byte[] body, long millis) {
    }

    Answer post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Answer get(String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).header("Accept", "application/fhir+json")
                .GET();
        headers.forEach(request::header);
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return new Answer(0, "", new byte[0], (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", new byte[0], (System.nanoTime() - start) / 1_000_000);
        }
    }

    private URI uri(String pathAndQuery) {
        if (port <= 0) {
            throw new IllegalStateException("the web server has not started");
        }
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }
}
