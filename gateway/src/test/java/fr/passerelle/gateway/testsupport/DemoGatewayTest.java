package fr.passerelle.gateway.testsupport;

import fr.passerelle.gateway.PasserelleApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One running gateway on a random port with the embedded defaults (demo health space, demo PKI signing as ES, IT
 * and DE, the demo patients' token issuer) and one operator account ({@link DemoOperator}): every entry point —
 * SOAP, FHIR, the patient API, the operators' API and the consoles — can be called on it. Test classes carrying this
 * annotation share one application context (Spring caches it by its configuration); a class using it must call
 * {@link DemoOperator#install()} in a static initialiser, before the context starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PasserelleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "passerelle.data-dir=${java.io.tmpdir}/passerelle-demo-page/${random.uuid}",
                "passerelle.security.operators[0].username=" + DemoOperator.USERNAME,
                "passerelle.security.operators[0].password-hash=${passerelle.test.demo-operator-hash}"
        })
public @interface DemoGatewayTest {
}
