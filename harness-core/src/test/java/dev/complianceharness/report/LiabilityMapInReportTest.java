package dev.complianceharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.report.internal.ReportFiles;
import dev.complianceharness.report.internal.ZoneDiscovery;
import dev.complianceharness.testing.ConsentModule;
import dev.complianceharness.testing.ConsentModule.Outbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@DisplayName("The report's liability map")
class LiabilityMapInReportTest {

    private static final String VALID = "dev.complianceharness.liability.fixtures.valid";

    /** Each test runs its own fixture class: concurrent runs of one fixture would share its test ids. */
    private static void run(Class<?> fixture, Path directory, String key, String value) {
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(fixture))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter(ReportFiles.REPORT_DIRECTORY, directory.toString())
                .configurationParameter(key, value)
                .build());
    }

    @Nested
    @DisplayName("read from @LiabilityZone declarations")
    class Declared {

        @Test
        @DisplayName("links each zone to the invariants that enforce its regulations or that it names, and flags the rest")
        void linksZonesToGuards(@TempDir Path directory) throws Exception {
            run(CompliantTestCase.class, directory, ZoneDiscovery.PACKAGES, VALID);
            // the pages are kept in target/ for scripts/check-report-in-browser.sh; the partial results are not, so that the
            // aggregate report of the build does not merge this fixture's failing gate
            Path pages = Files.createDirectories(Path.of("target", "report-with-unguarded-zones"));
            deleteRecursively(pages.resolve("partials"));
            for (String page : new String[] {"index.html", "report.json", "gate.txt"}) {
                Files.copy(directory.resolve(page), pages.resolve(page), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }

            String json = Files.readString(directory.resolve("report.json"), StandardCharsets.UTF_8);
            assertThat(json)
                    .contains("\"name\": \"" + VALID + ".messaging\",\n      \"tier\": \"REGULATORY\",\n"
                            + "      \"owner\": \"messaging-team\",")
                    .contains("\"status\": \"GUARDED\",\n      \"guardedBy\": [\n        {\n"
                            + "          \"invariant\": \"test.consent-before-marketing\",\n          \"passed\": true\n")
                    .contains("\"name\": \"" + VALID + ".marketing\"")
                    .contains("\"status\": \"UNGUARDED\",\n      \"guardedBy\": [],\n      \"missingGuards\": [\n"
                            + "        \"nope.missing\"\n      ],");
            assertThat(Files.readString(directory.resolve("gate.txt"))).isEqualTo("""
                    status=FAIL
                    zones=3
                    invariants=2
                    failedInvariants=0
                    erroredInvariants=0
                    properties=0
                    tests=1
                    failedTests=0
                    launches=1
                    warnings=0
                    failure.1=regulatory zone %s.marketing is not guarded by any invariant that ran
                    """.formatted(VALID));
            String html = Files.readString(directory.resolve("index.html"), StandardCharsets.UTF_8);
            assertThat(html)
                    .contains("<article class=\"card item regulatory unguarded\" id=\"zone-" + VALID + ".marketing\"")
                    .contains("<article class=\"card item financial passed\" id=\"zone-" + VALID + ".messaging.Billing\"")
                    .contains("<strong>Unguarded: </strong>")
                    .contains("Named as guards but did not run: nope.missing")
                    .contains("Owner: none named");
        }

        @Test
        @DisplayName("fails the gate, and still writes the results, when the declarations are invalid")
        void invalidDeclarationsFailTheGate(@TempDir Path directory) throws Exception {
            run(InvalidZonesTestCase.class, directory, ZoneDiscovery.PACKAGES, "dev.complianceharness.liability.fixtures.invalid");

            String gate = Files.readString(directory.resolve("gate.txt"));
            assertThat(gate)
                    .startsWith("status=FAIL\nzones=0\ninvariants=2\n")
                    .contains("failure.1=the liability map could not be built: class"
                            + " dev.complianceharness.liability.fixtures.invalid.BlankRegulation has a blank entry at regulations[1]");
            assertThat(Files.readString(directory.resolve("index.html"))).contains("The liability map could not be built:");
        }

        @Test
        @DisplayName("fails the gate when a configured class directory does not exist")
        void missingPath(@TempDir Path directory) throws Exception {
            run(MissingPathTestCase.class, directory, ZoneDiscovery.PATHS, "no/such/classes");

            assertThat(Files.readString(directory.resolve("gate.txt"))).contains(
                    "failure.1=the liability map could not be built: complianceharness.liability.paths names [no/such/classes],"
                            + " which do not exist: compile the code first or correct the path");
        }
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class CompliantTestCase {
        @Test
        void compliant(Outbox outbox) {
            outbox.consent("+1 305-555-0167");
            outbox.send("+1 305-555-0167", "Hello");
        }
    }

    static class InvalidZonesTestCase extends CompliantTestCase {
    }

    static class MissingPathTestCase extends CompliantTestCase {
    }

    private static void deleteRecursively(Path directory) throws java.io.IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
