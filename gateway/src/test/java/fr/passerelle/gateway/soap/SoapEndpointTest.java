package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.PasserelleApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole Spring Boot application on a random port, with {@link RecordingRoads} behind the SOAP endpoints. One
 * annotation so that every SOAP test class shares one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PasserelleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "passerelle.data-dir=${java.io.tmpdir}/passerelle-soap-tests/${random.uuid}",
                "passerelle.soap.max-request-bytes=200000",
                "passerelle.soap.home-community-id=1.2.250.1.213.4.1.99"
        })
@Import(RecordingRoads.class)
public @interface SoapEndpointTest {
}
