package dev.complianceharness.examples.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The example application: a marketing SMS scheduler. Triggered messages (an abandoned cart, a price drop) and
 * scheduled campaigns are queued for the first moment the recipient's contact rules allow, and sent by
 * {@link #dispatchDue()}, which a job calls every minute. A STOP reply cancels the recipient's queued marketing
 * and is confirmed by one reply; transactional messages go out at once.
 *
 * <pre>{@code
 * CampaignScheduler scheduler = new CampaignScheduler(smsProvider::send, Clock.systemUTC());
 * scheduler.trigger("+13055550147", "Your cart misses you: 10% off today");
 * scheduler.dispatchDue();
 * }</pre>
 *
 * <p>Thread-safe: every method synchronises on the scheduler.
 */
public class CampaignScheduler {

    private static final Duration HISTORY_KEPT = Duration.ofDays(3);
    private static final String STOP_CONFIRMATION = "You are unsubscribed and will get no more marketing texts. Reply"
            + " START to resubscribe.";

    private final SmsSender sender;
    private final Clock clock;
    private final SendTimePlanner planner;
    private final PriorityQueue<Queued> queue = new PriorityQueue<>();
    private final Map<String, List<Instant>> plannedMarketing = new HashMap<>();
    private final Set<String> optedOut = new HashSet<>();
    private long sequence;
    /** The earliest instant any call asked about: a trigger delivered late may still count sends from before it. */
    private Instant earliestAsked;

    /**
     * The correct scheduler.
     *
     * @param sender where messages go
     * @param clock  the clock; a test clock in tests
     */
    public CampaignScheduler(SmsSender sender, Clock clock) {
        this(sender, clock, SchedulerVariant.CORRECT);
    }

    /**
     * The correct scheduler or one of its buggy variants.
     *
     * @param sender  where messages go
     * @param clock   the clock; a test clock in tests
     * @param variant which scheduler
     */
    public CampaignScheduler(SmsSender sender, Clock clock, SchedulerVariant variant) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.planner = new SendTimePlanner(variant);
    }

    /**
     * Queues a triggered marketing text for the first permitted moment from now on.
     *
     * @param phoneNumber the recipient, in E.164 form
     * @param text        the message
     * @return when it will be sent; empty if it will not be (opted out, unknown destination, no window soon)
     */
    public synchronized Optional<Instant> trigger(String phoneNumber, String text) {
        return plan(phoneNumber, text, clock.instant());
    }

    /**
     * Queues a campaign for every member of its audience.
     *
     * @param campaign the campaign
     * @return the planned send time of each recipient who will get it
     */
    public synchronized Map<String, Instant> schedule(Campaign campaign) {
        Instant start = campaign.startsAt().isAfter(clock.instant()) ? campaign.startsAt() : clock.instant();
        Map<String, Instant> planned = new HashMap<>();
        for (String recipient : campaign.audience()) {
            plan(recipient, campaign.text(), start).ifPresent(at -> planned.put(recipient, at));
        }
        return planned;
    }

    /**
     * Sends a transactional message at once; the contact rules do not apply to it.
     *
     * @param phoneNumber the recipient
     * @param text        the message
     */
    public synchronized void sendTransactional(String phoneNumber, String text) {
        sender.send(new OutboundSms(phoneNumber, text, OutboundSms.Purpose.TRANSACTIONAL));
    }

    /**
     * Handles a STOP reply: no more marketing to the number, its queued marketing cancelled, one confirmation sent.
     *
     * @param phoneNumber the number that replied STOP
     */
    public synchronized void stopReceived(String phoneNumber) {
        if (!optedOut.add(phoneNumber)) {
            return;
        }
        queue.removeIf(queued -> queued.message().to().equals(phoneNumber)
                && queued.message().purpose() == OutboundSms.Purpose.MARKETING);
        sender.send(new OutboundSms(phoneNumber, STOP_CONFIRMATION, OutboundSms.Purpose.OPT_OUT_CONFIRMATION));
    }

    /**
     * Sends every queued message that is due.
     *
     * @return how many were sent
     */
    public synchronized int dispatchDue() {
        Instant now = clock.instant();
        int sent = 0;
        while (!queue.isEmpty() && !queue.peek().sendAt().isAfter(now)) {
            sender.send(queue.poll().message());
            sent++;
        }
        return sent;
    }

    /** @return the instant of the next queued message, if any */
    public synchronized Optional<Instant> nextDue() {
        return Optional.ofNullable(queue.peek()).map(Queued::sendAt);
    }

    private Optional<Instant> plan(String phoneNumber, String text, Instant notBefore) {
        if (optedOut.contains(phoneNumber)) {
            return Optional.empty();
        }
        List<Instant> history = plannedMarketing.computeIfAbsent(phoneNumber, number -> new ArrayList<>());
        earliestAsked = earliestAsked == null || notBefore.isBefore(earliestAsked) ? notBefore : earliestAsked;
        forgetOldSends(history, earliestAsked);
        Optional<Instant> sendAt = planner.earliestSendTime(phoneNumber, notBefore, history);
        sendAt.ifPresent(at -> {
            history.add(at);
            queue.add(new Queued(at, sequence++, new OutboundSms(phoneNumber, text, OutboundSms.Purpose.MARKETING)));
        });
        return sendAt;
    }

    private static void forgetOldSends(List<Instant> history, Instant now) {
        Iterator<Instant> sends = history.iterator();
        while (sends.hasNext()) {
            if (sends.next().isBefore(now.minus(HISTORY_KEPT))) {
                sends.remove();
            }
        }
    }

    /** A queued message; ties keep the order of queueing. */
    private record Queued(Instant sendAt, long order, OutboundSms message) implements Comparable<Queued> {
        @Override
        public int compareTo(Queued other) {
            int byTime = sendAt.compareTo(other.sendAt);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
