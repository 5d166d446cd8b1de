package dev.complianceharness.report.internal;

import dev.complianceharness.mask.Masking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Merges partial results, deterministically: the same files give the same report whatever order they are found or
 * were written in. Launches are taken in the order they finished (then by id); a test that ran in several launches
 * (an IDE re-run) keeps its latest result; zones are taken per module from its latest launch that read them; module
 * descriptions merge their policy choices. A launch that started but left no result (its JVM crashed or was killed), and
 * a result that cannot be read, is a merge problem the gate fails on, never a silent gap.
 */
public final class ReportMerge {

    /** The folder of a report directory that holds its partial results. */
    public static final String PARTIALS = "partials";

    private ReportMerge() {
    }

    /**
     * A merged launch, as the report lists it.
     *
     * @param id         the launch id
     * @param module     the module directory its tests ran in
     * @param startedAt  when it started
     * @param finishedAt when it finished
     * @param tests      how many tests it ran under the harness
     */
    public record Launch(String id, String module, Instant startedAt, Instant finishedAt, int tests) {
    }

    /**
     * What the merge found.
     *
     * @param generatedAt          when the newest merged launch finished
     * @param launches             the merged launches, in the order they finished
     * @param tests                the tests, by class, name and id
     * @param modules              the active modules, by id and version
     * @param zones                the liability zones, by name
     * @param liabilityMapProblems why a module's liability map could not be built
     * @param runWarnings          what could not be checked in a launch as a whole, each once
     * @param problems             launches that left no result, and results that could not be read
     * @param ignored              how many partial results were older than the build and left out
     */
    public record Merged(Instant generatedAt, List<Launch> launches, List<TestResult> tests, List<ModuleDescription> modules,
                         List<ZoneInput> zones, List<String> liabilityMapProblems, List<String> runWarnings,
                         List<String> problems, int ignored) {

        /** Copies the lists. */
        public Merged {
            launches = List.copyOf(launches);
            tests = List.copyOf(tests);
            modules = List.copyOf(modules);
            zones = List.copyOf(zones);
            liabilityMapProblems = List.copyOf(liabilityMapProblems);
            runWarnings = List.copyOf(runWarnings);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Merges every partial result found in the {@value #PARTIALS} folders of report directories.
     *
     * @param reportDirectories report directories; a missing one or one without partial results adds nothing
     * @param notBefore         when present, partial results that finished before it are left out, provided at least one
     *                          finished after it (results of an earlier build next to this build's)
     * @return the merged results
     * @throws IOException if a directory cannot be listed
     */
    public static Merged merge(List<Path> reportDirectories, Optional<Instant> notBefore) throws IOException {
        List<PartialResult> partials = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> markers = new ArrayList<>();
        for (Path reportDirectory : new TreeSet<>(reportDirectories.stream().map(path -> path.toAbsolutePath().normalize()).toList())) {
            Path folder = reportDirectory.resolve(PARTIALS);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> listing = Files.list(folder)) {
                files = listing.sorted().toList();
            }
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json")) {
                    try {
                        partials.add(PartialResult.fromJson(Files.readString(file, StandardCharsets.UTF_8)));
                    } catch (IOException | RuntimeException e) {
                        problems.add("the partial result " + file + " could not be read (" + Masking.mask(e.getMessage())
                                + "): its tests are missing from this report; run the tests again");
                    }
                } else if (name.endsWith(".started") && !Files.exists(file.resolveSibling(name.replaceFirst("\\.started$", ".json")))) {
                    markers.add(file);
                }
            }
        }
        partials.sort(Comparator.comparing(PartialResult::finishedAt).thenComparing(PartialResult::launchId));
        int ignored = 0;
        if (notBefore.isPresent() && partials.stream().anyMatch(partial -> !partial.finishedAt().isBefore(notBefore.get()))) {
            int before = partials.size();
            partials.removeIf(partial -> partial.finishedAt().isBefore(notBefore.get()));
            ignored = before - partials.size();
        }
        for (Path marker : markers) {
            Optional<String> problem = unfinished(marker, notBefore);
            problem.ifPresent(problems::add);
        }
        return merge(partials, problems, ignored);
    }

    private static Optional<String> unfinished(Path marker, Optional<Instant> notBefore) {
        Properties launch = new Properties();
        try {
            launch.load(new java.io.StringReader(Files.readString(marker, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("the test launch marked by " + marker + " left no result, and its marker could not be read");
        }
        String startedAt = launch.getProperty("startedAt", "?");
        if (notBefore.isPresent()) {
            try {
                if (Instant.parse(startedAt).isBefore(notBefore.get())) {
                    return Optional.empty();
                }
            } catch (RuntimeException unreadable) {
                // kept as a problem below
            }
        }
        String pid = launch.getProperty("pid", "?");
        boolean running;
        try {
            running = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            running = false;
        }
        return Optional.of(running
                ? "the test launch " + marker.getFileName().toString().replaceFirst("\\.started$", "") + " (pid " + pid
                        + ", started " + startedAt + ") had not finished when this report was written; the last launch to"
                        + " finish writes the complete report"
                : "the test launch " + marker.getFileName().toString().replaceFirst("\\.started$", "") + " (pid " + pid
                        + ", started " + startedAt + ") ended without writing its results: its JVM crashed, was killed or"
                        + " timed out, so its tests are missing from this report (delete " + marker + " once understood)");
    }

    /**
     * Merges partial results already read.
     *
     * @param partials the partial results
     * @param problems problems found while reading them
     * @param ignored  how many were left out as older than the build
     * @return the merged results
     */
    static Merged merge(List<PartialResult> partials, List<String> problems, int ignored) {
        List<PartialResult> ordered = new ArrayList<>(partials);
        ordered.sort(Comparator.comparing(PartialResult::finishedAt).thenComparing(PartialResult::launchId));
        Map<String, TestResult> tests = new LinkedHashMap<>();
        Map<String, ModuleDescription> modules = new TreeMap<>();
        Map<String, ZoneDiscovery.Result> zonesByModule = new TreeMap<>();
        TreeSet<String> runWarnings = new TreeSet<>();
        List<Launch> launches = new ArrayList<>();
        Instant generatedAt = Instant.EPOCH;
        for (PartialResult partial : ordered) {
            partial.tests().forEach(test -> tests.put(test.id(), test));
            partial.modules().forEach(module -> modules.merge(module.key(), module, ModuleDescription::withPoliciesOf));
            partial.zones().ifPresent(zones -> zonesByModule.put(partial.module(), zones));
            runWarnings.addAll(partial.runWarnings());
            launches.add(new Launch(partial.launchId(), partial.module(), partial.startedAt(), partial.finishedAt(),
                    partial.tests().size()));
            if (partial.finishedAt().isAfter(generatedAt)) {
                generatedAt = partial.finishedAt();
            }
        }
        List<TestResult> sortedTests = new ArrayList<>(tests.values());
        sortedTests.sort(Comparator.comparing(TestResult::testClass).thenComparing(TestResult::name).thenComparing(TestResult::id));
        Map<String, ZoneInput> zones = new TreeMap<>();
        TreeSet<String> mapProblems = new TreeSet<>();
        for (ZoneDiscovery.Result result : zonesByModule.values()) {
            result.zones().forEach(zone -> zones.putIfAbsent(zone.name(), zone));
            mapProblems.addAll(result.problems());
        }
        return new Merged(generatedAt, launches, sortedTests, List.copyOf(modules.values()), List.copyOf(zones.values()),
                List.copyOf(mapProblems), List.copyOf(runWarnings), problems, ignored);
    }
}
