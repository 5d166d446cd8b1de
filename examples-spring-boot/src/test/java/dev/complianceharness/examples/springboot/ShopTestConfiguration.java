package dev.complianceharness.examples.springboot;

import dev.complianceharness.examples.payments.EmbeddedPaymentDatabase;
import dev.complianceharness.examples.sms.SmsSender;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.outbox.SmsOutbox;
import dev.complianceharness.spring.ComplianceParts;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The team's test configuration, written once for the suite: an embedded PostgreSQL (one server per JVM, a schema
 * per application context) and an SMS sender that records into the running test's outbox instead of reaching the
 * provider.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ShopTestConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPaymentDatabase paymentDatabase() {
        return EmbeddedPaymentDatabase.newSchema();
    }

    @Bean
    DataSource dataSource(EmbeddedPaymentDatabase paymentDatabase) {
        return paymentDatabase.dataSource();
    }

    @Bean
    @Primary
    SmsSender recordingSmsSender(ComplianceParts parts) {
        return sms -> {
            SmsOutbox outbox = parts.get(SmsOutbox.class);
            switch (sms.purpose()) {
                case MARKETING -> outbox.send(sms.to(), sms.text(), MessageKind.MARKETING);
                case TRANSACTIONAL -> outbox.send(sms.to(), sms.text(), MessageKind.TRANSACTIONAL);
                case OPT_OUT_CONFIRMATION -> outbox.sendOptOutConfirmation(sms.to(), sms.text());
            }
        };
    }
}
