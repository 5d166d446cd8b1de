package dev.complianceharness.payments.money;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * How many decimals a currency's minor unit has, and which minor-unit amounts a provider accepts: the
 * ISO 4217 defaults (as the JDK's {@link Currency#getDefaultFractionDigits()} gives them) overridden by
 * a provider's own table.
 *
 * <pre>{@code
 * MinorUnitRules stripe = MinorUnitRules.stripe();
 * stripe.violation(Money.of(1005, "KWD"));   // "1005 KWD minor is not a multiple of 10 minor units, ..."
 * stripe.toMinorUnits(new BigDecimal("100"), "ISK");   // 10000 ISK minor: Stripe carries ISK with two decimals
 * MinorUnitRules acme = MinorUnitRules.builder("acme-psp").basedOn(MinorUnitRules.iso4217())
 *         .currency("HUF", 2, 100).build();
 * }</pre>
 *
 * <p>Currencies without a minor unit in ISO 4217 (gold {@code XAU}, special drawing rights {@code XDR},
 * fraction digits −1) cannot be charged: every amount in them is a violation, unless a table says
 * otherwise. Instances are immutable and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class MinorUnitRules {

    /** The three-decimal currencies whose amounts Stripe and Checkout.com accept only when they end in 0. */
    public static final Set<String> THREE_DECIMAL_ENDING_IN_ZERO = Set.of("BHD", "KWD", "JOD", "OMR", "TND", "IQD", "LYD");

    private static final MinorUnitRules ISO_4217 = new MinorUnitRules("ISO 4217", Map.of());
    private static final MinorUnitRules STRIPE = builder("Stripe").basedOn(ISO_4217)
            .threeDecimalAmountsEndingInZero()
            .currency("ISK", 2, 100)
            .build();
    private static final MinorUnitRules CHECKOUT_COM = builder("Checkout.com").basedOn(ISO_4217)
            .threeDecimalAmountsEndingInZero()
            .build();

    private final String name;
    private final Map<Currency, Rule> overrides;

    private MinorUnitRules(String name, Map<Currency, Rule> overrides) {
        this.name = name;
        this.overrides = Map.copyOf(overrides);
    }

    /** @return the ISO 4217 defaults: the JDK's fraction digits, any whole number of minor units */
    public static MinorUnitRules iso4217() {
        return ISO_4217;
    }

    /**
     * @return Stripe's table: ISO 4217, with three-decimal currencies only in multiples of 10 minor units
     *         and ISK as a two-decimal currency in multiples of 100
     */
    public static MinorUnitRules stripe() {
        return STRIPE;
    }

    /** @return Checkout.com's table: ISO 4217, with three-decimal currencies only in multiples of 10 minor units */
    public static MinorUnitRules checkoutCom() {
        return CHECKOUT_COM;
    }

    /**
     * Starts a provider's own table.
     *
     * @param name the provider, for messages
     * @return a builder, based on nothing until {@link Builder#basedOn(MinorUnitRules)}
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the provider or standard these rules describe, for example {@code "Stripe"} */
    public String name() {
        return name;
    }

    /**
     * @param currency a currency
     * @return the decimals of its minor unit under these rules; empty if it has no minor unit
     */
    public OptionalInt fractionDigits(Currency currency) {
        Rule rule = rule(currency);
        return rule == null ? OptionalInt.empty() : OptionalInt.of(rule.fractionDigits);
    }

    /**
     * @param currency a currency
     * @return the number every amount in it must be a multiple of, in minor units (1 unless a provider restricts it)
     */
    public long multipleOf(Currency currency) {
        Rule rule = rule(currency);
        return rule == null ? 1 : rule.multipleOf;
    }

    /**
     * Why an amount cannot be charged, captured or refunded under these rules.
     *
     * @param amount the amount
     * @return the reason; empty if the amount is valid
     */
    public Optional<String> violation(Money amount) {
        Objects.requireNonNull(amount, "amount");
        Rule rule = rule(amount.currency());
        if (rule == null) {
            return Optional.of(amount.currencyCode() + " has no minor unit in " + name + ", so no amount in it can be charged");
        }
        if (!amount.isPositive()) {
            return Optional.of(amount + " is not a positive amount");
        }
        if (amount.minorUnits() % rule.multipleOf != 0) {
            return Optional.of(amount + " is not a multiple of " + rule.multipleOf + " minor units, as " + name
                    + " requires for " + amount.currencyCode());
        }
        return Optional.empty();
    }

    /**
     * Converts a decimal amount to minor units, exactly.
     *
     * @param major        the amount in the currency's major unit, for example {@code 10.50}
     * @param currencyCode an ISO 4217 code
     * @return the amount in minor units
     * @throws IllegalArgumentException if the currency has no minor unit or the amount has more decimals
     *                                  than the minor unit
     */
    public Money toMinorUnits(BigDecimal major, String currencyCode) {
        Objects.requireNonNull(major, "major amount");
        Currency currency = Money.currency(currencyCode);
        int digits = requireDigits(currency);
        try {
            return new Money(major.movePointRight(digits).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(major.toPlainString() + " " + currencyCode + " has more decimals than the "
                    + digits + " of " + currencyCode + "'s minor unit in " + name + ", or is too large", e);
        }
    }

    /**
     * Converts minor units to a decimal amount.
     *
     * @param amount the amount in minor units
     * @return the amount in the major unit, with as many decimals as the minor unit has
     * @throws IllegalArgumentException if the currency has no minor unit
     */
    public BigDecimal toMajorUnits(Money amount) {
        int digits = requireDigits(amount.currency());
        return BigDecimal.valueOf(amount.minorUnits()).movePointLeft(digits).setScale(digits, RoundingMode.UNNECESSARY);
    }

    private int requireDigits(Currency currency) {
        Rule rule = rule(currency);
        if (rule == null) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " has no minor unit in " + name
                    + "; add it to a provider table with MinorUnitRules.builder(...)");
        }
        return rule.fractionDigits;
    }

    private Rule rule(Currency currency) {
        // every amount the harness generates, sends and checks asks this; most tables override nothing
        Rule override = overrides.isEmpty() ? null : overrides.get(currency);
        if (override != null) {
            return override;
        }
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? null : new Rule(digits, 1);
    }

    @Override
    public String toString() {
        return "MinorUnitRules[" + name + ", " + overrides.size() + " overrides of ISO 4217]";
    }

    private record Rule(int fractionDigits, long multipleOf) {
    }

    /** Builds a provider's table of {@link MinorUnitRules}. */
    public static final class Builder {
        private final String name;
        private final Map<Currency, Rule> overrides = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Starts from another table's overrides (for example {@link MinorUnitRules#iso4217()}, which has none).
         *
         * @param base the table to extend
         * @return this builder
         */
        public Builder basedOn(MinorUnitRules base) {
            overrides.putAll(base.overrides);
            return this;
        }

        /**
         * Overrides one currency.
         *
         * @param currencyCode   an ISO 4217 code
         * @param fractionDigits decimals of the minor unit, 0 to 6
         * @param multipleOf     the number every amount must be a multiple of, in minor units, at least 1
         * @return this builder
         * @throws IllegalArgumentException naming the currency if a value is out of range
         */
        public Builder currency(String currencyCode, int fractionDigits, long multipleOf) {
            Currency currency = Money.currency(currencyCode);
            if (fractionDigits < 0 || fractionDigits > 6) {
                throw new IllegalArgumentException("Minor-unit rule for " + currencyCode + " in " + name + " has "
                        + fractionDigits + " fraction digits: expected 0 to 6");
            }
            if (multipleOf < 1) {
                throw new IllegalArgumentException("Minor-unit rule for " + currencyCode + " in " + name
                        + " requires multiples of " + multipleOf + ": expected 1 or more");
            }
            overrides.put(currency, new Rule(fractionDigits, multipleOf));
            return this;
        }

        /**
         * Accepts amounts in the three-decimal currencies ({@link #THREE_DECIMAL_ENDING_IN_ZERO}) only in
         * multiples of 10 minor units, as Stripe and Checkout.com do.
         *
         * @return this builder
         */
        public Builder threeDecimalAmountsEndingInZero() {
            for (String code : THREE_DECIMAL_ENDING_IN_ZERO) {
                currency(code, 3, 10);
            }
            return this;
        }

        /** @return the table */
        public MinorUnitRules build() {
            return new MinorUnitRules(name, overrides);
        }
    }
}
