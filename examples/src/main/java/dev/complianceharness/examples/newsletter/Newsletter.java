package dev.complianceharness.examples.newsletter;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The example application: a newsletter that mails every subscriber and honours unsubscribe requests at
 * once. {@link #batchingUnsubscribes(MailGateway)} and {@link #withoutFooterOnFlashSales(MailGateway)}
 * build the two deliberately buggy variants the compliance suite must catch.
 */
public class Newsletter {

    private final MailGateway gateway;
    private final Set<String> subscribers = new ConcurrentSkipListSet<>();
    private final Set<String> pendingUnsubscribes = new ConcurrentSkipListSet<>();
    private final boolean batchUnsubscribes;
    private final boolean footerOnFlashSales;

    /**
     * The correct newsletter.
     *
     * @param gateway where mail goes
     */
    public Newsletter(MailGateway gateway) {
        this(gateway, false, true);
    }

    private Newsletter(MailGateway gateway, boolean batchUnsubscribes, boolean footerOnFlashSales) {
        this.gateway = gateway;
        this.batchUnsubscribes = batchUnsubscribes;
        this.footerOnFlashSales = footerOnFlashSales;
    }

    /**
     * Bug: unsubscribe requests wait for a monthly batch job, so readers keep getting mail for weeks.
     *
     * @param gateway where mail goes
     * @return the buggy newsletter
     */
    public static Newsletter batchingUnsubscribes(MailGateway gateway) {
        return new Newsletter(gateway, true, true);
    }

    /**
     * Bug: the flash-sale template was copied from the receipt template and has no unsubscribe footer.
     *
     * @param gateway where mail goes
     * @return the buggy newsletter
     */
    public static Newsletter withoutFooterOnFlashSales(MailGateway gateway) {
        return new Newsletter(gateway, false, false);
    }

    /**
     * Adds a subscriber.
     *
     * @param address the reader's e-mail address
     */
    public void subscribe(String address) {
        subscribers.add(address);
    }

    /**
     * Handles a click on the unsubscribe link.
     *
     * @param address the reader's e-mail address
     */
    public void unsubscribe(String address) {
        if (batchUnsubscribes) {
            pendingUnsubscribes.add(address);
        } else {
            subscribers.remove(address);
        }
    }

    /** The monthly batch job of the buggy variant. */
    public void runMonthlyUnsubscribeBatch() {
        subscribers.removeAll(pendingUnsubscribes);
        pendingUnsubscribes.clear();
    }

    /**
     * Mails an issue to every subscriber.
     *
     * @param number the issue number
     */
    public void sendIssue(int number) {
        for (String reader : subscribers) {
            gateway.send(new Email(reader, "Issue #" + number, Email.Kind.COMMERCIAL, Optional.of(unsubscribeLink(reader))));
        }
    }

    /**
     * Mails a flash sale to every subscriber.
     *
     * @param product what is on sale
     */
    public void sendFlashSale(String product) {
        for (String reader : subscribers) {
            Optional<URI> footer = footerOnFlashSales ? Optional.of(unsubscribeLink(reader)) : Optional.empty();
            gateway.send(new Email(reader, "24 hours only: " + product, Email.Kind.COMMERCIAL, footer));
        }
    }

    /**
     * Mails a receipt; receipts go to unsubscribed readers too, as the law allows.
     *
     * @param address the buyer
     * @param order   the order number
     */
    public void sendReceipt(String address, String order) {
        gateway.send(new Email(address, "Your order " + order, Email.Kind.TRANSACTIONAL, Optional.empty()));
    }

    private static URI unsubscribeLink(String reader) {
        return URI.create("https://news.example.com/unsubscribe?r=" + URLEncoder.encode(reader, StandardCharsets.UTF_8));
    }
}
