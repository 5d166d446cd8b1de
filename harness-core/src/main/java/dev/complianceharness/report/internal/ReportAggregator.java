package dev.complianceharness.report.internal;

import dev.complianceharness.report.Html;
import dev.complianceharness.report.Json;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Aggregates the reports of a multi-module build: after a module writes its own report, the aggregate in
 * the build's root ({@code target/compliance-report} there) is rebuilt from every module report found
 * below the root. The aggregate's {@code report.json} holds each module's report as it is, its
 * {@code gate.txt} passes only when every module's gate passes, and its {@code index.html} lists the
 * module reports with their gates and links to each.
 */
public final class ReportAggregator {

    private static final Path MODULE_REPORT = Path.of("target", "compliance-report", "gate.txt");
    private final Path aggregateDirectory;

    /**
     * @param aggregateDirectory the aggregate's directory, {@code target/compliance-report} in the build's root
     */
    public ReportAggregator(Path aggregateDirectory) {
        this.aggregateDirectory = aggregateDirectory.toAbsolutePath().normalize();
    }

    /**
     * Rebuilds the aggregate from every module report below the build's root.
     *
     * @return the aggregate's {@code index.html}
     * @throws IOException if a report cannot be read or the aggregate cannot be written
     */
    public Path aggregate() throws IOException {
        Path root = aggregateDirectory.getParent().getParent();
        List<ModuleReport> reports = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(root) && (name.startsWith(".") || name.equals("node_modules") || name.equals("src"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (file.endsWith(MODULE_REPORT) && !file.getParent().equals(aggregateDirectory)) {
                    reports.add(ModuleReport.read(root, file.getParent()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        reports.sort(java.util.Comparator.comparing(ModuleReport::name));
        Files.createDirectories(aggregateDirectory);
        ReportWriter.writeAtomically(aggregateDirectory.resolve("report.json"), json(reports));
        ReportWriter.writeAtomically(aggregateDirectory.resolve("gate.txt"), gate(reports));
        Path index = aggregateDirectory.resolve("index.html");
        ReportWriter.writeAtomically(index, html(reports));
        return index;
    }

    private static String json(List<ModuleReport> reports) {
        StringBuilder json = new StringBuilder("{\n  \"aggregate\": true,\n  \"gate\": ")
                .append(Json.quote(reports.stream().allMatch(ModuleReport::passed) ? "PASS" : "FAIL"))
                .append(",\n  \"modules\": [");
        String separator = "\n";
        for (ModuleReport report : reports) {
            json.append(separator).append("    {\"module\": ").append(Json.quote(report.name()))
                    .append(", \"report\": ").append(report.json().strip()).append('}');
            separator = ",\n";
        }
        return json.append("\n  ]\n}\n").toString();
    }

    private static String gate(List<ModuleReport> reports) {
        StringBuilder text = new StringBuilder("status=")
                .append(reports.stream().allMatch(ModuleReport::passed) ? "PASS" : "FAIL").append('\n');
        int failure = 1;
        for (ModuleReport report : reports) {
            for (String line : report.failures()) {
                text.append("failure.").append(failure++).append('=').append(report.name()).append(": ").append(line).append('\n');
            }
        }
        return text.toString();
    }

    private static String html(List<ModuleReport> reports) {
        boolean passed = reports.stream().allMatch(ModuleReport::passed);
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Compliance report (all modules)</title>\n<style>\n").append(Html.stylesheet())
                .append("</style>\n</head>\n<body>\n<h1>Compliance report: all modules</h1>\n")
                .append("<section id=\"gate\" class=\"gate ").append(passed ? "pass" : "fail").append("\"><h2>Gate: ")
                .append(passed ? "PASS" : "FAIL").append("</h2></section>\n<section id=\"module-reports\">\n<h2>Module reports</h2>\n")
                .append("<table>\n<thead><tr><th>Module</th><th>Gate</th><th>Zones</th><th>Invariants</th>"
                        + "<th>With violations</th><th>Properties</th></tr></thead>\n<tbody>\n");
        for (ModuleReport report : reports) {
            html.append("<tr class=\"").append(report.passed() ? "passed" : "failed").append("\"><td><a href=\"")
                    .append(Html.escape(report.link())).append("\">").append(Html.escape(report.name())).append("</a></td><td>")
                    .append(report.passed() ? "PASS" : "FAIL").append("</td><td class=\"num\">").append(report.count("zones"))
                    .append("</td><td class=\"num\">").append(report.count("invariants"))
                    .append("</td><td class=\"num\">").append(report.count("failedInvariants"))
                    .append("</td><td class=\"num\">").append(report.count("properties")).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</section>\n</body>\n</html>\n").toString();
    }


    /** One module's report, as read from its directory. */
    private record ModuleReport(String name, String link, Properties gate, String json) {

        static ModuleReport read(Path root, Path directory) throws IOException {
            Properties gate = new Properties();
            gate.load(new StringReader(Files.readString(directory.resolve("gate.txt"), StandardCharsets.UTF_8)));
            Path json = directory.resolve("report.json");
            String content = Files.exists(json) ? Files.readString(json, StandardCharsets.UTF_8) : "null";
            Path moduleDirectory = directory.getParent().getParent();
            String name = root.relativize(moduleDirectory).toString();
            String link = "../../" + root.relativize(directory.resolve("index.html")).toString().replace('\\', '/');
            return new ModuleReport(name.isEmpty() ? "." : name, link, gate, content);
        }

        boolean passed() {
            return "PASS".equals(gate.getProperty("status"));
        }

        String count(String key) {
            return gate.getProperty(key, "?");
        }

        List<String> failures() {
            List<String> failures = new ArrayList<>();
            for (int i = 1; gate.getProperty("failure." + i) != null; i++) {
                failures.add(gate.getProperty("failure." + i));
            }
            return failures;
        }
    }
}
