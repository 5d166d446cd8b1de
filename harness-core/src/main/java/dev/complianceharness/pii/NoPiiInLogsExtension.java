package dev.complianceharness.pii;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.Violation;
import dev.complianceharness.junit.ComplianceConfigurationException;
import dev.complianceharness.junit.ComplianceViolationError;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.pii.internal.LeakFinder;
import dev.complianceharness.pii.internal.PiiLogInvariants;
import dev.complianceharness.pii.logs.CapturedLogs;
import dev.complianceharness.pii.logs.LogCapture;
import dev.complianceharness.property.configuration.HarnessConfiguration;
import dev.complianceharness.report.internal.InvariantOutcome;
import dev.complianceharness.report.internal.ResultRegistry;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** Captures each test's logs, plants its canaries, and fails the test on a leak. */
final class NoPiiInLogsExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /** The system property that fixes the canary seed of every test without an explicit one. */
    static final String SEED_PROPERTY = "complianceharness.pii.seed";
    private static final Namespace NAMESPACE = Namespace.create(NoPiiInLogsExtension.class);
    private static final String STATE = "state";

    @Override
    public void beforeEach(ExtensionContext context) {
        ResultRegistry.testStarted(context);
        state(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        boolean ours = type == CapturedLogs.class || type == Canaries.class || type == CanaryCustomer.class;
        if (ours && extensionContext.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("@NoPiiInLogs parameter " + type.getSimpleName() + " of "
                    + parameterContext.getDeclaringExecutable() + " cannot be injected there: each test gets its own"
                    + " capture and canaries, so declare it as a parameter of @Test, @BeforeEach or @AfterEach methods");
        }
        return ours;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        State state = state(extensionContext);
        Class<?> type = parameterContext.getParameter().getType();
        if (type == CapturedLogs.class) {
            return state.capture.logs();
        }
        if (type == Canaries.class) {
            return state.canaries;
        }
        return state.canaries.customer();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        State state = context.getStore(NAMESPACE).remove(STATE, State.class);
        if (state == null) {
            return;
        }
        state.close();
        boolean claimsUnattributed = state.settings.annotation.isolation() == NoPiiInLogs.Isolation.GLOBAL_LOCK;
        LeakFinder.Result result = new LeakFinder(state.settings.scanner, state.canaries.planted(), state.settings.forms)
                .find(state.capture.logs().events(), claimsUnattributed);
        EventTrace trace = new EventTrace();
        result.leaks().forEach(trace::record);
        List<InvariantOutcome> outcomes = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (Invariant invariant : PiiLogInvariants.all()) {
            List<Violation> found = invariant.verify(trace);
            violations.addAll(found);
            outcomes.add(InvariantOutcome.of(PiiLogInvariants.MODULE_ID, PiiLogInvariants.MODULE_VERSION, invariant, found));
        }
        PiiLogInvariants.registerForReport(context);
        ResultRegistry.record(context, outcomes, List.of());
        if (!violations.isEmpty()) {
            throw new ComplianceViolationError(failureMessage(context, state, result), violations);
        }
    }

    private static String failureMessage(ExtensionContext context, State state, LeakFinder.Result result) {
        List<PiiLeak> leaks = result.leaks();
        StringBuilder message = new StringBuilder();
        message.append(leaks.size()).append(leaks.size() == 1 ? " PII leak" : " PII leaks").append(" in the logs of ")
                .append(context.getDisplayName()).append(':');
        for (PiiLeak leak : leaks) {
            message.append("\n  - ").append(leak.describeMasked());
        }
        message.append("\n  canary seed: ").append(state.canaries.seed()).append(" (replay with @NoPiiInLogs(seed = ")
                .append(state.canaries.seed()).append("L) or -D").append(SEED_PROPERTY).append('=')
                .append(state.canaries.seed()).append(')');
        if (result.unattributedFindings() > 0) {
            message.append("\n  note: ").append(result.unattributedFindings()).append(" detector findings in events no"
                    + " test could be attributed were not counted; wrap the application's executors with"
                    + " LogContext.propagating(...) or use @NoPiiInLogs(isolation = GLOBAL_LOCK)");
        }
        return message.toString();
    }

    private static State state(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        State state = store.get(STATE, State.class);
        if (state == null) {
            Settings settings = Settings.resolve(context);
            long seed = seed(settings.annotation, context);
            LogCapture capture = settings.annotation.isolation() == NoPiiInLogs.Isolation.GLOBAL_LOCK
                    ? LogCapture.startExclusive(context.getDisplayName()) : LogCapture.start(context.getDisplayName());
            if (!capture.problems().isEmpty()) {
                capture.close();
                throw new ComplianceConfigurationException("@NoPiiInLogs cannot verify " + context.getDisplayName()
                        + ": " + String.join("; ", capture.problems()) + ". Fix the logging set-up (one SLF4J provider,"
                        + " a log4j-core version 2.17 or newer) so that every framework on the class path can be captured");
            }
            state = new State(settings, capture, Canaries.withSeed(seed));
            store.put(STATE, state);
        }
        return state;
    }

    private static long seed(NoPiiInLogs annotation, ExtensionContext context) {
        if (annotation.seed() != NoPiiInLogs.RANDOM_SEED) {
            return annotation.seed();
        }
        String property = HarnessConfiguration.of(context).get(SEED_PROPERTY).orElse(null);
        if (property != null) {
            try {
                return Long.parseLong(property.trim());
            } catch (NumberFormatException e) {
                throw new ComplianceConfigurationException("Configuration key " + SEED_PROPERTY + "='" + property
                        + "' is not a number; set it to the seed a failure printed, such as -D" + SEED_PROPERTY + "=42", e);
            }
        }
        return ThreadLocalRandom.current().nextLong();
    }

    /** The capture and canaries of one test; closing stops the capture, also when the test is aborted. */
    private static final class State implements AutoCloseable {
        private final Settings settings;
        private final LogCapture capture;
        private final Canaries canaries;

        State(Settings settings, LogCapture capture, Canaries canaries) {
            this.settings = settings;
            this.capture = capture;
            this.canaries = canaries;
        }

        @Override
        public void close() {
            capture.close();
        }
    }

    /** A validated {@link NoPiiInLogs} configuration. */
    private record Settings(NoPiiInLogs annotation, PiiScanner scanner, MaskedForms forms) {

        static Settings resolve(ExtensionContext context) {
            Optional<NoPiiInLogs> found = Optional.empty();
            String where = context.getDisplayName();
            if (context.getTestMethod().isPresent()) {
                found = AnnotationSupport.findAnnotation(context.getTestMethod().get(), NoPiiInLogs.class);
                where = context.getTestMethod().get().getDeclaringClass().getSimpleName() + "."
                        + context.getTestMethod().get().getName() + "()";
            }
            Class<?> current = context.getTestClass().orElse(null);
            while (found.isEmpty() && current != null) {
                found = AnnotationSupport.findAnnotation(current, NoPiiInLogs.class);
                if (found.isPresent()) {
                    where = current.getName();
                }
                current = Modifier.isStatic(current.getModifiers()) ? null : current.getEnclosingClass();
            }
            NoPiiInLogs annotation = found.orElseThrow(() -> new ComplianceConfigurationException(
                    "NoPiiInLogsExtension is registered on " + context.getDisplayName() + " without @NoPiiInLogs;"
                            + " annotate the test class with @NoPiiInLogs instead of @ExtendWith"));
            return new Settings(annotation, scanner(annotation, where), forms(annotation, where));
        }

        private static PiiScanner scanner(NoPiiInLogs annotation, String where) {
            try {
                PiiScanner.Builder builder = PiiScanner.builder()
                        .phoneRegions(annotation.phoneRegions())
                        .minimumConfidence(annotation.minimumConfidence())
                        .allow(annotation.allow());
                if (annotation.detectors().length > 0) {
                    builder.detectors(annotation.detectors());
                }
                for (String pattern : annotation.allowPatterns()) {
                    builder.allowPattern(Pattern.compile(pattern));
                }
                return builder.build();
            } catch (PatternSyntaxException e) {
                throw new ComplianceConfigurationException("@NoPiiInLogs on " + where + " has an invalid allowPatterns"
                        + " entry '" + e.getPattern() + "': " + e.getDescription() + " near index " + e.getIndex(), e);
            } catch (IllegalArgumentException e) {
                throw new ComplianceConfigurationException("@NoPiiInLogs on " + where + ": " + e.getMessage(), e);
            }
        }

        private static MaskedForms forms(NoPiiInLogs annotation, String where) {
            try {
                return MaskedForms.defaults().revealingLastDigits(PiiKind.CARD, annotation.cardDigitsShown());
            } catch (IllegalArgumentException e) {
                throw new ComplianceConfigurationException("@NoPiiInLogs on " + where + " has cardDigitsShown = "
                        + annotation.cardDigitsShown() + ": " + e.getMessage(), e);
            }
        }
    }
}
