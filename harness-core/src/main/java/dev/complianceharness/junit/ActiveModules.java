package dev.complianceharness.junit;

import dev.complianceharness.event.RecordingPart;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.InvariantOverride;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The validated modules, recording parts and clock start one test runs with. */
final class ActiveModules {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");

    private final List<InvariantModule> modules;
    /** Each module's invariants, asked for once: a module may build new instances on every call. */
    private final Map<InvariantModule, List<Invariant>> invariants;
    private final Map<Class<?>, RecordingPart<?>> parts;
    private final Instant clockStart;

    private final List<AppliedOverride> overrides;

    private ActiveModules(Map<InvariantModule, List<Invariant>> invariants, List<AppliedOverride> overrides,
                          Map<Class<?>, RecordingPart<?>> parts, Instant clockStart) {
        this.modules = List.copyOf(invariants.keySet());
        this.invariants = invariants;
        this.overrides = List.copyOf(overrides);
        this.parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        this.clockStart = clockStart;
    }

    List<AppliedOverride> overrides() {
        return overrides;
    }

    /**
     * An override that took effect.
     *
     * @param overridingModule the module that declared it
     * @param replacedModule   the module whose invariant it replaced
     * @param override         the override
     */
    record AppliedOverride(InvariantModule overridingModule, InvariantModule replacedModule, InvariantOverride override) {
    }

    List<InvariantModule> modules() {
        return modules;
    }

    List<Invariant> invariants(InvariantModule module) {
        return invariants.get(module);
    }

    Optional<RecordingPart<?>> part(Class<?> type) {
        return Optional.ofNullable(parts.get(type));
    }

    /** @return the parts created before every test, in the order the modules declare them */
    List<RecordingPart<?>> startedWithEachTest() {
        return parts.values().stream()
                .filter(part -> part.lifetime() == RecordingPart.Lifetime.STARTED_WITH_EACH_TEST).toList();
    }

    Instant clockStart() {
        return clockStart;
    }

    /**
     * Resolves and validates the configuration the annotations ask for.
     *
     * @param annotations the {@code @ComplianceTest} annotations found, outermost first
     * @param where       the annotated element, for messages
     */
    static ActiveModules resolve(List<ComplianceTest> annotations, String where) {
        Map<Class<?>, InvariantModule> byClass = new LinkedHashMap<>();
        Set<String> requestedIds = new LinkedHashSet<>();
        boolean discoverAll = false;
        Instant clockStart = null;
        for (ComplianceTest annotation : annotations) {
            for (Class<? extends InvariantModule> moduleClass : annotation.modules()) {
                if (!byClass.containsKey(moduleClass)) {
                    byClass.put(moduleClass, instantiate(moduleClass));
                }
            }
            requestedIds.addAll(List.of(annotation.moduleIds()));
            discoverAll |= annotation.discoverModules();
            clockStart = mergeClockStart(clockStart, annotation.clockStart(), where);
        }
        if (!requestedIds.isEmpty() || discoverAll) {
            Map<String, InvariantModule> discovered = discover();
            for (String id : requestedIds) {
                InvariantModule module = discovered.get(id);
                if (module == null) {
                    throw new ComplianceConfigurationException("@ComplianceTest on " + where + " names module id '" + id
                            + "', but no module with that id is registered for ServiceLoader (found: "
                            + (discovered.isEmpty() ? "none" : String.join(", ", new TreeSet<>(discovered.keySet())))
                            + "). Check the spelling, or add the module's artifact to the test class path.");
                }
                byClass.putIfAbsent(module.getClass(), module);
            }
            if (discoverAll) {
                for (InvariantModule module : discovered.values()) {
                    byClass.putIfAbsent(module.getClass(), module);
                }
            }
        }
        if (byClass.isEmpty()) {
            throw new ComplianceConfigurationException("@ComplianceTest on " + where
                    + " activates no invariant module: name one with modules = {...} or moduleIds = {...},"
                    + " or set discoverModules = true" + (discoverAll ? " (none is registered for ServiceLoader)" : ""));
        }
        List<InvariantModule> modules = new ArrayList<>(byClass.values());
        Map<InvariantModule, List<Invariant>> invariants = snapshotAndValidate(modules);
        List<AppliedOverride> applied = applyOverrides(invariants);
        checkUniqueInvariantIds(invariants);
        return new ActiveModules(invariants, applied, collectParts(modules), clockStart);
    }

