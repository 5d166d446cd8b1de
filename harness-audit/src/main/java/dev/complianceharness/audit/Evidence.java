package dev.complianceharness.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One reason the audit put a class in a tier: what it saw in the bytecode, and how much it weighs in the
 * triage ranking.
 *
 * @param category what kind of exposure the evidence shows
 * @param detail   what was seen, for example {@code "fields email, phone"}; names only, never values
 * @param weight   its weight in the class's triage score
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Evidence(Category category, String detail, int weight) {

    /** Checks for nulls. */
    public Evidence {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(detail, "detail");
    }

    /** What kind of exposure a piece of evidence shows. */
    public enum Category {
        /** A {@code @LiabilityZone} declared on the class or a package above it. */
        DECLARED_ZONE("declared zone"),
        /** Fields, getters, types or a {@code @Pii} annotation that hold personal data. */
        PERSONAL_DATA("personal data"),
        /** Payment card data (card number, CVV): PCI DSS scope. */
        CARD_DATA("card data"),
        /** Logging in a class that holds personal or card data. */
        PERSONAL_DATA_IN_LOGS("personal data near logging"),
        /** Amount and currency fields, or money types such as {@code javax.money}. */
        MONEY("money"),
        /** Types of a payment provider's SDK (Stripe, Braintree, Adyen ...). */
        PAYMENT_PROVIDER("payment provider SDK"),
        /** Types of an SMS or e-mail SDK (Twilio, Vonage, SendGrid, Jakarta Mail ...). */
        MESSAGING("messaging SDK"),
        /** Third-party AI, HTTP or OAuth clients. */
        THIRD_PARTY_CLIENT("third-party client"),
        /** A logging API. */
        LOGGING("logging"),
        /** A class name that speaks of payments, invoices, refunds or ledgers. */
        PAYMENT_NAME("named after payments");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        /** @return the category as the audit prints it */
        public String label() {
            return label;
        }
    }

    @Override
    public String toString() {
        return category.label() + ": " + detail;
    }
}
