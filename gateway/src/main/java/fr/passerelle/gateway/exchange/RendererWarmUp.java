package fr.passerelle.gateway.exchange;

import fr.passerelle.translation.orcd.ReportRenderer;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prepares the renderer of original clinical documents once the gateway is ready, on a background thread of low
 * priority: the first rendering of a JVM compiles the 1.9 MB ANS stylesheet and sets FOP up (≈ 2 s of CPU,
 * docs/benchmarks/translation.md), which would otherwise land on the first XCA or FHIR listing of a report without a
 * PDF copy. Off with {@code passerelle.exchange.renderer-warm-up=false}.
 */
@Component
public class RendererWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(RendererWarmUp.class);

    /** A report with one section and no patient data: enough for the stylesheet and FOP to run end to end. */
    static final byte[] SMALL_REPORT = ("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>Warm-up</title>"
            + "<component><structuredBody><component><section><title>Warm-up</title><text>Warm-up</text></section>"
            + "</component></structuredBody></component></ClinicalDocument>").getBytes(StandardCharsets.UTF_8);

    private final boolean enabled;

    public RendererWarmUp(ExchangeProperties properties) {
        this.enabled = properties.rendererWarmUp();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        if (!enabled) {
            return;
        }
        Thread thread = new Thread(this::warmUp, "orcd-renderer-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Renders the small report; false (logged, nothing else) when that fails: the first real rendering will say why. */
    boolean warmUp() {
        try {
            ReportRenderer.shared().render(SMALL_REPORT);
            return true;
        } catch (ReportRenderer.RenderingException | RuntimeException e) {
            LOG.warn("The report renderer could not be prepared at start ({}): the first rendering will pay it",
                    e.getClass().getSimpleName());
            return false;
        }
    }
}
