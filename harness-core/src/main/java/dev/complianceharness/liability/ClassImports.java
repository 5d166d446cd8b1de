package dev.complianceharness.liability;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.jar.JarFile;
import org.apiguardian.api.API;

/**
 * Imports compiled classes with ArchUnit without resolving their dependencies from the class path, which
 * is fast and independent of the importing JVM's class path. Shared by the liability map, the report's zone
 * discovery and the audit ({@code harness-audit}).
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ClassImports {

    private ClassImports() {
    }

    /**
     * ClassImports jar files and class directories, without resolving dependencies (see
     * {@link #withoutResolvingDependencies(Function)}).
     *
     * @param paths jar files or class directories
     * @return the imported classes
     * @throws IllegalArgumentException naming a file that is not a readable jar
     */
    public static JavaClasses locations(Collection<Path> paths) {
        List<Location> locations = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    locations.add(Location.of(jar));
                } catch (IOException e) {
                    throw new IllegalArgumentException("Cannot read " + path.toAbsolutePath() + " as a jar: " + e.getMessage()
                            + "; name a jar file or a class directory", e);
                }
            } else {
                locations.add(Location.of(path));
            }
        }
        return withoutResolvingDependencies(importer -> importer.importLocations(locations));
    }

    /**
     * ClassImports without resolving the imported classes' dependencies from the class path: the map and the
     * audit need only the classes themselves (a dependency's name and package are known without it), and
     * resolving would read much of the JDK and the libraries. The setting is scoped to this thread, so the
     * caller's own ArchUnit configuration is untouched.
     *
     * @param importing what to import
     * @return the imported classes
     */
    public static JavaClasses withoutResolvingDependencies(Function<ClassFileImporter, JavaClasses> importing) {
        return ArchConfiguration.withThreadLocalScope((ArchConfiguration configuration) -> {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            return importing.apply(new ClassFileImporter());
        });
    }
}
