package dev.complianceharness.examples.springboot;

import dev.complianceharness.examples.customerservice.Customer;
import dev.complianceharness.examples.customerservice.SupportDesk;
import dev.complianceharness.pii.CanaryCustomer;
import dev.complianceharness.pii.NoPiiInLogs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The support team's test: the desk bean logs through SLF4J, and nothing it logs may carry the customer's data. */
@ShopTest
@NoPiiInLogs
@DisplayName("The shop's support desk, as a Spring bean")
class SupportDeskPrivacyTest {

    @Autowired
    SupportDesk desk;

    static Customer customerFrom(CanaryCustomer canary) {
        return new Customer("cust-" + Long.toHexString(canary.seed()), canary.name(), canary.email(), canary.phone(),
                canary.card(), canary.ssn(), canary.iban());
    }

    @Test
    @DisplayName("logs a day's work for a customer without their name, e-mail, phone, card, SSN or IBAN")
    void dayOfWork(CanaryCustomer canary) {
        Customer customer = customerFrom(canary);

        desk.sendPasswordReset(customer);
        desk.scheduleCallBack(customer);
        desk.chargeFee(customer, 1_500);
        desk.verifyIdentity(customer, "000-00-0000");
        desk.showProfile(customer);
        desk.refund(customer, 1_500);
        desk.unsubscribe(customer);
    }
}
