package dev.complianceharness.examples.customerservice;

import dev.complianceharness.pii.CanaryCustomer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The support-desk workflow every test runs: one call of each desk operation for one customer. */
final class Workflow {

    private Workflow() {
    }

    static Customer customerFrom(CanaryCustomer canary) {
        return new Customer("cust-" + Long.toHexString(canary.seed()), canary.name(), canary.email(), canary.phone(),
                canary.card(), canary.ssn(), canary.iban());
    }

    static void run(SupportDesk desk, CanaryCustomer canary) throws InterruptedException, ExecutionException, TimeoutException {
        Customer customer = customerFrom(canary);
        desk.sendPasswordReset(customer);
        desk.scheduleCallBack(customer);
        desk.chargeFee(customer, 1_500);
        desk.verifyIdentity(customer, "000-00-0000");
        desk.updateTaxId(customer);
        desk.showProfile(customer);
        desk.refund(customer, 1_500);
        desk.unsubscribe(customer);
        desk.escalate(customer, "billing dispute").get(10, TimeUnit.SECONDS);
    }
}
