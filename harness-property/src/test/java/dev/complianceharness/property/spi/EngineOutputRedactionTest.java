package dev.complianceharness.property.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.complianceharness.property.Gens;
import dev.complianceharness.property.Property;
import dev.complianceharness.property.PropertyFailure;
import dev.complianceharness.property.ReportProperties;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Everything the engine shows of a failure passes its host's redaction")
@ReportProperties
class EngineOutputRedactionTest {

    @Test
    @DisplayName("the examples through the registered value renderer, the failure line and name through the redactors, the seed as it is")
    void message(@TempDir Path failures) {
        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class, () -> Property.forAll(Gens.integers(1, 9).map(i -> new Recording.Secret("SECRET-" + i)))
                .named("no SECRET-0 leaks").seed(-4232342342342342342L).storeFailuresIn(failures)
                .check(secret -> assertThat(secret.value()).isEqualTo("never")));

        assertThat(failure.getMessage())
                .startsWith("Property 'no SECRET-*** leaks' failed after 1 try (seed -4232342342342342342).")
                .contains("shrunk example:   Secret[hidden]", "original example: Secret[hidden]",
                        "-Dcomplianceharness.seed=-4232342342342342342")
                .doesNotContainPattern("SECRET-\\d");
        assertThat(failure.shrunkExample()).isEqualTo("Secret[hidden]");
        assertThat(failure.seed()).isEqualTo(-4232342342342342342L);
    }

    @Test
    @DisplayName("the cause as a copy with its message redacted, its type named and its stack trace kept")
    void cause(@TempDir Path failures) {
        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class, () -> Property.forAll(Gens.integers(1, 9).map(i -> "SECRET-" + i))
                .seed(7L).storeFailuresIn(failures)
                .check(secret -> {
                    IllegalStateException thrown = new IllegalStateException("rejected " + secret,
                            new IllegalArgumentException("bad " + secret));
                    thrown.addSuppressed(new RuntimeException("also " + secret));
                    throw thrown;
                }));

        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString())
                .contains("java.lang.IllegalStateException: rejected SECRET-***",
                        "Caused by: java.lang.IllegalArgumentException: bad SECRET-***", "Suppressed: java.lang.RuntimeException: also SECRET-***",
                        "EngineOutputRedactionTest")
                .doesNotContainPattern("SECRET-\\d");
    }

    @Test
    @DisplayName("a clean cause as it was thrown")
    void cleanCause(@TempDir Path failures) {
        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class, () -> Property.forAll(Gens.integers(1, 9)).seed(7L)
                .storeFailuresIn(failures).check(i -> {
                    throw new IllegalStateException("always");
                }));

        assertThat(failure.getCause()).isExactlyInstanceOf(IllegalStateException.class).hasMessage("always");
    }

    @Test
    @DisplayName("the stored failure under a keyed hash of the property's identity, its comments redacted")
    void store(@TempDir Path failures) throws IOException {
        catchThrowableOfType(PropertyFailure.class, () -> Property.forAll(Gens.integers(1, 9).map(i -> "SECRET-" + i))
                .named("charges for SECRET-4242424242424242").seed(3L).storeFailuresIn(failures)
                .check(secret -> assertThat(secret).isEqualTo("never")));

        List<Path> files;
        try (Stream<Path> listed = Files.list(failures)) {
            files = listed.filter(file -> file.getFileName().toString().endsWith(".failure")).toList();
        }
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).matches("property-[0-9a-f]{32}\\.failure");
            assertThat(Files.readString(file)).contains("# failing example of property charges for SECRET-*** (seed 3)")
                    .doesNotContain("4242");
        });
        assertThat(failures.resolve(".identity-key")).isRegularFile();
    }

    @Test
    @DisplayName("coverage labels in the message, the summary and the run handed to listeners")
    void labels(@TempDir Path failures) {
        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> Property.forAll(Gens.integers(1, 9))
                .named("labelled").seed(5L).tries(20).storeFailuresIn(failures)
                .label(i -> "SECRET-" + i).requireCoverage("SECRET-10", 50)
                .check(i -> assertThat(i).isPositive()));

        assertThat(failure.getMessage()).contains("seed 5").doesNotContainPattern("SECRET-\\d");
        assertThat(Recording.RUNS).filteredOn(run -> run.property().equals("labelled")).singleElement()
                .satisfies(run -> assertThat(run.labels()).containsOnlyKeys("SECRET-***").containsValue(20L));
    }
}
