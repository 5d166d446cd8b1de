package dev.complianceharness.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Checks the project's own design on the main classes of every module (examples and benchmarks included),
 * as ArchUnit checks its own: the module map, no package cycles, no internal package used across modules,
 * a domain-free property engine, and stability annotations on public API.
 */
@DisplayName("The project's own design")
class ProjectArchitectureTest {

    private static final ProjectModules MODULES = ProjectModules.byLocation();
    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ProjectRules.ROOT);
    }

    @Test
    @DisplayName("reads the classes of every module, and knows the module of every class it reads")
    void everyModuleIsRead() {
        Map<String, Long> classesPerModule = new TreeMap<>();
        Set<String> withoutModule = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            Optional<String> module = MODULES.of(javaClass);
            if (module.isPresent()) {
                classesPerModule.merge(module.get(), 1L, Long::sum);
            } else {
                withoutModule.add(javaClass.getName() + " from " + javaClass.getSource().map(Object::toString).orElse("?"));
            }
        }
        assertThat(withoutModule).as("classes of the project whose module is unknown").isEmpty();
        assertThat(classesPerModule.keySet()).as("modules whose classes were read")
                .containsExactlyInAnyOrderElementsOf(ProjectModules.ALL);
    }

    @Test
    @DisplayName("puts every package in one module")
    void noSplitPackages() {
        Map<String, Set<String>> modulesPerPackage = new TreeMap<>();
        for (JavaClass javaClass : classes) {
            MODULES.of(javaClass).ifPresent(module -> modulesPerPackage
                    .computeIfAbsent(javaClass.getPackageName(), name -> new TreeSet<>()).add(module));
        }
        assertThat(modulesPerPackage.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .map(entry -> entry.getKey() + " in " + entry.getValue()).collect(Collectors.toList()))
                .as("packages split across modules").isEmpty();
    }

    @Test
    @DisplayName("keeps to the module map")
    void moduleMap() {
        ProjectRules.moduleMap(MODULES).check(classes);
    }

    @Test
    @DisplayName("has no package cycles (a package and its internal sub-packages count as one)")
    void noPackageCycles() {
        ProjectRules.noPackageCycles(ProjectRules.ROOT).check(classes);
    }

    @Test
    @DisplayName("keeps harness-sms and harness-payments apart")
    void domainModulesIndependent() {
        ProjectRules.domainModulesIndependent(MODULES).check(classes);
    }

    @Test
    @DisplayName("uses no internal package of another module, benchmarks included")
    void noInternalPackageAcrossModules() {
        ProjectRules.noInternalPackageAcrossModules(MODULES).check(classes);
    }

    @Test
    @DisplayName("keeps the property engine free of the harness, SMS, PII and payments")
    void propertyEngineKnowsNoDomain() {
        ProjectRules.propertyEngineKnowsNoDomain(MODULES).check(classes);
    }

    @Test
    @DisplayName("uses examples and benchmarks from no library module")
    void librariesUseNoExamplesOrBenchmarks() {
        ProjectRules.librariesUseNoExamplesOrBenchmarks(MODULES).check(classes);
    }

    @Test
    @DisplayName("marks every public type of a public package with @API, in the modules annotated so far")
    void publicTypesDeclareTheirStability() {
        List<String> scope = apiScope();
        assertThat(scope).as("api-scope.txt names library modules only").isSubsetOf(ProjectModules.LIBRARIES).isNotEmpty();
        ProjectRules.publicTypesDeclareTheirStability(MODULES, scope).check(classes);
    }

    /** The modules listed in {@code api-scope.txt}, which {@code scripts/annotate-api.py} keeps. */
    static List<String> apiScope() {
        try (InputStream in = ProjectArchitectureTest.class.getResourceAsStream("/api-scope.txt")) {
            if (in == null) {
                throw new IllegalStateException("api-scope.txt is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
