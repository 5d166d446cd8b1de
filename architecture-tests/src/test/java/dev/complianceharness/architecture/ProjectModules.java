package dev.complianceharness.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's Maven modules, the module map of {@code docs/architecture.md} (which module may use which),
 * and which module a class belongs to.
 *
 * <p>A class's module is read from where its class file was loaded: {@code <module>/target/classes} in the
 * reactor build, or {@code <module>-<version>.jar} from a repository. A class of the project whose module
 * cannot be told is reported by {@link ProjectArchitectureTest}, never counted as belonging nowhere.
 */
final class ProjectModules {

    static final String PROPERTY = "harness-property";
    static final String CORE = "harness-core";
    static final String AUDIT = "harness-audit";
    static final String SMS = "harness-sms";
    static final String PAYMENTS = "harness-payments";
    static final String SPRING = "harness-spring";
    static final String MAVEN_PLUGIN = "compliance-harness-maven-plugin";
    static final String EXAMPLES = "examples";
    static final String BENCHMARKS = "benchmarks";

    /** The artifacts teams depend on. */
    static final List<String> LIBRARIES = List.of(PROPERTY, CORE, AUDIT, SMS, PAYMENTS, SPRING, MAVEN_PLUGIN);
    /** Every module whose classes the rules read. */
    static final List<String> ALL = List.of(PROPERTY, CORE, AUDIT, SMS, PAYMENTS, SPRING, MAVEN_PLUGIN, EXAMPLES, BENCHMARKS);

    /** The module map: the other modules each module may use. */
    static final Map<String, Set<String>> MAY_USE = moduleMap();

    private static Map<String, Set<String>> moduleMap() {
        Map<String, Set<String>> map = new LinkedHashMap<>();
        map.put(PROPERTY, Set.of());
        map.put(CORE, Set.of(PROPERTY));
        map.put(AUDIT, Set.of(CORE, PROPERTY));
        map.put(SMS, Set.of(CORE, PROPERTY));
        map.put(PAYMENTS, Set.of(CORE, PROPERTY));
        map.put(SPRING, Set.of(CORE, PROPERTY));
        map.put(MAVEN_PLUGIN, Set.of(CORE, PROPERTY));
        map.put(EXAMPLES, Set.of(PROPERTY, CORE, AUDIT, SMS, PAYMENTS));
        map.put(BENCHMARKS, Set.of(PROPERTY, CORE, AUDIT, SMS, PAYMENTS, EXAMPLES));
        return java.util.Collections.unmodifiableMap(map);
    }

    private static final Pattern CLASS_DIRECTORY = Pattern.compile("/([A-Za-z0-9._-]+)/target/classes/");
    private static final Pattern JAR = Pattern.compile("/([A-Za-z0-9._-]+)\\.jar!/");

    private final Function<JavaClass, Optional<String>> locator;
    private final String description;

    private ProjectModules(Function<JavaClass, Optional<String>> locator, String description) {
        this.locator = locator;
        this.description = description;
    }

    /**
     * Modules told by where each class file was loaded from.
     *
     * @return the modules of the real project
     */
    static ProjectModules byLocation() {
        return new ProjectModules(javaClass -> javaClass.getSource().map(Source::getUri).map(Object::toString)
                .flatMap(ProjectModules::moduleOfLocation), "by class file location");
    }

    /**
     * Modules told by package prefix, for the rules' own fixtures.
     *
     * @param modulesByPackage package prefix to module name
     * @return the modules
     */
    static ProjectModules byPackage(Map<String, String> modulesByPackage) {
        return new ProjectModules(javaClass -> modulesByPackage.entrySet().stream()
                .filter(entry -> javaClass.getPackageName().equals(entry.getKey())
                        || javaClass.getPackageName().startsWith(entry.getKey() + "."))
                .map(Map.Entry::getValue)
                .findFirst(), "by package");
    }

    static Optional<String> moduleOfLocation(String uri) {
        Matcher directory = CLASS_DIRECTORY.matcher(uri);
        if (directory.find() && ALL.contains(directory.group(1))) {
            return Optional.of(directory.group(1));
        }
        Matcher jar = JAR.matcher(uri);
        if (jar.find()) {
            String file = jar.group(1);
            for (String module : ALL) {
                if (file.startsWith(module + "-") && file.length() > module.length() + 1
                        && Character.isDigit(file.charAt(module.length() + 1))) {
                    return Optional.of(module);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The module of a class.
     *
     * @param javaClass the class
     * @return its module, or empty for a class of no module of ours (the JDK, a library)
     */
    Optional<String> of(JavaClass javaClass) {
        return locator.apply(javaClass);
    }

    /**
     * Classes in one of the given modules.
     *
     * @param modules module names
     * @return the predicate
     */
    DescribedPredicate<JavaClass> in(String... modules) {
        List<String> names = List.of(modules);
        return DescribedPredicate.describe("are in " + String.join(" or ", names),
                javaClass -> of(javaClass).filter(names::contains).isPresent());
    }

    /**
     * Classes in any module of the project.
     *
     * @return the predicate
     */
    DescribedPredicate<JavaClass> inAny() {
        return DescribedPredicate.describe("are in a module of the project", javaClass -> of(javaClass).isPresent());
    }

    @Override
    public String toString() {
        return "modules " + description;
    }
}
