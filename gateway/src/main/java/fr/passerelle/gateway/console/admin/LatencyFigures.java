package fr.passerelle.gateway.console.admin;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** p50/p99 and request counts per service, read from this node's {@link CrossBorderTiming} timers. */
@Component
public class LatencyFigures {

    private final MeterRegistry meters;

    public LatencyFigures(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * One service on this node.
     *
     * @param requests answered since this node started
     * @param p50Millis median over the recent window, empty when nothing was timed lately
     */
    public record ServiceLatency(CrossBorderService service, long requests, Double p50Millis, Double p99Millis) {
    }

    public List<ServiceLatency> byService() {
        List<ServiceLatency> figures = new ArrayList<>();
        for (CrossBorderService service : CrossBorderService.values()) {
            Timer timer = meters.find(CrossBorderTiming.TIMER).tag("service", service.name()).timer();
            if (timer == null) {
                figures.add(new ServiceLatency(service, 0, null, null));
                continue;
            }
            HistogramSnapshot snapshot = timer.takeSnapshot();
            Double p50 = null;
            Double p99 = null;
            for (ValueAtPercentile value : snapshot.percentileValues()) {
                double millis = value.value(TimeUnit.MILLISECONDS);
                // A percentile over an empty window is 0: show "no recent request" rather than 0 ms.
                if (Double.isNaN(millis) || millis <= 0) {
                    continue;
                }
                if (value.percentile() == 0.5) {
                    p50 = millis;
                } else if (value.percentile() == 0.99) {
                    p99 = millis;
                }
            }
            figures.add(new ServiceLatency(service, timer.count(), p50, p99));
        }
        return figures;
    }
}
