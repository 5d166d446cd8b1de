package dev.complianceharness.liability;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import dev.complianceharness.invariant.LiabilityTier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Finds the {@code @LiabilityZone} declaration that covers a class: the class's own, else its enclosing
 * class's, else the nearest annotated package going up the package tree. Annotations are recognised by
 * name, so classes compiled against any copy of the annotation are read alike. Thread-safe; results are
 * cached per class and package.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ZoneResolver {

    /** The annotation's fully qualified name. */
    public static final String ANNOTATION = "dev.complianceharness.liability.LiabilityZone";

    private final Map<String, Optional<ZoneDeclaration>> byPackage = new ConcurrentHashMap<>();
    private final Map<String, Optional<ZoneDeclaration>> byClass = new ConcurrentHashMap<>();

    /**
     * The declaration that covers a class.
     *
     * @param javaClass the class
     * @return its zone's declaration; empty when no zone covers it
     */
    public Optional<ZoneDeclaration> declarationFor(JavaClass javaClass) {
        if (javaClass.getSimpleName().equals("package-info")) {
            return declarationFor(javaClass.getPackage());
        }
        Optional<ZoneDeclaration> cached = byClass.get(javaClass.getName());
        if (cached != null) {
            return cached;
        }
        Optional<ZoneDeclaration> own = read(javaClass, javaClass.getName());
        Optional<ZoneDeclaration> resolved = own.isPresent() ? own
                : javaClass.getEnclosingClass().map(this::declarationFor)
                        .filter(Optional::isPresent).map(Optional::get)
                        .or(() -> declarationFor(javaClass.getPackage()));
        byClass.put(javaClass.getName(), resolved);
        return resolved;
    }

    private Optional<ZoneDeclaration> declarationFor(JavaPackage javaPackage) {
        Optional<ZoneDeclaration> cached = byPackage.get(javaPackage.getName());
        if (cached != null) {
            return cached;
        }
        Optional<ZoneDeclaration> resolved = read(javaPackage, javaPackage.getName())
                .or(() -> javaPackage.getParent().flatMap(this::declarationFor));
        byPackage.put(javaPackage.getName(), resolved);
        return resolved;
    }

    /**
     * Reads the annotation on a package or class.
     *
     * @param element     the annotated element
     * @param elementName its name, for the zone's default name and for error messages
     * @return the declaration; empty when the element is not annotated
     */
    public static Optional<ZoneDeclaration> read(HasAnnotations<?> element, String elementName) {
        Optional<? extends JavaAnnotation<?>> found = element.tryGetAnnotationOfType(ANNOTATION);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JavaAnnotation<?> annotation = found.get();
        return Optional.of(declaration(element instanceof JavaPackage, elementName,
                annotation::tryGetExplicitlyDeclaredProperty));
    }

    /**
     * Builds a declaration from the annotation's explicitly declared properties, as ArchUnit or the class-file reader
     * ({@link ClassFileZones}) found them.
     *
     * @param onPackage   whether the annotation is on a package
     * @param elementName the annotated element's name
     * @param properties  a property's value: a {@link JavaEnumConstant} or {@link ClassFileZones.EnumConstant} for the
     *                    tier, strings and string arrays for the rest; empty when not declared
     * @return the declaration, with its problems
     */
    static ZoneDeclaration declaration(boolean onPackage, String elementName, Function<String, Optional<Object>> properties) {
        String where = (onPackage ? "package " : "class ") + elementName;
        List<String> problems = new ArrayList<>();
        LiabilityTier tier = null;
        Object tierValue = properties.apply("tier").orElse(null);
        String tierName = tierValue instanceof JavaEnumConstant constant ? constant.name()
                : tierValue instanceof ClassFileZones.EnumConstant constant ? constant.name() : null;
        if (tierName != null) {
            try {
                tier = LiabilityTier.valueOf(tierName);
            } catch (IllegalArgumentException unknown) {
                problems.add(where + " declares the unknown tier " + tierName
                        + ": use REGULATORY, FINANCIAL or REPUTATIONAL");
            }
        } else {
            problems.add(where + " declares no tier: add tier = LiabilityTier.REGULATORY, FINANCIAL or REPUTATIONAL");
        }
        String owner = text(properties, "owner");
        List<String> regulations = texts(properties, "regulations", where, problems);
        List<String> guardedBy = texts(properties, "guardedBy", where, problems);
        String explicitName = text(properties, "name");
        if (tier == LiabilityTier.REGULATORY && regulations.isEmpty() && guardedBy.isEmpty()) {
            problems.add(where + " is a REGULATORY zone that names no regulation and no guard: add regulations = {\"<regulation id"
                    + " or citation>\"} (or guardedBy = {\"<invariant or module id>\"}), or choose another tier");
        }
        return new ZoneDeclaration(explicitName.isEmpty() ? elementName : explicitName, tier, owner,
                regulations, guardedBy, elementName, problems);
    }

    private static String text(Function<String, Optional<Object>> properties, String property) {
        return properties.apply(property).map(value -> value.toString().strip()).orElse("");
    }

    private static List<String> texts(Function<String, Optional<Object>> properties, String property, String where,
                                      List<String> problems) {
        Object value = properties.apply(property).orElse(new String[0]);
        List<String> texts = new ArrayList<>();
        if (value instanceof String[] values) {
            for (int i = 0; i < values.length; i++) {
                String text = values[i].strip();
                if (text.isEmpty()) {
                    problems.add(where + " has a blank entry at " + property + "[" + i + "]: remove it or name the "
                            + (property.equals("regulations") ? "regulation id or citation" : "invariant or module id"));
                } else if (!texts.contains(text)) {
                    texts.add(text);
                }
            }
        }
        return texts;
    }
}
