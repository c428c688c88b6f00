package fr.passerelle.gateway.terminology;

import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.catalogue.CatalogueStatistics;
import fr.passerelle.terminology.load.LoadProgress;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Loads the terminology catalogue on its own thread from the moment the context starts creating beans, so that the
 * catalogue (a large share of start-up) is built on the second core while the main thread builds the rest of the
 * context; the catalogue bean waits for it ({@link #catalogue()}) where it is first needed. The context, and so
 * readiness, is still only up once the catalogue is loaded, and a load failure still stops the start (issue 21).
 *
 * <p>A {@link BeanFactoryPostProcessor} because those are created before any ordinary bean; it reads
 * {@code passerelle.terminology.*} with the same binder as {@link TerminologyProperties}.
 */
final class TerminologyPreload implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(TerminologyPreload.class);

    private FutureTask<TerminologyCatalogue> load;

    @Override
    public void setEnvironment(Environment environment) {
        TerminologyProperties properties = Binder.get(environment)
                .bindOrCreate("passerelle.terminology", TerminologyProperties.class);
        String appDataDir = environment.getProperty("passerelle.data-dir", "./data");
        load = new FutureTask<>(() -> load(properties, appDataDir));
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Thread thread = new Thread(load, "terminology-load");
        thread.setDaemon(true);
        thread.start();
    }

    /** The loaded catalogue, waiting for the load if it is still running; its failure as the load's own. */
    TerminologyCatalogue catalogue() throws TerminologyLoadException {
        long start = System.nanoTime();
        try {
            TerminologyCatalogue catalogue = load.get();
            LOG.info("Terminology catalogue needed; start-up waited {} ms for it", (System.nanoTime() - start) / 1_000_000);
            return catalogue;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the terminology was loading", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TerminologyLoadException failure) {
                throw failure;
            }
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            if (cause instanceof Error failure) {
                throw failure;
            }
            throw new IllegalStateException("terminology load failed", cause);
        }
    }

    @Override
    public void destroy() {
        load.cancel(true);
    }

    private static TerminologyCatalogue load(TerminologyProperties properties, String appDataDir)
            throws TerminologyLoadException {
        Path dir = properties.dataDirPath().orElse(null);
        if (dir == null) {
            Path target = properties.extractDirPath().orElse(Path.of(appDataDir).resolve("terminology"));
            dir = PackagedTerminologyData.extractTo(target.toAbsolutePath());
        }
        long start = System.nanoTime();
        TerminologyCatalogue catalogue = TerminologyCatalogue.load(dir, LoadProgress.SILENT, properties.mvc());
        CatalogueStatistics s = catalogue.statistics();
        LOG.info("Terminology loaded from {} in {} ms ({}): {} value sets, {} concepts, {} mapped codes, {} designations",
                dir, (System.nanoTime() - start) / 1_000_000, catalogue.index().mvcPackage().orElse("no MVC package"),
                s.valueSets(), s.concepts(), s.mappedSourceCodes(), s.designations());
        return catalogue;
    }
}
