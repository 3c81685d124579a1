package dev.parley.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A run as one self-contained HTML page: the figures as tables, and latency, throughput and server load over
 * time as inline SVG line charts (one point per second). No scripts, no external resources.
 */
final class ReportPage {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 260;
    private static final int LEFT = 70;
    private static final int RIGHT = 150;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;

    /** One line of a chart. */
    record Series(String name, String colour, ToDoubleFunction<Timeline.Second> y) {
    }

    private ReportPage() {
    }

    static String render(RunReport report) {
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Parley load: ")
                .append(escape(report.scenario)).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:2px 8px;text-align:left;font-size:14px}")
                .append("th{background:#f3f3f3}h2{margin-top:1.5em}svg{display:block;margin:0.5em 0}")
                .append("</style></head><body>\n<h1>Parley load run: ").append(escape(report.scenario))
                .append("</h1>\n<p>Started ").append(report.startedAt).append(" UTC.</p>\n");
        DeliveryCheck.Verdict verdict = report.verdict();
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("lost", verdict.lost());
        check.put("duplicated", verdict.duplicated());
        check.put("out of order", verdict.outOfOrder());
        check.put("delivered but not acked", verdict.deliveredNotAcked());
        check.put("errors (all codes)", report.errors());
        page.append("<h2>Delivery check</h2>\n").append(table(check));
        List<Timeline.Second> seconds = report.seconds();
        if (!seconds.isEmpty()) {
            page.append("<h2>Delivery latency per second (ms, log scale, from the intended send time)</h2>\n")
                    .append(chart(seconds, List.of(
                            new Series("p50", "#1f77b4", Timeline.Second::p50),
                            new Series("p99", "#d62728", Timeline.Second::p99),
                            new Series("max", "#999999", Timeline.Second::max),
                            new Series("ack p99", "#2ca02c", Timeline.Second::ackP99),
                            new Series("history p99", "#9467bd", Timeline.Second::historyP99)), true));
            page.append("<h2>Deliveries per second</h2>\n").append(chart(seconds, List.of(
                    new Series("offered", "#999999", Timeline.Second::offeredDeliveriesPerSecond),
                    new Series("achieved", "#1f77b4", Timeline.Second::deliveriesPerSecond)), false));
            page.append("<h2>Sends, acks and lost so far per second</h2>\n").append(chart(seconds, List.of(
                    new Series("sends/s", "#999999", Timeline.Second::sendsPerSecond),
                    new Series("acks/s", "#2ca02c", Timeline.Second::acksPerSecond),
                    new Series("lost so far", "#d62728", s -> s.lostSoFar())), false));
            if (seconds.stream().anyMatch(s -> Double.isFinite(s.serverCores()))) {
                page.append("<h2>Server CPU (cores)</h2>\n").append(chart(seconds, List.of(
                        new Series("cores", "#ff7f0e", Timeline.Second::serverCores)), false));
                page.append("<h2>Server memory (MB): resident, and live heap after a full GC</h2>\n")
                        .append(chart(seconds, List.of(
                                new Series("RSS MB", "#8c564b", Timeline.Second::serverRssMb),
                                new Series("live heap MB", "#17becf", Timeline.Second::serverLiveHeapMb)), false));
            }
        }
        for (Map.Entry<String, Object> section : report.sections().entrySet()) {
            page.append("<h2>").append(escape(section.getKey())).append("</h2>\n").append(html(section.getValue()));
        }
        return page.append("</body></html>\n").toString();
    }

    private static String html(Object value) {
        if (value instanceof Map<?, ?> map) {
            return table(map);
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Record) {
            return rows(list);
        }
        return "<p>" + escape(String.valueOf(value)) + "</p>\n";
    }

    private static String table(Map<?, ?> map) {
        StringBuilder table = new StringBuilder("<table>\n");
        map.forEach((key, value) -> table.append("<tr><th>").append(escape(String.valueOf(key))).append("</th><td>")
                .append(value instanceof Map<?, ?> || value instanceof List<?> ? html(value) : escape(text(value)))
                .append("</td></tr>\n"));
        return table.append("</table>\n").toString();
    }

    private static String rows(List<?> records) {
        StringBuilder table = new StringBuilder("<table>\n<tr>");
        var components = records.get(0).getClass().getRecordComponents();
        for (var component : components) {
            table.append("<th>").append(escape(component.getName())).append("</th>");
        }
        table.append("</tr>\n");
        for (Object record : records) {
            table.append("<tr>");
            for (var component : components) {
                try {
                    table.append("<td>").append(escape(text(component.getAccessor().invoke(record)))).append("</td>");
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            table.append("</tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    private static String text(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%,.2f", d) : "n/a";
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
        }
        return String.valueOf(value);
    }

    /** A line chart of the series over the run's seconds; a log scale shows latency from 0.1 ms up. */
    static String chart(List<Timeline.Second> seconds, List<Series> series, boolean logScale) {
        double minX = seconds.get(0).t();
        double maxX = Math.max(minX + 1, seconds.get(seconds.size() - 1).t());
        double maxY = 0;
        for (Series line : series) {
            for (Timeline.Second second : seconds) {
                double y = line.y().applyAsDouble(second);
                if (Double.isFinite(y)) {
                    maxY = Math.max(maxY, y);
                }
            }
        }
        maxY = logScale ? Math.pow(10, Math.ceil(Math.log10(Math.max(1, maxY)))) : niceCeiling(maxY);
        double minY = logScale ? 0.1 : 0;
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"11\">\n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#ccc\"/>\n", LEFT, TOP, plotWidth, plotHeight));
        List<Double> ticks = new ArrayList<>();
        if (logScale) {
            for (double tick = minY; tick <= maxY * 1.0001; tick *= 10) {
                ticks.add(tick);
            }
        } else {
            for (int i = 0; i <= 4; i++) {
                ticks.add(maxY * i / 4);
            }
        }
        for (double tick : ticks) {
            double y = scaleY(tick, minY, maxY, logScale, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT, LEFT + plotWidth, y, y,
                    LEFT - 4, y + 4, axisLabel(tick)));
        }
        for (int i = 0; i <= 5; i++) {
            double t = minX + (maxX - minX) * i / 5;
            double x = LEFT + plotWidth * i / 5.0;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.0f s</text>\n",
                    x, TOP + plotHeight + 16, t));
        }
        int legendY = TOP + 10;
        for (Series line : series) {
            StringBuilder points = new StringBuilder();
            for (Timeline.Second second : seconds) {
                double value = line.y().applyAsDouble(second);
                if (!Double.isFinite(value) || (logScale && value <= 0)) {
                    continue;
                }
                double x = LEFT + plotWidth * (second.t() - minX) / (maxX - minX);
                double y = scaleY(value, minY, maxY, logScale, plotHeight);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(line.colour())
                    .append("\" points=\"").append(points).append("\"/>\n");
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">%s</text>\n", WIDTH - RIGHT + 10,
                    WIDTH - RIGHT + 30, legendY, legendY, line.colour(), WIDTH - RIGHT + 35, legendY + 4,
                    escape(line.name())));
            legendY += 16;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double scaleY(double value, double minY, double maxY, boolean logScale, int plotHeight) {
        double fraction;
        if (logScale) {
            double clamped = Math.max(minY, Math.min(maxY, value));
            fraction = (Math.log10(clamped) - Math.log10(minY)) / (Math.log10(maxY) - Math.log10(minY));
        } else {
            fraction = maxY == 0 ? 0 : Math.max(0, Math.min(1, value / maxY));
        }
        return TOP + plotHeight * (1 - fraction);
    }

    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String axisLabel(double value) {
        if (value >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", value / 1e6);
        }
        if (value >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", value / 1e3);
        }
        return value >= 1 || value == 0 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
