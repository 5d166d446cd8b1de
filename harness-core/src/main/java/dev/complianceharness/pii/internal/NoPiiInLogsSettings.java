package dev.complianceharness.pii.internal;

import dev.complianceharness.event.RecordingContext;
import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.junit.ComplianceConfigurationException;
import dev.complianceharness.pii.HashedForm;
import dev.complianceharness.pii.MaskedForms;
import dev.complianceharness.pii.NoPiiInLogs;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.pii.PiiScanner;
import dev.complianceharness.pii.logs.CheckedLevels;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A validated {@link NoPiiInLogs} configuration: the annotation nearest to the test, with its scanner and
 * allowed masks built, and the canary seed chosen.
 *
 * @param annotation the annotation
 * @param where      the element it was found on, for messages
 * @param scanner    the detectors
 * @param forms      the allowed partial masks
 */
public record NoPiiInLogsSettings(NoPiiInLogs annotation, String where, PiiScanner scanner, MaskedForms forms) {

    /** Recital 26 of the GDPR: pseudonymised data that can be attributed with additional information is personal data. */
    static final String GDPR_RECITAL_26 = "https://eur-lex.europa.eu/eli/reg/2016/679/oj";

    /** The system property that fixes the canary seed of every test without an explicit one. */
    public static final String SEED_PROPERTY = "complianceharness.pii.seed";
    /**
     * Random seeds stay below a million: short enough to survive the masking of long digit runs in messages,
     * and many enough for canary values that only need to differ between tests.
     */
    static final long RANDOM_SEED_BOUND = 1_000_000L;

    /** The defaults, for a test that activates the module without the annotation. */
    @NoPiiInLogs
    private static final class Defaults {
    }

    /**
     * @param context the test's recording context
     * @return the settings of the annotation nearest to the test
     * @throws ComplianceConfigurationException naming the annotated element and what to fix
     */
    public static NoPiiInLogsSettings of(RecordingContext context) {
        List<AnnotatedElement> elements = context.annotatedElements();
        for (int i = elements.size() - 1; i >= 0; i--) {
            Optional<NoPiiInLogs> found = AnnotationSupport.findAnnotation(elements.get(i), NoPiiInLogs.class);
            if (found.isPresent()) {
                return of(found.get(), describe(elements.get(i)));
            }
        }
        return of(Defaults.class.getAnnotation(NoPiiInLogs.class), context.testName());
    }

    /**
     * @param context the test's recording context
     * @return the {@link NoPiiInLogs} nearest to the test, or the defaults
     */
    public static NoPiiInLogs annotation(RecordingContext context) {
        return context.findAnnotation(NoPiiInLogs.class).orElse(Defaults.class.getAnnotation(NoPiiInLogs.class));
    }

    static NoPiiInLogsSettings of(NoPiiInLogs annotation, String where) {
        return new NoPiiInLogsSettings(annotation, where, scanner(annotation, where), forms(annotation, where));
    }

    private static String describe(AnnotatedElement element) {
        if (element instanceof Method method) {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
        }
        return element instanceof Class<?> type ? type.getName() : element.toString();
    }

    /**
     * @param annotation a configuration
     * @return the choices it stands on, for the report
     */
    public static List<PolicyChoice> policies(NoPiiInLogs annotation) {
        PolicyChoice levels = annotation.levels() == CheckedLevels.ALL
                ? PolicyChoice.of("log levels checked", "every level (TRACE and up)", "Logback and Log4j 2 events below the"
                        + " configured level are captured without reaching the application's appenders; java.util.logging"
                        + " keeps its configured levels", "@NoPiiInLogs(levels = ALL)")
                : PolicyChoice.of("log levels checked", "the levels the logging configuration enables", "events below them"
                        + " are counted and reported as a warning of the test that logged them", "@NoPiiInLogs(levels = CONFIGURED)");
        PolicyChoice hashed = annotation.hashes().length == 0
                ? PolicyChoice.of("hashed personal values in logs", "allowed", "hashes of planted values are not searched"
                        + " for; under GDPR Recital 26 a hash is pseudonymous, still personal data, and an unsalted hash of an"
                        + " e-mail address is reversed by hashing candidates", GDPR_RECITAL_26)
                : PolicyChoice.of("hashed personal values in logs", "leaks (" + Arrays.stream(annotation.hashes())
                        .map(HashedForm::algorithm).collect(Collectors.joining(", ")) + ")", "a hash of a planted value,"
                        + " hex or Base64, of the value as planted or normalised, fails the test: under GDPR Recital 26"
                        + " pseudonymous data is still personal data", GDPR_RECITAL_26);
        return List.of(levels, hashed);
    }

    /** @return the digests of planted values that count as leaks */
    public Set<HashedForm> hashes() {
        return annotation.hashes().length == 0 ? Set.of() : Set.copyOf(EnumSet.copyOf(Arrays.asList(annotation.hashes())));
    }

    /** @return whether the capture claims events no other capture can be attributed */
    public boolean claimsUnattributed() {
        return annotation.isolation() == NoPiiInLogs.Isolation.GLOBAL_LOCK;
    }

    /**
     * @param context the test's recording context, whose configuration may fix the seed
     * @return the annotation's seed, else the configured {@value #SEED_PROPERTY}, else a random one
     * @throws ComplianceConfigurationException if the configured seed is not a number
     */
    public long seed(RecordingContext context) {
        if (annotation.seed() != NoPiiInLogs.RANDOM_SEED) {
            return annotation.seed();
        }
        Optional<String> configured = context.configuration(SEED_PROPERTY);
        if (configured.isPresent()) {
            try {
                return Long.parseLong(configured.get().trim());
            } catch (NumberFormatException e) {
                throw new ComplianceConfigurationException("Configuration key " + SEED_PROPERTY + "='" + configured.get()
                        + "' is not a number; set it to the seed a failure printed, such as -D" + SEED_PROPERTY + "=42", e);
            }
        }
        return ThreadLocalRandom.current().nextLong(1, RANDOM_SEED_BOUND);
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
