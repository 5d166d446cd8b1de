package dev.complianceharness.examples.customerservice;

import dev.complianceharness.examples.customerservice.legacy.CustomerProfile;
import dev.complianceharness.examples.customerservice.legacy.ReceiptPrinter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example application: a customer-service desk that resets passwords, calls customers back, charges
 * fees, checks identities, updates tax ids, refunds, unsubscribes and escalates tickets on a background
 * executor — and logs every step. The correct desk logs internal ids and allowed masks only; {@link #withLeak(Leak,
 * ExecutorService)} builds a desk with one of the deliberate leaks in {@link Leak}.
 */
public class SupportDesk {

    private static final Logger LOG = LoggerFactory.getLogger(SupportDesk.class);

    private final Set<Leak> leaks;
    private final ExecutorService background;

    /**
     * The correct desk.
     *
     * @param background where escalations run
     */
    public SupportDesk(ExecutorService background) {
        this(EnumSet.noneOf(Leak.class), background);
    }

    private SupportDesk(Set<Leak> leaks, ExecutorService background) {
        this.leaks = Set.copyOf(leaks);
        this.background = Objects.requireNonNull(background, "background");
    }

    /**
     * A desk with one deliberate leak.
     *
     * @param leak       the bug
     * @param background where escalations run
     * @return the buggy desk
     */
    public static SupportDesk withLeak(Leak leak, ExecutorService background) {
        return new SupportDesk(EnumSet.of(leak), background);
    }

    /**
     * Sends a password reset link.
     *
     * @param customer the customer
     */
    public void sendPasswordReset(Customer customer) {
        if (leaks.contains(Leak.PLAIN_EMAIL)) {
            LOG.info("password reset link sent to {}", customer.email());
        } else {
            LOG.info("password reset link sent to customer {}", customer.id());
        }
    }

    /**
     * Schedules a call back.
     *
     * @param customer the customer
     */
    public void scheduleCallBack(Customer customer) {
        String phone = customer.phone();
        if (leaks.contains(Leak.REFORMATTED_PHONE)) {
            String digits = phone.replaceAll("\\D", "");
            String national = digits.substring(digits.length() - 10);
            LOG.info("call back scheduled: ({}) {}-{}", national.substring(0, 3), national.substring(3, 6), national.substring(6));
        } else {
            LOG.info("call back scheduled for customer {} on the number ending {}", customer.id(),
                    phone.substring(phone.length() - 4));
        }
        if (leaks.contains(Leak.DEBUG_LINE)) {
            LOG.debug("dialler queued {}", phone);
        } else {
            LOG.debug("dialler queued customer {}", customer.id());
        }
    }

    /**
     * Charges a support fee and logs the receipt.
     *
     * @param customer the customer
     * @param cents    the fee
     */
    public void chargeFee(Customer customer, long cents) {
        String card = customer.card();
        String shown;
        if (leaks.contains(Leak.CARD_MASKED_WRONGLY)) {
            shown = card.replaceAll("\\D", "").substring(0, 6) + "******" + customer.cardLast4();
        } else if (leaks.contains(Leak.CARD_MASK_FOR_UNSPACED_NUMBERS_ONLY)) {
            shown = card.replaceAll("\\d(?=\\d{4})", "*");
        } else {
            shown = "************" + customer.cardLast4();
        }
        LOG.info("charged {} cents to card {} for customer {}", cents, shown, customer.id());
        if (leaks.contains(Leak.RECEIPT_PRINTED_TO_STDOUT)) {
            ReceiptPrinter.print(card, cents);
        }
    }

    /**
     * Checks a caller's identity.
     *
     * @param customer  the customer
     * @param givenSsn  the SSN the caller gave
     * @return whether it matched
     */
    public boolean verifyIdentity(Customer customer, String givenSsn) {
        try {
            if (!customer.ssn().equals(givenSsn)) {
                String detail = leaks.contains(Leak.SSN_IN_EXCEPTION_MESSAGE)
                        ? "SSN " + customer.ssn() + " on file does not match the one given"
                        : "SSN on file for customer " + customer.id() + " does not match the one given";
                throw new IdentityCheckFailedException(detail);
            }
            return true;
        } catch (IdentityCheckFailedException e) {
            LOG.warn("identity check failed", e);
            return false;
        }
    }

    /**
     * Records the customer's SSN as their tax id, refusing an impossible one.
     *
     * @param customer the customer
     * @return whether the SSN was accepted
     */
    public boolean updateTaxId(Customer customer) {
        try {
            String ssn = customer.ssn();
            if (!possibleSsn(ssn.replace("-", ""))) {
                throw new IllegalArgumentException(leaks.contains(Leak.INVALID_SSN_IN_EXCEPTION_MESSAGE)
                        ? "SSN " + ssn + " is not a valid social security number"
                        : "the SSN on file for customer " + customer.id() + " is not a valid social security number");
            }
            LOG.info("tax id updated for customer {}", customer.id());
            return true;
        } catch (IllegalArgumentException e) {
            LOG.warn("tax id update rejected: {}", e.getMessage());
            return false;
        }
    }

    private static boolean possibleSsn(String digits) {
        if (!digits.matches("\\d{9}")) {
            return false;
        }
        int area = Integer.parseInt(digits.substring(0, 3));
        return area != 0 && area != 666 && area < 900 && !digits.startsWith("00", 3) && !digits.endsWith("0000");
    }

    /**
     * Loads the customer's profile for the agent.
     *
     * @param customer the customer
     */
    public void showProfile(Customer customer) {
        if (leaks.contains(Leak.RECORD_TO_STRING)) {
            LOG.info("profile loaded: {}", new CustomerProfile(customer.id(), customer.email(), customer.phone()));
        } else {
            LOG.info("profile loaded: {}", customer);
        }
    }

    /**
     * Refunds the customer.
     *
     * @param customer the customer
     * @param cents    the amount
     */
    public void refund(Customer customer, long cents) {
        String iban = customer.iban();
        if (leaks.contains(Leak.IBAN_WITH_SPACES)) {
            LOG.info("refund of {} cents to {}", cents, iban.replace(" ", "").replaceAll("(.{4})(?!$)", "$1 "));
        } else {
            String compact = iban.replace(" ", "");
            LOG.info("refund of {} cents to the account ending {} of customer {}", cents,
                    compact.substring(compact.length() - 4), customer.id());
        }
    }

    /**
     * Unsubscribes the customer from the newsletter.
     *
     * @param customer the customer
     */
    public void unsubscribe(Customer customer) {
        if (leaks.contains(Leak.URL_ENCODED_EMAIL)) {
            LOG.info("unsubscribe confirmed via /newsletter/unsubscribe?email={}",
                    URLEncoder.encode(customer.email().toLowerCase(Locale.ROOT), StandardCharsets.UTF_8));
        } else {
            LOG.info("unsubscribe confirmed for customer {}", customer.id());
        }
    }

    /**
     * Escalates a ticket; the escalation runs on the background executor.
     *
     * @param customer the customer
     * @param issue    what the ticket is about
     * @return the running escalation
     */
    public Future<?> escalate(Customer customer, String issue) {
        return background.submit(() -> {
            if (leaks.contains(Leak.BACKGROUND_THREAD)) {
                LOG.info("escalating '{}' for {}", issue, customer.email());
            } else {
                LOG.info("escalating '{}' for customer {}", issue, customer.id());
            }
        });
    }
}
