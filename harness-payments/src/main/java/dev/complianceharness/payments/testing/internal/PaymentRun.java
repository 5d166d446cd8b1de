package dev.complianceharness.payments.testing.internal;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.invariant.Finding;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.Violation;
import dev.complianceharness.mask.Masking;
import dev.complianceharness.payments.event.OperationRecorded;
import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.event.PaymentObserved;
import dev.complianceharness.payments.event.PaymentState;
import dev.complianceharness.payments.invariants.internal.PaymentCheck;
import dev.complianceharness.payments.invariants.internal.RunningCheck;
import dev.complianceharness.payments.policy.AuthorizationExpiry;
import dev.complianceharness.payments.testing.PaymentModel;
import dev.complianceharness.payments.testing.PaymentServiceAdapter;
import dev.complianceharness.payments.testing.RecordedPayments;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One run of generated commands against a fresh adapter: its own test clock and events, the recorded
 * adapter, and the payment invariants. In sequential runs each invariant keeps a running check that reads
 * only the events of the latest step, and the service's answer is compared with the model's; a failure shows
 * the model's expectation and the service's state side by side. In concurrent runs requests are recorded
 * without the states around them, the states are observed when the invariants are checked, and the answers
 * are judged by the linearizability check against the model.
 */
public final class PaymentRun implements AutoCloseable {

    private static final String NL = System.lineSeparator();

    private final PaymentServiceAdapter adapter;
    private final List<RecordedEvent> events;
    private final TestClock clock;
    private final RecordedPayments payments;
    private final List<PaymentCheck> checks;
    private final List<RunningCheck> running = new ArrayList<>();
    private final List<Invariant> extraInvariants;
    private final boolean concurrent;
    private final String modelName;
    private final boolean idsChosenByService;
    private final Set<String> paymentIds = Collections.synchronizedSet(new LinkedHashSet<>());
    private final List<Finding> findings = new ArrayList<>();
    private int read;
    private int steps;
    private PaymentCall lastCall;
    private OperationRecorded lastRecorded;

    /**
     * @param adapter         a fresh adapter onto a fresh service
     * @param clock           the clock the service reads
     * @param expiry          the service's authorization expiry
     * @param checks          the payment invariants with their running checks
     * @param extraInvariants the team's own invariants, checked over the whole trace
     * @param concurrent      true when requests may run in parallel
     * @param modelName       the lifecycle and policies of the model, for messages
     * @param idsChosenByService true if the harness was told that the service chooses payment ids
     */
    public PaymentRun(PaymentServiceAdapter adapter, TestClock clock, AuthorizationExpiry expiry, List<PaymentCheck> checks,
                      List<Invariant> extraInvariants, boolean concurrent, String modelName, boolean idsChosenByService) {
        this.adapter = adapter;
        this.clock = clock;
        this.events = concurrent ? Collections.synchronizedList(new ArrayList<>()) : new ArrayList<>();
        this.idsChosenByService = idsChosenByService;
        this.payments = new RecordedPayments(concurrent ? adapter : new RememberingAdapter(adapter), events::add, clock,
                expiry, idsChosenByService);
        this.checks = List.copyOf(checks);
        this.extraInvariants = List.copyOf(extraInvariants);
        this.concurrent = concurrent;
        this.modelName = modelName;
        for (PaymentCheck check : this.checks) {
            running.add(check.running().get());
        }
    }

    /**
     * Sends a request and records it.
     *
     * @param call the request, with the model's answer to it
     * @return the outcome, which the model judges
     */
    public OperationResult.Outcome send(PaymentCall call) {
        if (concurrent) {
            paymentIds.add(call.request().paymentId());
            OperationResult result = payments.applyConcurrently(call.request());
            if (!idsChosenByService && result.assignedPaymentId().isPresent()) {
                throw new IllegalStateException("The service chose its own id for " + Masking.mask(call.request().describe())
                        + ": tell the harness with .paymentIdsChosenByService(), so that concurrent branches never"
                        + " authorize one payment twice");
            }
            return result.outcome();
        }
        steps++;
        lastCall = call;
        return payments.apply(call.request()).outcome();
    }

