package dev.complianceharness.liability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.complianceharness.liability.LiabilityMap.ClassZones;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Zones read straight from class files")
class ClassFileZonesTest {

    private static Path testClasses(String packageName) throws Exception {
        return Path.of(ClassFileZonesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(packageName.replace('.', '/'));
    }

    /** Both readers give the same contribution for every class, and the same map or the same problems. */
    static void sameAsArchUnit(Path directory) {
        Optional<List<ClassZones>> read = ClassFileZones.read(List.of(directory));
        assertThat(read).as("read without ArchUnit").isPresent();
        JavaClasses imported = ClassImports.locations(List.of(directory));
        assertThat(read.get()).containsExactlyInAnyOrderElementsOf(LiabilityMap.classZones(imported)).isNotEmpty();
        LiabilityMap archUnit;
        try {
            archUnit = LiabilityMap.of(imported);
        } catch (InvalidLiabilityZoneException invalid) {
            assertThatThrownBy(() -> LiabilityMap.build(read.get())).isInstanceOf(InvalidLiabilityZoneException.class)
                    .hasMessage(invalid.getMessage());
            assertThatThrownBy(() -> LiabilityMap.importLocations(directory)).hasMessage(invalid.getMessage());
            return;
        }
        LiabilityMap ours = LiabilityMap.build(read.get());
        assertThat(ours.zones()).isEqualTo(archUnit.zones());
        imported.forEach(javaClass -> assertThat(ours.zoneOf(javaClass.getName())).as(javaClass.getName())
                .isEqualTo(archUnit.zoneOf(javaClass.getName())));
        assertThat(LiabilityMap.importLocations(directory).zones()).isEqualTo(archUnit.zones());
    }

    @Test
    @DisplayName("agree with ArchUnit's import on valid declarations: packages, sub-packages, classes and nested classes")
    void validFixtures() throws Exception {
        sameAsArchUnit(testClasses(LiabilityMapTest.VALID));
        assertThat(LiabilityMap.build(ClassFileZones.read(List.of(testClasses(LiabilityMapTest.VALID))).orElseThrow())
                .zoneOf(LiabilityMapTest.VALID + ".messaging.Billing$Line").orElseThrow().name())
                .isEqualTo(LiabilityMapTest.VALID + ".messaging.Billing");
    }

    @Test
    @DisplayName("report the same invalid declarations as ArchUnit's import: blank regulation, no regulation, disagreeing names")
    void invalidFixtures() throws Exception {
        sameAsArchUnit(testClasses(LiabilityMapTest.INVALID));
        assertThatThrownBy(() -> LiabilityMap.importLocations(testClasses(LiabilityMapTest.INVALID)))
                .isInstanceOf(InvalidLiabilityZoneException.class).hasMessageContaining("BlankRegulation");
    }

    @Test
    @DisplayName("agree with ArchUnit's import on every test class of this module: anonymous, local and nested classes")
    void wholeTestClassDirectory() throws Exception {
        sameAsArchUnit(testClasses("dev.complianceharness.report"));
        sameAsArchUnit(testClasses("dev.complianceharness.junit"));
    }

    @Test
    @DisplayName("leave a directory to ArchUnit when a class's enclosing class is not in it")
    void enclosingClassMissing(@TempDir Path directory) throws Exception {
        Path nested = testClasses(LiabilityMapTest.VALID).resolve("messaging/Billing$Line.class");
        Files.copy(nested, directory.resolve("Billing$Line.class"));
        assertThat(ClassFileZones.read(List.of(directory))).isEmpty();
    }

    @Test
    @DisplayName("leave a directory to ArchUnit when a file is not a class file")
    void notAClassFile(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("Broken.class"), "not a class");
        assertThat(ClassFileZones.read(List.of(directory))).isEmpty();
    }
}
