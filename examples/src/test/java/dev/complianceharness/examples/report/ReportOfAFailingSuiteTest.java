package dev.complianceharness.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.examples.customerservice.Customer;
import dev.complianceharness.examples.customerservice.Leak;
import dev.complianceharness.examples.customerservice.SupportDesk;
import dev.complianceharness.examples.payments.InMemoryPaymentService;
import dev.complianceharness.examples.payments.compliance.PaymentServiceHarnessAdapter;
import dev.complianceharness.examples.sms.CampaignScheduler;
import dev.complianceharness.examples.sms.SchedulerVariant;
import dev.complianceharness.examples.sms.SmsSender;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.payments.PaymentsModule;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.money.Money;
import dev.complianceharness.payments.testing.PaymentRecorder;
import dev.complianceharness.payments.testing.RecordedPayments;
import dev.complianceharness.pii.Canaries;
import dev.complianceharness.pii.CanaryCustomer;
import dev.complianceharness.pii.NoPiiInLogs;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.invariants.SmsContactRulesModule;
import dev.complianceharness.sms.outbox.SmsOutbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The report of a team's suite on a bad day: an SMS sent at 20:30 in Miami, a support desk leaking two values on one
 * log line, a team rule whose check throws, a test aborted by an assumption, and the newsletter zone left without a
 * test. The fixtures run in their own launch (parallel execution on) with the report listener, as Surefire runs them;
 * the report's pages are copied to {@code target/report-with-failures} for the browser check and the screenshots.
 */
@DisplayName("The report of a suite with failures")
class ReportOfAFailingSuiteTest {

    /** Where the browser check ({@code scripts/check-report-in-browser.sh}) and the docs' screenshots find the pages. */
    static final Path PAGES = Path.of("target", "report-with-failures");
    private static final String MIAMI = "+13055550147";
    private static final long SEED = 20_250_602L;
    private static final String NEWSLETTER = "dev.complianceharness.examples.newsletter";
    private static final String PAYMENTS = "dev.complianceharness.examples.payments";

    private static String html;

