package dev.complianceharness.junit;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordingPart;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.Violation;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.report.internal.ComplianceReport.TestWarning;
import dev.complianceharness.report.internal.InvariantOutcome;
import dev.complianceharness.report.internal.ModuleDescription;
import dev.complianceharness.report.internal.ResultRegistry;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Activates the modules {@link ComplianceTest} names, gives each test its own trace, clock and recording
 * parts, and verifies every active invariant after the test.
 */
final class ComplianceExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(ComplianceExtension.class);
    /** Resolved configurations; resolution depends only on the annotations and the class path, so it is shared. */
    private static final ConfigurationCache CONFIGURATIONS = new ConfigurationCache();
    private static final String RECORDING = "recording";

    @Override
    public void beforeEach(ExtensionContext context) {
        ActiveModules active = activeModules(context);
        recording(context, active);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        boolean harnessType = type == EventTrace.class || type == TestClock.class;
        if (extensionContext.getTestMethod().isEmpty()) {
            if (harnessType || providedByDiscoverableModule(type).isPresent()) {
                throw new ParameterResolutionException("Compliance parameter " + type.getSimpleName() + " of "
                        + parameterContext.getDeclaringExecutable() + " cannot be injected there: each test gets its own"
                        + " trace, clock and recording parts, so declare them as parameters of @Test, @BeforeEach or"
                        + " @AfterEach methods, not of constructors or @BeforeAll methods.");
            }
            return false;
        }
        if (harnessType) {
            return true;
        }
        ActiveModules active = activeModules(extensionContext);
        if (active.part(type).isPresent()) {
            return true;
        }
        if (providedByDiscoverableModule(type).isPresent()) {
            throw new ParameterResolutionException(noProviderMessage(type, parameterContext, active));
        }
        return false;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        ActiveModules active = activeModules(extensionContext);
        TestRecording recording = recording(extensionContext, active);
        if (type == EventTrace.class) {
            return recording.trace();
        }
        if (type == TestClock.class) {
            return recording.clock();
        }
        RecordingPart<?> part = active.part(type).orElseThrow(() -> new ParameterResolutionException(
                noProviderMessage(type, parameterContext, active)));
        try {
            return recording.part(part);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("Recording part " + type.getName() + " could not be created: " + e, e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ActiveModules active = activeModules(context);
        TestRecording recording = recording(context, active);
        List<InvariantOutcome> outcomes = new ArrayList<>();
        List<ModuleViolation> violations = new ArrayList<>();
        for (InvariantModule module : active.modules()) {
            for (Invariant invariant : active.invariants(module)) {
                List<Violation> found = invariant.verify(recording.trace());
                found.forEach(violation -> violations.add(new ModuleViolation(module, violation)));
                outcomes.add(new InvariantOutcome(context.getUniqueId(), context.getDisplayName(),
                        context.getRequiredTestClass().getName(), module.id(), module.version(), invariant, found));
            }
        }
        ResultRegistry.record(context.getUniqueId(), outcomes);
        List<String> warnings = recording.trace().warnings();
        ResultRegistry.recordWarnings(context.getUniqueId(), warnings.stream().map(warning -> new TestWarning(
                context.getRequiredTestClass().getName(), context.getDisplayName(), warning)).toList());
        if (!violations.isEmpty()) {
            throw new ComplianceViolationError(failureMessage(context, violations, warnings),
                    violations.stream().map(ModuleViolation::violation).toList());
        }
        for (String warning : warnings) {
            context.publishReportEntry("compliance-harness.warning", Redaction.redact(warning));
        }
    }

    private static String failureMessage(ExtensionContext context, List<ModuleViolation> violations,
                                         List<String> warnings) {
        StringBuilder message = new StringBuilder();
        message.append(violations.size()).append(violations.size() == 1 ? " compliance violation in " : " compliance violations in ")
                .append(context.getDisplayName()).append(':');
        for (ModuleViolation found : violations) {
            message.append("\n\n").append(found.violation().describe())
                    .append("\n  module:     ").append(found.module().id()).append(' ').append(found.module().version());
        }
        if (!warnings.isEmpty()) {
            message.append("\n\nThe harness could not check everything in this test:");
            warnings.forEach(warning -> message.append("\n  warning:    ").append(warning));
        }
        return message.toString();
    }

    /** A violation with the module whose invariant found it. */
    private record ModuleViolation(InvariantModule module, Violation violation) {
    }

    private static TestRecording recording(ExtensionContext context, ActiveModules active) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        TestRecording recording = store.get(RECORDING, TestRecording.class);
        if (recording == null) {
            TestClock clock = active.clockStart() == null ? TestClock.atDefaultStart() : TestClock.at(active.clockStart());
            recording = new TestRecording(clock, context.getDisplayName());
            store.put(RECORDING, recording);
        }
        return recording;
    }

    /** Resolves the configuration once per annotated element set, and caches it for the whole run. */
    private static ActiveModules activeModules(ExtensionContext context) {
        List<ComplianceTest> annotations = new ArrayList<>();
        List<AnnotatedElement> elements = annotatedElements(context);
        for (AnnotatedElement element : elements) {
            annotations.addAll(AnnotationSupport.findRepeatableAnnotations(element, ComplianceTest.class));
        }
        String where = describe(context);
        return CONFIGURATIONS.resolve(elements, annotations, where);
    }

    private static List<AnnotatedElement> annotatedElements(ExtensionContext context) {
        List<AnnotatedElement> elements = new ArrayList<>();
        Optional<Class<?>> testClass = context.getTestClass();
        if (testClass.isPresent()) {
            List<Class<?>> enclosing = new ArrayList<>();
            Class<?> current = testClass.get();
            enclosing.add(current);
            while (current.getEnclosingClass() != null && !Modifier.isStatic(current.getModifiers())) {
                current = current.getEnclosingClass();
                enclosing.add(0, current);
            }
            elements.addAll(enclosing);
        }
        context.getTestMethod().ifPresent(elements::add);
        return elements;
    }

    private static String describe(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        return method.map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName() + "()")
                .orElseGet(() -> context.getTestClass().map(Class::getName).orElse(context.getDisplayName()));
    }

    private static Optional<InvariantModule> providedByDiscoverableModule(Class<?> type) {
        try {
            for (InvariantModule module : ActiveModules.discover().values()) {
                for (RecordingPart<?> part : module.recordingParts()) {
                    if (part.type() == type) {
                        return Optional.of(module);
                    }
                }
            }
        } catch (ComplianceConfigurationException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String noProviderMessage(Class<?> type, ParameterContext parameterContext, ActiveModules active) {
        List<String> activeIds = new ArrayList<>();
        for (InvariantModule module : active.modules()) {
            activeIds.add(module.id());
        }
        String hint = providedByDiscoverableModule(type)
                .map(module -> " Module '" + module.id() + "' (" + module.getClass().getName()
                        + ") provides it: add it to @ComplianceTest(modules = ...).")
                .orElse(" Add the module that provides it to @ComplianceTest(modules = ...).");
        return "No active compliance module provides a parameter of type " + type.getName() + " for "
                + parameterContext.getDeclaringExecutable().getName() + "() (active modules: "
                + String.join(", ", activeIds) + ")." + hint;
    }

    private static void describeForReport(ActiveModules active) {
        for (InvariantModule module : active.modules()) {
            List<ModuleDescription.OverrideDescription> overrides = new ArrayList<>();
            for (ActiveModules.AppliedOverride applied : active.overrides()) {
                if (applied.overridingModule() == module) {
                    overrides.add(new ModuleDescription.OverrideDescription(applied.override().replacedInvariantId(),
                            applied.replacedModule().id(), applied.override().replacement().id(), applied.override().reason()));
                }
            }
            ModuleDescription.register(new ModuleDescription(module.id(), module.version(), module.title(),
                    module.rulesReviewedOn(), module.reviewRubric(), overrides, module.dataVersions(),
                    module.policies()));
        }
    }

    /** Run-wide cache of resolved configurations, keyed by the annotated elements. */
    private static final class ConfigurationCache {
        private final Map<List<AnnotatedElement>, ActiveModules> resolved = new ConcurrentHashMap<>();

        ActiveModules resolve(List<AnnotatedElement> elements, List<ComplianceTest> annotations, String where) {
            ActiveModules cached = resolved.get(elements);
            if (cached != null) {
                return cached;
            }
            // resolved outside computeIfAbsent: module constructors may be slow or throw
            ActiveModules active = ActiveModules.resolve(annotations, where);
            describeForReport(active);
            ActiveModules raced = resolved.putIfAbsent(elements, active);
            return raced != null ? raced : active;
        }
    }
}
