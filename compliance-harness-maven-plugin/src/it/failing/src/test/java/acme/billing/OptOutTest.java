package acme.billing;

import acme.billing.ReminderService;
import dev.complianceharness.junit.ComplianceTest;
import it.fixture.ReminderRules;
import it.fixture.Reminders;
import org.junit.jupiter.api.Test;

@ComplianceTest(modules = ReminderRules.class)
class OptOutTest {

    @Test
    void remindsCustomer(Reminders reminders) {
        ReminderService service = new ReminderService(reminders::send);
        service.remind("ada@example.com", false);
    }
}