    @BeforeAll
    static void runTheSuite(@org.junit.jupiter.api.io.TempDir Path directory) throws IOException {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(CampaignTestCase.class), selectClass(SupportDeskTestCase.class),
                        selectClass(CheckoutTestCase.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("complianceharness.report.dir", directory.toString())
                // the aggregate of the build must not merge this deliberately failing launch
                .configurationParameter("complianceharness.report.aggregate.dir", directory.toString())
                .build(), summary);
        assertThat(summary.getSummary().getTestsFailedCount()).isEqualTo(4);
        Files.createDirectories(PAGES);
        for (String page : new String[] {"index.html", "report.json", "gate.txt"}) {
            Files.copy(directory.resolve(page), PAGES.resolve(page), StandardCopyOption.REPLACE_EXISTING);
        }
        html = Files.readString(PAGES.resolve("index.html"), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("says first that the gate fails, with the counts, the failing and errored invariants and the unguarded zone")
    void summaryFirst() {
        String summary = html.substring(html.indexOf("<section id=\"summary\""), html.indexOf("</section>"));
        assertThat(html.indexOf("<section id=\"summary\" class=\"summary fail\">\n<h2>Gate: FAIL</h2>")).isPositive()
                .isLessThan(html.indexOf("<nav id=\"filters\"")).isLessThan(html.indexOf("<section id=\"tests\">"));
        assertThat(summary)
                .contains("<span class=\"value\">5</span> <span class=\"label\">tests did not pass</span>"
                        + " <span class=\"detail\">of 8 under the harness</span>")
                .contains("<span class=\"value\">1</span> <span class=\"label\">invariants errored</span>")
                .contains("<span class=\"value\">1</span> <span class=\"label\">zones unguarded</span>"
                        + " <span class=\"detail\">of 4 liability zones</span>")
                .contains("<span class=\"value\">1</span> <span class=\"label\">warnings</span>")
                .contains("<h3>Failing invariants <span class=\"n\">(2)</span></h3>")
                .contains("<a href=\"#pii.logs.no-canary-values\"><code>pii.<wbr>logs.<wbr>no-canary-values</code></a> violated in 2 tests")
                .contains("<a href=\"#sms.quiet-hours.us-fl-501-616\"><code>sms.<wbr>quiet-hours.<wbr>us-fl-501-616</code></a>"
                        + " violated in 1 test")
                .contains("<h3>Errored invariants <span class=\"n\">(1)</span></h3><ul><li><span class=\"tier financial\">"
                        + "FINANCIAL</span> <a href=\"#shop.refund-within-180-days\"><code>shop.<wbr>refund-within-180-days</code>"
                        + "</a> errored in 1 test")
                .contains("<h3>Unguarded zones <span class=\"n\">(1)</span></h3><ul><li><a href=\"#zone-"
                        + NEWSLETTER + "\"><span class=\"zone-ref\" data-zone=\"" + NEWSLETTER + "\" data-tier=\"REGULATORY\">");
    }

    @Test
    @DisplayName("shows no line twice within a test, and the legacy record's log line once for both values it leaks")
    void noDuplicatedLines() {
        Matcher details = Pattern.compile("<tr class=\"detail\"><td colspan=\"4\">(.*?)</td></tr>").matcher(html);
        int tests = 0;
        while (details.find()) {
            tests++;
            List<String> items = all("<li>(.*?)</li>", details.group(1));
            List<String> lines = all("<q class=\"output\">(.*?)</q>", details.group(1));
            assertThat(items).as("the lines of a failure").doesNotHaveDuplicates();
            assertThat(lines).as("the output lines of a failure").doesNotHaveDuplicates();
        }
        assertThat(tests).as("tests that did not pass").isEqualTo(5);
        String profile = html.substring(html.indexOf("profileLookupThroughTheLegacyRecord(CanaryCustomer)</td>"));
        profile = profile.substring(0, profile.indexOf("</tbody>"));
        assertThat(all("<q class=\"output\">(profile loaded: CustomerProfile\\[.*?)</q>", profile)).hasSize(1);
        assertThat(all("(\u2192 line 1)", profile)).as("the e-mail and the phone finding point to the one line").hasSize(2);
    }

    @Test
    @DisplayName("names each zone with its own tier, and the payments zone's guards that declare REGULATORY")
    void tierLabels() {
        Matcher mentions = Pattern.compile("<span class=\"zone-ref\" data-zone=\"([^\"]+)\" data-tier=\"([A-Z]+)\">"
                + "<span class=\"tier ([a-z]+)\">([A-Z]+)</span>").matcher(html);
        java.util.Map<String, String> tiers = new java.util.HashMap<>();
        int count = 0;
        while (mentions.find()) {
            count++;
            assertThat(tiers.putIfAbsent(mentions.group(1), mentions.group(2))).as(mentions.group(1))
                    .isIn(null, mentions.group(2));
            assertThat(mentions.group(4)).isEqualTo(mentions.group(2));
            assertThat(mentions.group(3)).isEqualTo(mentions.group(2).toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(count).isGreaterThan(4);
        assertThat(tiers).containsEntry(PAYMENTS, "FINANCIAL").containsEntry(NEWSLETTER, "REGULATORY");
        assertThat(html).containsPattern("<p><strong>Tier: </strong>\\d+ guards declare <span class=\"tier regulatory\">"
                + "REGULATORY</span>, higher than this zone&#39;s <span class=\"tier financial\">FINANCIAL</span>: <code>"
                + "payments\\.<wbr>");
    }

    @Test
    @DisplayName("keeps the customer's values out of every file")
    void masked() {
        CanaryCustomer customer = Canaries.withSeed(SEED).customer();
        for (Path page : new Path[] {PAGES.resolve("index.html"), PAGES.resolve("report.json"), PAGES.resolve("gate.txt")}) {
            assertThat(read(page)).as(page.toString()).doesNotContain(customer.email(), customer.phone(),
                    customer.phone().substring(2), customer.card(), customer.ssn(), customer.iban());
        }
    }

    private static List<String> all(String regex, String text) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SmsSender into(SmsOutbox outbox) {
        return sms -> outbox.send(sms.to(), sms.text(), MessageKind.MARKETING);
    }

    @ComplianceTest(modules = SmsContactRulesModule.class)
    static class CampaignTestCase {
        @Test
        void eveningReminderFromTheServerZone(SmsOutbox outbox, TestClock clock) {
            CampaignScheduler scheduler = new CampaignScheduler(into(outbox), clock,
                    SchedulerVariant.SERVER_ZONE_FEDERAL_WINDOW_ONLY);
            clock.setInstant(Instant.parse("2025-06-03T00:30:00Z"));   // 20:30 in Miami
            scheduler.trigger(MIAMI, "Your cart misses you: 10% off today");
            scheduler.dispatchDue();
        }

        @Test
        void eveningReminderInTheRecipientsWindow(SmsOutbox outbox, TestClock clock) {
            CampaignScheduler scheduler = new CampaignScheduler(into(outbox), clock);
            clock.setInstant(Instant.parse("2025-06-03T00:30:00Z"));
            scheduler.trigger(MIAMI, "Your cart misses you: 10% off today");
            clock.setInstant(Instant.parse("2025-06-03T14:00:00Z"));
            scheduler.dispatchDue();
        }
    }

    @NoPiiInLogs(seed = SEED)
    static class SupportDeskTestCase {
        @Test
        void profileLookupThroughTheLegacyRecord(CanaryCustomer canary) {
            withDesk(Leak.RECORD_TO_STRING, desk -> desk.showProfile(customer(canary)));
        }

        @Test
        void passwordReset(CanaryCustomer canary) {
            withDesk(Leak.PLAIN_EMAIL, desk -> desk.sendPasswordReset(customer(canary)));
        }

        @Test
        void refundOnTheCorrectDesk(CanaryCustomer canary) {
            withDesk(null, desk -> desk.refund(customer(canary), 1_500));
        }

        private static void withDesk(Leak leak, Consumer<SupportDesk> use) {
            ExecutorService background = Executors.newSingleThreadExecutor();
            try {
                use.accept(leak == null ? new SupportDesk(background) : SupportDesk.withLeak(leak, background));
            } finally {
                background.shutdownNow();
            }
        }

        private static Customer customer(CanaryCustomer canary) {
            return new Customer("cust-" + Long.toHexString(canary.seed()), canary.name(), canary.email(), canary.phone(),
                    canary.card(), canary.ssn(), canary.iban());
        }
    }

    @ComplianceTest(modules = {PaymentsModule.class, RefundPolicyModule.class})
    static class CheckoutTestCase {
        @Test
        void captureAndRefund(PaymentRecorder recorder, TestClock clock) {
            RecordedPayments payments = recorder.record(new PaymentServiceHarnessAdapter(new InMemoryPaymentService(clock)));
            payments.apply(PaymentRequest.authorize("order-17", Money.of(5000, "USD"), "a-17"));
            payments.apply(PaymentRequest.finalCapture("order-17", Money.of(5000, "USD"), "c-17"));
            payments.apply(PaymentRequest.refund("order-17", Money.of(1000, "USD"), "r-17"));
        }

        @Test
        void refundOfAnOrderFromTheNightlyImport(PaymentRecorder recorder, TestClock clock) {
            RecordedPayments payments = recorder.record(new PaymentServiceHarnessAdapter(new InMemoryPaymentService(clock)));
            payments.apply(PaymentRequest.refund("order-41", Money.of(1000, "USD"), "r-41"));
        }

        @Test
        void chargebackOnTheSandbox(PaymentRecorder recorder) {
            Assumptions.assumeTrue(System.getenv("SHOP_SANDBOX_KEY") != null, "no sandbox credentials on this machine");
        }
    }

}
