package dev.complianceharness.junit;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordingPart;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.InvariantResult;
import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.invariant.Violation;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.property.configuration.HarnessConfiguration;
import dev.complianceharness.report.internal.InvariantOutcome;
import dev.complianceharness.report.internal.JUnitVersion;
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
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Activates the modules {@link ComplianceTest} names, gives each test its own trace, clock and recording
 * parts, and verifies every active invariant after the test.
 */
final class ComplianceExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver, InvocationInterceptor {

    private static final Namespace NAMESPACE = Namespace.create(ComplianceExtension.class);
    private static final String RECORDING = "recording";
    private static final String RUNNING = "running";
    private static final String CONFIGURATIONS = "configurations";
    /** Guards the creation of a launch's configuration cache; the cache itself lives in the root context's store. */
    private static final Object CACHE_CREATION = new Object();
    /** The JUnit on the class path never changes while the JVM runs, so it is checked once. */
    private static final java.util.Optional<String> UNSUPPORTED_JUNIT = JUnitVersion.problem();

    @Override
    public void beforeEach(ExtensionContext context) {
        if (UNSUPPORTED_JUNIT.isPresent()) {
            throw new ExtensionConfigurationException(UNSUPPORTED_JUNIT.get());
        }
        // registered before anything can fail the test, so that a failing test is in the report with its status
        ResultRegistry.testStarted(context);
        ActiveModules active = activeModules(context);
        TestRecording recording = recording(context, active);
        // code outside the test's parameters (Spring beans, executors) finds the test's clock and parts here
        context.getStore(NAMESPACE).put(RUNNING, RunningComplianceTest.start(context.getDisplayName(), recording.clock(),
                recording.trace(), type -> recording.context().part(type)));
        try {
            recording.start(active.startedWithEachTest());
            describeTestPolicies(active, recording, context);
        } catch (ComplianceConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ComplianceConfigurationException("A recording part of " + context.getDisplayName()
                    + " could not be started: " + e, e);
        }
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext extensionContext) throws Throwable {
        beforeTestMethod(extensionContext);
        invocation.proceed();
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext extensionContext) throws Throwable {
        beforeTestMethod(extensionContext);
        invocation.proceed();
    }

    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext extensionContext) throws Throwable {
        beforeTestMethod(extensionContext);
        return invocation.proceed();
    }

    /** Runs after every other extension set the test up and its parameters were resolved. */
    private static void beforeTestMethod(ExtensionContext context) {
        TestRecording recording = context.getStore(NAMESPACE).get(RECORDING, TestRecording.class);
        if (recording != null) {
            recording.beforeTestMethod();
        }
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
        RunningComplianceTest running = context.getStore(NAMESPACE).get(RUNNING, RunningComplianceTest.class);
        if (running != null) {
            running.end();
        }
        ActiveModules active = activeModules(context);
        TestRecording recording = recording(context, active);
        recording.finish();
        List<InvariantOutcome> outcomes = new ArrayList<>();
        List<ModuleResult> failed = new ArrayList<>();
        for (InvariantModule module : active.modules()) {
            for (Invariant invariant : active.invariants(module)) {
                InvariantResult result = invariant.evaluate(recording.trace());
                outcomes.add(InvariantOutcome.of(module.id(), module.version(), result));
                if (!result.held()) {
                    failed.add(new ModuleResult(module, result));
                }
            }
        }
        List<String> warnings = recording.trace().warnings();
        ResultRegistry.record(context, outcomes, warnings);
        publish(context, failed, warnings);
        if (!failed.isEmpty()) {
            throw new ComplianceViolationError(failureMessage(context, failed, warnings),
                    failed.stream().flatMap(found -> found.result().violations().stream()).toList(),
                    failed.stream().map(found -> found.result().cause()).flatMap(java.util.Optional::stream).findFirst()
                            .orElse(null));
        }
    }

    /** Publishes each violation, errored check and warning as a JUnit report entry, for IDEs, Allure and build tools. */
    private static void publish(ExtensionContext context, List<ModuleResult> failed, List<String> warnings) {
        for (ModuleResult found : failed) {
            String invariant = found.result().invariant().id();
            for (Violation violation : found.result().violations()) {
                context.publishReportEntry("compliance-harness.violation", Redaction.redact(invariant + ": "
                        + violation.message() + " [" + violation.invariant().regulation().citation() + ", "
                        + violation.invariant().tier() + "]"));
            }
            found.result().error().ifPresent(error -> context.publishReportEntry("compliance-harness.errored",
                    Redaction.redact(invariant + ": " + error)));
        }
        for (String warning : warnings) {
            context.publishReportEntry("compliance-harness.warning", Redaction.redact(warning));
        }
    }

    private static String failureMessage(ExtensionContext context, List<ModuleResult> failed, List<String> warnings) {
        long violations = failed.stream().mapToLong(found -> found.result().violations().size()).sum();
        long errored = failed.stream().filter(found -> found.result().status() == InvariantResult.Status.ERRORED).count();
        List<String> counts = new ArrayList<>();
        if (violations > 0) {
            counts.add(violations + (violations == 1 ? " compliance violation" : " compliance violations"));
        }
        if (errored > 0) {
            counts.add(errored + (errored == 1 ? " errored compliance check" : " errored compliance checks"));
        }
        StringBuilder message = new StringBuilder(String.join(" and ", counts)).append(" in ")
                .append(context.getDisplayName()).append(':');
        for (ModuleResult found : failed) {
            for (Violation violation : found.result().violations()) {
                message.append("\n\n").append(violation.describe())
                        .append("\n  module:     ").append(found.module().id()).append(' ').append(found.module().version());
            }
            if (found.result().status() == InvariantResult.Status.ERRORED) {
                Invariant invariant = found.result().invariant();
                message.append("\n\n").append(invariant.id()).append(": ").append(invariant.description())
                        .append("\n  regulation: ").append(invariant.regulation().describe())
                        .append("\n  owner:      ").append(invariant.owner())
                        .append("\n  tier:       ").append(invariant.tier())
                        .append("\n  errored:    ").append(found.result().error().orElseThrow())
                        .append("; the invariant could not decide, so the test fails (fix the check, or the code it calls)")
                        .append("\n  module:     ").append(found.module().id()).append(' ').append(found.module().version());
            }
        }
        if (!warnings.isEmpty()) {
            message.append("\n\nThe harness could not check everything in this test:");
            warnings.forEach(warning -> message.append("\n  warning:    ").append(warning));
        }
        return message.toString();
    }

    /** A violated or errored invariant's result with the module that declared it. */
    private record ModuleResult(InvariantModule module, InvariantResult result) {
    }

    private static TestRecording recording(ExtensionContext context, ActiveModules active) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        TestRecording recording = store.get(RECORDING, TestRecording.class);
        if (recording == null) {
            TestClock clock = active.clockStart() == null ? TestClock.atDefaultStart() : TestClock.at(active.clockStart());
            HarnessConfiguration configuration = HarnessConfiguration.of(context);
            recording = new TestRecording(clock, context.getDisplayName(), annotatedElements(context), active::part,
                    configuration::get);
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
        return configurations(context).resolve(elements, annotations, where, context);
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

    /** The launch's cache of resolved configurations, in the root context's store, closed with the launch. */
    private static ConfigurationCache configurations(ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        synchronized (CACHE_CREATION) {
            ConfigurationCache cache = root.get(CONFIGURATIONS, ConfigurationCache.class);
            if (cache == null) {
                cache = new ConfigurationCache();
                root.put(CONFIGURATIONS, cache);
            }
            return cache;
        }
    }

    /**
     * A module configured per test (an annotation's attributes) reports the choices it runs with in this one; the
     * report lists every distinct choice of the launch next to the module.
     */
    private static void describeTestPolicies(ActiveModules active, TestRecording recording, ExtensionContext context) {
        for (InvariantModule module : active.modules()) {
            List<PolicyChoice> choices = module.policies(recording.context());
            if (!choices.equals(module.policies())) {
                ResultRegistry.describe(context, description(active, module, choices));
            }
        }
    }

    private static ModuleDescription description(ActiveModules active, InvariantModule module, List<PolicyChoice> policies) {
        List<ModuleDescription.OverrideDescription> overrides = new ArrayList<>();
        for (ActiveModules.AppliedOverride applied : active.overrides()) {
            if (applied.overridingModule() == module) {
                overrides.add(new ModuleDescription.OverrideDescription(applied.override().replacedInvariantId(),
                        applied.replacedModule().id(), applied.override().replacement().id(), applied.override().reason()));
            }
        }
        return new ModuleDescription(module.id(), module.version(), module.title(), module.rulesReviewedOn(),
                module.reviewRubric(), overrides, module.dataVersions(), policies);
    }

    private static void describeForReport(ActiveModules active, ExtensionContext context) {
        for (InvariantModule module : active.modules()) {
            ResultRegistry.describe(context, description(active, module, module.policies()));
        }
    }

    /** A launch's cache of resolved configurations, keyed by the annotated elements. */
    private static final class ConfigurationCache {
        private final Map<List<AnnotatedElement>, ActiveModules> resolved = new ConcurrentHashMap<>();

        ActiveModules resolve(List<AnnotatedElement> elements, List<ComplianceTest> annotations, String where,
                              ExtensionContext context) {
            ActiveModules cached = resolved.get(elements);
            if (cached != null) {
                return cached;
            }
            // resolved outside computeIfAbsent: module constructors may be slow or throw
            ActiveModules active = ActiveModules.resolve(annotations, where);
            describeForReport(active, context);
            ActiveModules raced = resolved.putIfAbsent(elements, active);
            return raced != null ? raced : active;
        }
    }
}
