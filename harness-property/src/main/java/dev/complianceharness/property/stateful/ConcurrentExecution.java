package dev.complianceharness.property.stateful;

import dev.complianceharness.property.Choices;
import dev.complianceharness.property.stateful.internal.LinearizabilitySearch;
import dev.complianceharness.property.stateful.internal.LinearizabilitySearch.Placement;
import dev.complianceharness.property.stateful.internal.LinearizabilitySearch.Rejection;
import dev.complianceharness.property.stateful.internal.LinearizabilitySearch.Result;
import dev.complianceharness.property.stateful.internal.LinearizabilitySearch.Verdict;
import dev.complianceharness.property.stateful.internal.Rendering;
import dev.complianceharness.property.stateful.internal.Steps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/** Draws a concurrent case, runs it the configured number of times and checks each run for linearizability. */
final class ConcurrentExecution<M, S> {

    private static final String NL = System.lineSeparator();

    private final StatefulProperty<M, S> property;

    ConcurrentExecution(StatefulProperty<M, S> property) {
        this.property = property;
    }

    ConcurrentRun drawAndRun(Choices choices) {
        S system = property.newSystem();
        List<PlannedCall<M, S>> prefix;
        List<List<PlannedCall<M, S>>> branches;
        ConcurrentRun outcome;
        try {
            SequentialExecution<M, S> first = new SequentialExecution<>(property, system, property.newModel());
            if (first.checkInitialState()) {
                first.drawAndRun(choices, property.prefixMinSteps(), property.prefixMaxSteps());
            }
            if (!first.passed()) {
                return prefixFailure(first, 1);
            }
            prefix = first.calls();
            branches = drawBranches(choices, first.model());
            outcome = runBranches(system, first, branches, 1);
        } finally {
            StatefulProperty.close(system);
        }
        for (int repetition = 2; repetition <= property.repetitions() && outcome.passed(); repetition++) {
            S fresh = property.newSystem();
            try {
                SequentialExecution<M, S> again = new SequentialExecution<>(property, fresh, property.newModel());
                if (again.checkInitialState()) {
                    again.replay(prefix);
                }
                outcome = again.passed() ? runBranches(fresh, again, branches, repetition) : prefixFailure(again, repetition);
            } finally {
                StatefulProperty.close(fresh);
            }
        }
        return outcome;
    }

    private List<List<PlannedCall<M, S>>> drawBranches(Choices choices, M model) {
        List<Command<M, S, ?, ?>> enabled = new ArrayList<>();
        for (Command<M, S, ?, ?> command : property.commandList()) {
            if (command.isEnabled(model)) {
                enabled.add(command);
            }
        }
        List<List<PlannedCall<M, S>>> branches = new ArrayList<>();
        for (int branch = 0; branch < property.branchCount(); branch++) {
            List<PlannedCall<M, S>> calls = new ArrayList<>();
            for (int index = 0; !enabled.isEmpty()
                    && Steps.another(choices, index, property.branchMinSteps(), property.branchMaxSteps()); index++) {
                try {
                    Command<M, S, ?, ?> command = Command.pick(enabled, choices);
                    calls.add(PlannedCall.draw(command, model, choices));
                } finally {
                    Steps.end(choices);
                }
            }
            branches.add(calls);
        }
        return branches;
    }

    private ConcurrentRun prefixFailure(SequentialExecution<M, S> prefix, int repetition) {
        SequentialRun run = prefix.result();
        StringBuilder report = new StringBuilder("Concurrent run failed in its sequential prefix (repetition ")
                .append(repetition).append(" of ").append(property.repetitions()).append("): ").append(run.headline())
                .append(NL);
        SequentialRun.appendSteps(report, run.steps(), run.failedStep(), run.marker(), "  ");
        return new ConcurrentRun(prefix.steps(), List.of(), repetition, report.toString(), run.cause());
    }

    private ConcurrentRun runBranches(S system, SequentialExecution<M, S> prefix,
            List<List<PlannedCall<M, S>>> branches, int repetition) {
        int count = branches.size();
        List<List<Observation<M, S>>> observed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            observed.add(Collections.synchronizedList(new ArrayList<>()));
        }
        CyclicBarrier start = new CyclicBarrier(count);
        CountDownLatch done = new CountDownLatch(count);
        List<Thread> threads = new ArrayList<>();
        for (int branch = 0; branch < count; branch++) {
            List<PlannedCall<M, S>> calls = branches.get(branch);
            List<Observation<M, S>> sink = observed.get(branch);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (PlannedCall<M, S> call : calls) {
                        long begin = System.nanoTime();
                        Step step = call.runOnly(system);
                        long end = System.nanoTime();
                        sink.add(new Observation<>(call, step, begin, end));
                        if (step.thrown().isPresent()) {
                            break;
                        }
                    }
                } catch (InterruptedException | BrokenBarrierException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "stateful-branch-" + (branch + 1));
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        boolean finished;
        try {
            finished = done.await(property.branchTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.forEach(Thread::interrupt);
            throw new IllegalStateException("Interrupted while waiting for the concurrent branches", e);
        }
        if (!finished) {
            threads.forEach(Thread::interrupt);
            return failure(prefix, branches, observedCopy(observed), repetition,
                    "the branches did not finish within " + property.branchTimeout()
                            + " (a deadlock or a call that never returns?); raise branchTimeout(...) if calls are slow",
                    null, null);
        }
        for (int branch = 0; branch < count; branch++) {
            for (Observation<M, S> observation : observed.get(branch)) {
                if (observation.step.thrown().isPresent()) {
                    Throwable thrown = observation.step.thrown().get();
                    return failure(prefix, branches, observed, repetition, "branch " + (branch + 1) + "'s call "
                            + observation.step.call() + " threw " + Rendering.thrown(thrown)
                            + "; return rejections as results so that the model can judge them", null, thrown);
                }
            }
        }
        Result result = LinearizabilitySearch.search(prefix.model(), observed,
                model -> property.checkInvariants(model, system), property.linearizabilitySearchBound());
        if (result.verdict() == Verdict.LINEARIZABLE) {
            return new ConcurrentRun(prefix.steps(), steps(observed), repetition, null, null);
        }
        String headline = result.verdict() == Verdict.UNDECIDED
                ? "the linearizability search stopped at its bound of " + property.linearizabilitySearchBound()
                        + " model states without deciding, so this run does not count as a pass; raise "
                        + "linearizabilitySearchBound(...) or shorten the branches with branchSteps(...)"
                : "the observed results are not linearizable: no order of the branches' calls that respects "
                        + "their real-time order is accepted by the model";
        return failure(prefix, branches, observed, repetition, headline, result, null);
    }

