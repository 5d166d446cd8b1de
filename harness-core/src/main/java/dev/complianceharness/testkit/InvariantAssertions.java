package dev.complianceharness.testkit;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import org.apiguardian.api.API;

/**
 * Entry point of the testkit for module authors, in the AssertJ style.
 *
 * <pre>{@code
 * assertThatInvariant(OPT_OUT_HONOURED)
 *         .flags(EventTrace.of(optOut, mailFifteenDaysLater))
 *         .withMessageContaining("after the opt-out deadline");
 * assertThatInvariant(OPT_OUT_HONOURED).accepts(EventTrace.of(optOut, receipt));
 *
 * assertThatModule(new CanSpamModule())
 *         .isWellFormed()
 *         .hasInvariantIds("can-spam.opt-out-link", "can-spam.opt-out-honoured");
 * }</pre>
 */
@API(status = STABLE, since = "0.1.0")
public final class InvariantAssertions {

    private InvariantAssertions() {
    }

    /**
     * Starts assertions on an invariant.
     *
     * @param invariant the invariant under test
     * @return the assertion
     */
    public static InvariantAssert assertThatInvariant(Invariant invariant) {
        return new InvariantAssert(invariant);
    }

    /**
     * Starts assertions on a module's metadata.
     *
     * @param module the module under test
     * @return the assertion
     */
    public static ModuleAssert assertThatModule(InvariantModule module) {
        return new ModuleAssert(module);
    }
}
