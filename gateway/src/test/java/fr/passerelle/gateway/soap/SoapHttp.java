package fr.passerelle.gateway.soap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Raw HTTP posts, for the cases a SOAP client library would refuse to send (malformed XML, SOAP 1.1…). */
public final class SoapHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SoapHttp() {
    }

    public static HttpResponse<String> post(int port, String path, String contentType, String body) {
        return post(port, path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> post(int port, String path, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/services" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts and keeps the response as bytes (MTOM packages). */
    public static HttpResponse<byte[]> postForBytes(int port, String path, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/services" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> get(int port, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/services" + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Posts as a partner NCP's client does: ITI-39 and ITI-41 as an MTOM/XOP package (IHE requires it; the envelope
     * is the root part, its base64 content left inline, which XOP allows), the other transactions as plain SOAP 1.2.
     * An MTOM answer is handed back as its root part, the SOAP envelope.
     */
    public static HttpResponse<String> send(int port, String path, EhdsiOperation operation, String envelope) {
        if (!mtomRequired(operation)) {
            return post(port, path, soap12(operation.requestAction()), envelope);
        }
        HttpResponse<byte[]> response = sendForBytes(port, path, operation, envelope);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body = contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/related")
                ? Multipart.parse(response).get(0).text() : new String(response.body(), StandardCharsets.UTF_8);
        return new Answered(response, body);
    }

    /** {@link #send}, the answer kept as bytes (an MTOM package with its parts). */
    public static HttpResponse<byte[]> sendForBytes(int port, String path, EhdsiOperation operation, String envelope) {
        if (!mtomRequired(operation)) {
            return postForBytes(port, path, soap12(operation.requestAction()),
                    envelope.getBytes(StandardCharsets.UTF_8));
        }
        return postForBytes(port, path, mtomContentType(operation.requestAction()), mtomPackage(envelope));
    }

    /** ITI-39 and ITI-41 (IHE ITI TF-2b 3.39.5, 3.41.5). */
    public static boolean mtomRequired(EhdsiOperation operation) {
        return operation == EhdsiOperation.CROSS_GATEWAY_RETRIEVE || operation == EhdsiOperation.PROVIDE_AND_REGISTER;
    }

    private static final String BOUNDARY = "MIMEBoundary_passerelle_partner";

    /** The Content-Type of {@link #mtomPackage}: multipart/related, XOP root, SOAP 1.2 action in start-info. */
    public static String mtomContentType(String action) {
        return "multipart/related; type=\"application/xop+xml\"; boundary=\"" + BOUNDARY
                + "\"; start=\"<root.message@passerelle.test>\"; start-info=\"application/soap+xml; action=\\\""
                + action + "\\\"\"";
    }

    /** A one-part MTOM/XOP package holding the envelope as its root. */
    public static byte[] mtomPackage(String envelope) {
        return ("--" + BOUNDARY + "\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\""
                + "\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <root.message@passerelle.test>\r\n\r\n"
                + envelope + "\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** An answer whose body is the SOAP envelope of an MTOM package. */
    private record Answered(HttpResponse<byte[]> raw, String body) implements HttpResponse<String> {
        @Override
        public int statusCode() {
            return raw.statusCode();
        }

        @Override
        public HttpRequest request() {
            return raw.request();
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return raw.headers();
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return raw.sslSession();
        }

        @Override
        public URI uri() {
            return raw.uri();
        }

        @Override
        public HttpClient.Version version() {
            return raw.version();
        }
    }

    /** SOAP 1.2 content type with the action parameter. */
    public static String soap12(String action) {
        return "application/soap+xml; charset=UTF-8; action=\"" + action + "\"";
    }
}