    /**
     * Checks every invariant over what the run recorded, and in a sequential run that the service answered the
     * latest request as the model did.
     *
     * @param model the model after the latest request
     * @throws AssertionError listing every violation, masked, with the model and the service side by side
     */
    public void assertInvariants(PaymentModel model) {
        List<Violation> violations = concurrent ? checkConcurrently() : checkLatestStep();
        if (!extraInvariants.isEmpty()) {
            EventTrace trace = new EventTrace();
            snapshot().forEach(trace::record);
            for (Invariant invariant : extraInvariants) {
                violations.addAll(invariant.verify(trace));
            }
        }
        boolean answeredAsModel = concurrent || lastCall == null || lastRecorded == null
                || lastCall.expected().outcome() == lastRecorded.result().outcome();
        if (violations.isEmpty() && answeredAsModel) {
            return;
        }
        StringBuilder message = new StringBuilder();
        if (!violations.isEmpty()) {
            message.append(violations.size()).append(" payment invariant").append(violations.size() == 1 ? "" : "s")
                    .append(" violated:");
            for (Violation violation : violations) {
                message.append(NL).append(violation.invariant().id()).append(": ").append(violation.message());
            }
        }
        if (!answeredAsModel) {
            message.append(message.length() == 0 ? "" : NL).append("the service answered ")
                    .append(Masking.mask(lastRecorded.request().describe())).append(" with ")
                    .append(Masking.mask(lastRecorded.result().describe())).append(", where a correct service (")
                    .append(modelName).append(") answers ").append(Masking.mask(lastCall.expected().describe()));
        }
        if (!concurrent && lastCall != null && lastRecorded != null) {
            message.append(NL).append(sideBySide(model));
        }
        throw new AssertionError(message.toString());
    }

    /** The events of the latest step only (a sequential run records from this thread alone, so no copy is needed). */
    private List<Violation> checkLatestStep() {
        int from = read;
        int to = events.size();
        read = to;
        for (int e = from; e < to; e++) {
            if (events.get(e) instanceof OperationRecorded operation) {
                lastRecorded = operation;
            }
        }
        List<Violation> violations = new ArrayList<>(0);
        for (int i = 0; i < checks.size(); i++) {
            read(checks.get(i), running.get(i), events, from, to, violations);
        }
        return violations;
    }

    private List<Violation> checkConcurrently() {
        List<RecordedEvent> all = snapshot();
        List<String> ids;
        synchronized (paymentIds) {
            ids = new ArrayList<>(paymentIds);
        }
        for (String id : ids) {
            payments.peek(id).ifPresent(state -> all.add(new PaymentObserved(clock.instant(), state)));
        }
        List<Violation> violations = new ArrayList<>();
        for (PaymentCheck check : checks) {
            read(check, check.running().get(), all, 0, all.size(), violations);
        }
        return violations;
    }

    private void read(PaymentCheck check, RunningCheck runningCheck, List<RecordedEvent> fresh, int from, int to,
                      List<Violation> violations) {
        findings.clear();
        try {
            for (int e = from; e < to; e++) {
                runningCheck.read(fresh.get(e), findings);
            }
        } catch (RuntimeException e) {
            violations.add(new Violation(check.invariant(), "the check could not decide and fails closed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), List.of()));
            return;
        }
        for (Finding finding : findings) {
            violations.add(Violation.of(check.invariant(), finding.reason(), finding.evidence()));
        }
    }

    private List<RecordedEvent> snapshot() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    /** The model's expectation and the service's state after the latest step, in two columns. */
    private String sideBySide(PaymentModel model) {
        String id = lastRecorded.request().paymentId();
        PaymentModel.Payment expected = model.payment(id).orElse(null);
        PaymentState observed = lastRecorded.after();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "model of a correct service", "service"});
        rows.add(new String[] {"payment", id, id + payments.serviceId(id).map(own -> " (service id " + own + ")").orElse("")});
        rows.add(new String[] {"answer", lastCall.expected().describe(), lastRecorded.result().describe()});
        rows.add(new String[] {"status", expected == null ? "none" : expected.status(),
                observed == null ? "none" : observed.status()});
        rows.add(new String[] {"authorized", expected == null ? "-" : expected.authorized().toString(),
                observed == null ? "-" : observed.authorized().toString()});
        rows.add(new String[] {"captured", expected == null ? "-" : expected.captured().toString(),
                observed == null ? "-" : observed.captured().toString()});
        rows.add(new String[] {"refunded", expected == null ? "-" : expected.refunded().toString(),
                observed == null ? "-" : observed.refunded().toString()});
        int labelWidth = 0;
        int modelWidth = 0;
        for (String[] row : rows) {
            labelWidth = Math.max(labelWidth, row[0].length());
            modelWidth = Math.max(modelWidth, row[1].length());
        }
        StringBuilder table = new StringBuilder("Model and service after step ").append(steps).append(':');
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            boolean differs = i > 1 && !(i == 2 ? lastCall.expected().outcome() == lastRecorded.result().outcome()
                    : row[1].equals(row[2]));
            String line = "  " + pad(row[0], labelWidth) + "   " + pad(row[1], modelWidth) + "   " + row[2]
                    + (differs ? "   <-- differs" : "");
            table.append(NL).append(line.stripTrailing());
        }
        return Masking.mask(table.toString());
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    /** @return the requests recorded so far */
    public List<OperationRecorded> operations() {
        List<OperationRecorded> operations = new ArrayList<>();
        for (RecordedEvent event : snapshot()) {
            if (event instanceof OperationRecorded operation) {
                operations.add(operation);
            }
        }
        return operations;
    }

    @Override
    public void close() {
        if (adapter instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("Closing the adapter " + adapter + " failed: " + e, e);
            }
        }
    }

    @Override
    public String toString() {
        return "PaymentRun[" + adapter + "]";
    }
}
