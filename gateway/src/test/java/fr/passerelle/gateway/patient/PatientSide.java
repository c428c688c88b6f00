package fr.passerelle.gateway.patient;

import fr.passerelle.gateway.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A running patient side on a test database, and an HTTP client for it. */
public final class PatientSide implements AutoCloseable {

    public static final String OPERATOR = "alice";
    public static final String OPERATOR_PASSWORD = "correct horse battery staple";
    static final JsonMapper JSON = JsonMapper.builder().build();

    public final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public PatientSide(TestDatabase db, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(), "--spring.datasource.password=",
                "--passerelle.data-dir=target/unused", "--passerelle.patient.dev-issuer.enabled=true",
                "--passerelle.security.operators[0].username=" + OPERATOR,
                "--passerelle.security.operators[0].password-hash="
                        + fr.passerelle.gateway.security.PasswordHashing.encoder().encode(OPERATOR_PASSWORD)));
        args.addAll(List.of(extraArgs));
        context = new SpringApplicationBuilder(PatientSideApplication.class).run(args.toArray(String[]::new));
        port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public String tokenFor(String ins) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/dev/patient-token?ins=" + ins))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    public HttpResponse<String> get(String path, String token) throws Exception {
        return send(authorised(HttpRequest.newBuilder(uri(path)).GET(), token));
    }

    public HttpResponse<String> put(String path, String token, String json) throws Exception {
        return send(authorised(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), token));
    }

    public HttpResponse<String> delete(String path, String token) throws Exception {
        return send(authorised(HttpRequest.newBuilder(uri(path)).DELETE(), token));
    }

    public HttpResponse<String> getAsOperator(String path, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + basic).GET());
    }

    /** A request with a JSON body (or none) as the test operator, over HTTP Basic. */
    public HttpResponse<String> asOperator(String method, String path, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString((OPERATOR + ":" + OPERATOR_PASSWORD).getBytes());
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> getAnonymous(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        context.close();
    }
}
