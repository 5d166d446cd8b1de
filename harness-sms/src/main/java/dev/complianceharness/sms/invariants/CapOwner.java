package dev.complianceharness.sms.invariants;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Which part of a team's system enforces the frequency caps (3 marketing texts per 24 hours in Florida, Oklahoma
 * and Maryland), so that the generated scheduler suite checks the caps where they are owned.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum CapOwner {
    /** The scheduler counts what it plans: the generated scheduler suite checks the caps. The default. */
    SCHEDULER,
    /**
     * The campaign or outbox that sends counts what goes out: the generated scheduler suite does not check the caps
     * on the scheduler alone (and says so in its notes); the module's cap invariants still judge every text a
     * compliance test records.
     */
    SENDER
}
