package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.invariant.Violation;
import dev.complianceharness.mask.Masking;
import dev.complianceharness.report.internal.ComplianceReport.InvariantSummary;
import dev.complianceharness.report.internal.ComplianceReport.TestFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Writes {@code report.json} and a self-contained {@code index.html} (inline styles, no scripts, no
 * network access) into the report directory. Every text that came from a test passes through
 * {@link Masking} once more before it is written.
 */
public final class ReportWriter {

    private final Path directory;

    /**
     * @param directory where to write the report; created if missing
     */
    public ReportWriter(Path directory) {
        this.directory = directory;
    }

    /**
     * Writes both files.
     *
     * @param report the report
     * @return the path of {@code index.html}
     * @throws IOException if the files cannot be written
     */
    public Path write(ComplianceReport report) throws IOException {
        Files.createDirectories(directory);
        writeAtomically(directory.resolve("report.json"), json(report));
        Path index = directory.resolve("index.html");
        writeAtomically(index, html(report));
        return index;
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The report as JSON.
     *
     * @param report the report
     * @return a JSON document
     */
    public static String json(ComplianceReport report) {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"generatedAt\": ").append(quote(report.generatedAt().toString()));
        json.append(",\n  \"summary\": {\"invariants\": ").append(report.invariants().size())
                .append(", \"failedInvariants\": ").append(report.failedInvariantCount()).append('}');
        json.append(",\n  \"invariants\": [");
        String separator = "\n";
        for (InvariantSummary summary : report.invariants()) {
            json.append(separator);
            separator = ",\n";
            appendInvariant(json, summary);
        }
        json.append("\n  ],\n  \"properties\": [");
        separator = "\n";
        for (PropertyOutcome property : report.properties()) {
            json.append(separator);
            separator = ",\n";
            json.append("    {\"property\": ").append(quote(property.property()))
                    .append(", \"testClass\": ").append(quote(property.testClass()))
                    .append(", \"test\": ").append(quote(property.testName()))
                    .append(", \"tries\": ").append(property.tries())
                    .append(", \"seed\": ").append(quote(Long.toString(property.seed())))
                    .append(", \"passed\": ").append(property.passed())
                    .append(", \"labels\": {");
            String inner = "";
            for (var label : new java.util.TreeMap<>(property.labels()).entrySet()) {
                json.append(inner).append(quote(label.getKey())).append(": ").append(label.getValue());
                inner = ", ";
            }
            json.append("}, \"failure\": ")
                    .append(property.failureSummary().map(text -> quote(Masking.mask(text))).orElse("null")).append('}');
        }
        json.append("\n  ]\n}\n");
        return json.toString();
    }

    private static void appendInvariant(StringBuilder json, InvariantSummary summary) {
        Invariant invariant = summary.invariant();
        Regulation regulation = invariant.regulation();
        json.append("    {\"id\": ").append(quote(invariant.id()))
                .append(", \"description\": ").append(quote(invariant.description()))
                .append(", \"form\": ").append(quote(invariant.form().name()))
                .append(", \"tier\": ").append(quote(invariant.tier().name()))
                .append(", \"owner\": {\"name\": ").append(quote(invariant.owner().name()))
                .append(", \"contact\": ").append(quote(invariant.owner().contact())).append('}')
                .append(", \"modules\": ").append(array(List.copyOf(new TreeSet<>(summary.moduleVersions()))))
                .append(",\n     \"regulation\": {\"id\": ").append(quote(regulation.id()))
                .append(", \"title\": ").append(quote(regulation.title()))
                .append(", \"citation\": ").append(quote(regulation.citation()))
                .append(", \"jurisdiction\": ").append(quote(regulation.jurisdiction().code()))
                .append(", \"source\": ").append(regulation.source().map(uri -> quote(uri.toString())).orElse("null"))
                .append(", \"effectiveFrom\": ").append(regulation.effectiveFrom().map(d -> quote(d.toString())).orElse("null"))
                .append(", \"effectiveTo\": ").append(regulation.effectiveTo().map(d -> quote(d.toString())).orElse("null"))
                .append(", \"confidence\": ").append(quote(regulation.confidence().name())).append('}')
                .append(",\n     \"passedTests\": ").append(summary.passedTests())
                .append(", \"failedTests\": ").append(summary.failedTests())
                .append(", \"failures\": [");
        String separator = "";
        for (TestFailure failure : summary.failures()) {
            json.append(separator);
            separator = ", ";
            json.append("{\"testClass\": ").append(quote(failure.testClass()))
                    .append(", \"test\": ").append(quote(failure.testName()))
                    .append(", \"violations\": [");
            String inner = "";
            for (Violation violation : failure.violations()) {
                json.append(inner);
                inner = ", ";
                json.append("{\"message\": ").append(quote(Masking.mask(violation.message())))
                        .append(", \"evidence\": ").append(array(violation.evidence().stream().map(Masking::mask).toList()))
                        .append('}');
            }
            json.append("]}");
        }
        json.append("]}");
    }

