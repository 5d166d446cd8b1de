package dev.complianceharness.pii.internal;

import dev.complianceharness.event.RecordingContext;
import dev.complianceharness.event.RecordingPart;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.pii.Canaries;
import dev.complianceharness.pii.CanaryCustomer;
import dev.complianceharness.pii.logs.CapturedLogs;
import java.util.List;
import java.util.Map;

/**
 * The module {@code @NoPiiInLogs} activates under the compliance extension: a log capture and canaries
 * started with each test, the parameters {@link Canaries}, {@link CapturedLogs} and {@link CanaryCustomer}
 * (a fresh one per parameter), and the two invariants that judge what the capture found.
 */
public final class NoPiiInLogsModule implements InvariantModule {

    @Override
    public String id() {
        return PiiLogInvariants.MODULE_ID;
    }

    @Override
    public String version() {
        return PiiLogInvariants.MODULE_VERSION;
    }

    @Override
    public String title() {
        return "No PII in logs";
    }

    @Override
    public Map<String, String> dataVersions() {
        return PiiLogInvariants.dataVersions();
    }

    /** The levels checked and the hash policy of the test's {@code @NoPiiInLogs}. */
    @Override
    public List<PolicyChoice> policies(RecordingContext test) {
        return NoPiiInLogsSettings.policies(NoPiiInLogsSettings.annotation(test));
    }

    @Override
    public List<Invariant> invariants() {
        return PiiLogInvariants.all();
    }

    @Override
    public List<RecordingPart<?>> recordingParts() {
        return List.of(RecordingPart.startedWithEachTest(PiiLogSession.class, PiiLogSession::start),
                RecordingPart.of(Canaries.class, context -> context.part(PiiLogSession.class).canaries()),
                RecordingPart.of(CapturedLogs.class, context -> context.part(PiiLogSession.class).logs()),
                RecordingPart.perParameter(CanaryCustomer.class,
                        context -> context.part(PiiLogSession.class).canaries().customer()));
    }
}