    private static <M, S> List<List<Observation<M, S>>> observedCopy(List<List<Observation<M, S>>> observed) {
        List<List<Observation<M, S>>> copy = new ArrayList<>();
        for (List<Observation<M, S>> branch : observed) {
            synchronized (branch) {
                copy.add(new ArrayList<>(branch));
            }
        }
        return copy;
    }

    private static <M, S> List<List<Step>> steps(List<List<Observation<M, S>>> observed) {
        List<List<Step>> steps = new ArrayList<>();
        for (List<Observation<M, S>> branch : observed) {
            steps.add(branch.stream().map(Observation::step).toList());
        }
        return steps;
    }

    private ConcurrentRun failure(SequentialExecution<M, S> prefix, List<List<PlannedCall<M, S>>> planned,
            List<List<Observation<M, S>>> observed, int repetition, String headline, Result search, Throwable cause) {
        StringBuilder report = new StringBuilder("Concurrent run failed in repetition ").append(repetition).append(" of ")
                .append(property.repetitions()).append(": ").append(headline).append(NL);
        report.append("Sequential prefix (model after each step):").append(NL);
        SequentialRun.appendSteps(report, prefix.steps(), -1, "", "  ");
        long origin = Long.MAX_VALUE;
        for (List<Observation<M, S>> branch : observed) {
            for (Observation<M, S> observation : branch) {
                origin = Math.min(origin, observation.startNanos);
            }
        }
        report.append("Branches, run in parallel (call start and return in microseconds after the first call started):")
                .append(NL);
        for (int branch = 0; branch < planned.size(); branch++) {
            report.append("  branch ").append(branch + 1).append(':').append(NL);
            List<Observation<M, S>> calls = observed.get(branch);
            for (int index = 0; index < planned.get(branch).size(); index++) {
                report.append("    ").append(index + 1).append(". ");
                if (index < calls.size()) {
                    Observation<M, S> call = calls.get(index);
                    report.append(call.step).append("   [").append((call.startNanos - origin) / 1000).append(" us .. ")
                            .append((call.endNanos - origin) / 1000).append(" us]");
                } else {
                    report.append(planned.get(branch).get(index).command()).append(" (did not run)");
                }
                report.append(NL);
            }
        }
        if (search != null) {
            int total = observed.stream().mapToInt(List::size).sum();
            report.append("Longest order the model accepts (").append(search.order().size()).append(" of ").append(total)
                    .append(" calls):").append(NL);
            if (search.order().isEmpty()) {
                report.append("  (none)").append(NL);
            }
            for (Placement placement : search.order()) {
                Observation<M, S> call = observed.get(placement.branch()).get(placement.position());
                report.append("  branch ").append(placement.branch() + 1).append('.').append(placement.position() + 1)
                        .append(' ').append(call.step).append("   model: ").append(Rendering.value(placement.modelAfter()))
                        .append(NL);
            }
            if (!search.rejections().isEmpty()) {
                report.append(search.verdict() == Verdict.UNDECIDED ? "Candidates at that point:"
                        : "Then no call can come next:").append(NL);
            }
            for (Rejection rejection : search.rejections()) {
                if (rejection.branch() < 0) {
                    report.append("  after all calls, an invariant failed: ").append(rejection.reason()).append(NL);
                } else {
                    Observation<M, S> call = observed.get(rejection.branch()).get(rejection.position());
                    report.append("  branch ").append(rejection.branch() + 1).append('.').append(rejection.position() + 1)
                            .append(' ').append(call.step).append(": ").append(rejection.reason()).append(NL);
                }
            }
            report.append("(the search visited ").append(search.statesExplored()).append(" model states; bound ")
                    .append(property.linearizabilitySearchBound()).append(')').append(NL);
        }
        return new ConcurrentRun(prefix.steps(), steps(observed), repetition, report.toString(), cause);
    }

    /** One call a branch made, when, and what it returned. */
    private static final class Observation<M, S> implements LinearizabilitySearch.Operation<M> {
        private final PlannedCall<M, S> call;
        private final Step step;
        private final long startNanos;
        private final long endNanos;

        Observation(PlannedCall<M, S> call, Step step, long startNanos, long endNanos) {
            this.call = call;
            this.step = step;
            this.startNanos = startNanos;
            this.endNanos = endNanos;
        }

        Step step() {
            return step;
        }

        @Override
        public long startNanos() {
            return startNanos;
        }

        @Override
        public long endNanos() {
            return endNanos;
        }

        @Override
        public M apply(M model) {
            return call.accept(model, step);
        }
    }
}
