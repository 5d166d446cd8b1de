package dev.complianceharness.property.stateful;

import static dev.complianceharness.testkit.FixtureRuns.inParallel;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.complianceharness.property.PropertyFailure;
import dev.complianceharness.property.stateful.Banks.OffByOneAccount;
import dev.complianceharness.property.stateful.Banks.RacyAccount;
import dev.complianceharness.property.stateful.Banks.SynchronizedAccount;
import dev.complianceharness.testkit.FixtureRuns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@DisplayName("Stateful properties in a JUnit suite run in parallel")
class StatefulFixturesTest {

    @Test
    @DisplayName("fail the off-by-one account with the shrunk sequence and pass the correct one")
    void sequentialMode() {
        EngineExecutionResults results = inParallel(SequentialTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("correctAccount"), finishedSuccessfully()))
                .haveExactly(1, event(test("offByOneAccount"), finishedWithFailure(instanceOf(PropertyFailure.class),
                        message(text -> text.contains("Stateful property failed: the postcondition of step 2, withdraw(1), "
                                + "failed: expected true (from the model) but the system returned false")
                                && text.contains("2. withdraw(1) -> false   <-- the postcondition failed")
                                && text.contains("replay:")))));
    }

    @Test
    @DisplayName("fail the racy account as not linearizable and pass the synchronized one")
    void concurrentMode() {
        EngineExecutionResults results = inParallel(ConcurrentTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("synchronizedAccount"), finishedSuccessfully()))
                .haveExactly(1, event(test("racyAccount"), finishedWithFailure(instanceOf(PropertyFailure.class),
                        message(text -> text.contains("the observed results are not linearizable: no order of the "
                                + "branches' calls that respects their real-time order is accepted by the model")
                                && text.contains("Then no call can come next:")
                                && text.contains("withdraw(")))));
    }

    static class SequentialTestCase {
        @Test
        void correctAccount() {
            Banks.property(SynchronizedAccount::new).checkSequential();
        }

        @Test
        void offByOneAccount() {
            Banks.property(OffByOneAccount::new).checkSequential();
        }
    }

    static class ConcurrentTestCase {
        @Test
        void synchronizedAccount() {
            Banks.property(SynchronizedAccount::new).checkConcurrent();
        }

        @Test
        void racyAccount() {
            Banks.property(RacyAccount::new).checkConcurrent();
        }
    }
}
