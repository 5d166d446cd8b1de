package dev.complianceharness.pii;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.pii.internal.CanaryForms;
import dev.complianceharness.property.Gen;
import dev.complianceharness.property.Gens;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * A customer whose personal data the test knows exactly, so that everything captured can be searched for it.
 * A generated customer arrives the way real input does — in every common form and validity: names with
 * diacritics, apostrophes or two surnames; e-mail addresses in mixed case, with a plus tag or a subdomain;
 * phone numbers in E.164, national or digits-only form; card numbers of 13 to 19 digits from several brands,
 * unspaced, spaced or dashed; US SSNs valid and invalid (area 000, 666 or 900-999, group 00, serial 0000), with
 * and without dashes; IBANs of several countries, grouped or not. So a mask that handles only one form, or an
 * error path that only invalid input reaches, shows up. The same seed gives the same customer;
 * {@link #forms()} names the forms it has, for coverage labels. {@link #of(Object)} wraps a team's own fixed
 * customer instead.
 *
 * <pre>{@code
 * CanaryCustomer ada = canaries.customer();          // registered for this test
 * desk.register(ada.name(), ada.email(), ada.phone());
 * }</pre>
 */
@Pii
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class CanaryCustomer {

    private final Long seed;
    private final String firstName;
    private final String lastName;
    private final String email;
    private final String phone;
    private final String card;
    private final String ssn;
    private final String iban;
    private final List<String> forms;
    private final List<Canary> fields;

    private CanaryCustomer(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        CanaryForms.Drawn drawn = CanaryForms.draw(random);
        this.seed = seed;
        this.firstName = drawn.firstName();
        this.lastName = drawn.lastName();
        this.email = drawn.email();
        this.phone = drawn.phone();
        this.card = drawn.card();
        this.ssn = drawn.ssn();
        this.iban = drawn.iban();
        this.forms = drawn.forms();
        this.fields = List.of(new Canary("", "name", PiiKind.NAME, name()), new Canary("", "email", PiiKind.EMAIL, email),
                new Canary("", "phone", PiiKind.PHONE, phone), new Canary("", "card", PiiKind.CARD, card),
                new Canary("", "ssn", PiiKind.SSN, ssn), new Canary("", "iban", PiiKind.IBAN, iban));
    }

    private CanaryCustomer(List<Canary> fields) {
        this.seed = null;
        this.fields = List.copyOf(fields);
        String name = first(PiiKind.NAME);
        int space = name == null ? -1 : name.indexOf(' ');
        this.firstName = space < 0 ? name : name.substring(0, space);
        this.lastName = space < 0 ? null : name.substring(space + 1);
        this.email = first(PiiKind.EMAIL);
        this.phone = first(PiiKind.PHONE);
        this.card = first(PiiKind.CARD);
        this.ssn = first(PiiKind.SSN);
        this.iban = first(PiiKind.IBAN);
        this.forms = List.of("fixed customer");
    }

    private String first(PiiKind kind) {
        return fields.stream().filter(field -> field.kind() == kind).map(Canary::value).findFirst().orElse(null);
    }

    /**
     * @param seed any seed; print it, it replays the customer
     * @return the customer that seed gives
     */
    public static CanaryCustomer generate(long seed) {
        return new CanaryCustomer(seed);
    }

    /**
     * Wraps a customer of the team's own, whose personal fields (or record components) carry {@link Pii}: every
     * such field that holds a value is searched for, under its own name, once the customer is
     * {@linkplain Canaries#register(CanaryCustomer) registered}.
     *
     * <pre>{@code
     * record Member(String id, @Pii(PiiKind.NAME) String fullName, @Pii(PiiKind.EMAIL) String mail) { }
     *
     * static final Member GRACE = new Member("m-1", "Grace Hopper", "grace@navy.example");
     * canaries.register(CanaryCustomer.of(GRACE));
     * }</pre>
     *
     * @param customer the team's customer
     * @return the customer as a canary
     * @throws IllegalArgumentException if no field of it is annotated {@link Pii} and holds a value
     */
    public static CanaryCustomer of(Object customer) {
        Objects.requireNonNull(customer, "customer");
        List<Canary> found = new ArrayList<>();
        Class<?> type = customer.getClass();
        try {
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    Pii pii = component.getAnnotation(Pii.class);
                    if (pii != null) {
                        Method accessor = component.getAccessor();
                        open(accessor);
                        add(found, component.getName(), pii.value(), accessor.invoke(customer));
                    }
                }
            } else {
                for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
                    for (Field field : current.getDeclaredFields()) {
                        Pii pii = field.getAnnotation(Pii.class);
                        if (pii != null && !Modifier.isStatic(field.getModifiers())) {
                            open(field);
                            add(found, field.getName(), pii.value(), field.get(customer));
                        }
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("Could not read the @Pii fields of " + type.getName() + ": " + e, e);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("CanaryCustomer.of(" + type.getName() + ") found no field annotated @Pii"
                    + " that holds a value; annotate the personal fields, such as @Pii(PiiKind.EMAIL) String email");
        }
        return new CanaryCustomer(found);
    }

    private static void open(AccessibleObject member) {
        member.setAccessible(true);
    }

    private static void add(List<Canary> found, String name, PiiKind kind, Object value) {
        if (value != null && !value.toString().isBlank()) {
            found.add(new Canary("", name, kind, value.toString()));
        }
    }

    /**
     * Canary customers for the property engine: each example is a customer generated from drawn seeds, so a
     * failing example replays and shrinks like any other, and tries rarely repeat a customer. To have each
     * generated customer searched for, use {@link Canaries#customers()} instead.
     *
     * @return a generator of canary customers
     */
    public static Gen<CanaryCustomer> generator() {
        Gen<Long> part = Gens.longs(0, Long.MAX_VALUE);
        // three draws mixed into one seed: an edge case drawn for one of them does not repeat a customer
        return part.flatMap(a -> part.flatMap(b -> part.map(c -> generate(mix(a, b, c))))).describedAs("canary customers");
    }

    private static long mix(long a, long b, long c) {
        long seed = a * 0x9E3779B97F4A7C15L + b;
        seed = (seed ^ (seed >>> 31)) * 0xBF58476D1CE4E5B9L + c;
        return seed ^ (seed >>> 29);
    }

    /** @return the seed that generates this customer; -1 for a {@linkplain #of(Object) wrapped} one */
    public long seed() {
        return seed == null ? -1 : seed;
    }

    /** @return the full name, such as {@code Zoë O'Torevski}; null when a wrapped customer has none */
    public String name() {
        return lastName == null ? firstName : firstName + " " + lastName;
    }

    /** @return the first name */
    public String firstName() {
        return firstName;
    }

    /** @return the last name, or both surnames, such as {@code García Márquez} */
    public String lastName() {
        return lastName;
    }

    /** @return an e-mail address unique to this customer, at a domain reserved for examples */
    public String email() {
        return email;
    }

    /** @return a valid US phone number, as E.164 ({@code +12125550123}), national ({@code (212) 555-0123}) or digits only */
    public String phone() {
        return phone;
    }

    /** @return a Luhn-valid card number of 13 to 19 digits, unspaced, spaced or dashed */
    public String card() {
        return card;
    }

    /** @return the last four digits of the card, the form receipts may show */
    public String cardLast4() {
        String digits = card == null ? "" : card.replaceAll("\\D", "");
        return digits.length() < 4 ? digits : digits.substring(digits.length() - 4);
    }

    /** @return a US SSN, valid or not, written {@code AAA-GG-SSSS} or {@code AAAGGSSSS} */
    public String ssn() {
        return ssn;
    }

    /** @return an IBAN with a valid checksum, grouped in fours or not */
    public String iban() {
        return iban;
    }

    /**
     * The forms this customer's values come in, as coverage labels, such as {@code card: spaced},
     * {@code card brand: amex}, {@code ssn: invalid area 666}.
     *
     * <pre>{@code
     * Property.forAll(canaries.customers()).requireCoverage("card: dashed", 10)
     *         .check(customer -> { customer.forms().forEach(Property::label); desk.register(customer); });
     * }</pre>
     *
     * @return the labels
     */
    public List<String> forms() {
        return forms;
    }

    /**
     * @param owner what to call the customer in messages, such as {@code "customer #1"}
     * @return one canary per field: name, email, phone, card, ssn, iban (a wrapped customer: its {@link Pii} fields)
     */
    public List<Canary> canaries(String owner) {
        List<Canary> owned = new ArrayList<>();
        for (Canary field : fields) {
            owned.add(new Canary(owner, field.field(), field.kind(), field.value()));
        }
        return List.copyOf(owned);
    }

    /** @return the customer with its data masked */
    @Override
    public String toString() {
        if (seed == null) {
            return "CanaryCustomer[fixed, " + fields.size() + " fields]";
        }
        return "CanaryCustomer[seed " + seed + ", " + firstName.charAt(0) + ". " + lastName.charAt(0) + "., "
                + Redaction.token(PiiKind.EMAIL, email) + ", " + Redaction.token(PiiKind.PHONE, phone) + ", card ending "
                + cardLast4() + "]";
    }
}
