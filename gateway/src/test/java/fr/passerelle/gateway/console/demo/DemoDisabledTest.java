package fr.passerelle.gateway.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.PasserelleApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** With {@code passerelle.demo.enabled=false} the page does not exist and its paths are denied. */
@SpringBootTest(classes = PasserelleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "passerelle.data-dir=${java.io.tmpdir}/passerelle-demo-off/${random.uuid}",
                "passerelle.demo.enabled=false"
        })
class DemoDisabledTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void theDemoIsNeitherServedNorWired() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/demo", "/demo/anything"}) {
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).as(path).isIn(401, 403, 404);
            assertThat(get.body()).doesNotContain("Foreign practitioner demo");
        }
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/demo"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("country=ES&practitioner=doctor&ins=284056912304563"
                        + "&road=SOAP&language=en")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isIn(401, 403, 404);
        assertThat(context.getBeanNamesForType(DemoController.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DemoSigner.class)).isEmpty();
    }
}
