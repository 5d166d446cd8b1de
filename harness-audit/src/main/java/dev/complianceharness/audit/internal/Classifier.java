package dev.complianceharness.audit.internal;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import dev.complianceharness.audit.Evidence;
import dev.complianceharness.audit.Evidence.Category;
import dev.complianceharness.governance.GovernanceRules;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.liability.ZoneDeclaration;
import dev.complianceharness.liability.ZoneResolver;
import dev.complianceharness.mask.Pii;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects the evidence about one class from its bytecode: field, getter and type names, annotations
 * (recognised by name) and the packages it depends on. Thread-safe.
 */
public final class Classifier {

    /** The annotation that marks personal data, recognised by name (the {@code pii} module defines it). */
    public static final String PII_ANNOTATION = Pii.class.getName();

    private static final Set<String> CARD_WORDS = Set.of("cardnumber", "creditcard", "creditcardnumber", "ccnumber", "pan",
            "primaryaccountnumber", "cvv", "cvc", "cvv2", "cardverificationvalue", "securitycode", "cardholdername", "track2");
    private static final Set<String> PII_WORDS = Set.of("email", "emailaddress", "mail", "phone", "phonenumber", "mobile",
            "mobilenumber", "msisdn", "telephone", "ssn", "socialsecuritynumber", "taxid", "taxidentifier", "nationalid",
            "passport", "passportnumber", "driverslicense", "iban", "bic", "accountnumber", "bankaccount", "routingnumber",
            "sortcode", "dateofbirth", "dob", "birthdate", "birthday", "firstname", "lastname", "fullname", "surname",
            "givenname", "middlename", "address", "address1", "address2", "streetaddress", "street", "postalcode", "postcode",
            "zipcode", "zip", "ipaddress", "geolocation", "latitude", "longitude", "gender", "nationality");
    private static final Set<String> PII_TYPES = Set.of("email", "emailaddress", "phonenumber", "iban", "ssn",
            "socialsecuritynumber", "cardnumber", "creditcard", "postaladdress", "dateofbirth", "internetaddress");
    private static final Set<String> AMOUNT_WORDS = Set.of("amount", "price", "total", "balance", "fee", "cost", "subtotal",
            "credit", "debit", "refundamount", "capturedamount", "authorizedamount", "processedamount", "chargedamount",
            "unitprice", "netamount", "grossamount", "taxamount");
    private static final Set<String> NUMERIC_TYPES = Set.of("java.math.BigDecimal", "java.math.BigInteger", "long", "int",
            "double", "float", "java.lang.Long", "java.lang.Integer", "java.lang.Double", "javax.money.MonetaryAmount",
            "org.joda.money.Money", "org.joda.money.BigMoney", "org.javamoney.moneta.Money");
    private static final Set<String> CURRENCY_TYPES = Set.of("java.util.Currency", "javax.money.CurrencyUnit",
            "org.joda.money.CurrencyUnit");
    private static final List<String> MONEY_PACKAGES = List.of("javax.money..", "org.javamoney..", "org.joda.money..");
    private static final List<String> PAYMENT_PACKAGES = List.of("com.stripe..", "com.braintreegateway..", "com.paypal..",
            "com.adyen..", "com.squareup.square..", "net.authorize..", "com.checkout..", "be.woutschoovaerts.mollie..",
            "com.mollie..", "com.razorpay..", "com.worldpay..", "com.gocardless..", "com.recurly..", "com.chargebee..",
            "com.cybersource..", "Api.Cybersource..", "com.klarna..");
    private static final List<String> MESSAGING_PACKAGES = List.of("com.twilio..", "com.vonage..", "com.nexmo..",
            "com.messagebird..", "com.plivo..", "com.sinch..", "com.bandwidth..", "com.telnyx..", "com.sendgrid..",
            "com.mailgun..", "net.sargue.mailgun..", "com.postmarkapp..", "com.mailjet..", "software.amazon.awssdk.services.sns..",
            "software.amazon.awssdk.services.ses..", "software.amazon.awssdk.services.sesv2..", "software.amazon.awssdk.services.pinpoint..",
            "com.amazonaws.services.sns..", "com.amazonaws.services.simpleemail..", "javax.mail..", "jakarta.mail..",
            "org.simplejavamail..", "org.apache.commons.mail..", "com.google.firebase.messaging..", "com.infobip..");
    private static final List<String> LOGGING_PACKAGES = List.of("org.slf4j..", "org.apache.logging.log4j..", "org.apache.log4j..",
            "java.util.logging..", "ch.qos.logback..", "org.apache.commons.logging..", "org.jboss.logging..", "com.google.common.flogger..");
    private static final List<String> PAYMENT_NAMES = List.of("payment", "refund", "invoice", "chargeback", "ledger", "payout",
            "capture", "authoriz", "billing", "settlement", "wallet");

