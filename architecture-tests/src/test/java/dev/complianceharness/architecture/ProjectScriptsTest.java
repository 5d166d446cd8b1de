package dev.complianceharness.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The project's Python scripts, run from the build where Python 3 is installed (a machine without it skips
 * these tests, visibly): their own tests, and the check that the benchmark tables in
 * {@code docs/performance.md} are what {@code benchmarks/results/*.json} give, so that no figure is typed by hand.
 */
@DisplayName("The project's scripts")
class ProjectScriptsTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", "architecture-tests")).toAbsolutePath()
            .normalize().getParent();

    /** What a finished command printed, and its exit code. */
    private record Run(int exitCode, String output) {
    }

    private static Run python(String... arguments) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isRegularFile(ROOT.resolve("scripts/benchmark-tables.py")),
                () -> "the repository's scripts are not at " + ROOT);
        List<String> command = new java.util.ArrayList<>(List.of("python3"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException notInstalled) {
            Assumptions.abort("python3 is not installed here, so the scripts were not checked: " + notInstalled.getMessage());
            throw notInstalled;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("python3 %s finished", command).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    @DisplayName("pass their own tests")
    void scriptTestsPass() throws Exception {
        Run run = python("-m", "unittest", "discover", "-s", "scripts", "-p", "test_*.py");
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    @DisplayName("find the benchmark tables of docs/performance.md generated from the JMH results, not typed by hand")
    void performanceTablesMatchTheResults() throws Exception {
        Run run = python("scripts/benchmark-tables.py", "--check");
        assertThat(run.exitCode()).as(run.output()).isZero();
    }
}
