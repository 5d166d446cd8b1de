package dev.complianceharness.pii.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.complianceharness.mask.Pii;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * ArchUnit rules for classes that hold personal data, as condition and rule constants in the style of
 * ArchUnit's {@code GeneralCodingRules}. A class <em>holds PII</em> when it is annotated {@link Pii} or
 * declares a field (or record component) annotated {@link Pii}.
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "com.acme")
 * class PrivacyArchitectureTest {
 *     @ArchTest static final ArchRule pii_is_annotated = PiiRules.FIELDS_NAMED_LIKE_PII_SHOULD_BE_ANNOTATED_PII;
 *     @ArchTest static final ArchRule to_string_masks = PiiRules.CLASSES_HOLDING_PII_SHOULD_OVERRIDE_TO_STRING;
 *     @ArchTest static final ArchRule no_streams = PiiRules.NO_CLASSES_HOLDING_PII_SHOULD_ACCESS_STANDARD_STREAMS;
 *     @ArchTest static final ArchRule logging = PiiRules.classesHoldingPiiShouldOnlyLogThrough(AuditLog.class);
 * }
 * }</pre>
 *
 * <h2>Legacy code</h2>
 * On a code base with existing violations, freeze a rule so that only new violations fail:
 * {@code FreezingArchRule.freeze(PiiRules.CLASSES_HOLDING_PII_SHOULD_OVERRIDE_TO_STRING)}. ArchUnit records
 * today's violations in a store (by default {@code archunit_store/} next to the working directory; set
 * {@code freeze.store.default.path} in {@code archunit.properties} and commit the store), reports only
 * violations that are not in it, and removes entries as they are fixed. Set
 * {@code freeze.store.default.allowStoreCreation=true} once to create the store, then back to false in CI
 * so that a missing store fails instead of silently accepting everything.
 *
 * <p>ArchUnit sees declarations and calls, not values: it can tell that a class holding PII calls a
 * logger, not which value reached it. The runtime canaries of {@code @NoPiiInLogs} and
 * {@link PiiToStringCheck} close that gap.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class PiiRules {

    /** Field names that usually hold personal data or secrets. */
    public static final Pattern PII_FIELD_NAME = Pattern.compile("(?i).*(email|e_mail|phone|mobile|ssn|socialsecurity"
            + "|iban|cardnumber|card_number|creditcard|dateofbirth|birthdate|password|passwd|secret|apikey"
            + "|api_key|taxid|passport|firstname|lastname|fullname|address|postcode|zipcode).*");

    private static final Set<String> LOGGING_PACKAGES = Set.of("org.slf4j", "ch.qos.logback", "org.apache.logging.log4j",
            "java.util.logging", "org.apache.commons.logging", "org.jboss.logging");

    /** Classes annotated {@link Pii} or declaring a field annotated {@link Pii}. */
    public static final DescribedPredicate<JavaClass> HOLD_PII = new DescribedPredicate<>(
            "hold personal data (annotated @Pii or with a @Pii field)") {
        @Override
        public boolean test(JavaClass javaClass) {
            return holdsPii(javaClass);
        }
    };

    /** Declares its own {@code toString()}, not the one a record generates or the one inherited from Object. */
    public static final ArchCondition<JavaClass> OVERRIDE_TO_STRING = new ArchCondition<>("override toString()") {
        @Override
        public void check(JavaClass javaClass, ConditionEvents events) {
            Optional<JavaMethod> toString = javaClass.tryGetMethod("toString");
            boolean declared = toString.isPresent();
            // javac generates a record's toString() as public final; a hand-written one is rarely final
            boolean generated = declared && javaClass.isRecord()
                    && toString.get().getModifiers().contains(JavaModifier.FINAL);
            boolean satisfied = declared && !generated;
            String how = !declared ? "inherits toString()" : generated ? "uses the toString() the compiler generates for records"
                    : "overrides toString()";
            events.add(new SimpleConditionEvent(javaClass, satisfied, javaClass.getName() + " holds " + piiFields(javaClass)
                    + " and " + how + " in " + javaClass.getSourceCodeLocation()));
        }
    };

    /** Classes holding personal data override {@code toString()}. */
    public static final ArchRule CLASSES_HOLDING_PII_SHOULD_OVERRIDE_TO_STRING = classes().that(HOLD_PII)
            .should(OVERRIDE_TO_STRING)
            .because("an inherited or generated toString() prints every field, so the first log line, exception message"
                    + " or debugger that shows the object leaks its personal data; check the override with"
                    + " PiiToStringCheck");

    /** Accesses {@code System.out} or {@code System.err}, or calls {@code Throwable.printStackTrace()}. */
    public static final ArchCondition<JavaClass> ACCESS_STANDARD_STREAMS_OR_PRINT_STACK_TRACES = new ArchCondition<>(
            "access standard streams or print stack traces") {
        @Override
        public void check(JavaClass javaClass, ConditionEvents events) {
            for (JavaAccess<?> access : javaClass.getAccessesFromSelf()) {
                String owner = access.getTargetOwner().getName();
                String name = access.getTarget().getName();
                boolean stream = owner.equals("java.lang.System") && (name.equals("out") || name.equals("err"));
                boolean stackTrace = name.equals("printStackTrace") && access.getTargetOwner().isAssignableTo(Throwable.class);
                if (stream || stackTrace) {
                    events.add(SimpleConditionEvent.satisfied(access, access.getDescription()));
                }
            }
        }
    };

    /** Classes holding personal data write nothing to the standard streams and print no stack traces. */
    public static final ArchRule NO_CLASSES_HOLDING_PII_SHOULD_ACCESS_STANDARD_STREAMS = noClasses().that(HOLD_PII)
            .should(ACCESS_STANDARD_STREAMS_OR_PRINT_STACK_TRACES)
            .because("standard output bypasses the logging configuration and its masking, and ends up in CI logs and"
                    + " container logs unfiltered; a printed stack trace carries exception messages, which often quote"
                    + " the personal data that failed");

    /** Fields whose names suggest personal data are annotated {@link Pii}. */
    public static final ArchRule FIELDS_NAMED_LIKE_PII_SHOULD_BE_ANNOTATED_PII = fields()
            .that(new DescribedPredicate<JavaField>("have a name suggesting personal data (email, phone, ssn, iban, ...)") {
                @Override
                public boolean test(JavaField field) {
                    return PII_FIELD_NAME.matcher(field.getName()).matches() && !field.getModifiers().contains(JavaModifier.STATIC)
                            && !field.getModifiers().contains(JavaModifier.SYNTHETIC);
                }
            })
            .should().beAnnotatedWith(Pii.class)
            .allowEmptyShould(true)
            .because("@Pii is what the other PII rules, the liability map and the toString canary check recognise;"
                    + " an unannotated field escapes all of them");

    /** Classes holding personal data call no logging framework directly. */
    public static final ArchRule NO_CLASSES_HOLDING_PII_SHOULD_USE_LOGGING_FRAMEWORKS_DIRECTLY =
            classesHoldingPiiShouldOnlyLogThrough();

    private PiiRules() {
    }

    /**
     * Condition: calls a logging framework (SLF4J, Logback, Log4j, JUL, Commons Logging, JBoss Logging)
     * other than through the given approved types.
     *
     * @param approvedLoggers the team's masking logger facades
     * @return the condition
     */
    public static ArchCondition<JavaClass> logOtherThanThrough(Class<?>... approvedLoggers) {
        Set<String> approved = Arrays.stream(approvedLoggers).map(Class::getName).collect(Collectors.toSet());
        String through = approved.isEmpty() ? "" : " other than through " + String.join(", ", approved.stream().sorted().toList());
        return new ArchCondition<>("call a logging framework" + through) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                if (approved.contains(javaClass.getName())) {
                    return;
                }
                for (JavaAccess<?> access : javaClass.getAccessesFromSelf()) {
                    String owner = access.getTargetOwner().getName();
                    if (approved.contains(owner)) {
                        continue;
                    }
                    if (isLogging(owner)) {
                        events.add(SimpleConditionEvent.satisfied(access, access.getDescription()));
                    }
                }
            }
        };
    }

    /**
     * Rule: classes holding personal data log only through the approved facades, which mask.
     *
     * @param approvedLoggers the team's masking logger facades; none forbids logging from such classes
     * @return the rule
     */
    public static ArchRule classesHoldingPiiShouldOnlyLogThrough(Class<?>... approvedLoggers) {
        return noClasses().that(HOLD_PII).should(logOtherThanThrough(approvedLoggers))
                .because("a class that holds personal data is where it gets logged by accident; the approved loggers"
                        + " mask what they are given, and ArchUnit cannot see which values reach a raw logger call");
    }

    static boolean holdsPii(JavaClass javaClass) {
        return javaClass.isAnnotatedWith(Pii.class)
                || javaClass.getFields().stream().anyMatch(field -> field.isAnnotatedWith(Pii.class));
    }

    private static String piiFields(JavaClass javaClass) {
        List<String> names = javaClass.getFields().stream().filter(field -> field.isAnnotatedWith(Pii.class))
                .map(JavaField::getName).sorted().toList();
        return names.isEmpty() ? "personal data (the type is @Pii)" : "@Pii " + String.join(", ", names);
    }

    private static boolean isLogging(String className) {
        for (String loggingPackage : LOGGING_PACKAGES) {
            if (className.startsWith(loggingPackage + ".")) {
                return true;
            }
        }
        return false;
    }
}
