package dev.complianceharness.configuration;

import static dev.complianceharness.testkit.FixtureRuns.inParallel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.property.Gens;
import dev.complianceharness.property.Property;
import dev.complianceharness.property.PropertyFailure;
import dev.complianceharness.property.configuration.ConfigurationKey;
import dev.complianceharness.property.configuration.HarnessConfiguration;
import dev.complianceharness.report.internal.ReportFiles;
import dev.complianceharness.testing.ClassPathProperties;
import dev.complianceharness.testing.ConsentModule;
import dev.complianceharness.testing.ConsentModule.Outbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@DisplayName("One configuration, read the same everywhere")
class ConfigurationTest {

    @Nested
    @DisplayName("Property.forAll in a plain @Test with no harness annotation")
    class PlainTest {

        @Test
        @DisplayName("reads seed, tries and the failures directory from junit-platform.properties on the class path")
        void readsJUnitPlatformProperties(@TempDir Path classPath, @TempDir Path failures) throws Exception {
            EngineExecutionResults results = ClassPathProperties.with(classPath, "complianceharness.seed = 31337\n"
                    + "complianceharness.tries = 17\ncomplianceharness.failures.dir = " + failures + "\n",
                    () -> inParallel(PlainTestCase.class));

            assertThat(PlainTestCase.TRIES).hasValue(17);
            PropertyFailure failure = (PropertyFailure) results.testEvents().failed().stream().findFirst().orElseThrow()
                    .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
            assertThat(failure.seed()).isEqualTo(31337L);
            assertThat(failure.getMessage()).contains("(seed 31337)");
            assertThat(Path.of(failure.storedAt().orElseThrow())).hasParent(failures);
        }
    }

    @Nested
    @DisplayName("an unknown complianceharness.* key")
    class UnknownKeys {

        @Test
        @DisplayName("gets a warning naming the closest known key")
        void warns() {
            assertThat(HarnessConfiguration.unknownKeyWarnings(Map.of("complianceharness.tires", "system property",
                    "complianceharness.report.dri", "junit-platform.properties", "complianceharness.seed", "system property")))
                    .containsExactly(
                            "Unknown configuration key complianceharness.report.dri (junit-platform.properties) is ignored:"
                                    + " did you mean complianceharness.report.dir? Every key is listed in the harness's"
                                    + " docs/configuration.md.",
                            "Unknown configuration key complianceharness.tires (system property) is ignored: did you mean"
                                    + " complianceharness.tries? Every key is listed in the harness's docs/configuration.md.");
        }

        @Test
        @DisplayName("set on the launcher, is listed in the report's warnings and gate.txt")
        void inTheReport(@TempDir Path report) throws Exception {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(CompliantTestCase.class))
                    .configurationParameter(ReportFiles.REPORT_DIRECTORY, report.toString())
                    .configurationParameter("complianceharness.sed", "42").build());

            String warning = "Unknown configuration key complianceharness.sed (launcher configuration parameter) is ignored:"
                    + " did you mean complianceharness.seed? Every key is listed in the harness's docs/configuration.md.";
            assertThat(Files.readString(report.resolve("gate.txt"))).startsWith("status=PASS\n")
                    .contains("warnings=1\n").contains("warning.1=" + warning + "\n");
            assertThat(Files.readString(report.resolve("report.json"), StandardCharsets.UTF_8))
                    .contains("\"runWarnings\": [\n    \"" + warning + "\"\n  ]");
        }

        @Test
        @DisplayName("is refused when the harness itself reads it unregistered")
        void unregisteredRead() {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> HarnessConfiguration.withoutLauncher()
                    .get("complianceharness.nothing")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Configuration key complianceharness.nothing is read but not registered");
        }
    }

    @Test
    @DisplayName("docs/configuration.md lists every registered key, and no other")
    void documented() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "configuration.md"), StandardCharsets.UTF_8);
        TreeSet<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `(complianceharness\\.[^`]+)` \\|").matcher(docs);
        while (row.find()) {
            documented.add(row.group(1));
        }
        TreeSet<String> registered = new TreeSet<>();
        HarnessConfiguration.knownKeys().stream().map(ConfigurationKey::name).forEach(registered::add);

        assertThat(documented).containsExactlyElementsOf(registered);
    }

    /** A team's plain test: no harness annotation, a property checked inline. */
    static class PlainTestCase {
        static final AtomicInteger TRIES = new AtomicInteger();

        @Test
        void passes() {
            TRIES.set(Property.forAll(Gens.integers(0, 9)).check(value -> { }).tries());
        }

        @Test
        void fails() {
            Property.forAll(Gens.integers(0, 1_000)).check(value -> assertThat(value).isLessThan(5));
        }
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class CompliantTestCase {
        @Test
        void sendsWithConsent(Outbox outbox) {
            outbox.consent("+1 305-555-0167");
            outbox.send("+1 305-555-0167", "Hello");
        }
    }
}
