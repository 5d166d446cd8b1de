package dev.complianceharness.benchmarks.coldstart;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.pii.CanaryCustomer;
import dev.complianceharness.pii.NoPiiInLogs;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.invariants.SmsContactRulesModule;
import dev.complianceharness.sms.outbox.SmsOutbox;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test classes the cold-start benchmark runs through the JUnit launcher, each as a team would write its first
 * test: with the harness, and the same check written by hand.
 */
public final class ColdStartFixtures {

    static final String MIAMI = "+13055550147";
    static final Instant AFTERNOON_IN_MIAMI = Instant.parse("2025-06-03T18:30:00Z");

    private ColdStartFixtures() {
    }

    /**
     * The naive SMS check a team writes without the harness: libphonenumber's zones for the number, {@code java.time}
     * for the local time, Florida's 08:00-20:00 window.
     *
     * @param number an E.164 number
     * @param at     when the text would go out
     * @return whether every zone of the number is inside the window
     */
    static boolean naiveInsideFloridaWindow(String number, Instant at) {
        try {
            PhoneNumber parsed = PhoneNumberUtil.getInstance().parse(number, "US");
            List<String> zones = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(parsed);
            for (String zone : zones) {
                LocalTime local = at.atZone(ZoneId.of(zone)).toLocalTime();
                if (local.isBefore(LocalTime.of(8, 0)) || !local.isBefore(LocalTime.of(20, 0))) {
                    return false;
                }
            }
            return !zones.isEmpty();
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** Run first in every fork, with a bare launcher, so that JUnit's own start-up is not counted. */
    public static class EmptyTest {
        /** Creates the test. */
        public EmptyTest() {
        }

        /** Does nothing. */
        @Test
        void nothing() {
        }
    }

    /** The first SMS compliance test: the harness records the text and checks it against every contact rule. */
    @ComplianceTest(modules = SmsContactRulesModule.class)
    public static class SmsComplianceTest {
        /** Creates the test. */
        public SmsComplianceTest() {
        }

        /**
         * Sends one marketing text in the afternoon.
         *
         * @param outbox the recording outbox
         * @param clock  the test clock
         */
        @Test
        void sendsInTheAfternoon(SmsOutbox outbox, TestClock clock) {
            clock.setInstant(AFTERNOON_IN_MIAMI);
            outbox.send(MIAMI, "Your cart misses you", MessageKind.MARKETING);
        }
    }

    /** The same first test written by hand. */
    public static class NaiveSmsTest {
        /** Creates the test. */
        public NaiveSmsTest() {
        }

        /** Checks the send time with libphonenumber and {@code java.time}. */
        @Test
        void sendsInTheAfternoon() {
            if (!naiveInsideFloridaWindow(MIAMI, AFTERNOON_IN_MIAMI)) {
                throw new AssertionError("sent outside 08:00-20:00");
            }
        }
    }

    /** The first no-PII-in-logs test: the harness captures the logs and searches them for the canary customer. */
    @NoPiiInLogs
    public static class NoPiiInLogsTest {
        private static final Logger LOG = LoggerFactory.getLogger(NoPiiInLogsTest.class);

        /** Creates the test. */
        public NoPiiInLogsTest() {
        }

        /**
         * Logs what a support desk logs about a customer.
         *
         * @param customer a synthetic customer the harness searches for
         */
        @Test
        void logsOnlyInternalIds(CanaryCustomer customer) {
            LOG.info("password reset link sent to customer {}", customer.seed());
            LOG.info("call back scheduled on the number ending {}", customer.phone().substring(customer.phone().length() - 4));
        }
    }

    /** The same first test written by hand: a list appender and a few regular expressions. */
    public static class NaiveNoPiiInLogsTest {
        private static final Logger LOG = LoggerFactory.getLogger(NaiveNoPiiInLogsTest.class);
        private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
        private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()-]{8,}\\d");
        private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b");

        /** Creates the test. */
        public NaiveNoPiiInLogsTest() {
        }

        /** Logs the same lines and scans what the appender caught. */
        @Test
        void logsOnlyInternalIds() {
            ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                    new ch.qos.logback.core.read.ListAppender<>();
            appender.start();
            root.addAppender(appender);
            try {
                LOG.info("password reset link sent to customer {}", 42);
                LOG.info("call back scheduled on the number ending {}", "0147");
            } finally {
                root.detachAppender(appender);
            }
            for (ch.qos.logback.classic.spi.ILoggingEvent event : appender.list) {
                String line = event.getFormattedMessage();
                if (EMAIL.matcher(line).find() || PHONE.matcher(line).find() || CARD.matcher(line).find()) {
                    throw new AssertionError("personal data in the log: " + line);
                }
            }
        }
    }
}
