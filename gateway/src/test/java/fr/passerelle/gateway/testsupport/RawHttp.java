package fr.passerelle.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP requests to a running gateway, for what a protocol client would refuse to send: any method, any
 * headers, any bytes. Never follows redirects.
 */
public final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;

    public RawHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    public HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) {
        return send("GET", pathAndQuery, headers, (String) null);
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return get(pathAndQuery, Map.of());
    }

    public HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers, String body) {
        return send(method, pathAndQuery, headers,
                body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    public HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        return send(method, pathAndQuery, headers, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    public HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers,
                                     HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).method(method, body);
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
