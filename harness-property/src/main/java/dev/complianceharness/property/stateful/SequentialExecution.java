package dev.complianceharness.property.stateful;

import dev.complianceharness.property.Choices;
import dev.complianceharness.property.InvalidGeneratorException;
import dev.complianceharness.property.stateful.SequentialRun.Verdict;
import dev.complianceharness.property.stateful.internal.Rendering;
import dev.complianceharness.property.stateful.internal.Steps;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Draws and runs commands one after the other, checking postconditions and invariants after every step.
 * Generation and execution interleave, so that arguments may depend on a model built from real results.
 * Exceptions from drawing choices are left to propagate: they belong to the engine.
 */
final class SequentialExecution<M, S> {

    private final StatefulProperty<M, S> property;
    private final S system;
    private final List<Step> steps = new ArrayList<>();
    private final List<PlannedCall<M, S>> calls = new ArrayList<>();
    private M model;
    private Verdict verdict = Verdict.passing();

    SequentialExecution(StatefulProperty<M, S> property, S system, M initialModel) {
        this.property = property;
        this.system = system;
        this.model = initialModel;
    }

    /** Checks the invariants on the initial state; false when one failed. */
    boolean checkInitialState() {
        return checkInvariants(0, () -> "on the initial state");
    }

    /** Draws between min and max commands and runs them; stops at the first failure. */
    void drawAndRun(Choices choices, int minSteps, int maxSteps) {
        for (int index = 0; verdict.passed() && Steps.another(choices, index, minSteps, maxSteps); index++) {
            try {
                List<Command<M, S, ?, ?>> enabled = enabledCommands(index + 1);
                if (enabled == null || enabled.isEmpty()) {
                    if (enabled != null && index == 0) {
                        throw new InvalidGeneratorException("No command of the stateful property is enabled in the "
                                + "initial model " + Rendering.value(model) + "; check the commands' preconditions");
                    }
                    return;
                }
                Command<M, S, ?, ?> command = Command.pick(enabled, choices);
                PlannedCall<M, S> call = PlannedCall.draw(command, model, choices);
                calls.add(call);
                run(call);
            } finally {
                Steps.end(choices);
            }
        }
    }

    /** Runs calls drawn earlier (a repetition of a concurrent case's prefix). */
    void replay(List<PlannedCall<M, S>> planned) {
        for (PlannedCall<M, S> call : planned) {
            if (!verdict.passed()) {
                return;
            }
            calls.add(call);
            run(call);
        }
    }

    private List<Command<M, S, ?, ?>> enabledCommands(int stepNumber) {
        List<Command<M, S, ?, ?>> enabled = new ArrayList<>();
        for (Command<M, S, ?, ?> command : property.commandList()) {
            try {
                if (command.isEnabled(model)) {
                    enabled.add(command);
                }
            } catch (RuntimeException e) {
                verdict = Verdict.failure(stepNumber, "the precondition of command '" + command.name() + "' threw "
                        + Rendering.thrown(e) + " before step " + stepNumber, "precondition threw", e);
                return null;
            }
        }
        return enabled;
    }

    private void run(PlannedCall<M, S> call) {
        int number = steps.size() + 1;
        PlannedCall.Outcome<M> outcome = call.runAndCheck(system, model);
        steps.add(outcome.step());
        if (outcome.failedCheck() != null) {
            verdict = Verdict.failure(number, outcome.failedCheck() + " of step " + number + ", " + outcome.step().call()
                    + ", failed: " + Rendering.thrown(outcome.cause()), outcome.failedCheck() + " failed", outcome.cause());
            return;
        }
        model = outcome.modelAfter();
        // the step's rendering passes the output redactors; build it only for a failure
        checkInvariants(number, () -> "after step " + number + ", " + outcome.step().call());
    }

    private boolean checkInvariants(int number, Supplier<String> when) {
        for (StatefulProperty.NamedInvariant<M, S> invariant : property.invariantList()) {
            try {
                invariant.check(model, system);
            } catch (AssertionError | RuntimeException e) {
                verdict = Verdict.failure(number, "invariant '" + invariant.description() + "' failed " + when.get() + ": "
                        + Rendering.thrown(e), "invariant '" + invariant.description() + "' failed", e);
                return false;
            }
        }
        return true;
    }

    boolean passed() {
        return verdict.passed();
    }

    M model() {
        return model;
    }

    List<Step> steps() {
        return steps;
    }

    List<PlannedCall<M, S>> calls() {
        return calls;
    }

    SequentialRun result() {
        return new SequentialRun(steps, verdict);
    }
}