    private static Instant mergeClockStart(Instant current, String text, String where) {
        if (text.isEmpty()) {
            return current;
        }
        Instant parsed;
        try {
            parsed = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ComplianceConfigurationException("@ComplianceTest(clockStart = \"" + text + "\") on " + where
                    + " is not an ISO-8601 instant: write it like \"2025-03-09T06:59:59Z\"", e);
        }
        if (current != null && !current.equals(parsed)) {
            throw new ComplianceConfigurationException("@ComplianceTest annotations on " + where
                    + " set two different clock starts (" + current + " and " + parsed + "): keep one");
        }
        return parsed;
    }

    static InvariantModule instantiate(Class<? extends InvariantModule> moduleClass) {
        if (moduleClass.isInterface() || Modifier.isAbstract(moduleClass.getModifiers())) {
            throw new ComplianceConfigurationException("Invariant module " + moduleClass.getName()
                    + " cannot be instantiated: it is abstract. Name a concrete class in @ComplianceTest(modules = ...).");
        }
        Constructor<? extends InvariantModule> constructor;
        try {
            constructor = moduleClass.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new ComplianceConfigurationException("Invariant module " + moduleClass.getName()
                    + " cannot be instantiated: it needs a public no-argument constructor.", e);
        }
        if (moduleClass.getEnclosingClass() != null && !Modifier.isStatic(moduleClass.getModifiers())) {
            throw new ComplianceConfigurationException("Invariant module " + moduleClass.getName()
                    + " cannot be instantiated: it is an inner class. Declare it static or top-level.");
        }
        try {
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ComplianceConfigurationException("Invariant module " + moduleClass.getName()
                    + " cannot be instantiated: its constructor threw " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ComplianceConfigurationException("Invariant module " + moduleClass.getName()
                    + " cannot be instantiated: " + e, e);
        }
    }

    static Map<String, InvariantModule> discover() {
        Map<String, InvariantModule> byId = new LinkedHashMap<>();
        try {
            for (InvariantModule module : ServiceLoader.load(InvariantModule.class, classLoader())) {
                InvariantModule previous = byId.putIfAbsent(module.id(), module);
                if (previous != null && previous.getClass() != module.getClass()) {
                    throw new ComplianceConfigurationException("Two invariant modules registered for ServiceLoader share the id '"
                            + module.id() + "': " + previous.getClass().getName() + " and " + module.getClass().getName()
                            + ". Module ids must be unique.");
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new ComplianceConfigurationException("An invariant module registered in META-INF/services/"
                    + InvariantModule.class.getName() + " could not be loaded: " + e.getMessage(), e);
        }
        return byId;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ActiveModules.class.getClassLoader();
    }

    /** Asks each module for its invariants once (a module may build new instances on every call) and validates them. */
    private static Map<InvariantModule, List<Invariant>> snapshotAndValidate(List<InvariantModule> modules) {
        Map<String, InvariantModule> moduleIds = new LinkedHashMap<>();
        Map<InvariantModule, List<Invariant>> snapshot = new LinkedHashMap<>();
        for (InvariantModule module : modules) {
            String name = module.getClass().getName();
            String id = module.id();
            if (id == null || !ID.matcher(id).matches()) {
                throw new ComplianceConfigurationException("Invariant module " + name + " has id '" + id
                        + "': a module id is lower-case letters and digits separated by dots or dashes, such as \"sms.quiet-hours\"");
            }
            InvariantModule sameId = moduleIds.putIfAbsent(id, module);
            if (sameId != null) {
                throw new ComplianceConfigurationException("Invariant modules " + sameId.getClass().getName() + " and "
                        + name + " share the id '" + id + "'. Module ids must be unique.");
            }
            if (module.version() == null || module.version().isBlank()) {
                throw new ComplianceConfigurationException("Invariant module '" + id + "' (" + name
                        + ") has no version: return one from version(), such as \"1.0.0\"");
            }
            List<Invariant> invariants = module.invariants() == null ? List.of() : module.invariants();
            List<InvariantOverride> overrides = module.overrides() == null ? List.of() : module.overrides();
            if (invariants.isEmpty() && overrides.isEmpty()) {
                throw new ComplianceConfigurationException("Invariant module '" + id + "' (" + name
                        + ") declares no invariants: a module must verify at least one invariant.");
            }
            for (Invariant invariant : invariants) {
                if (invariant == null) {
                    throw new ComplianceConfigurationException("Invariant module '" + id + "' (" + name
                            + ") lists a null invariant: check the order of its static fields.");
                }
            }
            snapshot.put(module, new ArrayList<>(invariants));
        }
        return snapshot;
    }

    private static List<AppliedOverride> applyOverrides(Map<InvariantModule, List<Invariant>> invariants) {
        List<AppliedOverride> applied = new ArrayList<>();
        Map<String, InvariantModule> replacedBy = new LinkedHashMap<>();
        for (InvariantModule module : List.copyOf(invariants.keySet())) {
            for (InvariantOverride override : module.overrides()) {
                String target = override.replacedInvariantId();
                if (override.reason().isBlank()) {
                    throw new ComplianceConfigurationException("Module '" + module.id() + "' overrides invariant '" + target
                            + "' without a reason: say why the shipped rule does not apply (a stricter company policy,"
                            + " a counsel's reading) in InvariantOverride.replace(..., reason).");
                }
                InvariantModule earlier = replacedBy.putIfAbsent(target, module);
                if (earlier != null) {
                    throw new ComplianceConfigurationException("Invariant '" + target + "' is overridden by both module '"
                            + earlier.id() + "' and module '" + module.id() + "': keep one override.");
                }
                InvariantModule owner = ownerOf(invariants, target, module);
                invariants.get(owner).removeIf(invariant -> invariant.id().equals(target));
                if (!invariants.get(module).contains(override.replacement())) {
                    invariants.get(module).add(override.replacement());
                }
                applied.add(new AppliedOverride(module, owner, override));
            }
        }
        for (Map.Entry<InvariantModule, List<Invariant>> entry : invariants.entrySet()) {
            entry.setValue(List.copyOf(entry.getValue()));
        }
        return applied;
    }

    private static InvariantModule ownerOf(Map<InvariantModule, List<Invariant>> invariants, String target,
                                           InvariantModule overriding) {
        List<String> known = new ArrayList<>();
        for (Map.Entry<InvariantModule, List<Invariant>> entry : invariants.entrySet()) {
            for (Invariant invariant : entry.getValue()) {
                if (entry.getKey() != overriding && invariant.id().equals(target)) {
                    return entry.getKey();
                }
                known.add(invariant.id());
            }
        }
        throw new ComplianceConfigurationException("Module '" + overriding.id() + "' overrides invariant '" + target
                + "', which no other active module declares (active invariants: "
                + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known)))
                + "). Activate the module that ships it, or fix the id.");
    }

