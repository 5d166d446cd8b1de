package dev.complianceharness.examples.customerservice;

import static dev.complianceharness.pii.PiiAssertions.assertThat;

import dev.complianceharness.pii.CanaryCustomer;
import dev.complianceharness.pii.Canaries;
import dev.complianceharness.pii.NoPiiInLogs;
import dev.complianceharness.pii.logs.CapturedLogs;
import dev.complianceharness.pii.logs.CheckedLevels;
import dev.complianceharness.pii.logs.LogContext;
import dev.complianceharness.property.Property;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The tests a team writes for its support desk: every operation, for synthetic customers whose data the
 * test knows, with {@code @NoPiiInLogs} searching everything logged at every level — from the test thread and
 * from the desk's own executor, whose tasks carry the test's context through {@link LogContext#propagating}.
 */
@NoPiiInLogs(levels = CheckedLevels.ALL)
@DisplayName("The support desk")
class CustomerServicePrivacyTest {

    private final ExecutorService background = LogContext.propagating(Executors.newFixedThreadPool(2));
    private final SupportDesk desk = new SupportDesk(background);

    @AfterEach
    void stopExecutor() {
        background.shutdownNow();
    }

    @Test
    @DisplayName("runs the whole workflow without logging the customer's data")
    void wholeWorkflow(CanaryCustomer customer) throws Exception {
        Workflow.run(desk, customer);
    }

    @Test
    @DisplayName("logs only internal ids and last-four masks, checked with the AssertJ assertion too")
    void assertion(CanaryCustomer customer, CapturedLogs logs) throws Exception {
        Workflow.run(desk, customer);
        assertThat(logs).containsNoPii().containsNoDataOf(customer);
    }

    @Test
    @DisplayName("keeps every generated customer out of the logs")
    void generatedCustomers(Canaries canaries) {
        Property.forAll(canaries.customers()).tries(20).check(customer -> Workflow.run(desk, customer));
    }
}
