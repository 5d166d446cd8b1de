package dev.complianceharness.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gradle setup that docs/gradle.md documents, proven without Gradle (none is available here): the project's
 * classes are compiled where Gradle puts them ({@code build/classes/java/main} and {@code build/classes/java/test}),
 * and the JUnit Platform Console Launcher (the same launcher Gradle's {@code useJUnitPlatform()} drives) runs the
 * tests in a JVM of its own with the project directory as working directory, as Gradle's test task does, with
 * the documented settings: parallel execution, and the report under {@code build/}.
 */
@DisplayName("The documented Gradle setup, run by the JUnit Platform Console Launcher")
class GradleSetupTest {

    static final Path CONSOLE_LAUNCHER = Path.of("target", "console-launcher", "junit-platform-console-standalone.jar");

    @TempDir
    static Path project;

    @BeforeAll
    static void compileAsGradleWould() throws IOException {
        Path main = project.resolve("build/classes/java/main");
        Path test = project.resolve("build/classes/java/test");
        compile(main, List.of(harnessClassPath()), Map.of(
                "com/acme/billing/package-info.java", """
                        @LiabilityZone(tier = LiabilityTier.REGULATORY, regulations = "eu-eprivacy-13", owner = "billing-team")
                        package com.acme.billing;

                        import dev.complianceharness.invariant.LiabilityTier;
                        import dev.complianceharness.liability.LiabilityZone;
                        """,
                "com/acme/billing/Newsletter.java", """
                        package com.acme.billing;

                        import java.util.function.BiConsumer;

                        public class Newsletter {
                            private final BiConsumer<String, String> send;
                            public Newsletter(BiConsumer<String, String> send) { this.send = send; }
                            public void mail(String to) { send.accept(to, "Spring offers"); }
                        }
                        """));
        compile(test, List.of(testCompileClassPath(), main.toString()), Map.of(
                "com/acme/billing/NewsletterTest.java", newsletterTest("NewsletterTest"),
                "com/acme/billing/NewsletterAgainTest.java", newsletterTest("NewsletterAgainTest")));
    }

    static String newsletterTest(String name) {
        return """
                package com.acme.billing;

                import dev.complianceharness.junit.ComplianceTest;
                import dev.complianceharness.testing.ConsentModule;
                import org.junit.jupiter.api.Test;

                @ComplianceTest(modules = ConsentModule.class)
                class %s {
                    @Test
                    void mailsOnlyWhoConsented(ConsentModule.Outbox outbox) {
                        outbox.consent("ada@example.com");
                        new Newsletter(outbox::send).mail("ada@example.com");
                    }

                    @Test
                    void mailsAgainNextWeek(ConsentModule.Outbox outbox) {
                        outbox.consent("grace@example.com");
                        new Newsletter(outbox::send).mail("grace@example.com");
                    }
                }
                """.formatted(name);
    }

    @Test
    @DisplayName("writes the report under build/, with the zones found in build/classes/java/main, tests run in parallel")
    void oneFork() throws Exception {
        Launch launch = launch("build/compliance-report", "--select-package", "com.acme.billing");

        assertThat(launch.status).as(launch.output).isZero();
        assertThat(launch.output).contains("[compliance-harness] Compliance report: " + project.resolve(
                "build/compliance-report/index.html") + " (4 tests, 2 invariants, 0 with violations, 0 errored, 1 liability zone");
        try (Stream<Path> partials = Files.list(project.resolve("build/compliance-report/partials"))) {
            Path partial = partials.filter(file -> file.toString().endsWith(".json")).findFirst().orElseThrow();
            assertThat(Files.readString(partial)).as("where the launch read the zones")
                    .contains(project.resolve("build/classes/java/main").toString());
        }
        String report = Files.readString(project.resolve("build/compliance-report/report.json"));
        assertThat(report).contains("\"status\": \"PASS\"", "\"name\": \"com.acme.billing\"", "\"owner\": \"billing-team\"",
                "test.consent-before-marketing");
        assertThat(Files.readString(project.resolve("build/compliance-report/gate.txt"))).startsWith("status=PASS");
    }

    @Test
    @DisplayName("runs two forks at once, as maxParallelForks = 2 does, into one report that merges both")
    void twoForks() throws Exception {
        String shared = "build/compliance-report-forks";
        Process one = launcher(shared, "--select-class", "com.acme.billing.NewsletterTest").start();
        Process two = launcher(shared, "--select-class", "com.acme.billing.NewsletterAgainTest").start();
        String oneOutput = new String(one.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String twoOutput = new String(two.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(one.waitFor(2, TimeUnit.MINUTES) && one.exitValue() == 0).as(oneOutput).isTrue();
        assertThat(two.waitFor(2, TimeUnit.MINUTES) && two.exitValue() == 0).as(twoOutput).isTrue();
        try (Stream<Path> partials = Files.list(project.resolve(shared).resolve("partials"))) {
            assertThat(partials.filter(file -> file.toString().endsWith(".json"))).hasSize(2);
        }
        String merged = Files.readString(project.resolve(shared).resolve("report.json"));
        assertThat(merged).contains("\"status\": \"PASS\"", "\"name\": \"com.acme.billing\"", "com.acme.billing.NewsletterTest",
                "com.acme.billing.NewsletterAgainTest");
    }

    record Launch(int status, String output) {
    }

    static Launch launch(String reportDirectory, String... selectors) throws Exception {
        Process process = launcher(reportDirectory, selectors).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Launch(process.exitValue(), output);
    }

    /** What Gradle's test task runs: a JVM in the project directory with the project's test runtime class path. */
    static ProcessBuilder launcher(String reportDirectory, String... selectors) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", CONSOLE_LAUNCHER.toAbsolutePath().toString(), "execute", "--disable-banner", "--details=none",
                "--class-path", String.join(File.pathSeparator, project.resolve("build/classes/java/test").toString(),
                        project.resolve("build/classes/java/main").toString(), harnessClassPath()),
                "--config", "junit.jupiter.execution.parallel.enabled=true",
                "--config", "junit.jupiter.execution.parallel.mode.default=concurrent",
                "--config", "complianceharness.report.dir=" + reportDirectory));
        command.addAll(Arrays.asList(selectors));
        return new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
    }

    /** What compileTestJava compiles against: everything, JUnit's API included. */
    static String testCompileClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /**
     * The harness and its dependencies from this build's test class path, without JUnit's own jars (the console
     * launcher brings those) and without Surefire's.
     */
    static String harnessClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> {
                    String name = Path.of(entry).getFileName().toString();
                    return !name.startsWith("junit-") && !name.startsWith("opentest4j") && !name.startsWith("apiguardian")
                            && !name.startsWith("surefire") && !name.startsWith("common-java5") && !name.startsWith("common-junit");
                })
                .collect(Collectors.joining(File.pathSeparator));
    }

    static void compile(Path output, List<String> classPath, Map<String, String> sources) throws IOException {
        Path sourceRoot = Files.createTempDirectory(project, "src");
        List<String> arguments = new ArrayList<>(List.of("-d", output.toString(), "-proc:none", "--release", "17",
                "-classpath", String.join(File.pathSeparator, classPath)));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceRoot.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).as("javac " + arguments).isZero();
    }
}
