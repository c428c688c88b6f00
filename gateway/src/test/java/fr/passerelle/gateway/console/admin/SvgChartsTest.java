package fr.passerelle.gateway.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The charts are markup the page inserts as is: one line per series, every label escaped. */
class SvgChartsTest {

    @Test
    void oneLinePerSeriesScaledToTheBusiestMinuteWithItsTotalInTheLegend() {
        Map<String, long[]> series = new LinkedHashMap<>();
        series.put("ES", new long[] {0, 4, 2});
        series.put("BE", new long[] {1, 0, 0});
        String svg = SvgCharts.perMinute("Requests", series, 3);

        assertThat(svg).startsWith("<svg ").endsWith("</svg>");
        assertThat(svg.split("<polyline", -1)).hasSize(3);
        // The busiest minute reaches the top of the plot (y = 10), an empty one the axis (y = 160).
        assertThat(svg).contains("points=\"40.0,160.0 295.0,10.0 550.0,85.0\"");
        assertThat(svg).contains(">ES — 6<").contains(">BE — 1<").contains(">4<");
    }

    @Test
    void labelsAreEscaped() {
        String svg = SvgCharts.bars("Refusals <b>", Map.of("<script>alert(1)</script>", 2L));
        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains(">2<");
        assertThat(SvgCharts.bars("Refusals", Map.of())).contains("none in the window");
    }
}
