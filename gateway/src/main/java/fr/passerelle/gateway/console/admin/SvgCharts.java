package fr.passerelle.gateway.console.admin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * Charts drawn on the server as inline SVG markup: a line per series over the minutes of a window, and horizontal
 * bars for totals. Every label is escaped; the page inserts the markup as is.
 */
public final class SvgCharts {

    /** Colour-blind-safe palette (Okabe–Ito), then grey for "other". */
    private static final String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#999999"};
    private static final int WIDTH = 560;
    private static final int PLOT_LEFT = 40;
    private static final int PLOT_TOP = 10;
    private static final int PLOT_HEIGHT = 150;
    private static final int LEGEND_LINE = 16;

    private SvgCharts() {
    }

    /** Requests per minute: one polyline per series, x = minutes of the window (oldest left), y = count. */
    public static String perMinute(String title, Map<String, long[]> series, int minutes) {
        long max = Math.max(1, series.values().stream().flatMapToLong(Arrays::stream).max().orElse(1));
        int plotWidth = WIDTH - PLOT_LEFT - 10;
        int legendTop = PLOT_TOP + PLOT_HEIGHT + 24;
        int height = legendTop + LEGEND_LINE * Math.max(1, series.size()) + 4;
        StringBuilder svg = open(title, height);
        // axes, the top value, and the time marks
        line(svg, PLOT_LEFT, PLOT_TOP, PLOT_LEFT, PLOT_TOP + PLOT_HEIGHT, "#8a9099");
        line(svg, PLOT_LEFT, PLOT_TOP + PLOT_HEIGHT, PLOT_LEFT + plotWidth, PLOT_TOP + PLOT_HEIGHT, "#8a9099");
        text(svg, PLOT_LEFT - 4, PLOT_TOP + 10, "end", Long.toString(max));
        text(svg, PLOT_LEFT - 4, PLOT_TOP + PLOT_HEIGHT, "end", "0");
        text(svg, PLOT_LEFT, PLOT_TOP + PLOT_HEIGHT + 14, "start", "-" + minutes + " min");
        text(svg, PLOT_LEFT + plotWidth, PLOT_TOP + PLOT_HEIGHT + 14, "end", "now");
        int i = 0;
        for (Map.Entry<String, long[]> entry : series.entrySet()) {
            String colour = COLOURS[Math.min(i, COLOURS.length - 1)];
            long[] counts = entry.getValue();
            StringBuilder points = new StringBuilder();
            for (int m = 0; m < counts.length; m++) {
                double x = PLOT_LEFT + (counts.length == 1 ? 0 : (double) plotWidth * m / (counts.length - 1));
                double y = PLOT_TOP + PLOT_HEIGHT - (double) PLOT_HEIGHT * counts[m] / max;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
                    .append(points.toString().trim()).append("\"/>");
            int y = legendTop + LEGEND_LINE * i;
            svg.append("<rect x=\"").append(PLOT_LEFT).append("\" y=\"").append(y - 9)
                    .append("\" width=\"10\" height=\"10\" fill=\"").append(colour).append("\"/>");
            text(svg, PLOT_LEFT + 16, y, "start", entry.getKey() + " — " + TrafficOverview.sum(counts));
            i++;
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, one per entry, with the value written at the end of the bar. */
    public static String bars(String title, Map<String, Long> values) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int labelWidth = 150;
        int barRoom = WIDTH - labelWidth - 60;
        int height = Math.max(1, values.size()) * 24 + 8;
        StringBuilder svg = open(title, height);
        if (values.isEmpty()) {
            text(svg, 8, 20, "start", "none in the window");
        }
        int i = 0;
        for (Map.Entry<String, Long> entry : values.entrySet()) {
            int y = 6 + 24 * i;
            long width = Math.max(1, Math.round((double) barRoom * entry.getValue() / max));
            text(svg, labelWidth - 6, y + 13, "end", entry.getKey());
            svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"")
                    .append(width).append("\" height=\"16\" fill=\"#CE0500\"/>");
            text(svg, labelWidth + (int) width + 6, y + 13, "start", entry.getValue().toString());
            i++;
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int height) {
        String escaped = HtmlUtils.htmlEscape(title, "UTF-8");
        return new StringBuilder("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
                .append(" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" aria-label=\"").append(escaped)
                .append("\"><title>").append(escaped).append("</title>");
    }

    private static void line(StringBuilder svg, int x1, int y1, int x2, int y2, String colour) {
        svg.append("<line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(x2)
                .append("\" y2=\"").append(y2).append("\" stroke=\"").append(colour).append("\"/>");
    }

    private static void text(StringBuilder svg, int x, int y, String anchor, String content) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"11\" text-anchor=\"")
                .append(anchor).append("\" fill=\"#1b1f24\">").append(HtmlUtils.htmlEscape(content, "UTF-8"))
                .append("</text>");
    }
}