    private static String array(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        return out.append(']').toString();
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * The report as a self-contained HTML page.
     *
     * @param report the report
     * @return an HTML document
     */
    public static String html(ComplianceReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Compliance report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>Compliance report</h1>\n<p class=\"meta\">Generated ")
                .append(escape(report.generatedAt().toString())).append(" &middot; ")
                .append(report.invariants().size()).append(" invariants &middot; ")
                .append(report.failedInvariantCount()).append(" with violations</p>\n");
        html.append("<table>\n<thead><tr><th>Invariant</th><th>Tier</th><th>Regulation</th><th>Owner</th>"
                + "<th>Module</th><th>Passed</th><th>Failed</th></tr></thead>\n<tbody>\n");
        for (InvariantSummary summary : report.invariants()) {
            appendRow(html, summary);
        }
        html.append("</tbody>\n</table>\n");
        if (!report.properties().isEmpty()) {
            html.append("<h2>Generated properties</h2>\n<table>\n<thead><tr><th>Property</th><th>Test</th>"
                    + "<th>Tries</th><th>Seed</th><th>Labels</th><th>Result</th></tr></thead>\n<tbody>\n");
            for (PropertyOutcome property : report.properties()) {
                html.append("<tr class=\"").append(property.passed() ? "passed" : "failed").append("\"><td>")
                        .append(escape(property.property())).append("</td><td>")
                        .append(escape(simpleName(property.testClass()))).append(" &rsaquo; ")
                        .append(escape(property.testName())).append("</td><td class=\"num\">").append(property.tries())
                        .append("</td><td><code>").append(property.seed()).append("</code></td><td>");
                for (var label : new java.util.TreeMap<>(property.labels()).entrySet()) {
                    html.append(escape(label.getKey())).append(": ").append(label.getValue()).append("<br>");
                }
                html.append("</td><td>").append(property.passed() ? "passed"
                        : escape(property.failureSummary().map(Masking::mask).orElse("failed"))).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void appendRow(StringBuilder html, InvariantSummary summary) {
        Invariant invariant = summary.invariant();
        Regulation regulation = invariant.regulation();
        String tier = invariant.tier().name().toLowerCase(Locale.ROOT);
        String status = summary.failedTests() > 0 ? "failed" : "passed";
        html.append("<tr class=\"").append(status).append("\" id=\"").append(escape(invariant.id())).append("\">")
                .append("<td><code>").append(escape(invariant.id())).append("</code><br>")
                .append(escape(invariant.description())).append("</td>")
                .append("<td><span class=\"tier ").append(tier).append("\">").append(invariant.tier()).append("</span></td>")
                .append("<td>");
        if (regulation.source().isPresent()) {
            html.append("<a href=\"").append(escape(regulation.source().get().toString())).append("\">")
                    .append(escape(regulation.citation())).append("</a>");
        } else {
            html.append(escape(regulation.citation()));
        }
        html.append("<br><small>").append(escape(regulation.jurisdiction().code())).append(", ")
                .append(regulation.confidence().name().toLowerCase(Locale.ROOT)).append(" confidence</small></td>")
                .append("<td>").append(escape(invariant.owner().toString())).append("</td>")
                .append("<td>").append(escape(String.join(", ", new TreeSet<>(summary.moduleVersions())))).append("</td>")
                .append("<td class=\"num\">").append(summary.passedTests()).append("</td>")
                .append("<td class=\"num\">").append(summary.failedTests()).append("</td></tr>\n");
        for (TestFailure failure : summary.failures()) {
            html.append("<tr class=\"violation\"><td colspan=\"7\"><strong>")
                    .append(escape(simpleName(failure.testClass()))).append(" &rsaquo; ")
                    .append(escape(failure.testName())).append("</strong><ul>");
            for (Violation violation : failure.violations()) {
                html.append("<li>").append(escape(Masking.mask(violation.message())));
                for (String evidence : violation.evidence()) {
                    html.append("<br><small>").append(escape(Masking.mask(evidence))).append("</small>");
                }
                html.append("</li>");
            }
            html.append("</ul></td></tr>\n");
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem; color: #1d2329; }
            h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
            .meta { color: #5b6570; margin: 0 0 1.5rem; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid #e3e7eb; }
            th { background: #f4f6f8; font-weight: 600; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            tr.failed td:first-child { border-left: 4px solid #c62828; }
            tr.passed td:first-child { border-left: 4px solid #2e7d32; }
            tr.violation td { background: #fff5f5; border-left: 4px solid #c62828; }
            .tier { display: inline-block; padding: .1rem .45rem; border-radius: .3rem; font-size: .8rem; font-weight: 600; }
            .tier.regulatory { background: #fde2e1; color: #8e1b17; }
            .tier.financial { background: #fff1d6; color: #7a4b00; }
            .tier.reputational { background: #e3ecfb; color: #1f4788; }
            code { font-size: .9em; }
            small { color: #5b6570; }
            """;
}
