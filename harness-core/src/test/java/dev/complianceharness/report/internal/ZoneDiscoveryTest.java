package dev.complianceharness.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.liability.internal.ZoneAnnotationScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Zone discovery")
class ZoneDiscoveryTest {

    @Test
    @DisplayName("reads the module's own main classes by default, never its test classes")
    void defaultLocationIsTheModulesMainOutput() {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().normalize();

        assertThat(ZoneDiscovery.defaultLocations()).containsExactly(base.resolve("target/classes"));
    }

    @Test
    @DisplayName("skips the ArchUnit import when no class file mentions @LiabilityZone")
    void skipsImportWithoutAnnotation(@TempDir Path classes) throws Exception {
        Path plain = Path.of(ZoneDiscoveryTest.class.getResource("ZoneDiscoveryTest.class").toURI());
        Files.copy(plain, classes.resolve("ZoneDiscoveryTest.class"));

        ZoneDiscovery.Result result = ZoneDiscovery.discover(key -> Optional.ofNullable(
                Map.of(ZoneDiscovery.PATHS, classes.toString()).get(key)));

        assertThat(ZoneAnnotationScan.mentionsLiabilityZone(classes)).isFalse();
        assertThat(result.zones()).isEmpty();
        assertThat(result.problems()).isEmpty();
        assertThat(result.source()).endsWith("(no @LiabilityZone)");
    }

    @Test
    @DisplayName("finds the annotation's descriptor in an annotated class file")
    void findsAnnotatedClassFiles() throws Exception {
        Path testClasses = Path.of(ZoneDiscoveryTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        assertThat(ZoneAnnotationScan.mentionsLiabilityZone(testClasses.resolve("dev/complianceharness/liability/fixtures/valid")))
                .isTrue();
    }

    @Test
    @DisplayName("refuses an unknown discovery mode")
    void unknownMode() {
        ZoneDiscovery.Result result = ZoneDiscovery.discover(key -> key.equals(ZoneDiscovery.DISCOVERY)
                ? Optional.of("sometimes") : Optional.empty());

        assertThat(result.problems()).containsExactly("complianceharness.liability.discovery is 'sometimes': use auto or off");
    }
}
