package dev.complianceharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.report.internal.ReportFiles;
import dev.complianceharness.testing.ConsentModule;
import dev.complianceharness.testing.ConsentModule.Outbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@DisplayName("Run-scoped state")
class RunScopedStateTest {

    @Test
    @DisplayName("two launches running at once in one JVM never mix their results")
    void concurrentLaunches(@TempDir Path first, @TempDir Path second) throws Exception {
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> run(FirstTestCase.class, first));
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> run(SecondTestCase.class, second));
        CompletableFuture.allOf(one, other).join();

        assertThat(Files.readString(first.resolve("report.json"), StandardCharsets.UTF_8))
                .contains("RunScopedStateTest$FirstTestCase").doesNotContain("RunScopedStateTest$SecondTestCase")
                .contains("\"tests\": 1,");
        assertThat(Files.readString(second.resolve("report.json"), StandardCharsets.UTF_8))
                .contains("RunScopedStateTest$SecondTestCase").doesNotContain("RunScopedStateTest$FirstTestCase")
                .contains("\"tests\": 1,");
    }

    @Test
    @DisplayName("two launches one after the other into one directory (an IDE re-run) are merged, not overwritten")
    void sequentialLaunches(@TempDir Path report) throws Exception {
        run(FirstTestCase.class, report);
        run(SecondTestCase.class, report);

        assertThat(Files.readString(report.resolve("gate.txt"))).startsWith("status=PASS\n").contains("tests=2\n")
                .contains("launches=2\n");
    }

    private static void run(Class<?> fixture, Path report) {
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter(ReportFiles.REPORT_DIRECTORY, report.toString()).build());
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class FirstTestCase {
        @Test
        void sends(Outbox outbox) {
            outbox.consent("+1 305-555-0167");
            outbox.send("+1 305-555-0167", "Hello");
        }
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class SecondTestCase {
        @Test
        void sends(Outbox outbox) {
            outbox.consent("+1 305-555-0168");
            outbox.send("+1 305-555-0168", "Hello");
        }
    }
}
