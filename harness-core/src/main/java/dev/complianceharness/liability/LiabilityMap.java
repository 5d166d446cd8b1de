package dev.complianceharness.liability;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import dev.complianceharness.liability.internal.ZoneAnnotationScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The liability map of a code base: every {@link LiabilityZone} declared on its packages and classes, with
 * the classes each zone covers. Built from compiled classes with ArchUnit.
 *
 * <pre>{@code
 * LiabilityMap map = LiabilityMap.importPackages("com.acme");
 * for (Zone zone : map.zones()) {
 *     System.out.println(zone.tier() + " " + zone.name() + " owned by " + zone.owner());
 * }
 * Optional<Zone> zone = map.zoneOf("com.acme.sms.QuietHours");
 * }</pre>
 *
 * <p>A class belongs to the zone declared on it; else to its enclosing class's zone; else to the zone of
 * the nearest annotated package above it. Import whole package trees: a package's annotation is only
 * seen when its {@code package-info.class} is imported.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class LiabilityMap {

    private final List<Zone> zones;
    private final Map<String, Zone> byClass;

    private LiabilityMap(List<Zone> zones, Map<String, Zone> byClass) {
        this.zones = List.copyOf(zones);
        this.byClass = Map.copyOf(byClass);
    }

    /**
     * Builds the map of classes imported with ArchUnit.
     *
     * @param classes the imported classes
     * @return the map
     * @throws InvalidLiabilityZoneException listing every invalid or conflicting declaration
     */
    public static LiabilityMap of(JavaClasses classes) {
        Objects.requireNonNull(classes, "classes");
        return build(classZones(classes));
    }

    /** What each class imported with ArchUnit contributes to the map. */
    static List<ClassZones> classZones(JavaClasses classes) {
        ZoneResolver resolver = new ZoneResolver();
        List<ClassZones> read = new ArrayList<>();
        for (JavaClass javaClass : classes) {
            if (javaClass.getSimpleName().equals("package-info")) {
                read.add(new ClassZones(javaClass.getName(), true, false,
                        ZoneResolver.read(javaClass.getPackage(), javaClass.getPackageName()), Optional.empty()));
            } else {
                read.add(new ClassZones(javaClass.getName(), false, javaClass.isAnonymousClass(),
                        ZoneResolver.read(javaClass, javaClass.getName()), resolver.declarationFor(javaClass)));
            }
        }
        return read;
    }

    /**
     * What one imported class contributes to the map.
     *
     * @param name        the class's name
     * @param packageInfo whether it is a {@code package-info} class
     * @param anonymous   whether it is an anonymous class (in its zone, but not listed among the zone's classes)
     * @param declared    the declaration on the class itself, or on the package for a {@code package-info} class
     * @param covering    the declaration that covers the class (none for a {@code package-info} class)
     */
    record ClassZones(String name, boolean packageInfo, boolean anonymous, Optional<ZoneDeclaration> declared,
                      Optional<ZoneDeclaration> covering) {
    }

    /**
     * Builds the map from what every imported class contributes, whoever read the classes: ArchUnit or
     * {@link ClassFileZones}.
     */
    static LiabilityMap build(List<ClassZones> classes) {
        Map<String, List<ZoneDeclaration>> declarations = new TreeMap<>();
        Map<String, TreeSet<String>> members = new TreeMap<>();
        Map<String, String> zoneNameByClass = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ClassZones javaClass : classes) {
            javaClass.declared().ifPresent(declaration -> collect(declarations, declaration));
            if (javaClass.packageInfo()) {
                continue;
            }
            Optional<ZoneDeclaration> covering = javaClass.covering();
            if (covering.isPresent()) {
                zoneNameByClass.put(javaClass.name(), covering.get().name());
                if (!javaClass.anonymous() && !javaClass.name().contains("$$")) {
                    members.computeIfAbsent(covering.get().name(), name -> new TreeSet<>()).add(javaClass.name());
                }
            }
        }
        List<Zone> zones = new ArrayList<>();
        for (Map.Entry<String, List<ZoneDeclaration>> entry : declarations.entrySet()) {
            List<ZoneDeclaration> group = new ArrayList<>(entry.getValue());
            group.sort(Comparator.comparing(ZoneDeclaration::declaredOn));
            group.forEach(declaration -> problems.addAll(declaration.problems()));
            ZoneDeclaration first = group.get(0);
            for (ZoneDeclaration other : group.subList(1, group.size())) {
                if (!first.agreesWith(other)) {
                    problems.add("zone '" + entry.getKey() + "' is declared on " + first.declaredOn() + " and on "
                            + other.declaredOn() + " with different tier, owner, regulations or guards: make them agree,"
                            + " or give one of them another name");
                }
            }
            if (first.tier() != null) {
                List<String> declaredOn = group.stream().map(ZoneDeclaration::declaredOn).distinct().sorted().toList();
                zones.add(new Zone(entry.getKey(), first.tier(), first.owner(), first.regulations(), first.guardedBy(),
                        declaredOn, List.copyOf(members.getOrDefault(entry.getKey(), new TreeSet<>()))));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidLiabilityZoneException(problems.stream().distinct().sorted().toList());
        }
        zones.sort(Comparator.comparing(Zone::tier).thenComparing(Zone::name));
        Map<String, Zone> zonesByName = new LinkedHashMap<>();
        zones.forEach(zone -> zonesByName.put(zone.name(), zone));
        Map<String, Zone> byClass = new LinkedHashMap<>();
        zoneNameByClass.forEach((className, zoneName) -> byClass.put(className, zonesByName.get(zoneName)));
        return new LiabilityMap(zones, byClass);
    }

    private static void collect(Map<String, List<ZoneDeclaration>> declarations, ZoneDeclaration declaration) {
        List<ZoneDeclaration> group = declarations.computeIfAbsent(declaration.name(), name -> new ArrayList<>());
        if (group.stream().noneMatch(existing -> existing.declaredOn().equals(declaration.declaredOn()))) {
            group.add(declaration);
        }
    }

    /**
     * Imports compiled classes from directories or jars and builds their map. Class directories are first
     * scanned for the annotation's name: when no class file mentions it (and no jar is named), the map is
     * empty and nothing is imported.
     *
     * @param locations class directories (such as {@code target/classes}) or jar files
     * @return the map
     * @throws IllegalArgumentException      naming a location that does not exist
     * @throws InvalidLiabilityZoneException listing every invalid or conflicting declaration
     */
    public static LiabilityMap importLocations(Path... locations) {
        for (Path location : locations) {
            if (!Files.exists(location)) {
                throw new IllegalArgumentException("Cannot build the liability map from " + location.toAbsolutePath()
                        + ": no such directory or jar; compile the code first or name another location");
            }
        }
        if (Arrays.stream(locations).allMatch(Files::isDirectory)) {
            if (Arrays.stream(locations).noneMatch(ZoneAnnotationScan::mentionsLiabilityZone)) {
                return new LiabilityMap(List.of(), Map.of());
            }
            // ArchUnit's first import costs a cold test JVM over half a second; its reading stays the fallback
            Optional<List<ClassZones>> read = ClassFileZones.read(Arrays.asList(locations));
            if (read.isPresent()) {
                return build(read.get());
            }
        }
        return of(ClassImports.locations(Arrays.asList(locations)));
    }

    /**
     * Imports packages (with their sub-packages) from the class path and builds their map.
     *
     * @param packageNames the packages, for example {@code "com.acme"}
     * @return the map
     * @throws InvalidLiabilityZoneException listing every invalid or conflicting declaration
     */
    public static LiabilityMap importPackages(String... packageNames) {
        return of(ClassImports.withoutResolvingDependencies(importer -> importer.importPackages(packageNames)));
    }

    /** @return the zones, most exposed tier first, then by name */
    public List<Zone> zones() {
        return zones;
    }

    /**
     * The zone with a name.
     *
     * @param name the zone's name
     * @return the zone; empty when the map has none of that name
     */
    public Optional<Zone> zone(String name) {
        return zones.stream().filter(zone -> zone.name().equals(name)).findFirst();
    }

    /**
     * The zone a class belongs to.
     *
     * @param className the class's fully qualified name (binary name for nested classes: {@code Outer$Inner})
     * @return its zone; empty when the class is in none, or was not imported
     */
    public Optional<Zone> zoneOf(String className) {
        return Optional.ofNullable(byClass.get(className));
    }

    /** @return true when no zone is declared */
    public boolean isEmpty() {
        return zones.isEmpty();
    }

    @Override
    public String toString() {
        return "LiabilityMap" + zones.stream().map(zone -> zone.tier() + " " + zone.name()).toList();
    }
}
