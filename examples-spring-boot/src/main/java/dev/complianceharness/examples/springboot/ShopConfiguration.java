package dev.complianceharness.examples.springboot;

import dev.complianceharness.examples.customerservice.Leak;
import dev.complianceharness.examples.customerservice.SupportDesk;
import dev.complianceharness.examples.payments.Flaw;
import dev.complianceharness.examples.payments.JdbcPaymentService;
import dev.complianceharness.examples.payments.PaymentService;
import dev.complianceharness.examples.sms.CampaignScheduler;
import dev.complianceharness.examples.sms.SchedulerVariant;
import dev.complianceharness.examples.sms.SmsSender;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shop's beans. Every service reads time from the {@link Clock} bean. The {@code shop.*} properties select
 * the deliberately buggy variants the example's proof tests start the shop with; production leaves them unset.
 */
@Configuration(proxyBeanMethods = false)
public class ShopConfiguration {

    /** @return the wall clock */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** @return the sender that hands texts to the SMS provider */
    @Bean
    public SmsSender smsSender() {
        return new ProviderSmsSender();
    }

    /**
     * @param sender  the SMS sender
     * @param clock   the clock
     * @param variant the scheduler's variant: {@code CORRECT} in production
     * @return the campaign scheduler
     */
    @Bean
    public CampaignScheduler campaignScheduler(SmsSender sender, Clock clock,
                                               @Value("${shop.sms.scheduler:CORRECT}") SchedulerVariant variant) {
        return new CampaignScheduler(sender, clock, variant);
    }

    /** @return where the support desk escalates tickets */
    @Bean(destroyMethod = "shutdownNow")
    public ExecutorService supportBackground() {
        return Executors.newFixedThreadPool(2);
    }

    /**
     * @param supportBackground where escalations run
     * @param leak              a deliberate leak's name; empty in production
     * @return the support desk
     */
    @Bean
    public SupportDesk supportDesk(ExecutorService supportBackground, @Value("${shop.support.leak:}") String leak) {
        return leak.isEmpty() ? new SupportDesk(supportBackground) : SupportDesk.withLeak(Leak.valueOf(leak), supportBackground);
    }

    /**
     * @param dataSource the shop's PostgreSQL
     * @param clock      the clock
     * @param flaw       a deliberate flaw's name; empty in production
     * @return the payment service
     */
    @Bean
    public PaymentService paymentService(DataSource dataSource, Clock clock, @Value("${shop.payments.flaw:}") String flaw) {
        return flaw.isEmpty() ? new JdbcPaymentService(dataSource, clock)
                : JdbcPaymentService.withFlaw(dataSource, clock, Flaw.valueOf(flaw));
    }
}