    private static void checkUniqueInvariantIds(Map<InvariantModule, List<Invariant>> invariants) {
        Map<String, InvariantModule> invariantIds = new LinkedHashMap<>();
        for (Map.Entry<InvariantModule, List<Invariant>> entry : invariants.entrySet()) {
            InvariantModule module = entry.getKey();
            for (Invariant invariant : entry.getValue()) {
                InvariantModule other = invariantIds.putIfAbsent(invariant.id(), module);
                if (other != null) {
                    throw new ComplianceConfigurationException("Invariant id '" + invariant.id() + "' is declared "
                            + (other == module ? "twice by module '" + module.id() + "'"
                                    : "by both module '" + other.id() + "' and module '" + module.id() + "'")
                            + ". Invariant ids must be unique across the active modules; to replace a shipped invariant,"
                            + " declare an InvariantOverride with a reason.");
                }
            }
        }
    }

    private static Map<Class<?>, RecordingPart<?>> collectParts(List<InvariantModule> modules) {
        Map<Class<?>, RecordingPart<?>> parts = new LinkedHashMap<>();
        Map<Class<?>, InvariantModule> providers = new LinkedHashMap<>();
        for (InvariantModule module : modules) {
            for (RecordingPart<?> part : module.recordingParts()) {
                InvariantModule other = providers.putIfAbsent(part.type(), module);
                if (other != null && other != module) {
                    throw new ComplianceConfigurationException("Recording part " + part.type().getName()
                            + " is provided by both module '" + other.id() + "' and module '" + module.id()
                            + "': only one module may provide a parameter type.");
                }
                parts.put(part.type(), part);
            }
        }
        return parts;
    }
}
