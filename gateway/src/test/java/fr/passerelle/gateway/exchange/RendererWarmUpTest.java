package fr.passerelle.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The warm-up renders its small report for real: the stylesheet and FOP are then ready for the first listing. */
class RendererWarmUpTest {

    @Test
    void theSmallReportRenders() {
        assertThat(new RendererWarmUp(new ExchangeProperties(1024, true)).warmUp()).isTrue();
    }

    @Test
    void switchedOffItStartsNothing() {
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("orcd-renderer-warm-up"))
                .forEach(t -> assertThat(t.isAlive()).isFalse());
        new RendererWarmUp(new ExchangeProperties(1024, false)).onReady();

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("orcd-renderer-warm-up"));
    }
}
