package fr.passerelle.gateway.terminology;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.terminology.TerminologyLoadException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The catalogue loads on its own thread, but its failure still reaches the bean that needs it (and stops start-up). */
class TerminologyPreloadTest {

    @Test
    void aFailedBackgroundLoadIsThrownWhereTheCatalogueIsNeeded(@TempDir Path empty) {
        TerminologyPreload preload = new TerminologyPreload();
        preload.setEnvironment(new MockEnvironment()
                .withProperty("passerelle.terminology.data-dir", empty.resolve("absent").toString()));
        preload.postProcessBeanFactory(null);

        assertThatThrownBy(preload::catalogue).isInstanceOf(TerminologyLoadException.class);
    }

    @Test
    void aConfigurationErrorIsThrownAsItself() {
        TerminologyPreload preload = new TerminologyPreload();
        preload.setEnvironment(new MockEnvironment().withProperty("passerelle.terminology.mvc-version", "9.1.0"));
        preload.postProcessBeanFactory(null);

        assertThatThrownBy(preload::catalogue).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mvc-version needs passerelle.terminology.mvc-package");
    }
}
