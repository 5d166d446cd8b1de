package dev.complianceharness.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.Owner;
import java.util.List;
import java.util.Optional;

/** Modules whose checks throw instead of deciding; the proofs pin the line the check throws at. */
public final class ThrowingChecks {

    private ThrowingChecks() {
    }

    /** A module whose check uses an AssertJ assertion, as authors do. */
    public static final class AssertingModule implements InvariantModule {
        @Override
        public String id() {
            return "test.asserting";
        }

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public List<Invariant> invariants() {
            return List.of(Invariant.builder("test.asserting-check").description("A check written with AssertJ")
                    .regulation(ConsentModule.EPRIVACY).owner(Owner.of("privacy-team")).tier(LiabilityTier.REGULATORY)
                    .forEachEvent(ConsentModule.MessageSent.class, (sent, trace) -> {
                        assertThat(sent.recipient()).isEqualTo("+1 305-555-0199");
                        return Optional.empty();
                    }));
        }
    }

    /** A module whose check recurses without end. */
    public static final class RecursiveModule implements InvariantModule {
        @Override
        public String id() {
            return "test.recursive";
        }

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public List<Invariant> invariants() {
            return List.of(Invariant.builder("test.recursive-check").description("A check that never ends")
                    .regulation(ConsentModule.EPRIVACY).owner(Owner.of("privacy-team")).tier(LiabilityTier.REGULATORY)
                    .overWholeTrace(trace -> depth(0) > 0 ? List.of() : List.of()));
        }

        private static int depth(int level) {
            return depth(level + 1) + 1;
        }
    }
}
