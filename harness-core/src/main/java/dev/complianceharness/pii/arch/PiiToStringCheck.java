package dev.complianceharness.pii.arch;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import dev.complianceharness.pii.Canary;
import dev.complianceharness.pii.CanaryCustomer;
import dev.complianceharness.pii.MaskedForms;
import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.pii.internal.CanarySearch;
import dev.complianceharness.pii.internal.LeakFinder;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The runtime half of {@link PiiRules#CLASSES_HOLDING_PII_SHOULD_OVERRIDE_TO_STRING}: proves that a
 * {@code toString()} override actually masks, by building an instance from canary values and searching
 * what it prints for them (in every usual transformation).
 *
 * <pre>{@code
 * PiiToStringCheck.assertMasks(Customer.class);                          // records: filled automatically
 * PiiToStringCheck.assertMasks("Account", canary -> new Account(canary.email(), canary.iban()));
 * PiiToStringCheck.assertAllRecordsMask(new ClassFileImporter().importPackages("com.acme"));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class PiiToStringCheck {

    private static final long SEED = 20_250_602L;

    private PiiToStringCheck() {
    }

    /**
     * Builds the record from canary values — each {@code String} component annotated {@link Pii} gets a
     * value of its {@link PiiKind} (by default guessed from the component's name), other components a
     * neutral value — and fails if its {@code toString()} reveals any of them.
     *
     * @param recordType a record type with at least one {@code @Pii} component
     * @throws AssertionError naming the component and the transformation that leaked
     * @throws IllegalArgumentException if the type has no {@code @Pii} String component or cannot be built
     */
    public static void assertMasks(Class<? extends Record> recordType) {
        Objects.requireNonNull(recordType, "recordType");
        CanaryCustomer customer = CanaryCustomer.generate(SEED);
        RecordComponent[] components = recordType.getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        List<Canary> planted = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            Pii pii = component.getAnnotation(Pii.class);
            if (pii != null && component.getType() == String.class) {
                PiiKind kind = pii.value() == PiiKind.OTHER ? guessKind(component.getName()) : pii.value();
                String value = valueFor(kind, customer);
                arguments[i] = value;
                planted.add(new Canary(recordType.getSimpleName(), component.getName(), kind, value));
            } else {
                arguments[i] = neutral(component.getType());
            }
        }
        if (planted.isEmpty()) {
            throw new IllegalArgumentException(recordType.getName() + " has no String component annotated @Pii;"
                    + " annotate its personal components, or use assertMasks(name, factory) to build it yourself");
        }
        Object instance;
        try {
            Constructor<? extends Record> constructor = recordType.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            instance = constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("The canonical constructor of " + recordType.getName() + " rejected canary"
                    + " values (" + e.getCause() + "); use assertMasks(name, factory) to build a valid instance", e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("Could not build " + recordType.getName() + " from canary values: " + e, e);
        }
        check(recordType.getSimpleName(), String.valueOf(instance), planted);
    }

    /**
     * Builds an object from a canary customer and fails if its {@code toString()} reveals the customer's data.
     *
     * @param name    what the object is, for the message
     * @param factory builds it from the customer's data
     * @throws AssertionError naming the field and the transformation that leaked
     */
    public static void assertMasks(String name, Function<CanaryCustomer, ?> factory) {
        CanaryCustomer customer = CanaryCustomer.generate(SEED);
        check(name, String.valueOf(factory.apply(customer)), customer.canaries(name));
    }

    /**
     * Runs {@link #assertMasks(Class)} on every record among the classes that holds a {@code @Pii} String
     * component, and reports every record that leaks at once.
     *
     * @param classes classes imported by ArchUnit
     * @throws AssertionError listing each leaking record
     */
    @SuppressWarnings("unchecked")
    public static void assertAllRecordsMask(JavaClasses classes) {
        List<String> failures = new ArrayList<>();
        for (JavaClass javaClass : classes) {
            if (!javaClass.isRecord() || !PiiRules.holdsPii(javaClass)) {
                continue;
            }
            Class<?> type = javaClass.reflect();
            boolean hasPiiString = false;
            for (RecordComponent component : type.getRecordComponents()) {
                hasPiiString |= component.isAnnotationPresent(Pii.class) && component.getType() == String.class;
            }
            if (!hasPiiString) {
                continue;
            }
            try {
                assertMasks((Class<? extends Record>) type);
            } catch (AssertionError | IllegalArgumentException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + (failures.size() == 1 ? " record reveals" : " records reveal")
                    + " personal data in toString():\n" + String.join("\n", failures));
        }
    }

    private static void check(String name, String printed, List<Canary> planted) {
        List<CanarySearch.Match> matches = new CanarySearch(planted, MaskedForms.defaults()).find(printed);
        if (matches.isEmpty()) {
            return;
        }
        List<int[]> spans = new ArrayList<>();
        for (CanarySearch.Match match : matches) {
            spans.add(new int[] {match.start(), match.end()});
        }
        StringBuilder message = new StringBuilder(name).append(".toString() reveals personal data:");
        for (CanarySearch.Match match : matches) {
            message.append("\n  - ").append(match.canary().field()).append(", ").append(match.transformation());
        }
        message.append("\n  printed: \"").append(LeakFinder.maskedLine(printed, spans, 0, printed.length())).append('"');
        throw new AssertionError(message.toString());
    }

    private static PiiKind guessKind(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("mail")) {
            return PiiKind.EMAIL;
        }
        if (lower.contains("phone") || lower.contains("mobile")) {
            return PiiKind.PHONE;
        }
        if (lower.contains("card") || lower.contains("pan")) {
            return PiiKind.CARD;
        }
        if (lower.contains("ssn") || lower.contains("social")) {
            return PiiKind.SSN;
        }
        if (lower.contains("iban") || lower.contains("account")) {
            return PiiKind.IBAN;
        }
        return PiiKind.NAME;
    }

    private static String valueFor(PiiKind kind, CanaryCustomer customer) {
        return switch (kind) {
            case EMAIL -> customer.email();
            case PHONE -> customer.phone();
            case CARD -> customer.card();
            case SSN -> customer.ssn();
            case IBAN -> customer.iban();
            default -> customer.name();
        };
    }

    private static Object neutral(Class<?> type) {
        if (type == String.class) {
            return "neutral";
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return 'x';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == float.class) {
            return 0.0f;
        }
        return null;
    }
}