    private static final Map<Category, Integer> WEIGHTS = new EnumMap<>(Map.of(
            Category.DECLARED_ZONE, 2, Category.PERSONAL_DATA, 3, Category.CARD_DATA, 5, Category.PERSONAL_DATA_IN_LOGS, 4,
            Category.MONEY, 3, Category.PAYMENT_PROVIDER, 4, Category.MESSAGING, 4, Category.THIRD_PARTY_CLIENT, 2,
            Category.LOGGING, 1, Category.PAYMENT_NAME, 1));
    /** Each category counts at most this many findings towards the score, so one wide class does not drown the rest. */
    private static final int MAX_COUNTED = 3;

    private final PackageMatchers moneyPackages = PackageMatchers.of(MONEY_PACKAGES);
    private final PackageMatchers paymentPackages = PackageMatchers.of(PAYMENT_PACKAGES);
    private final PackageMatchers messagingPackages = PackageMatchers.of(MESSAGING_PACKAGES);
    private final PackageMatchers clientPackages = PackageMatchers.of(GovernanceRules.THIRD_PARTY_CLIENT_PACKAGES);
    private final PackageMatchers loggingPackages = PackageMatchers.of(LOGGING_PACKAGES);
    private final ZoneResolver zones = new ZoneResolver();

    /**
     * The evidence and tier of one class.
     *
     * @param javaClass the class
     * @return the declared zone (if any) and the evidence, heaviest first
     */
    public Result classify(JavaClass javaClass) {
        Map<Category, Set<String>> found = new EnumMap<>(Category.class);
        Optional<ZoneDeclaration> declared = zones.declarationFor(javaClass);
        declared.ifPresent(zone -> add(found, Category.DECLARED_ZONE, zone.tier() + " zone " + zone.name()));
        if (isAnnotatedPii(javaClass)) {
            add(found, Category.PERSONAL_DATA, "class annotated @Pii");
        }
        Set<String> amounts = new LinkedHashSet<>();
        Set<String> currencies = new LinkedHashSet<>();
        Set<String> fieldWords = new LinkedHashSet<>();
        for (JavaField field : javaClass.getFields().stream().sorted(Comparator.comparing(JavaField::getName)).toList()) {
            if (field.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.SYNTHETIC)) {
                continue;
            }
            String word = normalize(field.getName());
            fieldWords.add(word);
            member(found, "field " + field.getName(), word, field.getRawType(), field, amounts, currencies);
        }
        for (JavaMethod method : javaClass.getMethods().stream().sorted(Comparator.comparing(JavaMethod::getName)).toList()) {
            Optional<String> property = getterProperty(method);
            if (property.isPresent() && !fieldWords.contains(normalize(property.get()))) {
                member(found, "getter " + method.getName() + "()", normalize(property.get()), method.getRawReturnType(), method,
                        amounts, currencies);
            } else if (isAnnotatedPii(method)) {
                add(found, Category.PERSONAL_DATA, "method " + method.getName() + "() annotated @Pii");
            }
        }
        if (!amounts.isEmpty() && !currencies.isEmpty()) {
            add(found, Category.MONEY, "amount " + String.join(", ", amounts) + " with currency " + String.join(", ", currencies));
        }
        Set<JavaClass> targets = new java.util.TreeSet<>(Comparator.comparing(JavaClass::getName));
        for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
            targets.add(dependency.getTargetClass());
        }
        for (JavaClass target : targets) {
            String packageName = target.getPackageName();
            String type = target.getName();
            if (moneyPackages.test(packageName)) {
                add(found, Category.MONEY, "uses " + type);
            } else if (paymentPackages.test(packageName)) {
                add(found, Category.PAYMENT_PROVIDER, "uses " + type);
            } else if (messagingPackages.test(packageName)) {
                add(found, Category.MESSAGING, "uses " + type);
            } else if (clientPackages.test(packageName) || type.equals("java.net.HttpURLConnection")
                    || type.equals("javax.net.ssl.HttpsURLConnection")) {
                add(found, Category.THIRD_PARTY_CLIENT, "uses " + type);
            } else if (loggingPackages.test(packageName)) {
                add(found, Category.LOGGING, "uses " + type.substring(0, type.lastIndexOf('.')));
            }
        }
        if ((found.containsKey(Category.PERSONAL_DATA) || found.containsKey(Category.CARD_DATA)) && found.containsKey(Category.LOGGING)) {
            add(found, Category.PERSONAL_DATA_IN_LOGS, "logs in a class that holds personal data: check what reaches the log");
        }
        String simpleName = simpleName(javaClass).toLowerCase(Locale.ROOT);
        PAYMENT_NAMES.stream().filter(simpleName::contains).findFirst()
                .ifPresent(word -> add(found, Category.PAYMENT_NAME, "class name contains '" + word + "'"));
        List<Evidence> evidence = new ArrayList<>();
        found.forEach((category, details) -> evidence.add(new Evidence(category, summary(details),
                WEIGHTS.get(category) * Math.min(details.size(), MAX_COUNTED))));
        evidence.sort(Comparator.comparingInt(Evidence::weight).reversed().thenComparing(Evidence::category));
        return new Result(declared, tier(declared, found.keySet()), evidence);
    }

    /**
     * The classification of one class.
     *
     * @param declared its declared zone, if any
     * @param tier     its tier; empty when no evidence points to one
     * @param evidence the evidence, heaviest first
     */
    public record Result(Optional<ZoneDeclaration> declared, Optional<LiabilityTier> tier, List<Evidence> evidence) {
    }

    private void member(Map<Category, Set<String>> found, String what, String word, JavaClass type,
                        HasAnnotations<?> element, Set<String> amounts, Set<String> currencies) {
        String typeWord = normalize(type.getSimpleName());
        if (isAnnotatedPii(element)) {
            add(found, Category.PERSONAL_DATA, what + " annotated @Pii");
        } else if (CARD_WORDS.contains(word) || CARD_WORDS.contains(typeWord)) {
            add(found, Category.CARD_DATA, what);
        } else if (PII_WORDS.contains(word) && !type.isPrimitive() || PII_TYPES.contains(typeWord)) {
            add(found, Category.PERSONAL_DATA, what);
        }
        if (AMOUNT_WORDS.contains(word) && NUMERIC_TYPES.contains(type.getName())
                || type.getName().equals("javax.money.MonetaryAmount") || type.getName().equals("org.joda.money.Money")) {
            amounts.add(what.substring(what.indexOf(' ') + 1));
        }
        if (CURRENCY_TYPES.contains(type.getName()) || word.endsWith("currency") || word.endsWith("currencycode")) {
            currencies.add(what.substring(what.indexOf(' ') + 1));
        }
    }

    private static Optional<String> getterProperty(JavaMethod method) {
        if (!method.getRawParameterTypes().isEmpty() || method.getRawReturnType().getName().equals("void")) {
            return Optional.empty();
        }
        String name = method.getName();
        if (name.startsWith("get") && name.length() > 3) {
            return Optional.of(name.substring(3));
        }
        if (name.startsWith("is") && name.length() > 2 && Character.isUpperCase(name.charAt(2))) {
            return Optional.of(name.substring(2));
        }
        return Optional.empty();
    }

    private static boolean isAnnotatedPii(HasAnnotations<?> element) {
        return element.tryGetAnnotationOfType(PII_ANNOTATION).isPresent();
    }

    private static Optional<LiabilityTier> tier(Optional<ZoneDeclaration> declared, Set<Category> categories) {
        if (declared.isPresent() && declared.get().tier() != null) {
            return Optional.of(declared.get().tier());
        }
        if (categories.contains(Category.PERSONAL_DATA) || categories.contains(Category.CARD_DATA)
                || categories.contains(Category.MESSAGING)) {
            return Optional.of(LiabilityTier.REGULATORY);
        }
        if (categories.contains(Category.MONEY) || categories.contains(Category.PAYMENT_PROVIDER)
                || categories.contains(Category.PAYMENT_NAME)) {
            return Optional.of(LiabilityTier.FINANCIAL);
        }
        if (categories.contains(Category.THIRD_PARTY_CLIENT)) {
            return Optional.of(LiabilityTier.REPUTATIONAL);
        }
        return Optional.empty();
    }

    private static void add(Map<Category, Set<String>> found, Category category, String detail) {
        found.computeIfAbsent(category, key -> new LinkedHashSet<>()).add(detail);
    }

    private static String summary(Set<String> details) {
        List<String> list = List.copyOf(details);
        int shown = Math.min(list.size(), 4);
        String text = String.join(", ", list.subList(0, shown));
        return list.size() > shown ? text + " (+" + (list.size() - shown) + " more)" : text;
    }

    /** Lower case without separators: {@code date_of_birth}, {@code dateOfBirth} and {@code DATE-OF-BIRTH} agree. */
    static String normalize(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    private static String simpleName(JavaClass javaClass) {
        String name = javaClass.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
