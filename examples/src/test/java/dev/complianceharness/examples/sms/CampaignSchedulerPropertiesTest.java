package dev.complianceharness.examples.sms;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.property.ReportProperties;
import dev.complianceharness.sms.properties.SmsPropertySuite;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The scheduler team's generated suite: thousands of triggered messages to generated numbers of every shipped
 * jurisdiction, at the instants that break schedulers, each jurisdiction its own test.
 */
@DisplayName("Campaign scheduler (generated, across jurisdictions)")
@ReportProperties
class CampaignSchedulerPropertiesTest {

    /**
     * Adapts the real scheduler to the suite: a fresh scheduler per scenario, its clock set to each trigger.
     *
     * @param variant which scheduler
     * @return the suite
     */
    static SmsPropertySuite suiteFor(SchedulerVariant variant) {
        return SmsPropertySuite.forScheduler(() -> {
            TestClock clock = TestClock.atDefaultStart();
            CampaignScheduler scheduler = new CampaignScheduler(message -> { }, clock, variant);
            return (number, kind, triggeredAt) -> {
                clock.setInstant(triggeredAt);
                return switch (kind) {
                    case MARKETING -> scheduler.trigger(number, "Your cart misses you");
                    default -> {
                        scheduler.sendTransactional(number, "Your order has shipped");
                        yield java.util.Optional.of(triggeredAt);
                    }
                };
            };
        });
    }

    @TestFactory
    @DisplayName("sends marketing only when every candidate jurisdiction and zone permits it")
    Stream<DynamicTest> sendsOnlyWhenPermitted() {
        return suiteFor(SchedulerVariant.CORRECT).dynamicTests();
    }
}
